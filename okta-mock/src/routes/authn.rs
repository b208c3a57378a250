//! The Authentication API (`/api/v1/authn…`): primary authentication, MFA challenge and
//! enrollment, password change/recovery, unlock. Transactions are state machines keyed by
//! `stateToken`; factors answer to [`TEST_PASSCODE`](crate::TEST_PASSCODE).

use serde_json::{Value, json};

use super::factors::{self, ACTIVE, check_secret, needs_challenge};
use super::sessions::issue_session_token;
use super::user_lifecycle::{issue_token, redeem_token};
use super::users::{password_problem, set_status};
use super::{by_method, not_found_path};
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::ids;
use crate::request::{Reply, Req};
use crate::state::{AuthnTx, State, user_ref};
use crate::status::{AuthnStatus, UserStatus};

/// Failed passwords in a row before the user is AuthnStatus::LockedOut (Okta's default policy).
const LOCKOUT_AFTER: u32 = 10;

pub(crate) fn route(st: &mut State, req: &Req, rest: &[&str]) -> ApiResult<Reply> {
    let post =
        |handler: fn(&mut State, &Req) -> ApiResult<Reply>, st: &mut State| by_method!(req, "POST" => handler(st, req));
    match rest {
        [] => post(primary, st),
        ["previous"] => post(previous, st),
        ["skip"] => post(skip, st),
        ["cancel"] => post(cancel, st),
        ["factors"] => post(enroll, st),
        ["factors", fid, "verify"] => by_method!(req, "POST" => verify(st, req, fid)),
        ["factors", _, "verify", "resend"] | ["factors", _, "lifecycle", "resend"] => {
            by_method!(req, "POST" => { let i = tx(st, req)?; respond(st, i) })
        }
        ["factors", fid, "lifecycle", "activate"] => by_method!(req, "POST" => activate(st, req, fid)),
        ["credentials", "change_password"] => post(change_password, st),
        ["credentials", "reset_password"] => post(reset_password, st),
        ["recovery", "password"] => by_method!(req, "POST" => start_recovery(st, req, "PASSWORD")),
        ["recovery", "unlock"] => by_method!(req, "POST" => start_recovery(st, req, "UNLOCK")),
        ["recovery", "factors", kind, "verify"] => by_method!(req, "POST" => verify_recovery(st, req, kind)),
        ["recovery", "factors", _, "resend"] => by_method!(req, "POST" => {
            let i = in_state(st, req, &[AuthnStatus::RecoveryChallenge])?;
            respond(st, i)
        }),
        ["recovery", "token"] => post(recovery_token, st),
        ["recovery", "answer"] => post(answer, st),
        _ => Err(not_found_path(req)),
    }
}

/// The transaction named by the body's `stateToken`.
fn tx(st: &State, req: &Req) -> ApiResult<usize> {
    let token = req.required_str("/stateToken", "stateToken")?;
    st.authn
        .iter()
        .position(|t| t.state_token == token)
        .ok_or_else(ApiError::invalid_token)
}

/// The transaction, which must be in one of `allowed`.
fn in_state(st: &State, req: &Req, allowed: &[AuthnStatus]) -> ApiResult<usize> {
    let i = tx(st, req)?;
    if allowed.contains(&st.authn[i].status) {
        Ok(i)
    } else {
        Err(ApiError::wrong_state())
    }
}

fn new_tx(st: &mut State, user_id: &str, status: AuthnStatus, relay_state: Value) -> usize {
    st.authn.push(AuthnTx {
        state_token: format!("00{}", ids::random_chars(40)),
        user_id: user_id.to_owned(),
        status,
        factor_id: None,
        history: Vec::new(),
        recovery_type: None,
        factor_type: None,
        recovery_token: None,
        relay_state,
        expires_at: clock::rfc3339(clock::now_millis() + 300_000),
        amr: vec!["pwd"],
        push_waiting: false,
        skippable: false,
        session_token: None,
    });
    st.authn.len() - 1
}

/// Moves a transaction on, remembering where it was for `/authn/previous`.
fn advance(st: &mut State, i: usize, status: AuthnStatus, factor_id: Option<String>) {
    let t = &mut st.authn[i];
    t.history.push((t.status, t.factor_id.take()));
    t.status = status;
    t.factor_id = factor_id;
    t.push_waiting = false;
}

fn respond(st: &State, i: usize) -> ApiResult<Reply> {
    Ok(Reply::ok(tx_json(st, &st.authn[i])))
}

/// The user as authn embeds it.
fn embedded_user(st: &State, uid: &str) -> Value {
    let Ok(u) = st.user(uid) else { return Value::Null };
    let p = |k: &str| u.profile.get(k).cloned().unwrap_or(Value::Null);
    let mut user = json!({
        "id": u.id, "passwordChanged": u.password_changed,
        "profile": { "login": u.login(), "firstName": p("firstName"), "lastName": p("lastName"),
                     "locale": p("locale").as_str().unwrap_or("en"), "timeZone": p("timeZone").as_str().unwrap_or("America/Los_Angeles") },
    });
    if let Some((q, _)) = &u.recovery_question {
        user["recovery_question"] = json!({ "question": q });
    }
    user
}

/// A factor as authn embeds it, with its verify or activate link.
fn embedded_factor(st: &State, uid: &str, fid: &str) -> Value {
    let Some(f) = st.factors.get(uid, fid) else {
        return Value::Null;
    };
    let mut json = factors::factor_json(st, f);
    let href = format!("{}/api/v1/authn/factors/{fid}", st.base_url);
    let (name, link) = if f.json["status"] == ACTIVE {
        ("verify", format!("{href}/verify"))
    } else {
        ("activate", format!("{href}/lifecycle/activate"))
    };
    json["_links"] = json!({ name: { "href": link, "hints": { "allow": ["POST"] } } });
    json
}

fn link(href: String) -> Value {
    json!({ "href": href, "hints": { "allow": ["POST"] } })
}

/// The AuthenticationTransaction / RecoveryTransaction body.
fn tx_json(st: &State, t: &AuthnTx) -> Value {
    let base = format!("{}/api/v1/authn", st.base_url);
    let mut out = json!({ "expiresAt": t.expires_at, "status": t.status.as_str() });
    match &t.session_token {
        Some(token) if t.status == AuthnStatus::Success => out["sessionToken"] = json!(token),
        _ if t.status != AuthnStatus::Success => out["stateToken"] = json!(t.state_token),
        _ => {}
    }
    if !t.relay_state.is_null() {
        out["relayState"] = t.relay_state.clone();
    }
    if let Some(kind) = t.recovery_type {
        out["recoveryType"] = json!(kind);
    }
    if let Some(kind) = &t.factor_type {
        out["factorType"] = json!(kind);
    }
    if let (Some(token), AuthnStatus::Recovery | AuthnStatus::PasswordReset) = (&t.recovery_token, t.status) {
        out["recoveryToken"] = json!(token);
    }
    if t.push_waiting {
        out["factorResult"] = json!("WAITING");
    }
    let mut embedded = json!({ "user": embedded_user(st, &t.user_id) });
    let mut links = json!({});
    let fid = t.factor_id.clone().unwrap_or_default();
    match t.status {
        AuthnStatus::MfaRequired => {
            let list: Vec<Value> = st
                .factors
                .children(&t.user_id)
                .filter(|f| f.json["status"] == ACTIVE)
                .map(|f| embedded_factor(st, &t.user_id, &f.id))
                .collect();
            embedded["factors"] = json!(list);
        }
        AuthnStatus::MfaChallenge => {
            embedded["factor"] = embedded_factor(st, &t.user_id, &fid);
            links["next"] = json!({ "name": "verify", "href": format!("{base}/factors/{fid}/verify"), "hints": { "allow": ["POST"] } });
            links["prev"] = link(format!("{base}/previous"));
            if st.factors.get(&t.user_id, &fid).is_some_and(needs_challenge) {
                links["resend"] = json!([{ "name": "sms", "href": format!("{base}/factors/{fid}/verify/resend"), "hints": { "allow": ["POST"] } }]);
            }
        }
        AuthnStatus::MfaEnroll => {
            embedded["factors"] = json!(factors::catalog(st, &t.user_id));
            if t.skippable {
                links["skip"] = json!({ "href": format!("{base}/skip"), "hints": { "allow": ["POST"] } });
            }
        }
        AuthnStatus::MfaEnrollActivate => {
            embedded["factor"] = embedded_factor(st, &t.user_id, &fid);
            links["next"] = json!({ "name": "activate", "href": format!("{base}/factors/{fid}/lifecycle/activate"), "hints": { "allow": ["POST"] } });
            links["prev"] = link(format!("{base}/previous"));
        }
        AuthnStatus::PasswordExpired | AuthnStatus::PasswordReset => {
            embedded["policy"] = json!({ "complexity": { "minLength": 8, "minLowerCase": 0, "minUpperCase": 0, "minNumber": 0, "minSymbol": 0 } });
            let (name, path) = if t.status == AuthnStatus::PasswordExpired {
                ("changePassword", "credentials/change_password")
            } else {
                ("resetPassword", "credentials/reset_password")
            };
            links["next"] = json!({ "name": name, "href": format!("{base}/{path}"), "hints": { "allow": ["POST"] } });
        }
        AuthnStatus::Recovery => {
            links["next"] =
                json!({ "name": "answer", "href": format!("{base}/recovery/answer"), "hints": { "allow": ["POST"] } })
        }
        AuthnStatus::RecoveryChallenge => {
            embedded = json!({});
            let kind = t.factor_type.clone().unwrap_or_default();
            links["next"] = json!({ "name": "verify", "href": format!("{base}/recovery/factors/{kind}/verify"), "hints": { "allow": ["POST"] } });
            links["resend"] = json!({ "name": "resend", "href": format!("{base}/recovery/factors/{kind}/resend"), "hints": { "allow": ["POST"] } });
        }
        AuthnStatus::LockedOut => {
            embedded = json!({});
            links["next"] =
                json!({ "name": "unlock", "href": format!("{base}/recovery/unlock"), "hints": { "allow": ["POST"] } });
        }
        _ => {}
    }
    if t.status != AuthnStatus::Success {
        links["cancel"] = link(format!("{base}/cancel"));
    }
    out["_embedded"] = embedded;
    out["_links"] = links;
    out
}

/// Ends a transaction in AuthnStatus::Success with a one-time sessionToken.
fn succeed(st: &mut State, req: &Req, i: usize) -> ApiResult<Reply> {
    let (uid, amr) = (st.authn[i].user_id.clone(), st.authn[i].amr.clone());
    let token = issue_session_token(st, &uid, &amr);
    advance(st, i, AuthnStatus::Success, None);
    st.authn[i].session_token = Some(token);
    let u = st.user_mut(&uid)?;
    u.last_login = Some(clock::now());
    let actor = user_ref(u);
    st.log_as(
        req,
        actor.clone(),
        "user.session.start",
        "User login to Okta",
        "SUCCESS",
        vec![actor],
    );
    respond(st, i)
}

/// POST /authn: `{username, password}` starts a transaction; `{stateToken}` reads one.
fn primary(st: &mut State, req: &Req) -> ApiResult<Reply> {
    if req.str_at("/username").is_none() && req.str_at("/stateToken").is_some() {
        let i = tx(st, req)?;
        return respond(st, i);
    }
    let username = req.required_str("/username", "username")?;
    let password = req.str_at("/password");
    let relay = req.body.get("relayState").cloned().unwrap_or(Value::Null);
    let Ok(user) = st.user(username).cloned() else {
        return Err(ApiError::authn_failed());
    };
    if user.status == UserStatus::LockedOut {
        let i = new_tx(st, &user.id, AuthnStatus::LockedOut, relay);
        return respond(st, i);
    }
    let usable = !matches!(
        user.status,
        UserStatus::Staged | UserStatus::Provisioned | UserStatus::Deprovisioned | UserStatus::Suspended
    );
    if !usable || user.password.is_none() || password != user.password.as_deref() {
        let u = st.user_mut(&user.id)?;
        u.failed_logins += 1;
        let locked = usable && u.failed_logins >= LOCKOUT_AFTER;
        if locked {
            set_status(u, UserStatus::LockedOut);
        }
        let actor = user_ref(u);
        st.log_as(
            req,
            actor.clone(),
            "user.session.start",
            "User login to Okta",
            "FAILURE",
            vec![actor.clone()],
        );
        if locked {
            st.log_as(
                req,
                actor.clone(),
                "user.account.lock",
                "Max sign in attempts exceeded",
                "SUCCESS",
                vec![actor],
            );
        }
        return Err(ApiError::authn_failed());
    }
    st.user_mut(&user.id)?.failed_logins = 0;
    let active_factors = st.factors.children(&user.id).any(|f| f.json["status"] == ACTIVE);
    let enroll_required = st
        .policies
        .iter()
        .any(|p| p.json["type"] == "MFA_ENROLL" && p.json["status"] == "ACTIVE");
    let enroll_optional = req.body.pointer("/options/multiOptionalFactorEnroll") == Some(&json!(true));
    let status = if user.status == UserStatus::PasswordExpired {
        AuthnStatus::PasswordExpired
    } else if active_factors {
        AuthnStatus::MfaRequired
    } else if enroll_required || enroll_optional {
        AuthnStatus::MfaEnroll
    } else {
        AuthnStatus::Success
    };
    let i = new_tx(st, &user.id, status, relay);
    st.authn[i].skippable = !enroll_required;
    if status == AuthnStatus::Success {
        st.authn[i].status = AuthnStatus::MfaRequired; // so `succeed` records a real transition
        return succeed(st, req, i);
    }
    respond(st, i)
}

/// The `amr` value a factor type proves.
fn amr_of(kind: &str) -> &'static str {
    match kind {
        "sms" => "sms",
        "call" => "tel",
        "question" => "kba",
        "push" => "swk",
        _ => "otp",
    }
}

fn verify(st: &mut State, req: &Req, fid: &str) -> ApiResult<Reply> {
    let i = in_state(st, req, &[AuthnStatus::MfaRequired, AuthnStatus::MfaChallenge])?;
    let uid = st.authn[i].user_id.clone();
    let f = st
        .factors
        .get(&uid, fid)
        .filter(|f| f.json["status"] == ACTIVE)
        .cloned();
    let f = f.ok_or_else(|| ApiError::not_found(fid, "UserFactor"))?;
    let kind = f.json["factorType"].as_str().unwrap_or_default().to_owned();
    let actor = user_ref(st.user(&uid)?);
    let waiting = st.authn[i].push_waiting && st.authn[i].factor_id.as_deref() == Some(fid);
    if kind == "push" && !waiting {
        // First call sends the push; the next poll finds it approved.
        advance(st, i, AuthnStatus::MfaChallenge, Some(fid.to_owned()));
        st.authn[i].push_waiting = true;
        return respond(st, i);
    }
    if needs_challenge(&f) && req.str_at("/passCode").is_none() {
        advance(st, i, AuthnStatus::MfaChallenge, Some(fid.to_owned()));
        st.log_as(
            req,
            actor.clone(),
            "system.sms.send_factor_verify_message",
            "Send SMS verification",
            "SUCCESS",
            vec![actor],
        );
        return respond(st, i);
    }
    if let Err(e) = check_secret(&f, &req.body) {
        st.log_as(
            req,
            actor.clone(),
            "user.authentication.auth_via_mfa",
            "Authentication of user via MFA",
            "FAILURE",
            vec![actor],
        );
        return Err(e);
    }
    st.log_as(
        req,
        actor.clone(),
        "user.authentication.auth_via_mfa",
        "Authentication of user via MFA",
        "SUCCESS",
        vec![actor],
    );
    st.authn[i].amr.extend(["mfa", amr_of(&kind)]);
    succeed(st, req, i)
}

fn previous(st: &mut State, req: &Req) -> ApiResult<Reply> {
    let i = tx(st, req)?;
    let t = &mut st.authn[i];
    let (status, factor) = t
        .history
        .pop()
        .filter(|_| t.status != AuthnStatus::Success)
        .ok_or_else(ApiError::wrong_state)?;
    t.status = status;
    t.factor_id = factor;
    t.push_waiting = false;
    respond(st, i)
}

fn skip(st: &mut State, req: &Req) -> ApiResult<Reply> {
    let i = in_state(st, req, &[AuthnStatus::MfaEnroll, AuthnStatus::PasswordWarn])?;
    if st.authn[i].status == AuthnStatus::MfaEnroll && !st.authn[i].skippable {
        return Err(ApiError::wrong_state());
    }
    succeed(st, req, i)
}

fn cancel(st: &mut State, req: &Req) -> ApiResult<Reply> {
    let i = tx(st, req)?;
    let t = st.authn.remove(i);
    let body = if t.relay_state.is_null() {
        json!({})
    } else {
        json!({ "relayState": t.relay_state })
    };
    Ok(Reply::ok(body))
}

/// POST /authn/factors: enroll during AuthnStatus::MfaEnroll; activation follows unless the factor is
/// active at once (a security question).
fn enroll(st: &mut State, req: &Req) -> ApiResult<Reply> {
    let i = in_state(st, req, &[AuthnStatus::MfaEnroll])?;
    let uid = st.authn[i].user_id.clone();
    let f = factors::enroll(st, req, &uid, false)?;
    if f.json["status"] == ACTIVE {
        st.authn[i]
            .amr
            .push(amr_of(f.json["factorType"].as_str().unwrap_or_default()));
        return succeed(st, req, i);
    }
    advance(st, i, AuthnStatus::MfaEnrollActivate, Some(f.id));
    respond(st, i)
}

fn activate(st: &mut State, req: &Req, fid: &str) -> ApiResult<Reply> {
    let i = in_state(st, req, &[AuthnStatus::MfaEnrollActivate])?;
    if st.authn[i].factor_id.as_deref() != Some(fid) {
        return Err(ApiError::not_found(fid, "UserFactor"));
    }
    let uid = st.authn[i].user_id.clone();
    let f = factors::activate_factor(st, &uid, fid, &req.body)?;
    let actor = user_ref(st.user(&uid)?);
    st.log_as(
        req,
        actor.clone(),
        "user.mfa.factor.activate",
        "Activate factor for user",
        "SUCCESS",
        vec![actor],
    );
    st.authn[i]
        .amr
        .push(amr_of(f.json["factorType"].as_str().unwrap_or_default()));
    succeed(st, req, i)
}

/// Sets a new password from an authn body (policy-checked) and ends in AuthnStatus::Success.
fn set_password_and_succeed(st: &mut State, req: &Req, i: usize) -> ApiResult<Reply> {
    let new = req.required_str("/newPassword", "newPassword")?;
    if let Some(problem) = password_problem(new) {
        return Err(ApiError::new(
            403,
            "E0000080",
            "The password does not meet the complexity requirements of the current password policy.",
        )
        .cause(problem));
    }
    let u = st.user_mut(&st.authn[i].user_id.clone())?;
    u.password = Some(new.to_owned());
    u.password_changed = Some(clock::now());
    set_status(u, UserStatus::Active);
    let actor = user_ref(u);
    st.log_as(
        req,
        actor.clone(),
        "user.account.update_password",
        "Update password for user",
        "SUCCESS",
        vec![actor],
    );
    succeed(st, req, i)
}

fn change_password(st: &mut State, req: &Req) -> ApiResult<Reply> {
    let i = in_state(st, req, &[AuthnStatus::PasswordExpired, AuthnStatus::PasswordWarn])?;
    let current = st.user(&st.authn[i].user_id)?.password.clone();
    if req.str_at("/oldPassword").is_none() || req.str_at("/oldPassword") != current.as_deref() {
        return Err(ApiError::new(403, "E0000014", "Update of credentials failed")
            .cause("oldPassword: Old Password is not correct"));
    }
    set_password_and_succeed(st, req, i)
}

fn reset_password(st: &mut State, req: &Req) -> ApiResult<Reply> {
    let i = in_state(st, req, &[AuthnStatus::PasswordReset, AuthnStatus::Recovery])?;
    // From AuthnStatus::Recovery only when there is no recovery question to answer first.
    if st.authn[i].status == AuthnStatus::Recovery && st.user(&st.authn[i].user_id)?.recovery_question.is_some() {
        return Err(ApiError::wrong_state());
    }
    set_password_and_succeed(st, req, i)
}

/// `/authn/recovery/password` and `/authn/recovery/unlock`.
fn start_recovery(st: &mut State, req: &Req, kind: &'static str) -> ApiResult<Reply> {
    let username = req.required_str("/username", "username")?;
    let factor_type = req.str_at("/factorType").unwrap_or("EMAIL").to_ascii_uppercase();
    let relay = req.body.get("relayState").cloned().unwrap_or(Value::Null);
    let user = st.user(username).ok().cloned();
    if factor_type == "EMAIL" {
        // Never reveals whether the user exists; the token goes out "by e-mail".
        if let Some(u) = &user {
            issue_token(st, &u.id, if kind == "UNLOCK" { "unlock" } else { "recovery" });
        }
        let mut body = json!({ "status": AuthnStatus::RecoveryChallenge.as_str(), "factorResult": "WAITING", "factorType": "EMAIL", "recoveryType": kind,
            "_links": { "cancel": link(format!("{}/api/v1/authn/cancel", st.base_url)) } });
        if !relay.is_null() {
            body["relayState"] = relay;
        }
        return Ok(Reply::ok(body));
    }
    let not_allowed = || ApiError::new(403, "E0000095", "Recovery not allowed for unknown user.");
    let user = user.ok_or_else(not_allowed)?;
    let wanted = if factor_type == "CALL" { "call" } else { "sms" };
    let factor = st
        .factors
        .children(&user.id)
        .find(|f| f.json["factorType"] == wanted && f.json["status"] == ACTIVE);
    let fid = factor.map(|f| f.id.clone()).ok_or_else(not_allowed)?;
    let i = new_tx(st, &user.id, AuthnStatus::RecoveryChallenge, relay);
    let t = &mut st.authn[i];
    t.recovery_type = Some(kind);
    t.factor_type = Some(factor_type);
    t.factor_id = Some(fid);
    let actor = user_ref(&user);
    st.log_as(
        req,
        actor.clone(),
        "system.sms.send_password_reset_message",
        "Send SMS for password reset",
        "SUCCESS",
        vec![actor],
    );
    respond(st, i)
}

/// After the recovery factor or token: answer the question (AuthnStatus::Recovery), or go straight on.
fn recovered(st: &mut State, req: &Req, i: usize) -> ApiResult<Reply> {
    let token = ids::random_chars(20);
    st.authn[i].recovery_token = Some(token);
    let has_question = st.user(&st.authn[i].user_id)?.recovery_question.is_some();
    if has_question {
        advance(st, i, AuthnStatus::Recovery, None);
        return respond(st, i);
    }
    finish_recovery(st, req, i)
}

/// The end of recovery: AuthnStatus::PasswordReset for a password, an unlocked user for UNLOCK.
fn finish_recovery(st: &mut State, req: &Req, i: usize) -> ApiResult<Reply> {
    if st.authn[i].recovery_type != Some("UNLOCK") {
        advance(st, i, AuthnStatus::PasswordReset, None);
        return respond(st, i);
    }
    let u = st.user_mut(&st.authn[i].user_id.clone())?;
    if u.status == UserStatus::LockedOut {
        set_status(u, UserStatus::Active);
    }
    u.failed_logins = 0;
    let actor = user_ref(u);
    st.log_as(
        req,
        actor.clone(),
        "user.account.unlock",
        "Unlock user account",
        "SUCCESS",
        vec![actor],
    );
    advance(st, i, AuthnStatus::Success, None);
    respond(st, i)
}

fn verify_recovery(st: &mut State, req: &Req, kind: &str) -> ApiResult<Reply> {
    let i = in_state(st, req, &[AuthnStatus::RecoveryChallenge])?;
    if !st.authn[i]
        .factor_type
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case(kind))
    {
        return Err(ApiError::wrong_state());
    }
    if req.str_at("/passCode") != Some(crate::TEST_PASSCODE) {
        return Err(ApiError::bad_passcode());
    }
    recovered(st, req, i)
}

fn recovery_token(st: &mut State, req: &Req) -> ApiResult<Reply> {
    let token = req.required_str("/recoveryToken", "recoveryToken")?;
    let kind = st.recovery_tokens.find(token).map(|d| d.json["type"].clone());
    let uid = redeem_token(st, token).ok_or_else(ApiError::invalid_token)?;
    let i = new_tx(st, &uid, AuthnStatus::RecoveryChallenge, Value::Null);
    st.authn[i].recovery_type = Some(if kind == Some(json!("unlock")) {
        "UNLOCK"
    } else {
        "PASSWORD"
    });
    recovered(st, req, i)
}

fn answer(st: &mut State, req: &Req) -> ApiResult<Reply> {
    let i = in_state(st, req, &[AuthnStatus::Recovery])?;
    let expected = st.user(&st.authn[i].user_id)?.recovery_question.clone().map(|(_, a)| a);
    let given = req.required_str("/answer", "answer")?;
    if !expected.is_some_and(|a| a.trim().eq_ignore_ascii_case(given.trim())) {
        return Err(ApiError::new(
            403,
            "E0000087",
            "The recovery question answer did not match our records.",
        ));
    }
    finish_recovery(st, req, i)
}
