use okta::Endpoint;

#[derive(Endpoint)]
#[endpoint(POST "/api/v1/users", response = serde_json::Value, paginated)]
struct CreateUser {
    #[endpoint(body)]
    user: serde_json::Value,
}

fn main() {}
