//! The one macro behind every open enum of the models.
//!
//! Okta adds enum values without notice (new factor types, role types, policy types, statuses…).
//! An open enum has one variant per value this SDK knows, plus `Unknown(String)` that keeps any
//! other value verbatim, so decoding never fails on a new value and re-encoding sends it back
//! unchanged.

/// Defines an open enum: known variants with their wire strings, plus `Unknown(String)`.
///
/// The generated type has `as_str()`, `is_unknown()`, `Display`, `FromStr` (infallible),
/// `From<&str>`, `From<String>`, serializes as its wire string and deserializes from any string.
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        ///
        /// This enum is open: a value Okta sends that this SDK does not know decodes to
        /// `Unknown(value)` and is sent back verbatim.
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[doc = concat!("`", $wire, "`")]
                $variant,
            )+
            /// A value this SDK does not know yet, kept verbatim.
            Unknown(String),
        }

        impl $name {
            /// Every value this SDK knows, in declaration order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The wire string (for `Unknown`, the string Okta sent).
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )+
                    $name::Unknown(value) => value,
                }
            }

            /// Whether this is a value this SDK does not know.
            pub fn is_unknown(&self) -> bool {
                matches!(self, $name::Unknown(_))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok($name::from(value))
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $wire => $name::$variant, )+
                    other => $name::Unknown(other.to_owned()),
                }
            }
        }

        impl ::std::convert::From<String> for $name {
            fn from(value: String) -> Self {
                match $name::from(value.as_str()) {
                    $name::Unknown(_) => $name::Unknown(value),
                    known => known,
                }
            }
        }

        /// The wire value, so an enum can fill a string parameter (`list_policies(PolicyType::Password)`).
        impl ::std::convert::From<$name> for String {
            fn from(value: $name) -> String {
                match value {
                    $name::Unknown(other) => other,
                    known => known.as_str().to_owned(),
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                <String as ::serde::Deserialize>::deserialize(deserializer).map($name::from)
            }
        }
    };
}

pub(crate) use open_enum;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    open_enum! {
        /// A test enum.
        pub enum Color {
            Red = "RED",
            DarkBlue = "DARK_BLUE",
        }
    }

    #[test]
    fn known_and_unknown_values_round_trip() {
        let c: Color = serde_json::from_str(r#""DARK_BLUE""#).expect("decode");
        assert_eq!(c, Color::DarkBlue);
        assert_eq!(serde_json::to_string(&c).expect("encode"), r#""DARK_BLUE""#);

        let u: Color = serde_json::from_str(r#""ULTRAVIOLET""#).expect("decode");
        assert_eq!(u, Color::Unknown("ULTRAVIOLET".into()));
        assert!(u.is_unknown());
        assert_eq!(serde_json::to_string(&u).expect("encode"), r#""ULTRAVIOLET""#);
    }

    #[test]
    fn display_from_str_and_from() {
        assert_eq!(Color::Red.to_string(), "RED");
        assert_eq!("RED".parse::<Color>().expect("infallible"), Color::Red);
        assert_eq!(Color::from(String::from("RED")), Color::Red);
        assert_eq!(Color::from("red"), Color::Unknown("red".into()));
        assert_eq!(Color::KNOWN, &[Color::Red, Color::DarkBlue]);
        assert!(serde_json::from_str::<Color>("1").is_err());
    }
}
