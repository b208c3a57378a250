//! Bodies that are not JSON: multipart forms (logo and image uploads) from a declaration and from
//! a raw request, bytes with a media type of their own, and what a retry sends again.

use okta::{Body, Error, FileUpload, Method, Multipart};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::{self, Part};
use crate::fast_retry_client;

/// A user's own declaration of an upload, as Okta's brand theme logo takes it, with a text part
/// under a wire name of its own.
#[derive(Debug, Clone, okta::Endpoint)]
#[endpoint(POST "/api/v1/brands/{brandId}/themes/{themeId}/logo", response = serde_json::Value)]
struct UploadThemeLogo {
    #[endpoint(path)]
    brand_id: String,
    #[endpoint(path)]
    theme_id: String,
    #[endpoint(part)]
    file: FileUpload,
    #[endpoint(part, rename = "altText")]
    alt_text: Option<String>,
}

/// A certificate published as PEM unless the body names another media type.
#[derive(Debug, Clone, okta::Endpoint)]
#[endpoint(POST "/api/v1/apps/{appId}/credentials/csrs/{csrId}/lifecycle/publish", response = serde_json::Value, content_type = "application/x-pem-file")]
struct PublishCertificate {
    #[endpoint(path)]
    app_id: String,
    #[endpoint(path)]
    csr_id: String,
    #[endpoint(body, raw)]
    certificate: Body,
}

const LOGO: &[u8] = b"\x89PNG\r\n\x1a\n\0--";

fn boundary_of(request: &wiremock::Request) -> String {
    let content_type = request.headers["content-type"].to_str().expect("ascii");
    content_type
        .strip_prefix("multipart/form-data; boundary=")
        .unwrap_or_else(|| panic!("not a form: {content_type}"))
        .to_owned()
}

#[tokio::test]
async fn a_declared_upload_sends_its_parts_and_a_retry_sends_the_same_bytes() {
    let server = MockServer::start().await;
    // One 429 whose reset already passed, then the upload's answer.
    Mock::given(method("POST"))
        .and(path("/api/v1/brands/bnd%2F1/themes/thm1/logo"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("X-Rate-Limit-Limit", "600")
                .insert_header("X-Rate-Limit-Remaining", "0")
                .insert_header("X-Rate-Limit-Reset", "1"),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v1/brands/bnd%2F1/themes/thm1/logo"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"url": "https://cdn.example/logo.png"})))
        .with_priority(2)
        .mount(&server)
        .await;
    let client = fast_retry_client(&server.uri(), 2);

    let upload = UploadThemeLogo::new("bnd/1", "thm1", FileUpload::new("logo.png", "image/png", LOGO.to_vec()))
        .alt_text("Acme \"Corp\"");
    let answer = client.send(upload).await.expect("uploaded after one 429");
    assert_eq!(answer["url"], "https://cdn.example/logo.png");

    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(requests.len(), 2, "the 429, then the retry");
    let boundary = boundary_of(&requests[0]);
    let expected = common::multipart(
        &boundary,
        &[
            Part {
                name: "file",
                file: Some(("logo.png", "image/png")),
                bytes: LOGO,
            },
            // A quote in a value is data, not the end of a header parameter.
            Part {
                name: "altText",
                file: None,
                bytes: b"Acme \"Corp\"",
            },
        ],
    );
    assert_eq!(
        requests[0].body,
        expected,
        "{}",
        String::from_utf8_lossy(&requests[0].body)
    );
    assert_eq!(boundary_of(&requests[1]), boundary, "the retry names the same boundary");
    assert_eq!(requests[1].body, requests[0].body, "the retry sends the same bytes");
}

#[tokio::test]
async fn a_raw_request_sends_a_form_or_bytes_of_their_own_media_type() {
    let common::Org { server, client } = common::org().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201))
        .mount(&server)
        .await;

    let form = Multipart::new()
        .text("note", "ü")
        .file("file", FileUpload::new("favicon.ico", "image/x-icon", vec![0, 0, 1, 0]));
    client
        .request(Method::POST, "/api/v1/brands/bnd1/themes/thm1/favicon")
        .multipart(form)
        .send()
        .await
        .expect("uploaded");
    let der = vec![0x30, 0x82, 0x01, 0x0a];
    client
        .request(Method::POST, "/api/v1/apps/0oa1/credentials/csrs/cs1/lifecycle/publish")
        .body(Body::bytes(der.clone()).with_content_type("application/pkix-cert"))
        .send()
        .await
        .expect("published");

    let requests = server.received_requests().await.expect("recorded");
    let boundary = boundary_of(&requests[0]);
    let expected = common::multipart(
        &boundary,
        &[
            Part {
                name: "note",
                file: None,
                bytes: "ü".as_bytes(),
            },
            Part {
                name: "file",
                file: Some(("favicon.ico", "image/x-icon")),
                bytes: &[0, 0, 1, 0],
            },
        ],
    );
    assert_eq!(requests[0].body, expected);
    assert_eq!(requests[1].headers["content-type"], "application/pkix-cert");
    assert_eq!(requests[1].body, der);
}

#[tokio::test]
async fn a_file_or_body_whose_media_type_is_not_one_is_refused_before_sending() {
    let common::Org { server, client } = common::org().await;

    let upload = UploadThemeLogo::new(
        "bnd1",
        "thm1",
        FileUpload::new("logo.png", "image/png\r\nX-Injected: 1", LOGO.to_vec()),
    );
    let err = client.send(upload).await.expect_err("not a media type");
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    assert!(err.to_string().contains("logo.png"), "{err}");

    let err = client
        .request(Method::POST, "/api/v1/apps/0oa1/credentials/csrs/cs1/lifecycle/publish")
        .body(Body::bytes(vec![1]).with_content_type("application/pkix-cert\n"))
        .send()
        .await
        .expect_err("not a header value");
    assert!(err.to_string().contains("content type"), "{err}");

    let requests = server.received_requests().await.expect("recorded");
    assert!(requests.is_empty(), "nothing was sent");
}

#[tokio::test]
async fn a_declared_raw_body_goes_as_its_declared_media_type_or_the_one_it_names() {
    let common::Org { server, client } = common::org().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"kid": "k1"})))
        .mount(&server)
        .await;
    let pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    client
        .send(PublishCertificate::new("0oa1", "cs1", pem))
        .await
        .expect("published as PEM");
    let der: &'static [u8] = &[0x30, 0x82, 0x01, 0x0a];
    client
        .send(PublishCertificate::new(
            "0oa1",
            "cs2",
            Body::from(der).with_content_type("application/pkix-cert"),
        ))
        .await
        .expect("published as DER");

    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(requests[0].headers["content-type"], "application/x-pem-file");
    assert_eq!(requests[0].body, pem.as_bytes());
    assert_eq!(requests[1].headers["content-type"], "application/pkix-cert");
    assert_eq!(requests[1].body, der);
}
