use okta::Endpoint;

#[derive(Endpoint)]
#[endpoint(GET "/api/v1/users", response = serde_json::Value, pagniated)]
struct ListUsers {
    #[endpoint(query)]
    q: Option<String>,
}

fn main() {}
