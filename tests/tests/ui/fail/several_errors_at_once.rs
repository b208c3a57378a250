use okta::Endpoint;

#[derive(Endpoint)]
#[endpoint(FETCH "/api/v1/users/{userId}/factors/{factorId}", response = serde_json::Value)]
struct GetFactor {
    #[endpoint(path)]
    user_id: String,
    activate: Option<bool>,
}

fn main() {}
