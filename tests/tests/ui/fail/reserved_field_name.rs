use okta::Endpoint;

#[derive(Endpoint)]
#[endpoint(POST "/api/v1/users/{userId}/lifecycle/activate", response = serde_json::Value)]
struct ActivateUser {
    #[endpoint(path)]
    user_id: String,
    #[endpoint(query)]
    send: Option<bool>,
}

fn main() {}
