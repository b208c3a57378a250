use okta::Endpoint;

struct Tenant {
    name: String,
}

#[derive(Endpoint)]
#[endpoint(GET "/api/v1/users/{userId}", response = serde_json::Value, call = Tenant::get_user)]
struct GetUser {
    #[endpoint(path)]
    user_id: String,
}

fn main() {
    let tenant = Tenant { name: "acme".into() };
    let _ = tenant.name;
}
