#[derive(okta::Endpoint)]
#[endpoint(POST "/api/v1/things/{thingId}/cert", response = ())]
struct PublishCert {
    #[endpoint(path)]
    thing_id: String,
    #[endpoint(body, raw)]
    certificate: Vec<u8>,
}

fn main() {}
