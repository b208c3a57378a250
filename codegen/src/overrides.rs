//! Every hand-made correction of what the spec says, in one place.
//!
//! Keep each entry short and say why it exists; the generator otherwise follows the spec.

/// Client method names that are not the snake_case of the operation id.
const METHOD_NAMES: &[(&str, &str, &str)] = &[
    // `update_user` is today's PUT /api/v1/users/{userId}; the spec's `updateUser` is the POST.
    (
        "updateUser",
        "partial_update_user",
        "name taken by the PUT of the same path",
    ),
    // snake_case would split the acronyms: `preview_sam_lmetadata_…`, `…aagui_ds`, `…ur_is`.
    (
        "previewSAMLmetadataForApplication",
        "preview_saml_metadata_for_application",
        "acronym",
    ),
    ("listAllCustomAAGUIDs", "list_all_custom_aaguids", "acronym"),
    ("getAllWellKnownURIs", "get_all_well_known_uris", "acronym"),
];

/// The hand-chosen method name of an operation, if it has one.
pub fn method_name(operation_id: &str) -> Option<&'static str> {
    METHOD_NAMES
        .iter()
        .find(|(id, _, _)| *id == operation_id)
        .map(|(_, name, _)| *name)
}

/// The media type a body that is not JSON is sent as, when the spec offers several: a
/// certificate is published as PEM, the form `openssl` writes by default.
const PREFERRED_BODY_TYPES: &[&str] = &["application/x-pem-file"];

/// Which of the media types the spec offers for a body the declaration sends: JSON if offered,
/// else a preferred one, else the first.
pub fn body_media_type<'a>(offered: &[&'a str]) -> Option<&'a str> {
    offered
        .iter()
        .find(|ct| ct.contains("json"))
        .or_else(|| offered.iter().find(|ct| PREFERRED_BODY_TYPES.contains(ct)))
        .or(offered.first())
        .copied()
}

/// Map properties whose values may be sent as `null`, and what `null` does there. The spec types
/// the values as objects only, which would leave no way to send the `null`.
const NULLABLE_MAP_VALUES: &[(&str, &str, &str)] = &[
    // A partial update of a profile schema removes a custom property sent as `null`.
    ("UserSchemaPublic", "properties", "null removes the custom property"),
    ("GroupSchemaCustom", "properties", "null removes the custom property"),
];

/// Whether the values of the map property `property` of `schema` may be `null`.
pub fn nullable_map_values(schema: &str, property: &str) -> bool {
    NULLABLE_MAP_VALUES
        .iter()
        .any(|(s, p, _)| *s == schema && *p == property)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_media_types() {
        let cert = [
            "application/x-x509-ca-cert",
            "application/pkix-cert",
            "application/x-pem-file",
        ];
        assert_eq!(body_media_type(&cert), Some("application/x-pem-file"));
        assert_eq!(
            body_media_type(&["text/plain", "application/json"]),
            Some("application/json")
        );
        assert_eq!(
            body_media_type(&["application/secevent+jwt"]),
            Some("application/secevent+jwt")
        );
        assert_eq!(body_media_type(&[]), None);
    }

    #[test]
    fn hand_names() {
        assert_eq!(method_name("updateUser"), Some("partial_update_user"));
        assert_eq!(
            method_name("previewSAMLmetadataForApplication"),
            Some("preview_saml_metadata_for_application")
        );
        assert_eq!(method_name("listAllCustomAAGUIDs"), Some("list_all_custom_aaguids"));
        assert_eq!(method_name("getAllWellKnownURIs"), Some("get_all_well_known_uris"));
        assert_eq!(method_name("listUsers"), None);
    }
}
