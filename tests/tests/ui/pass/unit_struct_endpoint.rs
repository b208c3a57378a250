//! A unit struct is an endpoint without parameters.

use okta::Endpoint as _;

/// The current user's schema.
#[derive(okta::Endpoint)]
#[endpoint(GET "/api/v1/meta/schemas/user/default", response = serde_json::Value)]
struct DefaultUserSchema;

fn main() {
    let endpoint = DefaultUserSchema::new();
    assert_eq!(endpoint.path().expect("no parameters"), "/api/v1/meta/schemas/user/default");
    assert_eq!(<DefaultUserSchema as okta::Endpoint>::PATH, "/api/v1/meta/schemas/user/default");
}
