use serde_json::{Value, json};

use crate::common::{Expected, org};
use okta::models::authn::{ActivateFactorRequest, ChangePasswordRequest, VerifyFactorRequest};
use okta::models::{
    AuthenticationOptions, AuthenticationRequest, AuthnStatus, FactorEnrollRequest, FactorProfile, FactorProvider,
    FactorResultType, FactorType, RecoverPasswordRequest, RecoveryFactorType, RecoveryQuestionAnswerRequest,
    RecoveryType, ResetPasswordRequest, StateTokenRequest, UnlockAccountRequest, VerifyPassCodeFactorRequest,
    VerifyPushFactorRequest, VerifyRecoverTokenRequest, VerifyRecoveryRequest, VerifyU2fFactorRequest,
};

const STATE: &str = "007ucIX7PATyn94hsHfOLVaXAmOBkKHWnOOLG43bsb";
const RECOVERY_STATE: &str = "00lMJySRYNz3u_rKQrsLvLrzxiARgivP8FB_1gpmVb";
const UA: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_10_4) AppleWebKit/600.7.12";

fn user() -> Value {
    json!({
        "id": "00ub0oNGTSWTBKOLGLNR",
        "passwordChanged": "2015-09-08T20:14:45.000Z",
        "profile": {
            "login": "dade.murphy@example.com",
            "firstName": "Dade",
            "lastName": "Murphy",
            "locale": "en_US",
            "timeZone": "America/Los_Angeles"
        },
        "recovery_question": {"question": "Who's a major player in the cowboy scene?"}
    })
}

fn link(href: &str) -> Value {
    json!({"href": format!("https://example.okta.com/api/v1/authn{href}"), "hints": {"allow": ["POST"]}})
}

fn mfa_required() -> Value {
    json!({
        "stateToken": STATE,
        "expiresAt": "2015-11-03T10:15:57.000Z",
        "status": "MFA_REQUIRED",
        "relayState": "/myapp/some/deep/link/i/want/to/return/to",
        "_embedded": {
            "user": user(),
            "factors": [
                {
                    "id": "ostfm3hPNYSOIOIVTQWY",
                    "factorType": "token:software:totp",
                    "provider": "OKTA",
                    "vendorName": "OKTA",
                    "profile": {"credentialId": "dade.murphy@example.com"},
                    "_links": {"verify": link("/factors/ostfm3hPNYSOIOIVTQWY/verify")}
                },
                {
                    "id": "sms193zUBEROPBNZKPPE",
                    "factorType": "sms",
                    "provider": "OKTA",
                    "vendorName": "OKTA",
                    "profile": {"phoneNumber": "+1 XXX-XXX-1337"},
                    "_links": {"verify": link("/factors/sms193zUBEROPBNZKPPE/verify")}
                },
                {
                    "id": "opfh52xcuft3J4uZc0g3",
                    "factorType": "push",
                    "provider": "OKTA",
                    "vendorName": "OKTA",
                    "profile": {"credentialId": "dade.murphy@example.com", "deviceType": "SmartPhone_IPhone", "name": "Gibson", "platform": "IOS", "version": "9.0"},
                    "_links": {"verify": link("/factors/opfh52xcuft3J4uZc0g3/verify")}
                }
            ],
            "policy": {"allowRememberDevice": true, "rememberDeviceLifetimeInMinutes": 0, "rememberDeviceByDefault": false}
        },
        "_links": {"cancel": link("/cancel")}
    })
}

fn success() -> Value {
    json!({
        "expiresAt": "2015-11-03T10:15:57.000Z",
        "status": "SUCCESS",
        "relayState": "/myapp/some/deep/link/i/want/to/return/to",
        "sessionToken": "00Fpzf4en68pCXTsMjcX8JPMctzN2Wiw4LDOBL_9pe",
        "_embedded": {"user": user()}
    })
}

fn mfa_enroll_activate() -> Value {
    json!({
        "stateToken": STATE,
        "expiresAt": "2015-11-03T10:15:57.000Z",
        "status": "MFA_ENROLL_ACTIVATE",
        "relayState": "/myapp/some/deep/link/i/want/to/return/to",
        "_embedded": {
            "user": user(),
            "factor": {
                "id": "mbl198rKSEWOSKRIVIFT",
                "factorType": "sms",
                "provider": "OKTA",
                "vendorName": "OKTA",
                "profile": {"phoneNumber": "+1 XXX-XXX-1337"}
            }
        },
        "_links": {
            "next": {"name": "activate", "href": "https://example.okta.com/api/v1/authn/factors/mbl198rKSEWOSKRIVIFT/lifecycle/activate", "hints": {"allow": ["POST"]}},
            "cancel": link("/cancel"),
            "prev": link("/previous"),
            "resend": [{"name": "sms", "href": "https://example.okta.com/api/v1/authn/factors/mbl198rKSEWOSKRIVIFT/lifecycle/resend", "hints": {"allow": ["POST"]}}]
        }
    })
}

fn mfa_challenge(factor_id: &str, factor_type: &str, factor_result: Option<&str>) -> Value {
    let mut t = json!({
        "stateToken": STATE,
        "expiresAt": "2015-11-03T10:15:57.000Z",
        "status": "MFA_CHALLENGE",
        "relayState": "/myapp/some/deep/link/i/want/to/return/to",
        "_embedded": {
            "user": user(),
            "factor": {"id": factor_id, "factorType": factor_type, "provider": "OKTA", "vendorName": "OKTA"},
            "policy": {"allowRememberDevice": true, "rememberDeviceLifetimeInMinutes": 0, "rememberDeviceByDefault": false}
        },
        "_links": {
            "next": {"name": "poll", "href": format!("https://example.okta.com/api/v1/authn/factors/{factor_id}/verify"), "hints": {"allow": ["POST"]}},
            "cancel": link("/cancel"),
            "prev": link("/previous")
        }
    });
    if let Some(result) = factor_result {
        t["factorResult"] = json!(result);
    }
    t
}

fn recovery_challenge(factor_type: &str) -> Value {
    json!({
        "status": "RECOVERY_CHALLENGE",
        "expiresAt": "2015-11-27T16:47:57.000Z",
        "relayState": "/myapp/some/deep/link/i/want/to/return/to",
        "stateToken": RECOVERY_STATE,
        "recoveryType": "PASSWORD",
        "factorType": factor_type,
        "_links": {
            "next": {"name": "verify", "href": format!("https://example.okta.com/api/v1/authn/recovery/factors/{factor_type}/verify"), "hints": {"allow": ["POST"]}},
            "cancel": link("/cancel"),
            "resend": {"name": factor_type, "href": format!("https://example.okta.com/api/v1/authn/recovery/factors/{factor_type}/resend"), "hints": {"allow": ["POST"]}}
        }
    })
}

fn recovery() -> Value {
    json!({
        "stateToken": RECOVERY_STATE,
        "expiresAt": "2015-11-27T16:47:57.000Z",
        "status": "RECOVERY",
        "relayState": "/myapp/some/deep/link/i/want/to/return/to",
        "recoveryType": "PASSWORD",
        "_embedded": {"user": user()},
        "_links": {"next": {"name": "answer", "href": "https://example.okta.com/api/v1/authn/recovery/answer", "hints": {"allow": ["POST"]}}, "cancel": link("/cancel")}
    })
}

fn password_reset() -> Value {
    json!({
        "stateToken": RECOVERY_STATE,
        "expiresAt": "2015-11-27T16:47:57.000Z",
        "status": "PASSWORD_RESET",
        "relayState": "/myapp/some/deep/link/i/want/to/return/to",
        "recoveryType": "PASSWORD",
        "_embedded": {
            "user": user(),
            "policy": {"expiration": {"passwordExpireDays": 0}, "complexity": {"minLength": 8, "minLowerCase": 1, "minUpperCase": 1, "minNumber": 1, "minSymbol": 0}}
        },
        "_links": {"next": {"name": "resetPassword", "href": "https://example.okta.com/api/v1/authn/credentials/reset_password", "hints": {"allow": ["POST"]}}, "cancel": link("/cancel")}
    })
}

fn session_token(t: &okta::models::AuthenticationTransaction) -> Option<&str> {
    t.session_token.as_ref().map(|s| s.expose())
}

// ---- /api/v1/authn ----

#[tokio::test]
async fn authentication() {
    let org = org().await;
    let body = AuthenticationRequest::new("dade.murphy@example.com", "correcthorsebatterystaple")
        .with_relay_state("/myapp/some/deep/link/i/want/to/return/to")
        .with_options(AuthenticationOptions::new(false, false))
        .with_device_token("26q43Ak9Eh04p7H6Nnx0m69JqYOrfVBY");
    let t = org
        .check(
            Expected {
                op: "authentication",
                method: "POST",
                path: "/api/v1/authn",
                query: &[],
                headers: &[
                    ("user-agent", UA),
                    ("x-forwarded-for", "23.235.46.133"),
                    ("x-device-fingerprint", "dUhs7zVb5lyQfrbeE3zXhjDnDfvUOgxBEqwxaehxPEk="),
                ],
                body: Some(json!({
                    "username": "dade.murphy@example.com",
                    "password": "correcthorsebatterystaple",
                    "relayState": "/myapp/some/deep/link/i/want/to/return/to",
                    "options": {"multiOptionalFactorEnroll": false, "warnBeforePasswordExpired": false},
                    "context": {"deviceToken": "26q43Ak9Eh04p7H6Nnx0m69JqYOrfVBY"}
                })),
                status: 200,
                response: Some(mfa_required()),
            },
            org.client
                .authentication(body)
                .user_agent(UA)
                .x_forwarded_for("23.235.46.133")
                .x_device_fingerprint("dUhs7zVb5lyQfrbeE3zXhjDnDfvUOgxBEqwxaehxPEk=")
                .send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::MfaRequired));
    assert_eq!(t.state_token.as_ref().map(|s| s.expose()), Some(STATE));
    let factors = t.factors();
    assert_eq!(factors.len(), 3);
    assert_eq!(factors[2].factor_type, Some(FactorType::Push));
    assert_eq!(
        t.user().and_then(|u| u.profile).map(|p| p.login).as_deref(),
        Some("dade.murphy@example.com")
    );
}

#[tokio::test]
async fn primary_authentication() {
    let org = org().await;
    let body = AuthenticationRequest::new("dade.murphy@example.com", "correcthorsebatterystaple").with_audience("0oa1");
    let t = org
        .check(
            Expected {
                op: "primary_authentication",
                method: "POST",
                path: "/api/v1/authn",
                query: &[],
                headers: &[
                    ("user-agent", UA),
                    ("x-forwarded-for", "23.235.46.133"),
                    ("x-device-fingerprint", "fp-1"),
                ],
                body: Some(json!({
                    "username": "dade.murphy@example.com",
                    "password": "correcthorsebatterystaple",
                    "audience": "0oa1"
                })),
                status: 200,
                response: Some(success()),
            },
            org.client
                .primary_authentication(body)
                .user_agent(UA)
                .x_forwarded_for("23.235.46.133")
                .x_device_fingerprint("fp-1")
                .send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::Success));
    assert_eq!(session_token(&t), Some("00Fpzf4en68pCXTsMjcX8JPMctzN2Wiw4LDOBL_9pe"));
}

#[tokio::test]
async fn get_transaction_state() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "get_transaction_state",
                method: "POST",
                path: "/api/v1/authn",
                query: &[],
                headers: &[("user-agent", UA)],
                body: Some(json!({"stateToken": STATE})),
                status: 200,
                response: Some(mfa_required()),
            },
            org.client
                .get_transaction_state(StateTokenRequest::new(STATE))
                .user_agent(UA)
                .send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::MfaRequired));
    assert!(
        t.link_href("cancel")
            .is_some_and(|h| h.ends_with("/api/v1/authn/cancel"))
    );
}

#[tokio::test]
async fn previous_transaction_state() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "previous_transaction_state",
                method: "POST",
                path: "/api/v1/authn/previous",
                query: &[],
                headers: &[("user-agent", UA)],
                body: Some(json!({"stateToken": STATE})),
                status: 200,
                response: Some(json!({
                    "stateToken": STATE,
                    "expiresAt": "2015-11-03T10:15:57.000Z",
                    "status": "MFA_ENROLL",
                    "_embedded": {"user": user(), "factors": [{"factorType": "sms", "provider": "OKTA", "status": "NOT_SETUP"}]},
                    "_links": {"cancel": link("/cancel")}
                })),
            },
            org.client.previous_transaction_state(StateTokenRequest::new(STATE)).user_agent(UA).send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::MfaEnroll));
    assert_eq!(t.factors()[0].factor_type, Some(FactorType::Sms));
}

#[tokio::test]
async fn skip_transaction_state() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "skip_transaction_state",
                method: "POST",
                path: "/api/v1/authn/skip",
                query: &[],
                headers: &[("user-agent", UA)],
                body: Some(json!({"stateToken": STATE})),
                status: 200,
                response: Some(success()),
            },
            org.client
                .skip_transaction_state(StateTokenRequest::new(STATE))
                .user_agent(UA)
                .send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::Success));
    assert!(session_token(&t).is_some());
}

#[tokio::test]
async fn cancel_transaction() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "cancel_transaction",
                method: "POST",
                path: "/api/v1/authn/cancel",
                query: &[],
                headers: &[("user-agent", UA)],
                body: Some(json!({"stateToken": STATE})),
                status: 200,
                response: Some(json!({"relayState": "/myapp/some/deep/link/i/want/to/return/to"})),
            },
            org.client
                .cancel_transaction(StateTokenRequest::new(STATE))
                .user_agent(UA)
                .send(),
        )
        .await;
    assert_eq!(
        t.and_then(|t| t.relay_state).as_deref(),
        Some("/myapp/some/deep/link/i/want/to/return/to")
    );
}

#[tokio::test]
async fn cancel_transaction_without_a_body() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "cancel_transaction",
                method: "POST",
                path: "/api/v1/authn/cancel",
                query: &[],
                headers: &[],
                body: Some(json!({"stateToken": STATE})),
                status: 200,
                response: None,
            },
            org.client.cancel_transaction(StateTokenRequest::new(STATE)).send(),
        )
        .await;
    assert!(t.is_none());
}

// ---- /api/v1/authn/factors ----

#[tokio::test]
async fn enroll_factor() {
    let org = org().await;
    let body = FactorEnrollRequest::new(STATE, FactorType::Sms, FactorProvider::Okta)
        .with_profile(FactorProfile::phone("+1-555-415-1337"));
    let t = org
        .check(
            Expected {
                op: "enroll_factor",
                method: "POST",
                path: "/api/v1/authn/factors",
                query: &[],
                headers: &[("user-agent", UA)],
                body: Some(json!({
                    "stateToken": STATE,
                    "factorType": "sms",
                    "provider": "OKTA",
                    "profile": {"phoneNumber": "+1-555-415-1337"}
                })),
                status: 200,
                response: Some(mfa_enroll_activate()),
            },
            org.client.enroll_factor(body).user_agent(UA).send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::MfaEnrollActivate));
    assert_eq!(t.factor().and_then(|f| f.id).as_deref(), Some("mbl198rKSEWOSKRIVIFT"));
}

#[tokio::test]
async fn activate_factor() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "activate_factor",
                method: "POST",
                path: "/api/v1/authn/factors/mbl198rKSEWOSKRIVIFT/lifecycle/activate",
                query: &[],
                headers: &[("user-agent", UA)],
                body: Some(json!({"stateToken": STATE, "passCode": "123456"})),
                status: 200,
                response: Some(success()),
            },
            org.client
                .activate_factor("mbl198rKSEWOSKRIVIFT", ActivateFactorRequest::new(STATE, "123456"))
                .user_agent(UA)
                .send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::Success));
    assert!(session_token(&t).is_some());
}

#[tokio::test]
async fn verify_factor() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "verify_factor",
                method: "POST",
                path: "/api/v1/authn/factors/ostfm3hPNYSOIOIVTQWY/verify",
                query: &[("rememberDevice", "true"), ("autoPush", "false")],
                headers: &[("user-agent", UA)],
                body: Some(json!({"stateToken": STATE, "passCode": "657866"})),
                status: 200,
                response: Some(success()),
            },
            org.client
                .verify_factor(
                    "ostfm3hPNYSOIOIVTQWY",
                    true,
                    VerifyFactorRequest::pass_code(STATE, "657866"),
                )
                .auto_push(false)
                .user_agent(UA)
                .send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::Success));
    assert_eq!(session_token(&t), Some("00Fpzf4en68pCXTsMjcX8JPMctzN2Wiw4LDOBL_9pe"));
}

#[tokio::test]
async fn verify_sms_factor() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "verify_sms_factor",
                method: "POST",
                path: "/api/v1/authn/factors/sms193zUBEROPBNZKPPE/verify",
                query: &[("rememberDevice", "false"), ("autoPush", "false")],
                headers: &[("user-agent", UA)],
                body: Some(json!({"stateToken": STATE})),
                status: 200,
                response: Some(mfa_challenge("sms193zUBEROPBNZKPPE", "sms", None)),
            },
            org.client
                .verify_sms_factor(
                    "sms193zUBEROPBNZKPPE",
                    false,
                    VerifyPassCodeFactorRequest::challenge(STATE),
                )
                .auto_push(false)
                .user_agent(UA)
                .send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::MfaChallenge));
    assert_eq!(t.factor().and_then(|f| f.factor_type), Some(FactorType::Sms));
}

#[tokio::test]
async fn verify_call_factor() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "verify_call_factor",
                method: "POST",
                path: "/api/v1/authn/factors/clf193zUBEROPBNZKPPE/verify",
                query: &[("rememberDevice", "true"), ("autoPush", "false")],
                headers: &[("user-agent", UA)],
                body: Some(json!({"stateToken": STATE, "passCode": "65786"})),
                status: 200,
                response: Some(success()),
            },
            org.client
                .verify_call_factor(
                    "clf193zUBEROPBNZKPPE",
                    true,
                    VerifyPassCodeFactorRequest::new(STATE, "65786"),
                )
                .auto_push(false)
                .user_agent(UA)
                .send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::Success));
}

#[tokio::test]
async fn verify_push_factor() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "verify_push_factor",
                method: "POST",
                path: "/api/v1/authn/factors/opfh52xcuft3J4uZc0g3/verify",
                query: &[("rememberDevice", "false"), ("autoPush", "true")],
                headers: &[("user-agent", UA)],
                body: Some(json!({"stateToken": STATE})),
                status: 200,
                response: Some(mfa_challenge("opfh52xcuft3J4uZc0g3", "push", Some("WAITING"))),
            },
            org.client
                .verify_push_factor("opfh52xcuft3J4uZc0g3", false, VerifyPushFactorRequest::new(STATE))
                .auto_push(true)
                .user_agent(UA)
                .send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::MfaChallenge));
    assert_eq!(t.factor_result, Some(FactorResultType::Waiting));
    assert!(
        t.link_href("next")
            .is_some_and(|h| h.ends_with("/factors/opfh52xcuft3J4uZc0g3/verify"))
    );
}

#[tokio::test]
async fn verify_totp_factor() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "verify_totp_factor",
                method: "POST",
                path: "/api/v1/authn/factors/ostfm3hPNYSOIOIVTQWY/verify",
                query: &[("rememberDevice", "true"), ("autoPush", "false")],
                headers: &[("user-agent", UA)],
                body: Some(json!({"stateToken": STATE, "passCode": "657866"})),
                status: 200,
                response: Some(success()),
            },
            org.client
                .verify_totp_factor(
                    "ostfm3hPNYSOIOIVTQWY",
                    true,
                    VerifyPassCodeFactorRequest::new(STATE, "657866"),
                )
                .auto_push(false)
                .user_agent(UA)
                .send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::Success));
    assert_eq!(t.user().and_then(|u| u.id).as_deref(), Some("00ub0oNGTSWTBKOLGLNR"));
}

#[tokio::test]
async fn verify_security_question_factor() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "verify_security_question_factor",
                method: "POST",
                path: "/api/v1/authn/factors/ufs1pe3ISGKGPYKXRBKK/verify",
                query: &[("rememberDevice", "false"), ("autoPush", "false")],
                headers: &[("user-agent", UA)],
                body: Some(json!({"stateToken": STATE, "answer": "mayonnaise"})),
                status: 200,
                response: Some(success()),
            },
            org.client
                .verify_security_question_factor(
                    "ufs1pe3ISGKGPYKXRBKK",
                    false,
                    VerifyFactorRequest::answer(STATE, "mayonnaise"),
                )
                .auto_push(false)
                .user_agent(UA)
                .send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::Success));
}

#[tokio::test]
async fn verify_u2f_factor() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "verify_u2f_factor",
                method: "POST",
                path: "/api/v1/authn/factors/fuf52dhWPdJAbqiUU0g4/verify",
                query: &[("rememberDevice", "true"), ("autoPush", "false")],
                headers: &[("user-agent", UA)],
                body: Some(json!({
                    "stateToken": STATE,
                    "clientData": "eyJ0eXAiOiJuYXZpZ2F0b3IuaWQuZ2V0QXNzZXJ0aW9uIiwiY2hhbGxlbmdlIjoi",
                    "signatureData": "AQAAACYwRgIhAKPktdpH0T5mlPSm_9uGW5w-VaUy-LhI9tIacexpgItkAiEAncRVZURVPOq7zDwIw-OM5LtSkdAxOkFv1FMwnGkNJ1Q"
                })),
                status: 200,
                response: Some(success()),
            },
            org.client
                .verify_u2f_factor(
                    "fuf52dhWPdJAbqiUU0g4",
                    true,
                    VerifyU2fFactorRequest::new(
                        STATE,
                        "eyJ0eXAiOiJuYXZpZ2F0b3IuaWQuZ2V0QXNzZXJ0aW9uIiwiY2hhbGxlbmdlIjoi",
                        "AQAAACYwRgIhAKPktdpH0T5mlPSm_9uGW5w-VaUy-LhI9tIacexpgItkAiEAncRVZURVPOq7zDwIw-OM5LtSkdAxOkFv1FMwnGkNJ1Q",
                    ),
                )
                .auto_push(false)
                .user_agent(UA)
                .send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::Success));
    assert!(session_token(&t).is_some());
}

// ---- /api/v1/authn/recovery and credentials ----

#[tokio::test]
async fn forgot_password() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "forgot_password",
                method: "POST",
                path: "/api/v1/authn/recovery/password",
                query: &[],
                headers: &[("user-agent", UA), ("x-forwarded-for", "23.235.46.133")],
                body: Some(json!({
                    "username": "dade.murphy@example.com",
                    "factorType": "SMS",
                    "relayState": "/myapp/some/deep/link/i/want/to/return/to"
                })),
                status: 200,
                response: Some(recovery_challenge("SMS")),
            },
            org.client
                .forgot_password(
                    RecoverPasswordRequest::new("dade.murphy@example.com", RecoveryFactorType::Sms)
                        .with_relay_state("/myapp/some/deep/link/i/want/to/return/to"),
                )
                .user_agent(UA)
                .x_forwarded_for("23.235.46.133")
                .send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::RecoveryChallenge));
    assert_eq!(t.recovery_type, Some(RecoveryType::Password));
    assert_eq!(t.factor_type, Some(RecoveryFactorType::Sms));
}

#[tokio::test]
async fn unlock_account() {
    let org = org().await;
    let mut response = recovery_challenge("EMAIL");
    response["recoveryType"] = json!("UNLOCK");
    let t = org
        .check(
            Expected {
                op: "unlock_account",
                method: "POST",
                path: "/api/v1/authn/recovery/unlock",
                query: &[],
                headers: &[("user-agent", UA), ("x-forwarded-for", "23.235.46.133")],
                body: Some(json!({
                    "username": "dade.murphy@example.com",
                    "factorType": "EMAIL",
                    "relayState": "/myapp/some/deep/link/i/want/to/return/to"
                })),
                status: 200,
                response: Some(response),
            },
            org.client
                .unlock_account(
                    UnlockAccountRequest::new("dade.murphy@example.com", RecoveryFactorType::Email)
                        .with_relay_state("/myapp/some/deep/link/i/want/to/return/to"),
                )
                .user_agent(UA)
                .x_forwarded_for("23.235.46.133")
                .send(),
        )
        .await;
    assert_eq!(t.recovery_type, Some(RecoveryType::Unlock));
    assert_eq!(t.factor_type, Some(RecoveryFactorType::Email));
}

#[tokio::test]
async fn verify_recovery_token() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "verify_recovery_token",
                method: "POST",
                path: "/api/v1/authn/recovery/token",
                query: &[],
                headers: &[("user-agent", UA)],
                body: Some(json!({"recoveryToken": "VBQ0gwBp5LyJJFdbmWCM"})),
                status: 200,
                response: Some(recovery()),
            },
            org.client
                .verify_recovery_token(VerifyRecoverTokenRequest::new("VBQ0gwBp5LyJJFdbmWCM"))
                .user_agent(UA)
                .send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::Recovery));
    assert_eq!(t.state_token.as_ref().map(|s| s.expose()), Some(RECOVERY_STATE));
    assert_eq!(
        t.user()
            .and_then(|u| u.recovery_question)
            .and_then(|q| q.question)
            .as_deref(),
        Some("Who's a major player in the cowboy scene?")
    );
}

#[tokio::test]
async fn answer_recovery_question() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "answer_recovery_question",
                method: "POST",
                path: "/api/v1/authn/recovery/answer",
                query: &[],
                headers: &[("user-agent", UA)],
                body: Some(json!({"stateToken": RECOVERY_STATE, "answer": "Cowboy Dan"})),
                status: 200,
                response: Some(password_reset()),
            },
            org.client
                .answer_recovery_question(RecoveryQuestionAnswerRequest::new(RECOVERY_STATE, "Cowboy Dan"))
                .user_agent(UA)
                .send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::PasswordReset));
    assert!(
        t.link_href("next")
            .is_some_and(|h| h.ends_with("/credentials/reset_password"))
    );
}

#[tokio::test]
async fn verify_sms_recovery_factor() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "verify_sms_recovery_factor",
                method: "POST",
                path: "/api/v1/authn/recovery/factors/sms/verify",
                query: &[],
                headers: &[("user-agent", UA)],
                body: Some(json!({"stateToken": RECOVERY_STATE, "passCode": "657866"})),
                status: 200,
                response: Some(recovery()),
            },
            org.client
                .verify_sms_recovery_factor(VerifyRecoveryRequest::new(RECOVERY_STATE, "657866"))
                .user_agent(UA)
                .send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::Recovery));
}

#[tokio::test]
async fn resend_sms_recovery_challenge() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "resend_sms_recovery_challenge",
                method: "POST",
                path: "/api/v1/authn/recovery/factors/sms/resend",
                query: &[],
                headers: &[("user-agent", UA)],
                body: Some(json!({"stateToken": RECOVERY_STATE})),
                status: 200,
                response: Some(recovery_challenge("SMS")),
            },
            org.client
                .resend_sms_recovery_challenge(StateTokenRequest::new(RECOVERY_STATE))
                .user_agent(UA)
                .send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::RecoveryChallenge));
    assert!(
        t.link_href("resend")
            .is_some_and(|h| h.ends_with("/recovery/factors/SMS/resend"))
    );
}

#[tokio::test]
async fn verify_call_recovery_factor() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "verify_call_recovery_factor",
                method: "POST",
                path: "/api/v1/authn/recovery/factors/call/verify",
                query: &[],
                headers: &[("user-agent", UA)],
                body: Some(json!({"stateToken": RECOVERY_STATE, "passCode": "65786"})),
                status: 200,
                response: Some(recovery()),
            },
            org.client
                .verify_call_recovery_factor(VerifyRecoveryRequest::new(RECOVERY_STATE, "65786"))
                .user_agent(UA)
                .send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::Recovery));
}

#[tokio::test]
async fn resend_call_recovery_challenge() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "resend_call_recovery_challenge",
                method: "POST",
                path: "/api/v1/authn/recovery/factors/call/resend",
                query: &[],
                headers: &[("user-agent", UA)],
                body: Some(json!({"stateToken": RECOVERY_STATE})),
                status: 200,
                response: Some(recovery_challenge("CALL")),
            },
            org.client
                .resend_call_recovery_challenge(StateTokenRequest::new(RECOVERY_STATE))
                .user_agent(UA)
                .send(),
        )
        .await;
    assert_eq!(t.factor_type, Some(RecoveryFactorType::Call));
}

#[tokio::test]
async fn change_password() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "change_password",
                method: "POST",
                path: "/api/v1/authn/credentials/change_password",
                query: &[],
                headers: &[("user-agent", UA)],
                body: Some(json!({
                    "stateToken": STATE,
                    "oldPassword": "correcthorsebatterystaple",
                    "newPassword": "Ch-ch-ch-ch-Changes!"
                })),
                status: 200,
                response: Some(success()),
            },
            org.client
                .change_password(ChangePasswordRequest::new(
                    STATE,
                    "correcthorsebatterystaple",
                    "Ch-ch-ch-ch-Changes!",
                ))
                .user_agent(UA)
                .send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::Success));
    assert!(session_token(&t).is_some());
}

#[tokio::test]
async fn reset_password() {
    let org = org().await;
    let t = org
        .check(
            Expected {
                op: "reset_password",
                method: "POST",
                path: "/api/v1/authn/credentials/reset_password",
                query: &[],
                headers: &[("user-agent", UA)],
                body: Some(json!({"stateToken": RECOVERY_STATE, "newPassword": "Ch-ch-ch-ch-Changes!"})),
                status: 200,
                response: Some(success()),
            },
            org.client
                .reset_password(ResetPasswordRequest::new(RECOVERY_STATE, "Ch-ch-ch-ch-Changes!"))
                .user_agent(UA)
                .send(),
        )
        .await;
    assert_eq!(t.status, Some(AuthnStatus::Success));
    assert_eq!(session_token(&t), Some("00Fpzf4en68pCXTsMjcX8JPMctzN2Wiw4LDOBL_9pe"));
}
