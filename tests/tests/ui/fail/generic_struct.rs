use okta::Endpoint;

#[derive(Endpoint)]
#[endpoint(GET "/api/v1/users", response = serde_json::Value)]
struct ListUsers<T> {
    #[endpoint(query)]
    q: Option<T>,
}

fn main() {}
