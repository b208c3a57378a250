use okta::Endpoint;

#[derive(Endpoint)]
#[endpoint(GET "/api/v1/users", response = serde_json::Value)]
enum ListUsers {
    Active,
    Deprovisioned,
}

fn main() {}
