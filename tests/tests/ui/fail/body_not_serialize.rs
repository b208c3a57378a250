use okta::Endpoint;

struct Profile {
    login: String,
}

#[derive(Endpoint)]
#[endpoint(POST "/api/v1/users", response = serde_json::Value)]
struct CreateUser {
    #[endpoint(body)]
    profile: Profile,
}

fn main() {
    let _ = CreateUser::new(Profile { login: "ada@example.com".into() });
}
