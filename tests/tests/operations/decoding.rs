//! What the models accept from a real server: `null` anywhere, numbers of any size, and a value
//! of the wrong type (an error naming where, never a silent loss).

use okta::Error;
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::common::{Org, org};

/// Answers `verb path` with this raw JSON body (raw, so numbers stay as written).
async fn serve(org: &Org, verb: &str, at: &str, body: &str) {
    Mock::given(method(verb))
        .and(path(at))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body.to_owned(), "application/json"))
        .mount(&org.server)
        .await;
}

/// A user whose custom attributes hold numbers an `f64` or `u64` cannot: integers beyond 64
/// bits, 17-significant-digit floats, and exponents.
const USER_WITH_BIG_NUMBERS: &str = r#"{"id":"00u1","status":"ACTIVE","profile":{"login":"isaac@example.org","employeeNumber":123456789012345678901234567890,"badge":-98765432109876543210,"score":0.30000000000000004441,"ratio":4.3597033398117963,"tiny":1.0000000000000002e-300,"plain":42}}"#;

const NUMBERS: [&str; 6] = [
    "123456789012345678901234567890",
    "-98765432109876543210",
    "0.30000000000000004441",
    "4.3597033398117963",
    "1.0000000000000002e-300",
    "42",
];

#[tokio::test]
async fn get_then_put_sends_back_every_number_exactly_as_it_came() {
    let org = org().await;
    serve(&org, "GET", "/api/v1/users/00u1", USER_WITH_BIG_NUMBERS).await;
    serve(&org, "PUT", "/api/v1/users/00u1", USER_WITH_BIG_NUMBERS).await;

    let user = org.client.get_user("00u1").await.expect("decodes");
    org.client.update_user("00u1", user).await.expect("updated");

    let requests = org.server.received_requests().await.expect("recorded");
    let put = requests.iter().find(|r| r.method.as_str() == "PUT").expect("a PUT");
    let sent = std::str::from_utf8(&put.body).expect("UTF-8");
    for number in NUMBERS {
        assert!(
            sent.contains(&format!(":{number},")) || sent.contains(&format!(":{number}}}")),
            "{number} in {sent}"
        );
    }
}

#[tokio::test]
async fn a_null_profile_or_login_reads_as_absent() {
    let org = org().await;
    serve(&org, "GET", "/api/v1/users/00u1", r#"{"id":"00u1","profile":null}"#).await;
    serve(
        &org,
        "GET",
        "/api/v1/users/00u2",
        r#"{"id":"00u2","profile":{"login":null,"firstName":null,"nickName":null}}"#,
    )
    .await;

    let user = org.client.get_user("00u1").await.expect("a null profile decodes");
    assert_eq!(user.id.as_deref(), Some("00u1"));
    assert!(user.profile.is_empty());

    let user = org.client.get_user("00u2").await.expect("a null login decodes");
    assert_eq!(user.profile.login, "");
    assert_eq!(user.profile.first_name, None);
    assert_eq!(
        user.profile.extra["nickName"],
        serde_json::Value::Null,
        "an unknown null is kept"
    );
}

#[tokio::test]
async fn a_value_of_the_wrong_type_is_a_decode_error_naming_the_field() {
    let org = org().await;
    serve(
        &org,
        "GET",
        "/api/v1/users/00u1",
        r#"{"id":"00u1","profile":{"firstName":5}}"#,
    )
    .await;
    let err = org
        .client
        .get_user("00u1")
        .await
        .expect_err("a number is not a first name");
    let Error::Decode(decode) = &err else { panic!("{err:?}") };
    assert!(decode.type_name.ends_with("User"), "{}", decode.type_name);
    assert!(decode.json_path.starts_with("profile"), "{}", decode.json_path);
    assert!(err.to_string().contains("invalid type: integer `5`"), "{err}");
}
