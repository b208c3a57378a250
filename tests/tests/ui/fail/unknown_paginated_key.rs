#[derive(okta::Endpoint)]
#[endpoint(GET "/api/v1/iam/roles", response = serde_json::Value, paginated(itmes = "roles"))]
struct ListRoles {
    #[endpoint(query)]
    after: Option<String>,
}

fn main() {}
