use okta::Endpoint;

#[derive(Endpoint)]
#[endpoint(GET "/api/v1/users/{}", response = serde_json::Value)]
struct GetUser {
    #[endpoint(path)]
    user_id: String,
}

fn main() {}
