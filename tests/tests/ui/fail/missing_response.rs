use okta::Endpoint;

#[derive(Endpoint)]
#[endpoint(GET "/api/v1/users/{userId}")]
struct GetUser {
    #[endpoint(path)]
    user_id: String,
}

fn main() {}
