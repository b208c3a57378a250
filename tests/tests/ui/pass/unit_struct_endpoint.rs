//! A unit struct is an endpoint without parameters.
#![deny(warnings)]

use okta::Endpoint as _;

#[derive(okta::Endpoint)]
#[endpoint(GET "/api/v1/meta/schemas/user/default", response = serde_json::Value)]
struct DefaultUserSchema;

fn main() {
    let endpoint = DefaultUserSchema::new();
    assert_eq!(endpoint.path().expect("no parameters"), "/api/v1/meta/schemas/user/default");
    let mut query = okta::Query::default();
    endpoint.query(&mut query);
    assert!(query.is_empty());
    assert_eq!(endpoint.body().expect("no body"), None);
}
