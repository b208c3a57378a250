#[derive(okta::Endpoint)]
#[endpoint(GET "/api/v1/things", response = serde_json::Value)]
struct ListThings {
    #[endpoint(header = "X-Tags", explode = false)]
    tags: Option<Vec<String>>,
}

fn main() {}
