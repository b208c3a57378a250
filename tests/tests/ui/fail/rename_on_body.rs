use okta::Endpoint;

#[derive(Endpoint)]
#[endpoint(POST "/api/v1/users", response = serde_json::Value)]
struct CreateUser {
    #[endpoint(body, rename = "user")]
    user: serde_json::Value,
}

fn main() {}
