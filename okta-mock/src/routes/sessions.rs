//! Sessions: created from an authn `sessionToken`, read, refreshed, ended.

use serde_json::{Value, json};

use super::{by_method, not_found_path};
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::ids::{self, prefix};
use crate::request::{Reply, Req};
use crate::state::{Doc, State, user_ref};

/// Sessions last two hours; refresh extends them by as much.
const LIFETIME_MS: i64 = 2 * 3600 * 1000;

pub(crate) fn route(st: &mut State, req: &Req, rest: &[&str]) -> ApiResult<Reply> {
    match rest {
        [] => by_method!(req, "POST" => create(st, req)),
        [id] => by_method!(req,
            "GET" => Ok(Reply::ok(session_json(st, session(st, id)?))),
            "DELETE" => {
                let s = session(st, id)?.clone();
                st.sessions.remove(&s.parent, id);
                log_end(st, req, &s.parent);
                Ok(Reply::no_content())
            },
        ),
        [id, "lifecycle", "refresh"] => by_method!(req, "POST" => {
            let parent = session(st, id)?.parent.clone();
            let s = st.sessions.get_mut(&parent, id).ok_or_else(|| ApiError::not_found(id, "Session"))?;
            s.json["expiresAt"] = json!(clock::rfc3339(clock::now_millis() + LIFETIME_MS));
            let s = s.clone();
            Ok(Reply::ok(session_json(st, &s)))
        }),
        _ => Err(not_found_path(req)),
    }
}

fn session<'a>(st: &'a State, id: &str) -> ApiResult<&'a Doc> {
    st.sessions.find(id).ok_or_else(|| ApiError::not_found(id, "Session"))
}

fn session_json(st: &State, s: &Doc) -> Value {
    let mut json = s.json.clone();
    let href = format!("{}/api/v1/sessions/{}", st.base_url, s.id);
    json["_links"] = json!({
        "self": { "href": href, "hints": { "allow": ["GET", "DELETE"] } },
        "refresh": { "href": format!("{href}/lifecycle/refresh"), "hints": { "allow": ["POST"] } },
        "user": { "name": json["login"], "href": format!("{}/api/v1/users/{}", st.base_url, s.parent), "hints": { "allow": ["GET"] } },
    });
    json
}

/// A one-time `sessionToken` for a user who just authenticated with `amr` methods.
pub(crate) fn issue_session_token(st: &mut State, uid: &str, amr: &[&str]) -> String {
    let token = format!("20111{}", ids::random_chars(50));
    let doc = st.doc(token.clone(), uid, json!({ "amr": amr, "at": clock::now() }));
    st.session_tokens.insert(doc);
    token
}

/// Exchanges a sessionToken (once) for a Session.
fn create(st: &mut State, req: &Req) -> ApiResult<Reply> {
    let token = req.required_str("/sessionToken", "sessionToken")?;
    let invalid =
        || ApiError::new(403, "E0000005", "Invalid session").cause("The session token is invalid or was already used.");
    let grant = st.session_tokens.find(token).cloned().ok_or_else(invalid)?;
    st.session_tokens.remove(&grant.parent, &grant.id);
    let user = st.user(&grant.parent)?.clone();
    let now = clock::now();
    let amr = grant.json["amr"].clone();
    let mfa = amr.as_array().is_some_and(|a| a.iter().any(|m| m == "mfa"));
    let id = ids::object_id(prefix::SESSION);
    let json = json!({
        "id": id, "userId": user.id, "login": user.login(), "createdAt": now,
        "expiresAt": clock::rfc3339(clock::now_millis() + LIFETIME_MS), "status": "ACTIVE",
        "lastPasswordVerification": grant.json["at"], "lastFactorVerification": if mfa { grant.json["at"].clone() } else { Value::Null },
        "amr": amr, "idp": { "id": format!("{}mockokta0000000", prefix::IDP), "type": "OKTA" }, "mfaActive": mfa,
    });
    let doc = st.doc(id, &user.id, json);
    st.sessions.insert(doc.clone());
    Ok(Reply::ok(session_json(st, &doc)))
}

/// DELETE /users/{id}/sessions.
pub(crate) fn end_all(st: &mut State, req: &Req, user: &str) -> ApiResult<Reply> {
    let uid = st.user(user)?.id.clone();
    st.end_sessions_of(&uid);
    log_end(st, req, &uid);
    Ok(Reply::no_content())
}

fn log_end(st: &mut State, req: &Req, uid: &str) {
    if let Ok(u) = st.user(uid) {
        let actor = user_ref(u);
        st.log_as(
            req,
            actor.clone(),
            "user.session.end",
            "User logout from Okta",
            "SUCCESS",
            vec![actor],
        );
    }
}
