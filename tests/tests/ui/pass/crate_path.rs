//! `crate = ::okta` names the facade explicitly (the default); the generated code goes through it.
#![deny(warnings)]

use okta::Endpoint as _;

#[derive(okta::Endpoint)]
#[endpoint(GET "/api/v1/users/{userId}/groups", response = serde_json::Value, crate = ::okta)]
struct ListUserGroups {
    #[endpoint(path)]
    user_id: String,
}

fn main() {
    let endpoint = ListUserGroups::new("ada@example.com");
    assert_eq!(endpoint.path().expect("path"), "/api/v1/users/ada%40example.com/groups");
}
