use okta::Endpoint;

#[derive(Endpoint)]
#[endpoint(POST "/api/v1/users", response = serde_json::Value)]
struct CreateUser {
    #[endpoint(body)]
    profile: serde_json::Value,
    #[endpoint(body)]
    credentials: serde_json::Value,
}

fn main() {}
