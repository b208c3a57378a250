//! Custom profile attributes: refused until the user schema defines them, then accepted with
//! their type checked, and gone from users once removed.

use okta::StatusCode;
use okta::models::{User, UserProfile, UserSchema, UserSchemaDefinitions, UserSchemaPublic};
use okta_mock::OktaMock;
use serde_json::json;

use crate::{client, summary_and_cause};

fn person(login: &str, attribute: (&str, serde_json::Value)) -> User {
    let mut profile = UserProfile::new(login, login, "Schema", "Person");
    profile.set_attribute(attribute.0, attribute.1).expect("an attribute");
    User::new(profile)
}

/// A partial update of the schema's custom properties.
fn custom_properties(properties: serde_json::Value) -> UserSchema {
    serde_json::from_value(
        json!({ "definitions": { "custom": { "id": "#custom", "type": "object", "properties": properties } } }),
    )
    .expect("a user schema")
}

#[tokio::test]
async fn a_custom_attribute_is_refused_until_the_schema_defines_it() {
    let org = OktaMock::start().await;
    let client = client(&org);

    let err = client
        .create_user(person("early@example.com", ("employeeBadge", json!("B-7"))))
        .await
        .expect_err("not in the schema yet");
    assert_eq!(err.status(), Some(StatusCode::BAD_REQUEST));
    assert_eq!(err.error_code(), Some("E0000001"));
    let (summary, cause) = summary_and_cause(&err);
    assert_eq!(summary, "Api validation failed: newUser");
    assert!(
        cause.contains("'employeeBadge'"),
        "the cause names the property: {cause}"
    );

    let schema = client
        .update_user_profile(
            "default",
            custom_properties(json!({ "employeeBadge": { "title": "Employee badge", "type": "string" } })),
        )
        .await
        .expect("schema updated");
    let custom = schema
        .definitions
        .and_then(|d| d.custom)
        .and_then(|c| c.properties)
        .unwrap_or_default();
    assert_eq!(
        custom["employeeBadge"].as_ref().and_then(|a| a.title.as_deref()),
        Some("Employee badge")
    );
    // The schema persists: a later read has the property, and base properties are untouched.
    let read = client.get_user_schema("default").await.expect("schema read");
    let definitions = read.definitions.expect("definitions");
    assert!(
        definitions
            .custom
            .and_then(|c| c.properties)
            .is_some_and(|p| p.contains_key("employeeBadge"))
    );
    assert!(
        definitions
            .base
            .and_then(|b| b.properties)
            .and_then(|p| p.login)
            .is_some()
    );

    let user = client
        .create_user(person("badge@example.com", ("employeeBadge", json!("B-7"))))
        .await
        .expect("accepted now");
    assert_eq!(user.profile.attribute("employeeBadge"), Some(json!("B-7")));
    let id = user.id.expect("an id");
    let fetched = client.get_user(&id).await.expect("read");
    assert_eq!(fetched.profile.attribute("employeeBadge"), Some(json!("B-7")));

    // A value of the wrong type is refused like an unknown property.
    let err = client
        .create_user(person("typed@example.com", ("employeeBadge", json!(7))))
        .await
        .expect_err("a number for a string property");
    assert_eq!(err.error_code(), Some("E0000001"));
    assert!(summary_and_cause(&err).1.starts_with("employeeBadge:"));
}

#[tokio::test]
async fn a_custom_property_sent_as_null_is_removed_from_the_schema_and_from_users() {
    let org = OktaMock::start().await;
    let client = client(&org);
    client
        .update_user_profile(
            "default",
            custom_properties(json!({ "costCode": { "title": "Cost code", "type": "string" } })),
        )
        .await
        .expect("property added");
    let user = client
        .create_user(person("coded@example.com", ("costCode", json!("C-1"))))
        .await
        .expect("accepted");
    let id = user.id.expect("an id");

    // Typed, as a user writes it: the property's value is `None`, which goes out as `null`.
    let removal = UserSchema {
        definitions: Some(UserSchemaDefinitions {
            custom: Some(UserSchemaPublic {
                properties: Some([("costCode".to_owned(), None)].into()),
                ..Default::default()
            }),
            ..Default::default()
        }),
        ..Default::default()
    };
    let schema = client
        .update_user_profile("default", removal)
        .await
        .expect("property removed");
    let left = schema
        .definitions
        .and_then(|d| d.custom)
        .and_then(|c| c.properties)
        .unwrap_or_default();
    assert!(!left.contains_key("costCode"), "still in the schema: {left:?}");
    let fetched = client.get_user(&id).await.expect("read");
    assert_eq!(fetched.profile.attribute("costCode"), None);
}
