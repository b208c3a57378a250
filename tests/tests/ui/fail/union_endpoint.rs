use okta::Endpoint;

#[derive(Endpoint)]
#[endpoint(GET "/api/v1/users", response = serde_json::Value)]
union ListUsers {
    limit: u32,
    after: u64,
}

fn main() {}
