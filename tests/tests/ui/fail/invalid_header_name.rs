use okta::Endpoint;

#[derive(Endpoint)]
#[endpoint(GET "/api/v1/users", response = serde_json::Value)]
struct ListUsers {
    #[endpoint(header = "X Forwarded For")]
    forwarded_for: Option<String>,
}

fn main() {}
