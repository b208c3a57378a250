//! Statuses the org keeps as state: a user's lifecycle status and an authentication
//! transaction's status. Typed, so a misspelt status is a compile error, not a silent mismatch.

use std::fmt;

/// Declares a status enum with the wire string of each variant.
macro_rules! statuses {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub(crate) enum $name {
            $($variant,)+
        }

        impl $name {
            /// The status as Okta writes it.
            pub(crate) const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $wire,)+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

statuses! {
    /// A user's lifecycle status.
    UserStatus {
        Staged => "STAGED",
        Provisioned => "PROVISIONED",
        Active => "ACTIVE",
        Recovery => "RECOVERY",
        PasswordExpired => "PASSWORD_EXPIRED",
        LockedOut => "LOCKED_OUT",
        Suspended => "SUSPENDED",
        Deprovisioned => "DEPROVISIONED",
    }
}

statuses! {
    /// An Authentication API transaction's status.
    AuthnStatus {
        Success => "SUCCESS",
        LockedOut => "LOCKED_OUT",
        PasswordExpired => "PASSWORD_EXPIRED",
        PasswordWarn => "PASSWORD_WARN",
        PasswordReset => "PASSWORD_RESET",
        Recovery => "RECOVERY",
        RecoveryChallenge => "RECOVERY_CHALLENGE",
        MfaEnroll => "MFA_ENROLL",
        MfaEnrollActivate => "MFA_ENROLL_ACTIVATE",
        MfaRequired => "MFA_REQUIRED",
        MfaChallenge => "MFA_CHALLENGE",
    }
}
