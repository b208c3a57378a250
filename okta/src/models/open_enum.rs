//! The one macro behind every open enum of the models.
//!
//! Okta adds enum values without notice (new factor types, role types, policy types, statuses…).
//! An open enum has one variant per value this SDK knows, plus `Unknown` that keeps any other
//! value verbatim, so decoding never fails on a new value and re-encoding sends it back
//! unchanged. As in the AWS SDK for Rust, the enum is `#[non_exhaustive]` and the unknown value
//! sits in an opaque [`UnknownValue`] that only decoding (or `From<&str>`) creates: no one can
//! build `Unknown("ACTIVE")` beside `Active`, so equality is equality of the wire value.

/// A value of an open enum that this SDK does not know, exactly as Okta sent it.
///
/// It has no public constructor: an open enum's `From<&str>` makes one only for a value that is
/// none of the known ones. Read it with [`as_str`](Self::as_str) (or the enum's own `as_str()`).
///
/// ```
/// use okta::models::UserStatus;
///
/// let status = UserStatus::from("HIBERNATING");
/// assert!(status.is_unknown());
/// assert_eq!(status.as_str(), "HIBERNATING");
/// assert_eq!(UserStatus::from("ACTIVE"), UserStatus::Active);
/// ```
///
/// A known value cannot hide in `Unknown`, because nobody outside this SDK can build one:
///
/// ```compile_fail
/// let status = okta::models::UserStatus::Unknown(okta::models::UnknownValue("ACTIVE".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownValue(String);

impl UnknownValue {
    /// The value, as Okta sent it.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Only for `open_enum!`, after checking the value is none of the known ones.
    pub(crate) fn new(value: String) -> Self {
        UnknownValue(value)
    }

    pub(crate) fn into_string(self) -> String {
        self.0
    }
}

impl std::fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Defines an open enum: known variants with their wire strings, plus `Unknown(UnknownValue)`.
///
/// The generated type is `#[non_exhaustive]`, has `KNOWN`, `as_str()`, `is_unknown()`,
/// `Display`, `FromStr` (infallible), `From<&str>`, `From<String>`, `String: From<Self>`; it
/// serializes as its wire string and deserializes from any string. Equality, hashing and order
/// are those of the wire string.
///
/// Its functions are `#[inline]`: a crate compiles those of the enums it uses, and this one
/// does not compile all of them for every build.
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
        /// `Unknown`, reads back with `as_str()`, and is sent back verbatim. Match the values
        /// you handle and `_` for the rest; compare with `as_str()` for a value this SDK does
        /// not name yet.
        #[non_exhaustive]
        #[derive(Debug, Clone)]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[doc = concat!("`", $wire, "`")]
                $variant,
            )+
            /// A value this SDK does not know yet, kept verbatim. Do not match on it: a later
            /// version of this SDK may know the value, and it then decodes to its own variant.
            /// Use `_` and `as_str()`.
            #[deprecated(note = "match `_` and read `as_str()`: a value this SDK learns later gets its own variant")]
            Unknown($crate::models::UnknownValue),
        }

        #[allow(deprecated)]
        impl $name {
            /// Every value this SDK knows, in declaration order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The wire string (for a value this SDK does not know, the string Okta sent).
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )+
                    $name::Unknown(value) => value.as_str(),
                }
            }

            /// Whether this is a value this SDK does not know.
            #[inline]
            pub fn is_unknown(&self) -> bool {
                matches!(self, $name::Unknown(_))
            }
        }

        impl ::std::cmp::PartialEq for $name {
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                self.as_str() == other.as_str()
            }
        }

        impl ::std::cmp::Eq for $name {}

        impl ::std::hash::Hash for $name {
            #[inline]
            fn hash<H: ::std::hash::Hasher>(&self, state: &mut H) {
                self.as_str().hash(state);
            }
        }

        impl ::std::cmp::PartialOrd for $name {
            #[inline]
            fn partial_cmp(&self, other: &Self) -> ::std::option::Option<::std::cmp::Ordering> {
                ::std::option::Option::Some(self.cmp(other))
            }
        }

        impl ::std::cmp::Ord for $name {
            #[inline]
            fn cmp(&self, other: &Self) -> ::std::cmp::Ordering {
                self.as_str().cmp(other.as_str())
            }
        }

        impl ::std::fmt::Display for $name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            #[inline]
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok($name::from(value))
            }
        }

        impl ::std::convert::From<&str> for $name {
            #[inline]
            fn from(value: &str) -> Self {
                $name::from(value.to_owned())
            }
        }

        #[allow(deprecated)]
        impl ::std::convert::From<String> for $name {
            #[inline]
            fn from(value: String) -> Self {
                match value.as_str() {
                    $( $wire => $name::$variant, )+
                    _ => $name::Unknown($crate::models::UnknownValue::new(value)),
                }
            }
        }

        /// The wire value, so an enum can fill a string parameter (`list_policies(PolicyType::Password)`).
        #[allow(deprecated)]
        impl ::std::convert::From<$name> for String {
            #[inline]
            fn from(value: $name) -> String {
                match value {
                    $name::Unknown(other) => other.into_string(),
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
    use std::collections::HashSet;

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
        assert_eq!(u, Color::from("ULTRAVIOLET"));
        assert_eq!(u.as_str(), "ULTRAVIOLET");
        assert!(u.is_unknown());
        assert_eq!(serde_json::to_string(&u).expect("encode"), r#""ULTRAVIOLET""#);
    }

    #[test]
    fn display_from_str_and_from() {
        assert_eq!(Color::Red.to_string(), "RED");
        assert_eq!("RED".parse::<Color>().expect("infallible"), Color::Red);
        assert_eq!(Color::from(String::from("RED")), Color::Red);
        assert!(Color::from("red").is_unknown());
        assert_eq!(Color::from("red").to_string(), "red");
        assert_eq!(String::from(Color::from("red")), "red");
        assert_eq!(String::from(Color::DarkBlue), "DARK_BLUE");
        assert_eq!(Color::KNOWN, &[Color::Red, Color::DarkBlue]);
        assert!(serde_json::from_str::<Color>("1").is_err());
    }

    #[test]
    fn a_known_value_is_never_unknown_and_equality_is_by_wire_value() {
        // Every way of reaching a known wire value gives the known variant.
        let decoded: Color = serde_json::from_str(r#""RED""#).expect("decode");
        assert!(!decoded.is_unknown());
        assert!(!Color::from(String::from("DARK_BLUE")).is_unknown());
        assert_eq!(Color::from("ULTRAVIOLET"), Color::from(String::from("ULTRAVIOLET")));
        assert_ne!(Color::from("ULTRAVIOLET"), Color::from("INFRARED"));
        assert_ne!(Color::from("ULTRAVIOLET"), Color::Red);
        let set: HashSet<Color> = [Color::Red, Color::from("RED"), Color::from("ULTRAVIOLET")].into();
        assert_eq!(set.len(), 2);
        assert!(Color::DarkBlue < Color::Red, "ordered by wire value");
    }
}
