use okta::Endpoint;

#[derive(Endpoint)]
#[endpoint(POST "/api/v1/users", response = serde_json::Value)]
struct CreateUser {
    #[endpoint(query, body)]
    activate: Option<bool>,
}

fn main() {}
