use okta::Endpoint;

#[derive(Endpoint)]
#[endpoint(GET "/api/v1/users", response = serde_json::Value)]
struct ListUsers {
    #[endpoint(body)]
    search: serde_json::Value,
}

fn main() {}
