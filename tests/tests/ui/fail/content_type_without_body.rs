#[derive(okta::Endpoint)]
#[endpoint(POST "/api/v1/things/{thingId}/lifecycle/activate", response = (), content_type = "application/merge-patch+json")]
struct ActivateThing {
    #[endpoint(path)]
    thing_id: String,
}

fn main() {}
