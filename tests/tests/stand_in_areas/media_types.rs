//! Operations whose answer or request body is not JSON: the stand-in answers each with the
//! spec's example in its media type, picked by `Accept` where the spec offers several, and takes
//! a body sent as something else than JSON without calling it malformed.

use okta::{Method, StatusCode};
use okta_mock::OktaMock;

use crate::client;

/// A self-signed certificate as `openssl` writes it (PEM); the stand-in only carries it.
const CERTIFICATE_PEM: &str = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2ZyZWF0ZWQgZm9yIHRlc3RzIG9ubHkwCgYIKoZIzj0EAwIw\n-----END CERTIFICATE-----\n";

#[tokio::test]
async fn saml_metadata_is_answered_as_xml() {
    let org = OktaMock::start().await;
    let metadata = client(&org)
        .preview_saml_metadata_for_application("0oa1gjh63g214q0Hq0g4", "mXtzOtml09Dg1ZCeKxTRBo3KrQuBWFkJ5oxhVagjTzo")
        .send_full()
        .await
        .expect("the metadata");
    assert_eq!(metadata.status, StatusCode::OK);
    assert_eq!(metadata.headers.get("content-type"), Some("text/xml"));
    let xml = metadata.value;
    assert!(xml.starts_with("<?xml "), "{xml}");
    assert!(
        xml.contains("<md:EntityDescriptor") && xml.contains("<ds:X509Certificate>"),
        "{xml}"
    );
    assert_eq!(org.requests()[0].header("accept"), Some("text/xml"));
}

#[tokio::test]
async fn a_csr_is_answered_as_json_or_as_pkcs10_as_accept_asks() {
    let org = OktaMock::start().await;
    let client = client(&org);
    let path = "/api/v1/apps/0oa1gjh63g214q0Hq0g4/credentials/csrs/h9zkutaSe7fZX0SwN1GqDApofgD1OW8g2B5l2azha50";

    // The declared operation asks for JSON.
    let csr = client
        .get_csr_for_application("0oa1gjh63g214q0Hq0g4", "h9zkutaSe7fZX0SwN1GqDApofgD1OW8g2B5l2azha50")
        .send_full()
        .await
        .expect("the CSR as JSON");
    assert_eq!(csr.headers.get("content-type"), Some("application/json"));
    assert!(csr.value.csr.is_some_and(|der| der.starts_with("MII")));

    // PKCS#10: the DER of the request in base64, not a JSON document.
    let pkcs10 = client
        .request(Method::GET, path)
        .header("Accept", "application/pkcs10")
        .send()
        .await
        .expect("the CSR as PKCS#10");
    assert_eq!(pkcs10.headers().get("content-type"), Some("application/pkcs10"));
    let text = pkcs10.text().expect("text");
    assert!(text.starts_with("MII"), "{text}");
    assert!(
        text.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)),
        "{text}"
    );

    // The higher quality wins; an Accept that takes neither gets the default, JSON.
    for (accept, answered) in [
        ("application/pkcs10;q=0.2, application/json", "application/json"),
        ("application/json;q=0.2, application/*", "application/pkcs10"),
        ("text/html", "application/json"),
    ] {
        let raw = client
            .request(Method::GET, path)
            .header("Accept", accept)
            .send()
            .await
            .expect("an answer");
        assert_eq!(raw.headers().get("content-type"), Some(answered), "Accept: {accept}");
    }
}

#[tokio::test]
async fn a_certificate_is_published_as_pem() {
    let org = OktaMock::start().await;
    let client = client(&org);
    let key = client
        .publish_csr_from_application(
            "0oa1gjh63g214q0Hq0g4",
            "h9zkutaSe7fZX0SwN1GqDApofgD1OW8g2B5l2azha50",
            CERTIFICATE_PEM.as_bytes().to_vec(),
        )
        .await
        .expect("published for the app");
    assert!(key.x5c.is_some_and(|chain| !chain.is_empty()), "the spec's example key");
    client
        .publish_csr_for_identity_provider(
            "0oa62bfdiumsUndnZ0h7",
            "1uEhyE65oV3H6KM9wL0Wqe",
            CERTIFICATE_PEM.as_bytes().to_vec(),
        )
        .await
        .expect("published for the identity provider");
    for request in org.requests() {
        assert_eq!(request.header("content-type"), Some("application/x-pem-file"));
        assert_eq!(request.body, CERTIFICATE_PEM);
        assert_eq!(request.status, Some(201));
    }
}

#[tokio::test]
async fn a_security_event_token_is_taken_as_a_jwt() {
    let org = OktaMock::start().await;
    let set = "eyJhbGciOiJSUzI1NiIsInR5cCI6InNlY2V2ZW50K2p3dCJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUuY29tIn0.c2ln";
    let accepted = client(&org)
        .publish_security_event_tokens(set)
        .send_full()
        .await
        .expect("accepted");
    assert_eq!(accepted.status, StatusCode::ACCEPTED);
    let request = &org.requests()[0];
    assert_eq!(request.header("content-type"), Some("application/secevent+jwt"));
    assert_eq!(request.body, set);
}

#[tokio::test]
async fn a_logo_upload_is_taken_as_a_multipart_form() {
    let org = OktaMock::start().await;
    let logo = okta::FileUpload::new("logo.png", "image/png", b"\x89PNG\r\n\x1a\n".to_vec());
    client(&org)
        .upload_application_logo("0oa1gjh63g214q0Hq0g4", logo)
        .await
        .expect("201 Created");
    let requests = org.requests();
    let content_type = requests[0].header("content-type").unwrap_or_default();
    assert!(
        content_type.starts_with("multipart/form-data; boundary="),
        "{content_type}"
    );
}
