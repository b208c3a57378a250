//! Spec names to Rust names: operation ids to methods and structs, wire names to fields.

/// `getOAuth2Claim` → `get_o_auth2_claim`, `X-Device-Token` → `x_device_token`.
///
/// A word starts at an upper-case letter that follows a lower-case letter or a digit, or that
/// ends a run of capitals (`SAMLMetadata` → `saml_metadata`); separators become `_`.
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            continue;
        }
        if c.is_ascii_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            let boundary =
                prev.is_ascii_lowercase() || prev.is_ascii_digit() || (prev.is_ascii_uppercase() && next_lower);
            if boundary && !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    while out.ends_with('_') {
        out.pop();
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

/// The macro's own rule, `include_non_deleted` → `includeNonDeleted`: when it does not give the
/// wire name back, the field needs `rename`.
pub fn camel_case(snake: &str) -> String {
    let snake = snake.strip_prefix("r#").unwrap_or(snake);
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' && !out.is_empty() {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `listOAuth2Claims` → `ListOAuth2Claims`; `x-y_z` → `XYZ`.
pub fn pascal_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = true;
    for c in name.chars() {
        if !c.is_ascii_alphanumeric() {
            upper = true;
            continue;
        }
        if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'N');
    }
    out
}

/// Strict and reserved keywords of Rust 2024 that an identifier may collide with.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn", "else", "enum",
    "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod", "move",
    "mut", "override", "priv", "pub", "ref", "return", "static", "struct", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Words that cannot be raw identifiers (`r#self` is not allowed).
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate"];

/// A snake_case identifier that compiles: `type` → `r#type`, `self` → `self_`.
pub fn field_ident(wire: &str) -> String {
    let snake = snake_case(wire);
    if NOT_RAW.contains(&snake.as_str()) {
        format!("{snake}_")
    } else if KEYWORDS.contains(&snake.as_str()) {
        format!("r#{snake}")
    } else if snake.is_empty() {
        "value".to_owned()
    } else {
        snake
    }
}

/// A schema name as a Rust type: the one lower-case schema name gets an upper-case first letter.
pub fn type_name(schema: &str) -> String {
    let mut name = pascal_case(schema);
    if NOT_RAW.contains(&name.as_str()) || name == "Option" || name == "Vec" || name == "String" || name == "Result" {
        name.push_str("Model");
    }
    name
}

/// An enum variant for a wire value: `OKTA_GROUP` → `OktaGroup`, `urn:ietf:x` → `UrnIetfX`.
pub fn variant_name(wire: &str) -> String {
    let lower_words = wire.chars().any(|c| c.is_ascii_lowercase()) && !wire.contains('_');
    let name = if lower_words {
        pascal_case(wire)
    } else {
        pascal_case(&wire.to_ascii_lowercase())
    };
    if name.is_empty() {
        "Empty".to_owned()
    } else if name == "Unknown" || name == "Self" {
        format!("{name}Value")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_ids_to_methods() {
        for (id, method) in [
            ("listAuthorizationServers", "list_authorization_servers"),
            ("getOAuth2Claim", "get_o_auth2_claim"),
            ("listIdentityProviderSigningKeys", "list_identity_provider_signing_keys"),
            ("getSAMLMetadata", "get_saml_metadata"),
            ("listAppUsers", "list_app_users"),
            ("assignRoleToUser", "assign_role_to_user"),
            ("createSsfReceiver", "create_ssf_receiver"),
            (
                "listWebAuthnPreregistrationFactors",
                "list_web_authn_preregistration_factors",
            ),
            ("getOktaAccount2", "get_okta_account2"),
        ] {
            assert_eq!(snake_case(id), method, "{id}");
        }
    }

    #[test]
    fn wire_names_to_fields() {
        assert_eq!(field_ident("type"), "r#type");
        assert_eq!(field_ident("authServerId"), "auth_server_id");
        assert_eq!(field_ident("X-Device-Token"), "x_device_token");
        assert_eq!(field_ident("self"), "self_");
        assert_eq!(field_ident("match"), "r#match");
        assert_eq!(field_ident("filter[expand]"), "filter_expand");
        assert_eq!(field_ident("2fa"), "_2fa");
    }

    #[test]
    fn renames_only_where_the_macro_would_guess_wrong() {
        assert_eq!(camel_case(&field_ident("authServerId")), "authServerId");
        assert_eq!(camel_case(&field_ident("type")), "type");
        assert_ne!(camel_case(&field_ident("OAuth2ClaimId")), "OAuth2ClaimId");
        assert_ne!(camel_case(&field_ident("X-Device-Token")), "X-Device-Token");
    }

    #[test]
    fn schema_and_variant_names() {
        assert_eq!(pascal_case("listOAuth2Claims"), "ListOAuth2Claims");
        assert_eq!(type_name("AuthorizationServer"), "AuthorizationServer");
        assert_eq!(type_name("appLink"), "AppLink");
        assert_eq!(type_name("Self"), "SelfModel");
        assert_eq!(variant_name("OKTA_GROUP"), "OktaGroup");
        assert_eq!(
            variant_name("urn:ietf:params:oauth:grant-type:jwt-bearer"),
            "UrnIetfParamsOauthGrantTypeJwtBearer"
        );
        assert_eq!(variant_name("client_credentials"), "ClientCredentials");
        assert_eq!(variant_name("authorizationCode"), "AuthorizationCode");
        assert_eq!(variant_name("UNKNOWN"), "UnknownValue");
        assert_eq!(variant_name(""), "Empty");
    }
}
