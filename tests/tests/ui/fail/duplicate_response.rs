use okta::Endpoint;

#[derive(Endpoint)]
#[endpoint(GET "/api/v1/users/{userId}", response = serde_json::Value, response = ())]
struct GetUser {
    #[endpoint(path)]
    user_id: String,
}

fn main() {}
