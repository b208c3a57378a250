use okta::Endpoint;

#[derive(Endpoint)]
#[endpoint(GET "/api/v1/users?limit=10", response = serde_json::Value)]
struct ListUsers {
    #[endpoint(query)]
    q: Option<String>,
}

fn main() {}
