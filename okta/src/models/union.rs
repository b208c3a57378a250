//! The one macro behind every discriminated union of the models (`oneOf` + `discriminator`).
//!
//! Okta adds application sign-on modes, policy types and authenticator keys without notice. A
//! union has one variant per value this SDK knows, picked by the discriminator property, plus
//! `Unknown(serde_json::Value)` that keeps any other object verbatim, so one new kind never fails
//! a whole list and re-encoding sends it back unchanged.

/// Defines a union: `pub enum Name by "property" { Variant(Type) = ["wire", ..], .. }`.
// Unused when no feature with a union is enabled.
#[allow(unused_macros)]
macro_rules! discriminated_union {
    (
        $(#[$meta:meta])*
        pub enum $name:ident by $tag:literal {
            $( $variant:ident($ty:ty) = [$($wire:literal),+] ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        ///
        #[doc = concat!("The variant is picked by `", $tag, "`; an object with another value (or none) decodes to `Unknown` and is sent back verbatim.")]
        #[derive(Debug, Clone, PartialEq)]
        // Variants are as large as Okta's objects are; boxing them would only add indirection.
        #[allow(clippy::large_enum_variant)]
        pub enum $name {
            $(
                #[doc = concat!($("`", $wire, "` "),+)]
                $variant($ty),
            )+
            /// An object this SDK does not know the kind of, kept verbatim.
            Unknown(serde_json::Value),
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    $( $name::$variant(value) => serde::Serialize::serialize(value, serializer), )+
                    $name::Unknown(value) => serde::Serialize::serialize(value, serializer),
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value: serde_json::Value = serde::Deserialize::deserialize(deserializer)?;
                let tag = value.get($tag).and_then(serde_json::Value::as_str).map(str::to_owned);
                match tag.as_deref() {
                    $( $(Some($wire))|+ => serde_json::from_value(value).map($name::$variant).map_err(serde::de::Error::custom), )+
                    _ => Ok($name::Unknown(value)),
                }
            }
        }
    };
}

#[allow(unused_imports)]
pub(crate) use discriminated_union;
