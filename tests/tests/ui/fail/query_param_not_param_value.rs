use okta::Endpoint;

struct Limit(u32);

#[derive(Endpoint)]
#[endpoint(GET "/api/v1/users", response = serde_json::Value)]
struct ListUsers {
    #[endpoint(query)]
    limit: Option<Limit>,
}

fn main() {
    let _ = ListUsers::new().limit(Limit(10));
}
