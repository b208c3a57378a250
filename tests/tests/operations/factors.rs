use serde_json::json;

use crate::common::{Expected, org};
use okta::models::{FactorProvider, FactorResultType, FactorStatus, FactorType, UserFactor, VerifyFactorRequest};

const USER: &str = "00u15s1KDETTQMQYABRL";
const FACTORS: &str = "/api/v1/users/00u15s1KDETTQMQYABRL/factors";
const SMS: &str = "/api/v1/users/00u15s1KDETTQMQYABRL/factors/mbl1nz9JHJGHWRKMTLHP";

fn sms_factor(status: &str) -> serde_json::Value {
    json!({
        "id": "mbl1nz9JHJGHWRKMTLHP",
        "factorType": "sms",
        "provider": "OKTA",
        "vendorName": "OKTA",
        "status": status,
        "created": "2014-06-27T20:27:26.000Z",
        "lastUpdated": "2014-06-27T20:27:26.000Z",
        "profile": {"phoneNumber": "+1-555-415-1337"},
        "_links": {
            "activate": {
                "href": "https://example.okta.com/api/v1/users/00u15s1KDETTQMQYABRL/factors/mbl1nz9JHJGHWRKMTLHP/lifecycle/activate",
                "hints": {"allow": ["POST"]}
            },
            "resend": [{
                "name": "sms",
                "href": "https://example.okta.com/api/v1/users/00u15s1KDETTQMQYABRL/factors/mbl1nz9JHJGHWRKMTLHP/resend",
                "hints": {"allow": ["POST"]}
            }],
            "self": {"href": "https://example.okta.com/api/v1/users/00u15s1KDETTQMQYABRL/factors/mbl1nz9JHJGHWRKMTLHP"},
            "user": {"href": "https://example.okta.com/api/v1/users/00u15s1KDETTQMQYABRL"}
        },
        "_embedded": {"challenge": {"phoneNumber": "+1-555-415-1337"}}
    })
}

fn totp_factor() -> serde_json::Value {
    json!({
        "id": "ostf1fmaMGJLMNGNLIVG",
        "factorType": "token:software:totp",
        "provider": "OKTA",
        "vendorName": "OKTA",
        "status": "ACTIVE",
        "created": "2014-07-16T16:13:56.000Z",
        "lastUpdated": "2014-08-06T00:31:07.000Z",
        "profile": {"credentialId": "dade.murphy@example.com"},
        "_links": {
            "verify": {
                "href": "https://example.okta.com/api/v1/users/00u15s1KDETTQMQYABRL/factors/ostf1fmaMGJLMNGNLIVG/verify",
                "hints": {"allow": ["POST"]}
            }
        }
    })
}

fn catalog_entry() -> serde_json::Value {
    json!({
        "factorType": "question",
        "provider": "OKTA",
        "vendorName": "OKTA",
        "status": "NOT_SETUP",
        "_links": {
            "questions": {"href": "https://example.okta.com/api/v1/users/00u15s1KDETTQMQYABRL/factors/questions", "hints": {"allow": ["GET"]}},
            "enroll": {"href": "https://example.okta.com/api/v1/users/00u15s1KDETTQMQYABRL/factors", "hints": {"allow": ["POST"]}}
        }
    })
}

fn question() -> serde_json::Value {
    json!({"question": "disliked_food", "questionText": "What is the food you least liked as a child?"})
}

fn success() -> serde_json::Value {
    json!({"factorResult": "SUCCESS"})
}

fn waiting() -> serde_json::Value {
    json!({
        "factorResult": "WAITING",
        "expiresAt": "2015-04-01T15:57:32.000Z",
        "_links": {
            "poll": {
                "href": "https://example.okta.com/api/v1/users/00u15s1KDETTQMQYABRL/factors/opf3hkfocI4JTLAju0g4/transactions/v2mst.GldKV5VxTrifyeZmWSQguA",
                "hints": {"allow": ["GET"]}
            },
            "cancel": {
                "href": "https://example.okta.com/api/v1/users/00u15s1KDETTQMQYABRL/factors/opf3hkfocI4JTLAju0g4/transactions/v2mst.GldKV5VxTrifyeZmWSQguA",
                "hints": {"allow": ["DELETE"]}
            }
        }
    })
}

#[tokio::test]
async fn activate_factor_by_user() {
    let org = org().await;
    let factor = org
        .check(
            Expected {
                op: "activate_factor_by_user",
                method: "POST",
                path: "/api/v1/users/00u15s1KDETTQMQYABRL/factors/mbl1nz9JHJGHWRKMTLHP/lifecycle/activate",
                query: &[],
                headers: &[],
                body: Some(json!({"passCode": "123456"})),
                status: 200,
                response: Some(sms_factor("ACTIVE")),
            },
            org.client
                .activate_factor_by_user(USER, "mbl1nz9JHJGHWRKMTLHP")
                .body(VerifyFactorRequest::pass_code("123456"))
                .send(),
        )
        .await;
    assert_eq!(factor.status, Some(FactorStatus::Active));
    assert_eq!(factor.factor_type, Some(FactorType::Sms));
}

#[tokio::test]
async fn user_factor_api_activate_factor() {
    let org = org().await;
    // The 003 body type, converted into the shared VerifyFactorRequest body.
    let body = okta::models::ActivateFactorRequest {
        state_token: Some("007ucIX7PATyn94hsHfOLVaXAmOBkKHWnOOLG43bsb".into()),
        attestation: Some("o2NmbXRmcGFja2VkZ2F0dFN0bXSiY2FsZyZjc2lnWEcw".into()),
        client_data: Some("eyJjaGFsbGVuZ2UiOiJVSk5wYW9sVWt0dF9".into()),
        registration_data: Some("BQTEMtmSzENcSbt7cTXqtXO2yM8Em".into()),
        ..Default::default()
    };
    let factor = org
        .check(
            Expected {
                op: "UserFactorApi.activate_factor",
                method: "POST",
                path: "/api/v1/users/00u15s1KDETTQMQYABRL/factors/mbl1nz9JHJGHWRKMTLHP/lifecycle/activate",
                query: &[],
                headers: &[],
                body: Some(json!({
                    "stateToken": "007ucIX7PATyn94hsHfOLVaXAmOBkKHWnOOLG43bsb",
                    "attestation": "o2NmbXRmcGFja2VkZ2F0dFN0bXSiY2FsZyZjc2lnWEcw",
                    "clientData": "eyJjaGFsbGVuZ2UiOiJVSk5wYW9sVWt0dF9",
                    "registrationData": "BQTEMtmSzENcSbt7cTXqtXO2yM8Em"
                })),
                status: 200,
                response: Some(sms_factor("ACTIVE")),
            },
            org.client
                .user_factors()
                .activate_factor(USER, "mbl1nz9JHJGHWRKMTLHP")
                .body(body)
                .send(),
        )
        .await;
    assert_eq!(factor.status, Some(FactorStatus::Active));
}

#[tokio::test]
async fn add_factor() {
    let org = org().await;
    let factor = org
        .check(
            Expected {
                op: "add_factor",
                method: "POST",
                path: FACTORS,
                query: &[
                    ("updatePhone", "true"),
                    ("templateId", "cstk2flOtuCMDJK4b0g3"),
                    ("tokenLifetimeSeconds", "600"),
                    ("activate", "false"),
                ],
                headers: &[("accept-language", "de")],
                body: Some(
                    json!({"factorType": "sms", "provider": "OKTA", "profile": {"phoneNumber": "+1-555-415-1337"}}),
                ),
                status: 200,
                response: Some(sms_factor("PENDING_ACTIVATION")),
            },
            org.client
                .add_factor(USER, UserFactor::sms("+1-555-415-1337"))
                .update_phone(true)
                .template_id("cstk2flOtuCMDJK4b0g3")
                .token_lifetime_seconds(600)
                .activate(false)
                .accept_language("de")
                .send(),
        )
        .await;
    assert_eq!(factor.status, Some(FactorStatus::PendingActivation));
    assert!(
        factor
            .link_href("activate")
            .is_some_and(|h| h.ends_with("/lifecycle/activate"))
    );
}

#[tokio::test]
async fn user_factor_api_enroll_factor() {
    let org = org().await;
    let response = json!({
        "id": "ufs2bysphxKODSZKWVCT",
        "factorType": "question",
        "provider": "OKTA",
        "vendorName": "OKTA",
        "status": "ACTIVE",
        "profile": {"question": "disliked_food", "questionText": "What is the food you least liked as a child?"}
    });
    let factor = org
        .check(
            Expected {
                op: "UserFactorApi.enroll_factor",
                method: "POST",
                path: FACTORS,
                query: &[
                    ("updatePhone", "false"),
                    ("templateId", "cstk2flOtuCMDJK4b0g3"),
                    ("tokenLifetimeSeconds", "300"),
                    ("activate", "true"),
                ],
                headers: &[("accept-language", "fr")],
                body: Some(json!({
                    "factorType": "question",
                    "provider": "OKTA",
                    "profile": {"question": "disliked_food", "answer": "mayonnaise"}
                })),
                status: 200,
                response: Some(response),
            },
            org.client
                .user_factors()
                .enroll_factor(USER, UserFactor::question("disliked_food", "mayonnaise"))
                .update_phone(false)
                .template_id("cstk2flOtuCMDJK4b0g3")
                .token_lifetime_seconds(300)
                .activate(true)
                .accept_language("fr")
                .send(),
        )
        .await;
    assert_eq!(factor.factor_type, Some(FactorType::Question));
    assert_eq!(
        factor.profile.and_then(|p| p.question_text).as_deref(),
        Some("What is the food you least liked as a child?")
    );
}

#[tokio::test]
async fn delete_factor() {
    let org = org().await;
    org.check(
        Expected {
            op: "delete_factor",
            method: "DELETE",
            path: SMS,
            query: &[("removeRecoveryEnrollment", "true")],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client
            .delete_factor(USER, "mbl1nz9JHJGHWRKMTLHP")
            .remove_recovery_enrollment(true)
            .send(),
    )
    .await;
}

#[tokio::test]
async fn user_factor_api_unenroll_factor() {
    let org = org().await;
    org.check(
        Expected {
            op: "UserFactorApi.unenroll_factor",
            method: "DELETE",
            path: SMS,
            query: &[("removeRecoveryEnrollment", "false")],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client
            .user_factors()
            .unenroll_factor(USER, "mbl1nz9JHJGHWRKMTLHP")
            .remove_recovery_enrollment(false)
            .send(),
    )
    .await;
}

#[tokio::test]
async fn get_factor() {
    let org = org().await;
    let factor = org
        .check(
            Expected {
                op: "get_factor",
                method: "GET",
                path: SMS,
                query: &[],
                headers: &[],
                body: None,
                status: 200,
                response: Some(sms_factor("ACTIVE")),
            },
            org.client.get_factor(USER, "mbl1nz9JHJGHWRKMTLHP").send(),
        )
        .await;
    assert_eq!(factor.id.as_deref(), Some("mbl1nz9JHJGHWRKMTLHP"));
    assert_eq!(
        factor.profile.and_then(|p| p.phone_number).as_deref(),
        Some("+1-555-415-1337")
    );
}

#[tokio::test]
async fn user_factor_api_get_factor() {
    let org = org().await;
    let factor = org
        .check(
            Expected {
                op: "UserFactorApi.get_factor",
                method: "GET",
                path: "/api/v1/users/00u15s1KDETTQMQYABRL/factors/ostf1fmaMGJLMNGNLIVG",
                query: &[],
                headers: &[],
                body: None,
                status: 200,
                response: Some(totp_factor()),
            },
            org.client
                .user_factors()
                .get_factor(USER, "ostf1fmaMGJLMNGNLIVG")
                .send(),
        )
        .await;
    assert_eq!(factor.factor_type, Some(FactorType::TokenSoftwareTotp));
    assert_eq!(factor.provider, Some(FactorProvider::Okta));
}

#[tokio::test]
async fn list_factors() {
    let org = org().await;
    let page = org
        .check(
            Expected {
                op: "list_factors",
                method: "GET",
                path: FACTORS,
                query: &[],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!([sms_factor("ACTIVE"), totp_factor()])),
            },
            org.client.list_factors(USER).send(),
        )
        .await;
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.items[1].factor_type, Some(FactorType::TokenSoftwareTotp));
    assert!(!page.has_next());
    org.check_stream(
        "list_factors",
        FACTORS,
        totp_factor(),
        org.client.list_factors(USER).stream(),
    )
    .await;
}

#[tokio::test]
async fn user_factor_api_list_factors() {
    let org = org().await;
    let page = org
        .check(
            Expected {
                op: "UserFactorApi.list_factors",
                method: "GET",
                path: FACTORS,
                query: &[],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!([sms_factor("ACTIVE")])),
            },
            org.client.user_factors().list_factors(USER).send(),
        )
        .await;
    assert_eq!(page.items[0].status, Some(FactorStatus::Active));
    let items = org
        .check_stream(
            "UserFactorApi.list_factors",
            FACTORS,
            sms_factor("ACTIVE"),
            org.client.user_factors().list_factors(USER).stream(),
        )
        .await;
    assert!(items.iter().all(|f| f.factor_type == Some(FactorType::Sms)));
}

#[tokio::test]
async fn list_supported_factors() {
    let org = org().await;
    let page = org
        .check(
            Expected {
                op: "list_supported_factors",
                method: "GET",
                path: "/api/v1/users/00u15s1KDETTQMQYABRL/factors/catalog",
                query: &[],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!([catalog_entry()])),
            },
            org.client.list_supported_factors(USER).send(),
        )
        .await;
    assert_eq!(page.items[0].status, Some(FactorStatus::NotSetup));
    assert!(page.items[0].link_href("enroll").is_some());
    org.check_stream(
        "list_supported_factors",
        "/api/v1/users/00u15s1KDETTQMQYABRL/factors/catalog",
        catalog_entry(),
        org.client.list_supported_factors(USER).stream(),
    )
    .await;
}

#[tokio::test]
async fn user_factor_api_list_supported_factors() {
    let org = org().await;
    let page = org
        .check(
            Expected {
                op: "UserFactorApi.list_supported_factors",
                method: "GET",
                path: "/api/v1/users/00u15s1KDETTQMQYABRL/factors/catalog",
                query: &[],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!([catalog_entry()])),
            },
            org.client.user_factors().list_supported_factors(USER).send(),
        )
        .await;
    assert_eq!(page.items[0].factor_type, Some(FactorType::Question));
    org.check_stream(
        "UserFactorApi.list_supported_factors",
        "/api/v1/users/00u15s1KDETTQMQYABRL/factors/catalog",
        catalog_entry(),
        org.client.user_factors().list_supported_factors(USER).stream(),
    )
    .await;
}

#[tokio::test]
async fn list_supported_security_questions() {
    let org = org().await;
    let page = org
        .check(
            Expected {
                op: "list_supported_security_questions",
                method: "GET",
                path: "/api/v1/users/00u15s1KDETTQMQYABRL/factors/questions",
                query: &[],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!([
                    question(),
                    {"question": "name_of_first_plush_toy", "questionText": "What is the name of your first stuffed animal?"}
                ])),
            },
            org.client.list_supported_security_questions(USER).send(),
        )
        .await;
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.items[0].question.as_deref(), Some("disliked_food"));
    org.check_stream(
        "list_supported_security_questions",
        "/api/v1/users/00u15s1KDETTQMQYABRL/factors/questions",
        question(),
        org.client.list_supported_security_questions(USER).stream(),
    )
    .await;
}

#[tokio::test]
async fn user_factor_api_list_supported_security_questions() {
    let org = org().await;
    let page = org
        .check(
            Expected {
                op: "UserFactorApi.list_supported_security_questions",
                method: "GET",
                path: "/api/v1/users/00u15s1KDETTQMQYABRL/factors/questions",
                query: &[],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!([question()])),
            },
            org.client.user_factors().list_supported_security_questions(USER).send(),
        )
        .await;
    assert_eq!(
        page.items[0].question_text.as_deref(),
        Some("What is the food you least liked as a child?")
    );
    org.check_stream(
        "UserFactorApi.list_supported_security_questions",
        "/api/v1/users/00u15s1KDETTQMQYABRL/factors/questions",
        question(),
        org.client
            .user_factors()
            .list_supported_security_questions(USER)
            .stream(),
    )
    .await;
}

#[tokio::test]
async fn verify_factor_by_user() {
    let org = org().await;
    let result = org
        .check(
            Expected {
                op: "verify_factor_by_user",
                method: "POST",
                path: "/api/v1/users/00u15s1KDETTQMQYABRL/factors/ostf1fmaMGJLMNGNLIVG/verify",
                query: &[("templateId", "cstk2flOtuCMDJK4b0g3"), ("tokenLifetimeSeconds", "120")],
                headers: &[
                    ("x-forwarded-for", "23.235.46.133"),
                    ("user-agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_10_4)"),
                    ("accept-language", "en-US"),
                ],
                body: Some(json!({"passCode": "123456"})),
                status: 200,
                response: Some(success()),
            },
            org.client
                .verify_factor_by_user(USER, "ostf1fmaMGJLMNGNLIVG")
                .template_id("cstk2flOtuCMDJK4b0g3")
                .token_lifetime_seconds(120)
                .x_forwarded_for("23.235.46.133")
                .user_agent("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_10_4)")
                .accept_language("en-US")
                .body(VerifyFactorRequest::pass_code("123456"))
                .send(),
        )
        .await;
    assert_eq!(result.factor_result, Some(FactorResultType::Success));
}

#[tokio::test]
async fn verify_factor_by_user_push_answers_201_waiting() {
    let org = org().await;
    let result = org
        .check(
            Expected {
                op: "verify_factor_by_user",
                method: "POST",
                path: "/api/v1/users/00u15s1KDETTQMQYABRL/factors/opf3hkfocI4JTLAju0g4/verify",
                query: &[],
                headers: &[("user-agent", "Mozilla/5.0 (Macintosh)")],
                body: None,
                status: 201,
                response: Some(waiting()),
            },
            org.client
                .verify_factor_by_user(USER, "opf3hkfocI4JTLAju0g4")
                .user_agent("Mozilla/5.0 (Macintosh)")
                .send(),
        )
        .await;
    assert_eq!(result.factor_result, Some(FactorResultType::Waiting));
    assert!(
        result
            .link_href("poll")
            .is_some_and(|h| h.ends_with("/transactions/v2mst.GldKV5VxTrifyeZmWSQguA"))
    );
}

#[tokio::test]
async fn user_factor_api_verify_factor() {
    let org = org().await;
    let body = VerifyFactorRequest {
        client_data: Some("eyJ0eXAiOiJuYXZpZ2F0b3IuaWQuZ2V0QXNzZXJ0aW9uIiwiY2hhbGxlbmdlIjoi".into()),
        authenticator_data: Some("SBv04caJ+NLZ0bTeotGq9esMhHJ8YC5z4bMXXPbT95UFAAAAAQ==".into()),
        signature_data: Some("MEQCICeN9Y3Jw9y0rLLb4q9pv4ZK1EZ5qQ9IafLvIxc3/ck/".into()),
        ..Default::default()
    };
    let result = org
        .check(
            Expected {
                op: "UserFactorApi.verify_factor",
                method: "POST",
                path: "/api/v1/users/00u15s1KDETTQMQYABRL/factors/fwf2rovRxogXJ0nDd0g4/verify",
                query: &[("templateId", "cstk2flOtuCMDJK4b0g3"), ("tokenLifetimeSeconds", "300")],
                headers: &[
                    ("x-forwarded-for", "23.235.46.133"),
                    ("user-agent", "okta-sdk-test/1.0"),
                    ("accept-language", "ja"),
                ],
                body: Some(json!({
                    "clientData": "eyJ0eXAiOiJuYXZpZ2F0b3IuaWQuZ2V0QXNzZXJ0aW9uIiwiY2hhbGxlbmdlIjoi",
                    "authenticatorData": "SBv04caJ+NLZ0bTeotGq9esMhHJ8YC5z4bMXXPbT95UFAAAAAQ==",
                    "signatureData": "MEQCICeN9Y3Jw9y0rLLb4q9pv4ZK1EZ5qQ9IafLvIxc3/ck/"
                })),
                status: 200,
                response: Some(success()),
            },
            org.client
                .user_factors()
                .verify_factor(USER, "fwf2rovRxogXJ0nDd0g4")
                .template_id("cstk2flOtuCMDJK4b0g3")
                .token_lifetime_seconds(300)
                .x_forwarded_for("23.235.46.133")
                .user_agent("okta-sdk-test/1.0")
                .accept_language("ja")
                .body(body)
                .send(),
        )
        .await;
    assert_eq!(result.factor_result, Some(FactorResultType::Success));
}

#[tokio::test]
async fn user_factor_api_get_factor_transaction_status() {
    let org = org().await;
    let result = org
        .check(
            Expected {
                op: "UserFactorApi.get_factor_transaction_status",
                method: "GET",
                path: "/api/v1/users/00u15s1KDETTQMQYABRL/factors/opf3hkfocI4JTLAju0g4/transactions/v2mst.GldKV5VxTrifyeZmWSQguA",
                query: &[],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!({
                    "factorResult": "REJECTED",
                    "_links": {
                        "verify": {"href": "https://example.okta.com/api/v1/users/00u15s1KDETTQMQYABRL/factors/opf3hkfocI4JTLAju0g4/verify", "hints": {"allow": ["POST"]}},
                        "factor": {"href": "https://example.okta.com/api/v1/users/00u15s1KDETTQMQYABRL/factors/opf3hkfocI4JTLAju0g4", "hints": {"allow": ["GET", "DELETE"]}}
                    }
                })),
            },
            org.client
                .user_factors()
                .get_factor_transaction_status(USER, "opf3hkfocI4JTLAju0g4", "v2mst.GldKV5VxTrifyeZmWSQguA")
                .send(),
        )
        .await;
    assert_eq!(result.factor_result, Some(FactorResultType::Rejected));
    assert!(result.link_href("verify").is_some());
}

#[tokio::test]
async fn user_factor_api_resend_enroll_factor() {
    let org = org().await;
    let factor = org
        .check(
            Expected {
                op: "UserFactorApi.resend_enroll_factor",
                method: "POST",
                path: "/api/v1/users/00u15s1KDETTQMQYABRL/factors/mbl1nz9JHJGHWRKMTLHP/resend",
                query: &[("templateId", "cstk2flOtuCMDJK4b0g3")],
                headers: &[],
                body: Some(
                    json!({"factorType": "sms", "provider": "OKTA", "profile": {"phoneNumber": "+1-555-415-1337"}}),
                ),
                status: 200,
                response: Some(sms_factor("PENDING_ACTIVATION")),
            },
            org.client
                .user_factors()
                .resend_enroll_factor(USER, "mbl1nz9JHJGHWRKMTLHP", UserFactor::sms("+1-555-415-1337"))
                .template_id("cstk2flOtuCMDJK4b0g3")
                .send(),
        )
        .await;
    assert_eq!(factor.status, Some(FactorStatus::PendingActivation));
    assert!(factor.link_href("resend").is_some());
}

#[tokio::test]
async fn hostile_factor_id_stays_one_segment() {
    let org = org().await;
    org.check(
        Expected {
            op: "get_factor",
            method: "GET",
            path: "/api/v1/users/00u15s1KDETTQMQYABRL/factors/a%2Fb%3Fc%23d",
            query: &[],
            headers: &[],
            body: None,
            status: 200,
            response: Some(totp_factor()),
        },
        org.client.get_factor(USER, "a/b?c#d").send(),
    )
    .await;
    org.check(
        Expected {
            op: "UserFactorApi.unenroll_factor",
            method: "DELETE",
            path: "/api/v1/users/00u15s1KDETTQMQYABRL/factors/a%2Fb%3Fc%23d",
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client.user_factors().unenroll_factor(USER, "a/b?c#d").send(),
    )
    .await;
}
