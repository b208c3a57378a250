#[derive(okta::Endpoint)]
#[endpoint(POST "/api/v1/things", response = (), content_type = "application/x-pem-file")]
struct PublishCert {
    #[endpoint(body, raw)]
    certificate: u32,
}

fn main() {}
