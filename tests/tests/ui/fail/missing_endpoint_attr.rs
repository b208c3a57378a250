use okta::Endpoint;

#[derive(Endpoint)]
struct GetUser {
    #[endpoint(path)]
    user_id: String,
}

fn main() {}
