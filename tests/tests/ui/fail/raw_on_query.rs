#[derive(okta::Endpoint)]
#[endpoint(GET "/api/v1/things", response = ())]
struct ListThings {
    #[endpoint(query, raw)]
    q: Option<String>,
}

fn main() {}
