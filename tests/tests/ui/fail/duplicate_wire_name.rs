use okta::Endpoint;

#[derive(Endpoint)]
#[endpoint(GET "/api/v1/users", response = serde_json::Value)]
struct ListUsers {
    #[endpoint(query)]
    q: Option<String>,
    #[endpoint(query, rename = "q")]
    query: Option<String>,
}

fn main() {}
