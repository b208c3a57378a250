use okta::Endpoint;

#[derive(Endpoint)]
#[endpoint(GET "/api/v1/users/{userId}", response = serde_json::Value)]
struct GetUser(String);

fn main() {}
