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

/// Operations not declared: the endpoint macro sends and decodes JSON only, and these send or
/// answer something else. Reach them with `client.request(..)`.
pub fn skip_reason(content_types: &[&str]) -> Option<&'static str> {
    content_types
        .iter()
        .any(|ct| !ct.contains("json"))
        .then_some("sends or answers a body that is not JSON")
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
