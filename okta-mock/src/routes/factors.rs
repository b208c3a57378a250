//! MFA factors of a user (`/users/{id}/factors`): enroll, activate, verify with the fixed
//! passcode [`TEST_PASSCODE`](crate::TEST_PASSCODE), catalog, security questions.

use serde_json::{Map, Value, json};

use super::{by_method, not_found_path};
use crate::TEST_PASSCODE;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::ids;
use crate::request::{Reply, Req};
use crate::state::{Doc, State, user_ref};

/// Supported factors: type, provider, id prefix.
const SUPPORTED: &[(&str, &str, &str)] = &[
    ("sms", "OKTA", "sms"),
    ("call", "OKTA", "clf"),
    ("email", "OKTA", "emf"),
    ("question", "OKTA", "ufs"),
    ("token:software:totp", "OKTA", "ost"),
    ("token:software:totp", "GOOGLE", "uft"),
    ("push", "OKTA", "opf"),
];

/// Security questions offered by `/factors/questions`.
const QUESTIONS: &[(&str, &str)] = &[
    ("disliked_food", "What is the food you least liked as a child?"),
    (
        "name_of_first_plush_toy",
        "What is the name of your first stuffed animal?",
    ),
    ("first_award", "What did you earn your first medal or award for?"),
    ("favorite_security_question", "What is your favorite security question?"),
    (
        "favorite_toy",
        "What is the toy/stuffed animal you liked the most as a kid?",
    ),
    ("first_computer_game", "What was the first computer game you played?"),
    ("favorite_movie_quote", "What is your favorite movie quote?"),
    (
        "first_sports_team_mascot",
        "What was the mascot of the first sports team you played on?",
    ),
    (
        "first_music_purchase",
        "What music album or song did you first purchase?",
    ),
    ("favorite_art_piece", "What is your favorite piece of art?"),
];

pub(crate) const PENDING: &str = "PENDING_ACTIVATION";
pub(crate) const ACTIVE: &str = "ACTIVE";

pub(crate) fn route(st: &mut State, req: &Req, user: &str, rest: &[&str]) -> ApiResult<Reply> {
    let uid = st.user(user)?.id.clone();
    match rest {
        [] => by_method!(req,
            "GET" => Ok(Reply::ok(st.factors.children(&uid).map(|f| factor_json(st, f)).collect())),
            "POST" => {
                let f = enroll(st, req, &uid, req.q_bool("activate", false))?;
                Ok(Reply::ok(factor_json(st, &f)))
            },
        ),
        ["catalog"] => by_method!(req, "GET" => Ok(Reply::ok(Value::Array(catalog(st, &uid))))),
        ["questions"] => by_method!(req, "GET" => Ok(Reply::ok(
            QUESTIONS.iter().map(|(q, t)| json!({ "question": q, "questionText": t })).collect()
        ))),
        [fid] => by_method!(req,
            "GET" => Ok(Reply::ok(factor_json(st, factor(st, &uid, fid)?))),
            "DELETE" => {
                factor(st, &uid, fid)?;
                st.delete_factor(&uid, fid);
                let target = user_ref(st.user(&uid)?);
                st.log(req, "user.mfa.factor.deactivate", "Reset factor for user", vec![target]);
                Ok(Reply::no_content())
            },
        ),
        [fid, "lifecycle", "activate"] => by_method!(req, "POST" => {
            let f = activate(st, req, &uid, fid)?;
            Ok(Reply::ok(factor_json(st, &f)))
        }),
        [fid, "verify"] => by_method!(req, "POST" => verify(st, req, &uid, fid)),
        [fid, "resend"] => by_method!(req, "POST" => {
            let f = factor(st, &uid, fid)?;
            if f.json["status"] != PENDING || !needs_challenge(f) {
                return Err(ApiError::validation("factor", "Only a pending sms, call or email factor can be resent."));
            }
            Ok(Reply::ok(factor_json(st, f)))
        }),
        [fid, "transactions", tid] => by_method!(req, "GET" => {
            factor(st, &uid, fid)?;
            let tx = st.factor_txs.get_mut(fid, tid).ok_or_else(|| ApiError::not_found(tid, "Transaction"))?;
            // The simulated device approves the push as soon as the client polls.
            tx.json["factorResult"] = json!("SUCCESS");
            tx.json.as_object_mut().map(|o| o.remove("_links"));
            Ok(Reply::ok(tx.json.clone()))
        }),
        _ => Err(not_found_path(req)),
    }
}

pub(crate) fn factor<'a>(st: &'a State, uid: &str, fid: &str) -> ApiResult<&'a Doc> {
    st.factors
        .get(uid, fid)
        .ok_or_else(|| ApiError::not_found(fid, "UserFactor"))
}

/// Factors whose OTP is sent on demand (a verify without a passcode is a challenge).
pub(crate) fn needs_challenge(f: &Doc) -> bool {
    matches!(f.json["factorType"].as_str(), Some("sms" | "call" | "email"))
}

/// The Factor as the management API sends it (`_links`, and `_embedded.activation` while pending).
pub(crate) fn factor_json(st: &State, f: &Doc) -> Value {
    let mut json = f.json.clone();
    let href = format!("{}/api/v1/users/{}/factors/{}", st.base_url, f.parent, f.id);
    let mut links = Map::new();
    links.insert(
        "self".into(),
        json!({ "href": href, "hints": { "allow": ["GET", "DELETE"] } }),
    );
    links.insert(
        "user".into(),
        json!({ "href": format!("{}/api/v1/users/{}", st.base_url, f.parent) }),
    );
    if json["status"] == PENDING {
        links.insert(
            "activate".into(),
            json!({ "href": format!("{href}/lifecycle/activate"), "hints": { "allow": ["POST"] } }),
        );
        if needs_challenge(f) {
            links.insert("resend".into(), json!([{ "name": json["factorType"], "href": format!("{href}/resend"), "hints": { "allow": ["POST"] } }]));
        }
        let qr = json!({ "qrcode": { "href": format!("{}/api/v1/users/{}/factors/{}/qr/mock", st.base_url, f.parent, f.id), "type": "image/png" } });
        match json["factorType"].as_str() {
            Some("token:software:totp") => {
                json["_embedded"] = json!({ "activation": {
                    "timeStep": 30, "sharedSecret": f.secret.clone().unwrap_or_default(), "encoding": "base32", "keyLength": 6, "_links": qr,
                }});
            }
            Some("push") => {
                json["_embedded"] = json!({ "activation": { "factorResult": "WAITING", "expiresAt": clock::rfc3339(clock::now_millis() + 300_000), "_links": qr } });
            }
            _ => {}
        }
    } else {
        links.insert(
            "verify".into(),
            json!({ "href": format!("{href}/verify"), "hints": { "allow": ["POST"] } }),
        );
    }
    if json["factorType"] == "question" {
        links.insert("questions".into(), json!({ "href": format!("{}/api/v1/users/{}/factors/questions", st.base_url, f.parent), "hints": { "allow": ["GET"] } }));
    }
    json["_links"] = Value::Object(links);
    json
}

/// `/factors/catalog`: every supported factor with the user's enrollment status.
pub(crate) fn catalog(st: &State, uid: &str) -> Vec<Value> {
    SUPPORTED
        .iter()
        .map(|(kind, provider, _)| {
            let enrolled = st.factors.children(uid).find(|f| f.json["factorType"] == *kind && f.json["provider"] == *provider);
            let status = enrolled.map_or(json!("NOT_SETUP"), |f| f.json["status"].clone());
            json!({
                "factorType": kind, "provider": provider, "vendorName": provider, "status": status, "enrollment": "OPTIONAL",
                "_links": { "enroll": { "href": format!("{}/api/v1/users/{uid}/factors", st.base_url), "hints": { "allow": ["POST"] } } },
            })
        })
        .collect()
}

/// Enrolls a factor from a `{factorType, provider, profile}` body. Questions are ACTIVE at once;
/// the others wait for activation with the test passcode (unless `activate` and sms/call/email).
pub(crate) fn enroll(st: &mut State, req: &Req, uid: &str, activate: bool) -> ApiResult<Doc> {
    let body = &req.body;
    let kind = body
        .get("factorType")
        .and_then(Value::as_str)
        .ok_or_else(|| ApiError::required("factorType"))?;
    let provider = body.get("provider").and_then(Value::as_str).unwrap_or("OKTA");
    let (_, _, id_prefix) = SUPPORTED
        .iter()
        .find(|(k, p, _)| *k == kind && *p == provider)
        .ok_or_else(|| {
            ApiError::validation(
                "factorType",
                format!("factorType: Unsupported factor {kind} ({provider})"),
            )
        })?;
    if st
        .factors
        .children(uid)
        .any(|f| f.json["factorType"] == kind && f.json["provider"] == provider)
    {
        return Err(ApiError::validation(
            "factor",
            "A factor of this type is already set up.",
        ));
    }
    let profile = body
        .get("profile")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let text = |k: &str| {
        profile
            .get(k)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let user = st.user(uid)?.clone();
    let mut secret = None;
    let public = match kind {
        "sms" | "call" => {
            json!({ "phoneNumber": text("phoneNumber").ok_or_else(|| ApiError::required("phoneNumber"))?, "phoneExtension": profile.get("phoneExtension") })
        }
        "email" => {
            json!({ "email": text("email").unwrap_or_else(|| user.profile.get("email").and_then(Value::as_str).unwrap_or_default().to_owned()) })
        }
        "question" => {
            let question = text("question").ok_or_else(|| ApiError::required("question"))?;
            let answer = text("answer").ok_or_else(|| ApiError::required("answer"))?;
            let Some((_, question_text)) = QUESTIONS.iter().find(|(q, _)| *q == question) else {
                return Err(ApiError::validation(
                    "question",
                    "question: The security question is not valid",
                ));
            };
            if answer.chars().count() < 4 {
                return Err(ApiError::validation(
                    "answer",
                    "answer: The security question answer must be at least 4 characters in length",
                ));
            }
            secret = Some(answer);
            json!({ "question": question, "questionText": question_text })
        }
        "token:software:totp" => {
            secret = Some(ids::random_chars(16).to_uppercase());
            json!({ "credentialId": user.login() })
        }
        _ => {
            json!({ "credentialId": user.login(), "name": "Mock Device", "platform": "IOS", "deviceType": "SmartPhone_IPhone" })
        }
    };
    let status = if kind == "question" || (activate && matches!(kind, "sms" | "call" | "email")) {
        ACTIVE
    } else {
        PENDING
    };
    let now = clock::now();
    let id = ids::object_id(id_prefix);
    let json = json!({
        "id": id, "factorType": kind, "provider": provider, "vendorName": provider, "status": status,
        "created": now, "lastUpdated": now, "profile": public,
    });
    let mut doc = st.doc(id, uid, json);
    doc.secret = secret;
    st.factors.insert(doc.clone());
    if status == ACTIVE {
        st.log_as(
            req,
            user_ref(&user),
            "user.mfa.factor.activate",
            "Activate factor for user",
            "SUCCESS",
            vec![user_ref(&user)],
        );
    }
    Ok(doc)
}

/// Checks `passCode` (or `answer` for a question) in `body` against the factor.
pub(crate) fn check_secret(f: &Doc, body: &Value) -> ApiResult<()> {
    let given = |k: &str| body.get(k).and_then(Value::as_str);
    let ok = match f.json["factorType"].as_str() {
        Some("question") => given("answer")
            .zip(f.secret.as_deref())
            .is_some_and(|(a, e)| a.trim().eq_ignore_ascii_case(e.trim())),
        Some("push") => true,
        _ => given("passCode") == Some(TEST_PASSCODE),
    };
    if ok { Ok(()) } else { Err(ApiError::bad_passcode()) }
}

/// Activates a pending factor with the test passcode.
pub(crate) fn activate_factor(st: &mut State, uid: &str, fid: &str, body: &Value) -> ApiResult<Doc> {
    let f = factor(st, uid, fid)?;
    if f.json["status"] != PENDING {
        return Err(ApiError::validation("factor", "The factor is not pending activation."));
    }
    check_secret(f, body)?;
    let f = st
        .factors
        .get_mut(uid, fid)
        .ok_or_else(|| ApiError::not_found(fid, "UserFactor"))?;
    f.json["status"] = json!(ACTIVE);
    f.json["lastUpdated"] = json!(clock::now());
    Ok(f.clone())
}

fn activate(st: &mut State, req: &Req, uid: &str, fid: &str) -> ApiResult<Doc> {
    let f = activate_factor(st, uid, fid, &req.body)?;
    let target = user_ref(st.user(uid)?);
    st.log(
        req,
        "user.mfa.factor.activate",
        "Activate factor for user",
        vec![target],
    );
    Ok(f)
}

fn verify(st: &mut State, req: &Req, uid: &str, fid: &str) -> ApiResult<Reply> {
    let f = factor(st, uid, fid)?.clone();
    if f.json["status"] != ACTIVE {
        return Err(ApiError::validation("factor", "The factor is not active."));
    }
    let actor = user_ref(st.user(uid)?);
    let href = format!("{}/api/v1/users/{uid}/factors/{fid}", st.base_url);
    let has = |k: &str| req.body.get(k).is_some_and(|v| !v.is_null());
    if f.json["factorType"] == "push" {
        let tid = format!("v2mst.{}", ids::random_chars(22));
        let json = json!({
            "factorResult": "WAITING", "expiresAt": clock::rfc3339(clock::now_millis() + 300_000),
            "_links": {
                "poll": { "href": format!("{href}/transactions/{tid}"), "hints": { "allow": ["GET"] } },
                "cancel": { "href": format!("{href}/transactions/{tid}"), "hints": { "allow": ["DELETE"] } },
            },
        });
        let doc = st.doc(tid, fid, json.clone());
        st.factor_txs.insert(doc);
        return Ok(Reply::created(json));
    }
    if needs_challenge(&f) && !has("passCode") {
        st.log_as(
            req,
            actor.clone(),
            "system.sms.send_factor_verify_message",
            "Send SMS verification",
            "SUCCESS",
            vec![actor],
        );
        return Ok(Reply::ok(json!({
            "factorResult": "CHALLENGE",
            "_links": { "verify": { "href": format!("{href}/verify"), "hints": { "allow": ["POST"] } }, "factor": { "href": href } },
        })));
    }
    let outcome = check_secret(&f, &req.body);
    let result = if outcome.is_ok() { "SUCCESS" } else { "FAILURE" };
    st.log_as(
        req,
        actor.clone(),
        "user.authentication.auth_via_mfa",
        "Authentication of user via MFA",
        result,
        vec![actor],
    );
    outcome.map(|()| Reply::ok(json!({ "factorResult": "SUCCESS" })))
}
