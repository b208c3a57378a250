use okta::Endpoint;

#[derive(Endpoint)]
#[endpoint(GET "/api/v1/users/{userId/factors", response = serde_json::Value)]
struct ListFactors {
    #[endpoint(path)]
    user_id: String,
}

fn main() {}
