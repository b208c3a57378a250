//! Users: CRUD, listing with `q`/`filter`/`search`, groups and app links of a user.

use serde_json::{Map, Value, json};

use super::{by_method, factors, not_found_path, roles, sessions, user_credentials, user_lifecycle};
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::filter::Filter;
use crate::ids::{self, prefix};
use crate::paging::{self, Limits, PageOpts};
use crate::request::{Reply, Req};
use crate::state::{State, User, user_ref};
use crate::status::UserStatus;
use crate::user_schema::SCHEMA_ID;

pub(crate) fn route(st: &mut State, req: &Req, rest: &[&str]) -> ApiResult<Reply> {
    match rest {
        [] => by_method!(req, "GET" => list(st, req), "POST" => create(st, req)),
        [id] => by_method!(req,
            "GET" => Ok(Reply::ok(user_json(&st.base_url, st.user(id)?, true))),
            "PUT" => update(st, req, id, true),
            "POST" => update(st, req, id, false),
            "DELETE" => delete(st, req, id),
        ),
        [id, "lifecycle", op] => by_method!(req, "POST" => user_lifecycle::run(st, req, id, op)),
        [id, "credentials", op] => by_method!(req, "POST" => user_credentials::run(st, req, id, op)),
        [id, "groups"] => by_method!(req, "GET" => list_groups(st, req, id)),
        [id, "appLinks"] => by_method!(req, "GET" => app_links(st, id)),
        [id, "sessions"] => by_method!(req, "DELETE" => sessions::end_all(st, req, id)),
        [id, "factors", rest @ ..] => factors::route(st, req, id, rest),
        [id, "roles", rest @ ..] => roles::route(st, req, id, rest),
        _ => Err(not_found_path(req)),
    }
}

/// The User object as Okta sends it. Lists carry only the `self` link; a single user also has
/// the lifecycle links its status allows.
pub(crate) fn user_json(base: &str, u: &User, all_links: bool) -> Value {
    let href = format!("{base}/api/v1/users/{}", u.id);
    let mut links = Map::new();
    links.insert("self".into(), json!({ "href": href }));
    let actions: &[(&str, &str)] = match u.status {
        UserStatus::Staged | UserStatus::Deprovisioned => &[("activate", "/lifecycle/activate")],
        UserStatus::Provisioned => &[
            ("resetPassword", "/lifecycle/reset_password"),
            ("deactivate", "/lifecycle/deactivate"),
        ],
        UserStatus::Active => &[
            ("suspend", "/lifecycle/suspend"),
            ("resetPassword", "/lifecycle/reset_password"),
            ("expirePassword", "/lifecycle/expire_password"),
            ("forgotPassword", "/credentials/forgot_password"),
            ("changeRecoveryQuestion", "/credentials/change_recovery_question"),
            ("changePassword", "/credentials/change_password"),
            ("deactivate", "/lifecycle/deactivate"),
        ],
        UserStatus::Suspended => &[
            ("unsuspend", "/lifecycle/unsuspend"),
            ("deactivate", "/lifecycle/deactivate"),
        ],
        UserStatus::LockedOut => &[
            ("unlock", "/lifecycle/unlock"),
            ("resetPassword", "/lifecycle/reset_password"),
            ("deactivate", "/lifecycle/deactivate"),
        ],
        _ => &[
            ("resetPassword", "/lifecycle/reset_password"),
            ("deactivate", "/lifecycle/deactivate"),
        ],
    };
    let actions = if all_links { actions } else { &[] };
    for (name, path) in actions {
        links.insert(
            (*name).into(),
            json!({ "href": format!("{href}{path}"), "method": "POST" }),
        );
    }
    if all_links {
        links.insert(
            "type".into(),
            json!({ "href": format!("{base}/api/v1/meta/types/user/{}", user_type_id()) }),
        );
        links.insert(
            "schema".into(),
            json!({ "href": format!("{base}/api/v1/meta/schemas/user/{SCHEMA_ID}") }),
        );
    }
    json!({
        "id": u.id,
        "status": u.status.as_str(),
        "created": u.created,
        "activated": u.activated,
        "statusChanged": u.status_changed,
        "lastLogin": u.last_login,
        "lastUpdated": u.last_updated,
        "passwordChanged": u.password_changed,
        "transitioningToStatus": null,
        "type": { "id": user_type_id() },
        "profile": u.profile,
        "credentials": credentials_json(u),
        "_links": links,
    })
}

fn user_type_id() -> String {
    format!("{}mockdefault000000", prefix::USER_TYPE)
}

/// UserCredentials as Okta sends them: the password is never echoed.
pub(crate) fn credentials_json(u: &User) -> Value {
    let mut c = Map::new();
    if u.password.is_some() {
        c.insert("password".into(), json!({}));
    }
    if let Some((question, _)) = &u.recovery_question {
        c.insert("recovery_question".into(), json!({ "question": question }));
    }
    if let Some(email) = u.profile.get("email") {
        c.insert(
            "emails".into(),
            json!([{ "value": email, "status": "VERIFIED", "type": "PRIMARY" }]),
        );
    }
    c.insert(
        "provider".into(),
        json!({ "type": u.provider, "name": if u.provider == "OKTA" { "OKTA" } else { "FEDERATION" } }),
    );
    Value::Object(c)
}

/// Why a password is refused, if it is (the org's policy: at least 8 characters).
pub(crate) fn password_problem(password: &str) -> Option<String> {
    (password.chars().count() < 8).then(|| {
        "password: Password requirements were not met. Password requirements: at least 8 characters.".to_owned()
    })
}

/// Adds a user; the caller has validated the profile.
pub(crate) fn insert_user(
    st: &mut State,
    profile: Map<String, Value>,
    password: Option<String>,
    recovery_question: Option<(String, String)>,
    status: UserStatus,
) -> String {
    let now = clock::now();
    let active = status != UserStatus::Staged;
    let user = User {
        seq: st.seq(),
        id: ids::object_id(prefix::USER),
        status,
        created: now.clone(),
        activated: active.then(|| now.clone()),
        status_changed: active.then(|| now.clone()),
        last_login: None,
        last_updated: now.clone(),
        password_changed: password.as_ref().map(|_| now.clone()),
        profile,
        password,
        recovery_question,
        provider: "OKTA",
        failed_logins: 0,
        listed: String::new(),
    };
    let id = user.id.clone();
    st.users.insert(user);
    id
}

/// Moves a user to `to`, stamping `statusChanged`/`lastUpdated`.
pub(crate) fn set_status(u: &mut User, to: UserStatus) {
    let now = clock::now();
    if matches!(to, UserStatus::Active | UserStatus::Provisioned) && u.activated.is_none() {
        u.activated = Some(now.clone());
    }
    u.status = to;
    u.status_changed = Some(now.clone());
    u.last_updated = now;
}

/// Checks a profile against the org's user schema (`what` names the user in the error, as
/// Okta does: `newUser` on creation): every property defined and of its type, login (an e-mail
/// address), email, firstName, lastName present; and that no other user (but `except`) has the
/// login.
fn validate_profile(st: &State, profile: &Map<String, Value>, except: Option<&str>, what: &str) -> ApiResult<()> {
    for field in ["login", "email", "firstName", "lastName"] {
        if profile.get(field).and_then(Value::as_str).is_none_or(str::is_empty) {
            return Err(ApiError::required(field));
        }
    }
    let login = profile.get("login").and_then(Value::as_str).unwrap_or_default();
    if !login.contains('@') {
        return Err(ApiError::validation(
            "login",
            "login: Username must be in the form of an email address",
        ));
    }
    st.user_schema.check(profile, what)?;
    if st
        .users
        .with_login(login)
        .is_some_and(|u| Some(u.id.as_str()) != except)
    {
        return Err(ApiError::validation(
            "login",
            "login: An object with this field already exists in the current organization",
        ));
    }
    Ok(())
}

fn create(st: &mut State, req: &Req) -> ApiResult<Reply> {
    let profile = req.object_at("/profile");
    validate_profile(st, &profile, None, "newUser")?;
    let password = req.str_at("/credentials/password/value").map(str::to_owned);
    if let Some(problem) = password.as_deref().and_then(password_problem) {
        return Err(ApiError::validation("password", problem));
    }
    let recovery = match (
        req.str_at("/credentials/recovery_question/question"),
        req.str_at("/credentials/recovery_question/answer"),
    ) {
        (Some(q), Some(a)) => Some((q.to_owned(), a.to_owned())),
        _ => None,
    };
    let group_ids: Vec<String> = req
        .body
        .get("groupIds")
        .and_then(Value::as_array)
        .map(|ids| ids.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default();
    for gid in &group_ids {
        st.group(gid)?;
    }
    let provider = req.q_bool("provider", false);
    let status = if !req.q_bool("activate", true) {
        UserStatus::Staged
    } else if provider {
        UserStatus::Active
    } else if password.is_some() {
        if req.q("nextLogin") == Some("changePassword") {
            UserStatus::PasswordExpired
        } else {
            UserStatus::Active
        }
    } else {
        UserStatus::Provisioned
    };
    let id = insert_user(st, profile, password, recovery, status);
    let user = {
        let mut u = st.user_mut(&id)?;
        if provider {
            u.provider = "FEDERATION";
        }
        u.clone()
    };
    for gid in group_ids {
        let doc = st.doc(id.clone(), &gid, Value::Null);
        st.memberships.insert(doc);
    }
    st.log(req, "user.lifecycle.create", "Create okta user", vec![user_ref(&user)]);
    if status != UserStatus::Staged {
        st.log(
            req,
            "user.lifecycle.activate",
            "Activate Okta user",
            vec![user_ref(&user)],
        );
    }
    Ok(Reply::ok(user_json(&st.base_url, &user, true)))
}

/// PUT replaces the profile; POST merges into it. Credentials in the body are applied too.
fn update(st: &mut State, req: &Req, id: &str, replace: bool) -> ApiResult<Reply> {
    let current = st.user(id)?.clone();
    let mut profile = if replace { Map::new() } else { current.profile.clone() };
    profile.extend(req.object_at("/profile"));
    validate_profile(st, &profile, Some(&current.id), "user")?;
    let password = req.str_at("/credentials/password/value");
    if let Some(problem) = password.and_then(password_problem) {
        return Err(ApiError::validation("password", problem));
    }
    let now = clock::now();
    let mut u = st.user_mut(id)?;
    u.profile = profile;
    u.last_updated = now.clone();
    if let Some(p) = password {
        u.password = Some(p.to_owned());
        u.password_changed = Some(now);
    }
    if let (Some(q), Some(a)) = (
        req.str_at("/credentials/recovery_question/question"),
        req.str_at("/credentials/recovery_question/answer"),
    ) {
        u.recovery_question = Some((q.to_owned(), a.to_owned()));
    }
    let user = u.clone();
    drop(u);
    st.log(
        req,
        "user.account.update_profile",
        "Update user profile for Okta",
        vec![user_ref(&user)],
    );
    Ok(Reply::ok(user_json(&st.base_url, &user, true)))
}

/// The first DELETE deactivates, the second deletes; both 204.
fn delete(st: &mut State, req: &Req, id: &str) -> ApiResult<Reply> {
    let user = st.user(id)?.clone();
    if user.status != UserStatus::Deprovisioned {
        user_lifecycle::deactivate(st, req, &user.id)?;
        return Ok(Reply::no_content());
    }
    let uid = user.id.clone();
    st.delete_user(&uid);
    st.log(
        req,
        "user.lifecycle.delete.initiated",
        "Delete Okta user",
        vec![user_ref(&user)],
    );
    Ok(Reply::no_content())
}

/// `q` is a prefix match on login, email, firstName, lastName; `filter`/`search` use the
/// expression language. Without either, UserStatus::Deprovisioned users are left out, as Okta does.
fn list(st: &mut State, req: &Req) -> ApiResult<Reply> {
    let expr = req.q("search").or_else(|| req.q("filter")).filter(|s| !s.is_empty());
    let filter = expr.map(Filter::parse).transpose()?;
    let q = req.q("q").map(str::to_lowercase);
    let limit = paging::limit(req, Limits::new(200, 200))?;
    let after = paging::after(req)?;
    let (base, users) = (&st.base_url, &st.users);
    // Seek an index when the filter pins the login or the status (the whole filter still
    // applies): a page then costs what it holds, however large the org.
    let pinned_login = filter.as_ref().and_then(|f| f.required_eq("profile.login"));
    let pinned_status = filter.as_ref().and_then(|f| f.required_eq("status"));
    let candidates: Box<dyn Iterator<Item = &User> + '_> = if let Some(login) = pinned_login {
        Box::new(
            users
                .with_login(login)
                .filter(|u| after.is_none_or(|a| u.seq > a))
                .into_iter(),
        )
    } else if let Some(status) = pinned_status {
        match UserStatus::parse(status) {
            Some(status) => Box::new(users.with_status_after(status, after)),
            None => Box::new(std::iter::empty()),
        }
    } else {
        Box::new(users.after(after))
    };
    let items = candidates
        .filter(|u| expr.is_some() || u.status != UserStatus::Deprovisioned)
        .filter(|u| {
            q.as_deref().is_none_or(|q| {
                ["login", "email", "firstName", "lastName"].iter().any(|k| {
                    u.profile
                        .get(*k)
                        .and_then(Value::as_str)
                        .is_some_and(|v| v.to_lowercase().starts_with(q))
                })
            })
        })
        .filter(|u| {
            filter
                .as_ref()
                .is_none_or(|f| f.matches(&|attr| attribute(base, u, attr)))
        })
        .map(|u| (u.seq, u.listed.as_str()));
    let (page, next) = paging::take_page(items, limit);
    let body = format!("[{}]", page.join(","));
    Ok(paging::with_links(req, Reply::ok_serialized(body), limit, next))
}

/// Every value a filter attribute has on a user, as in its list JSON (`status`,
/// `profile.login`, `lastUpdated`…), read from the user without building that JSON.
fn attribute(base: &str, u: &User, attr: &str) -> Vec<Value> {
    let text = |v: Option<&str>| vec![v.map_or(Value::Null, |s| Value::String(s.to_owned()))];
    match attr {
        "id" => text(Some(&u.id)),
        "status" => text(Some(u.status.as_str())),
        "created" => text(Some(&u.created)),
        "lastUpdated" => text(Some(&u.last_updated)),
        "activated" => text(u.activated.as_deref()),
        "statusChanged" => text(u.status_changed.as_deref()),
        "lastLogin" => text(u.last_login.as_deref()),
        "passwordChanged" => text(u.password_changed.as_deref()),
        _ => match attr.strip_prefix("profile.").filter(|k| !k.contains('.')) {
            Some(key) => match u.profile.get(key) {
                Some(Value::Array(items)) => items.clone(),
                Some(v) => vec![v.clone()],
                None => Vec::new(),
            },
            None => crate::filter::json_lookup(&user_json(base, u, false), attr),
        },
    }
}

fn list_groups(st: &mut State, req: &Req, id: &str) -> ApiResult<Reply> {
    let uid = st.user(id)?.id.clone();
    let items = st
        .groups
        .iter()
        .filter(|g| st.memberships.get(&g.id, &uid).is_some())
        .map(|g| (g.seq, super::groups::group_json(st, g, false)))
        .collect();
    paging::page(req, items, Limits::new(10_000, 10_000), PageOpts::default())
}

/// Apps assigned to the user directly or through one of their groups.
fn app_links(st: &State, id: &str) -> ApiResult<Reply> {
    let uid = st.user(id)?.id.clone();
    let links: Vec<Value> = st
        .apps
        .iter()
        .filter(|app| app.json["status"] == "ACTIVE")
        .filter(|app| {
            st.app_users.get(&app.id, &uid).is_some()
                || st.app_groups.children(&app.id).any(|ag| st.memberships.get(&ag.id, &uid).is_some())
        })
        .enumerate()
        .map(|(i, app)| {
            json!({
                "id": format!("00a{}", app.id.get(3..).unwrap_or_default()),
                "label": app.json["label"],
                "linkUrl": format!("{}/home/{}/{}/alnk", st.base_url, app.json["name"].as_str().unwrap_or("app"), app.id),
                "logoUrl": format!("{}/assets/img/logos/default.png", st.base_url),
                "appName": app.json["name"],
                "appInstanceId": app.id,
                "appAssignmentId": format!("0ua{}", app.id.get(3..).unwrap_or_default()),
                "credentialsSetup": false,
                "hidden": false,
                "sortOrder": i,
            })
        })
        .collect();
    Ok(Reply::ok(Value::Array(links)))
}
