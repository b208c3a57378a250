#[derive(okta::Endpoint)]
#[endpoint(GET "/api/v1/things", response = serde_json::Value, paginated(page_size = 200))]
struct ListThings {
    #[endpoint(query)]
    after: Option<String>,
}

fn main() {}
