//! `raw` bodies of every bytes-like type, and answers read as text or as bytes.
#![deny(warnings)]

use okta::Endpoint as _;

/// Publishes a certificate.
#[derive(okta::Endpoint)]
#[endpoint(POST "/api/v1/things/{thingId}/cert", response = serde_json::Value, content_type = "application/x-pem-file")]
struct PublishPem {
    #[endpoint(path)]
    thing_id: String,
    #[endpoint(body, raw)]
    pem: &'static str,
}

/// Sends a signed token and reads the answer as bytes.
#[derive(okta::Endpoint)]
#[endpoint(POST "/things", response = Vec<u8>, content_type = "application/secevent+jwt", accept = "application/pkcs10")]
struct SendToken {
    #[endpoint(body, raw)]
    jwt: Option<Vec<u8>>,
}

/// Reads XML as text; a JSON `accept` decodes JSON as usual.
#[derive(okta::Endpoint)]
#[endpoint(GET "/xml", response = std::string::String, accept = "text/xml; charset=utf-8")]
struct Xml {}

#[derive(okta::Endpoint)]
#[endpoint(GET "/json", response = String, accept = "application/problem+json")]
struct JsonString {}

fn main() {
    let _ = PublishPem::new("t1", "-----BEGIN CERTIFICATE-----");
    let _ = SendToken::new().jwt(b"eyJ".to_vec());
    assert_eq!(Xml::ACCEPT, "text/xml; charset=utf-8");
    assert_eq!(JsonString::ACCEPT, "application/problem+json");
    assert_eq!(SendToken::CONTENT_TYPE, "application/secevent+jwt");
}
