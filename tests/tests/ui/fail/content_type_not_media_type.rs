#[derive(okta::Endpoint)]
#[endpoint(PATCH "/api/v1/things/{thingId}", response = (), content_type = "merge patch")]
struct PatchThing {
    #[endpoint(path)]
    thing_id: String,
    #[endpoint(body)]
    patch: serde_json::Value,
}

fn main() {}
