use okta::Endpoint;

struct UserId(String);

#[derive(Endpoint)]
#[endpoint(GET "/api/v1/users/{userId}", response = serde_json::Value)]
struct GetUser {
    #[endpoint(path)]
    user_id: UserId,
}

fn main() {
    let _ = GetUser::new(UserId("00u1".into()));
}
