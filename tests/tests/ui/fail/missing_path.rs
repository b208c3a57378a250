use okta::Endpoint;

#[derive(Endpoint)]
#[endpoint(GET, response = serde_json::Value)]
struct ListUsers {
    #[endpoint(query)]
    q: Option<String>,
}

fn main() {}
