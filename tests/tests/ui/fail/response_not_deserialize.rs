use okta::Endpoint;

struct User {
    id: String,
}

#[derive(Endpoint)]
#[endpoint(GET "/api/v1/users/{userId}", response = User)]
struct GetUser {
    #[endpoint(path)]
    user_id: String,
}

fn main() {
    let _ = GetUser::new("00u1");
    let _ = |user: User| user.id;
}
