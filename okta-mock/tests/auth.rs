//! Factors, the Authentication API, sessions and the System Log.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use common::Api;
use okta_mock::{OktaMock, SEED_PASSWORD, TEST_PASSCODE};
use serde_json::json;

#[tokio::test]
async fn factors_enroll_activate_and_verify_with_the_test_passcode() {
    let api = Api::start().await;
    let uid = api.create_user("Fay", "Factor", "Passw0rd-f").await;
    let base = format!("/api/v1/users/{uid}/factors");

    let sms = api
        .post(
            &base,
            json!({ "factorType": "sms", "provider": "OKTA", "profile": { "phoneNumber": "+1-555-415-1337" } }),
        )
        .await;
    assert_eq!(
        (sms.status, sms.body["status"].as_str()),
        (200, Some("PENDING_ACTIVATION"))
    );
    let fid = sms.body["id"].as_str().unwrap().to_owned();
    assert!(fid.starts_with("sms") && fid.len() == 20);
    let wrong = api
        .post(
            &format!("{base}/{fid}/lifecycle/activate"),
            json!({ "passCode": "000000" }),
        )
        .await;
    assert_eq!((wrong.status, wrong.error_code()), (403, "E0000068"));
    let active = api
        .post(
            &format!("{base}/{fid}/lifecycle/activate"),
            json!({ "passCode": TEST_PASSCODE }),
        )
        .await;
    assert_eq!(active.body["status"], "ACTIVE");

    let challenge = api.post(&format!("{base}/{fid}/verify"), json!({})).await;
    assert_eq!(challenge.body["factorResult"], "CHALLENGE");
    let ok = api
        .post(&format!("{base}/{fid}/verify"), json!({ "passCode": TEST_PASSCODE }))
        .await;
    assert_eq!((ok.status, &ok.body), (200, &json!({ "factorResult": "SUCCESS" })));
    let bad = api
        .post(&format!("{base}/{fid}/verify"), json!({ "passCode": "999999" }))
        .await;
    assert_eq!((bad.status, bad.error_code()), (403, "E0000068"));

    // A question is active at once and verifies with its answer.
    let questions = api.get(&format!("{base}/questions")).await;
    let key = questions.body[0]["question"].as_str().unwrap().to_owned();
    let q = api
        .post(
            &base,
            json!({ "factorType": "question", "profile": { "question": key, "answer": "pizza" } }),
        )
        .await;
    assert_eq!(q.body["status"], "ACTIVE");
    assert!(q.body["profile"].get("answer").is_none(), "answers are write-only");
    let qid = q.body["id"].as_str().unwrap();
    assert_eq!(
        api.post(&format!("{base}/{qid}/verify"), json!({ "answer": "Pizza" }))
            .await
            .body["factorResult"],
        "SUCCESS"
    );
    assert_eq!(
        api.post(&format!("{base}/{qid}/verify"), json!({ "answer": "sushi" }))
            .await
            .status,
        403
    );

    // TOTP shows its activation secret; push verification is polled through a transaction.
    let totp = api
        .post(
            &base,
            json!({ "factorType": "token:software:totp", "provider": "OKTA" }),
        )
        .await;
    assert!(totp.body["_embedded"]["activation"]["sharedSecret"].is_string());
    let push = api
        .post(&base, json!({ "factorType": "push", "provider": "OKTA" }))
        .await;
    let pid = push.body["id"].as_str().unwrap();
    api.post(&format!("{base}/{pid}/lifecycle/activate"), json!({})).await;
    let waiting = api.post(&format!("{base}/{pid}/verify"), json!({})).await;
    assert_eq!(
        (waiting.status, waiting.body["factorResult"].as_str()),
        (201, Some("WAITING"))
    );
    let poll = waiting.body["_links"]["poll"]["href"].as_str().unwrap().to_owned();
    assert_eq!(api.get(&poll).await.body["factorResult"], "SUCCESS");

    let catalog = api.get(&format!("{base}/catalog")).await;
    let sms_entry = catalog
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["factorType"] == "sms")
        .unwrap()
        .clone();
    assert_eq!(sms_entry["status"], "ACTIVE");
    assert_eq!(api.get(&base).await.body.as_array().unwrap().len(), 4);
    assert_eq!(api.call("DELETE", &format!("{base}/{fid}"), None).await.status, 204);
    assert_eq!(api.get(&format!("{base}/{fid}")).await.status, 404);
}

#[tokio::test]
async fn authn_mfa_flow_ends_in_a_session() {
    let api = Api::with(OktaMock::builder().seed_users(1).start().await);
    let user = api.get("/api/v1/users").await.body[0].clone();
    let (uid, login) = (
        user["id"].as_str().unwrap().to_owned(),
        user["profile"]["login"].as_str().unwrap().to_owned(),
    );

    let wrong = api
        .post("/api/v1/authn", json!({ "username": login, "password": "nope" }))
        .await;
    assert_eq!((wrong.status, wrong.error_code()), (401, "E0000004"));
    assert_eq!(wrong.body["errorSummary"], "Authentication failed");

    // Without factors: SUCCESS at once.
    let plain = api
        .post("/api/v1/authn", json!({ "username": login, "password": SEED_PASSWORD }))
        .await;
    assert_eq!(plain.body["status"], "SUCCESS");
    assert_eq!(plain.body["_embedded"]["user"]["id"], uid.as_str());
    assert!(plain.body["sessionToken"].is_string());

    // With an active SMS factor: MFA_REQUIRED, challenge, verify, session.
    let sms = api
        .post(
            &format!("/api/v1/users/{uid}/factors?activate=true"),
            json!({ "factorType": "sms", "profile": { "phoneNumber": "+15551234567" } }),
        )
        .await;
    let fid = sms.body["id"].as_str().unwrap().to_owned();
    let mfa = api
        .post("/api/v1/authn", json!({ "username": login, "password": SEED_PASSWORD }))
        .await;
    assert_eq!(mfa.body["status"], "MFA_REQUIRED");
    assert_eq!(mfa.body["_embedded"]["factors"][0]["id"], fid.as_str());
    let state_token = mfa.body["stateToken"].as_str().unwrap().to_owned();
    let verify = mfa.body["_embedded"]["factors"][0]["_links"]["verify"]["href"]
        .as_str()
        .unwrap()
        .to_owned();
    let challenge = api.post(&verify, json!({ "stateToken": state_token })).await;
    assert_eq!(challenge.body["status"], "MFA_CHALLENGE");
    let prev = api
        .post("/api/v1/authn/previous", json!({ "stateToken": state_token }))
        .await;
    assert_eq!(prev.body["status"], "MFA_REQUIRED");
    let current = api.post("/api/v1/authn", json!({ "stateToken": state_token })).await;
    assert_eq!(current.body["status"], "MFA_REQUIRED");
    let bad = api
        .post(&verify, json!({ "stateToken": state_token, "passCode": "111111" }))
        .await;
    assert_eq!((bad.status, bad.error_code()), (403, "E0000068"));
    let done = api
        .post(&verify, json!({ "stateToken": state_token, "passCode": TEST_PASSCODE }))
        .await;
    assert_eq!(done.body["status"], "SUCCESS");
    let session_token = done.body["sessionToken"].as_str().unwrap().to_owned();

    let session = api
        .post("/api/v1/sessions", json!({ "sessionToken": session_token }))
        .await;
    assert_eq!(session.status, 200);
    let sid = session.body["id"].as_str().unwrap().to_owned();
    assert!(sid.starts_with("102"));
    assert_eq!(session.body["userId"], uid.as_str());
    assert!(session.body["amr"].as_array().unwrap().contains(&json!("mfa")));
    let reused = api
        .post("/api/v1/sessions", json!({ "sessionToken": session_token }))
        .await;
    assert_eq!(reused.status, 403, "a session token is single-use");
    assert_eq!(
        api.get(&format!("/api/v1/sessions/{sid}")).await.body["status"],
        "ACTIVE"
    );
    assert_eq!(
        api.post(&format!("/api/v1/sessions/{sid}/lifecycle/refresh"), json!({}))
            .await
            .status,
        200
    );
    assert_eq!(
        api.call("DELETE", &format!("/api/v1/users/{uid}/sessions"), None)
            .await
            .status,
        204
    );
    assert_eq!(api.get(&format!("/api/v1/sessions/{sid}")).await.status, 404);

    let cancelled = api
        .post("/api/v1/authn/cancel", json!({ "stateToken": state_token }))
        .await;
    assert_eq!(cancelled.status, 200);
    assert_eq!(
        api.post("/api/v1/authn", json!({ "stateToken": state_token }))
            .await
            .status,
        401
    );
}

#[tokio::test]
async fn authn_enrollment_expiry_recovery_and_unlock() {
    let api = Api::with(OktaMock::builder().seed_users(1).start().await);
    let user = api.get("/api/v1/users").await.body[0].clone();
    let (uid, login) = (
        user["id"].as_str().unwrap().to_owned(),
        user["profile"]["login"].as_str().unwrap().to_owned(),
    );

    // Optional enrollment: MFA_ENROLL → enroll sms → MFA_ENROLL_ACTIVATE → activate → SUCCESS.
    let enroll = api
        .post(
            "/api/v1/authn",
            json!({ "username": login, "password": SEED_PASSWORD, "options": { "multiOptionalFactorEnroll": true } }),
        )
        .await;
    assert_eq!(enroll.body["status"], "MFA_ENROLL");
    let st = enroll.body["stateToken"].as_str().unwrap().to_owned();
    let pending = api.post("/api/v1/authn/factors", json!({ "stateToken": st, "factorType": "sms", "provider": "OKTA", "profile": { "phoneNumber": "+15550001111" } })).await;
    assert_eq!(pending.body["status"], "MFA_ENROLL_ACTIVATE");
    let activate = pending.body["_links"]["next"]["href"].as_str().unwrap().to_owned();
    let done = api
        .post(&activate, json!({ "stateToken": st, "passCode": TEST_PASSCODE }))
        .await;
    assert_eq!(done.body["status"], "SUCCESS");

    // Forgot password by SMS: RECOVERY_CHALLENGE → verify → RECOVERY → answer → PASSWORD_RESET → SUCCESS.
    let rc = api
        .post(
            "/api/v1/authn/recovery/password",
            json!({ "username": login, "factorType": "SMS" }),
        )
        .await;
    assert_eq!(rc.body["status"], "RECOVERY_CHALLENGE");
    let st = rc.body["stateToken"].as_str().unwrap().to_owned();
    let rec = api
        .post(
            "/api/v1/authn/recovery/factors/sms/verify",
            json!({ "stateToken": st, "passCode": TEST_PASSCODE }),
        )
        .await;
    assert_eq!(rec.body["status"], "RECOVERY");
    assert!(rec.body["recoveryToken"].is_string());
    let wrong = api
        .post(
            "/api/v1/authn/recovery/answer",
            json!({ "stateToken": st, "answer": "kale" }),
        )
        .await;
    assert_eq!(wrong.status, 403);
    let reset = api
        .post(
            "/api/v1/authn/recovery/answer",
            json!({ "stateToken": st, "answer": "broccoli" }),
        )
        .await;
    assert_eq!(reset.body["status"], "PASSWORD_RESET");
    let ok = api
        .post(
            "/api/v1/authn/credentials/reset_password",
            json!({ "stateToken": st, "newPassword": "Brand-new-pass1" }),
        )
        .await;
    assert_eq!(ok.body["status"], "SUCCESS");

    // E-mail recovery token (as Okta would mail it) → RECOVERY.
    api.post(
        "/api/v1/authn/recovery/password",
        json!({ "username": login, "factorType": "EMAIL" }),
    )
    .await;
    let token = api.org.recovery_token(&login).unwrap();
    let by_token = api
        .post("/api/v1/authn/recovery/token", json!({ "recoveryToken": token }))
        .await;
    assert_eq!(by_token.body["status"], "RECOVERY");

    // Expired password: change it in the transaction.
    api.post(&format!("/api/v1/users/{uid}/lifecycle/expire_password"), json!({}))
        .await;
    let expired = api
        .post(
            "/api/v1/authn",
            json!({ "username": login, "password": "Brand-new-pass1" }),
        )
        .await;
    assert_eq!(expired.body["status"], "PASSWORD_EXPIRED");
    let st = expired.body["stateToken"].as_str().unwrap();
    let changed = api
        .post(
            "/api/v1/authn/credentials/change_password",
            json!({ "stateToken": st, "oldPassword": "Brand-new-pass1", "newPassword": "Another-pass-2" }),
        )
        .await;
    assert_eq!(changed.body["status"], "SUCCESS");

    // Ten wrong passwords lock the account; an admin unlock restores it.
    for _ in 0..10 {
        api.post("/api/v1/authn", json!({ "username": login, "password": "wrong" }))
            .await;
    }
    assert_eq!(
        api.get(&format!("/api/v1/users/{uid}")).await.body["status"],
        "LOCKED_OUT"
    );
    let locked = api
        .post(
            "/api/v1/authn",
            json!({ "username": login, "password": "Another-pass-2" }),
        )
        .await;
    assert_eq!(locked.body["status"], "LOCKED_OUT");
    assert_eq!(
        api.post(&format!("/api/v1/users/{uid}/lifecycle/unlock"), json!({}))
            .await
            .status,
        200
    );
    assert_eq!(api.get(&format!("/api/v1/users/{uid}")).await.body["status"], "ACTIVE");
}

#[tokio::test]
async fn system_log_records_events_and_polls() {
    let api = Api::start().await;
    let uid = api.create_user("Liv", "Logger", "Passw0rd-l").await;
    let gid = api
        .post("/api/v1/groups", json!({ "profile": { "name": "Loggers" } }))
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    api.call("PUT", &format!("/api/v1/groups/{gid}/users/{uid}"), None)
        .await;
    api.post(
        "/api/v1/authn",
        json!({ "username": "liv.logger@example.com", "password": "Passw0rd-l" }),
    )
    .await;

    let logs = api.get("/api/v1/logs").await;
    let types: Vec<&str> = logs
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["eventType"].as_str().unwrap())
        .collect();
    for expected in [
        "user.lifecycle.create",
        "user.lifecycle.activate",
        "group.user_membership.add",
        "user.session.start",
    ] {
        assert!(types.contains(&expected), "{expected} missing from {types:?}");
    }
    let event = &logs.body[0];
    for field in [
        "uuid",
        "published",
        "severity",
        "displayMessage",
        "actor",
        "client",
        "outcome",
        "target",
    ] {
        assert!(!event[field].is_null(), "{field}");
    }
    assert_eq!(event["target"][0]["id"], uid.as_str());

    // Filtered, then polled: the next link is always there, and an empty page marks the end.
    let filtered = api
        .get("/api/v1/logs?filter=eventType%20eq%20%22group.user_membership.add%22")
        .await;
    assert_eq!(filtered.body.as_array().unwrap().len(), 1);
    let mut next = api.get("/api/v1/logs?limit=2").await.link("next").unwrap();
    let mut polls = 0;
    loop {
        let page = api.get(&next).await;
        next = page.link("next").expect("polling always has a next link");
        polls += 1;
        if page.body.as_array().unwrap().is_empty() || polls > 10 {
            break;
        }
    }
    assert!(polls <= 10);
    api.post("/api/v1/groups", json!({ "profile": { "name": "Later" } }))
        .await;
    let later = api.get(&next).await;
    assert_eq!(
        later.body[0]["eventType"], "group.lifecycle.create",
        "the cursor resumes with new events"
    );
}
