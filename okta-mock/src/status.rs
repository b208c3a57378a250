//! Statuses the org keeps as state: a user's lifecycle status, an authentication
//! transaction's status, and the ACTIVE/INACTIVE of everything with a `lifecycle/activate`. Typed, so a misspelt status is a compile error, not a silent mismatch.

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
            /// The status Okta writes as `wire` (any case), if it is one.
            #[allow(dead_code)] // Not every status is read from a request.
            pub(crate) fn parse(wire: &str) -> Option<Self> {
                [$(Self::$variant),+].into_iter().find(|s| s.as_str().eq_ignore_ascii_case(wire))
            }

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
    /// A user's lifecycle status (STAGED until something says otherwise).
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

statuses! {
    /// The status of what `lifecycle/activate` and `lifecycle/deactivate` switch: policies and
    /// their rules, group rules, authorization servers.
    LifecycleStatus {
        Active => "ACTIVE",
        Inactive => "INACTIVE",
    }
}

impl LifecycleStatus {
    /// `Active` for `activate`, `Inactive` for `deactivate`, the last segment of a lifecycle path.
    pub(crate) fn of_operation(op: &str) -> Self {
        if op == "activate" { Self::Active } else { Self::Inactive }
    }

    /// The operation that leaves this status, for the `_links` of an object.
    pub(crate) const fn toggle(self) -> &'static str {
        match self {
            Self::Active => "deactivate",
            Self::Inactive => "activate",
        }
    }
}

// Written out: `statuses!` declares enums that have no default as well.
#[allow(clippy::derivable_impls)]
impl Default for UserStatus {
    fn default() -> Self {
        Self::Staged
    }
}
