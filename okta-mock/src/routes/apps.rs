//! Applications, their user and group assignments, and their signing keys.

use serde_json::{Map, Value, json};

use super::{by_method, not_found_path};
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::filter::{Filter, json_lookup};
use crate::ids::{self, prefix};
use crate::paging::{self, Limits, PageOpts};
use crate::request::{Reply, Req};
use crate::state::{Doc, State, doc_ref, user_ref};

pub(crate) fn route(st: &mut State, req: &Req, rest: &[&str]) -> ApiResult<Reply> {
    match rest {
        [] => by_method!(req, "GET" => list(st, req), "POST" => create(st, req)),
        [id] => by_method!(req,
            "GET" => Ok(Reply::ok(app_json(st, st.app(id)?))),
            "PUT" => update(st, req, id),
            "DELETE" => delete(st, req, id),
        ),
        [id, "lifecycle", op @ ("activate" | "deactivate")] => by_method!(req, "POST" => lifecycle(st, req, id, op)),
        [id, "users"] => by_method!(req, "GET" => list_users(st, req, id), "POST" => assign_user(st, req, id, None)),
        [id, "users", uid] => by_method!(req,
            "GET" => Ok(Reply::ok(app_user_json(st, app_user(st, id, uid)?))),
            "POST" => assign_user(st, req, id, Some(uid)),
            "DELETE" => unassign_user(st, req, id, uid),
        ),
        [id, "groups"] => by_method!(req, "GET" => list_groups(st, req, id)),
        [id, "groups", gid] => by_method!(req,
            "GET" => Ok(Reply::ok(app_group_json(st, app_group(st, id, gid)?))),
            "PUT" => assign_group(st, req, id, gid),
            "DELETE" => unassign_group(st, req, id, gid),
        ),
        [id, "credentials", "keys"] => by_method!(req, "GET" => {
            st.app(id)?;
            Ok(Reply::ok(st.app_keys.children(id).map(|k| k.json.clone()).collect()))
        }),
        [id, "credentials", "keys", kid] => by_method!(req, "GET" => Ok(Reply::ok(key(st, id, kid)?.json.clone()))),
        [id, "credentials", "keys", kid, "clone"] => by_method!(req, "POST" => clone_key(st, req, id, kid)),
        _ => Err(not_found_path(req)),
    }
}

/// Overlays `patch` onto `base`, object by object (so a partial body keeps the defaults).
fn merge(base: &mut Value, patch: &Value) {
    match (base, patch) {
        (Value::Object(b), Value::Object(p)) => {
            for (k, v) in p {
                merge(b.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
        (b, p) => *b = p.clone(),
    }
}

/// Adds an app from a create body (validated here); returns its id.
pub(crate) fn insert_app(st: &mut State, body: &Value, active: bool) -> ApiResult<String> {
    let name = body.get("name").and_then(Value::as_str).filter(|s| !s.is_empty());
    let name = name.ok_or_else(|| ApiError::required("name"))?.to_owned();
    if body.get("label").and_then(Value::as_str).is_none_or(str::is_empty) {
        return Err(ApiError::required("label"));
    }
    let sign_on = match name.as_str() {
        "bookmark" => "BOOKMARK",
        "template_basic_auth" => "BASIC_AUTH",
        "oidc_client" => "OPENID_CONNECT",
        "template_wsfed" => "WS_FEDERATION",
        _ => "BROWSER_PLUGIN",
    };
    let id = ids::object_id(prefix::APP);
    let now = clock::now();
    let kid = ids::random_chars(43);
    let mut json = json!({
        "id": id, "name": name, "label": "", "status": if active { "ACTIVE" } else { "INACTIVE" },
        "created": now, "lastUpdated": now, "signOnMode": sign_on, "features": [],
        "accessibility": { "selfService": false, "errorRedirectUrl": null, "loginRedirectUrl": null },
        "visibility": { "autoSubmitToolbar": false, "hide": { "iOS": false, "web": false }, "appLinks": { name.clone(): true } },
        "credentials": {
            "scheme": null,
            "userNameTemplate": { "template": "${source.login}", "type": "BUILT_IN" },
            "signing": { "kid": kid },
        },
        "licensing": { "seatCount": 0 },
        "settings": {
            "app": {},
            "implicitAssignment": false,
            "inlineHookId": null,
            "notifications": { "vpn": { "network": { "connection": "DISABLED" }, "message": null, "helpUrl": null } },
        },
        "profile": {},
    });
    merge(&mut json, body);
    // Server-owned fields win over the body.
    for (k, v) in [("id", json!(id)), ("created", json!(now)), ("lastUpdated", json!(now))] {
        json[k] = v;
    }
    json["status"] = json!(if active { "ACTIVE" } else { "INACTIVE" });
    json.as_object_mut().map(|o| o.remove("_links"));
    let doc = st.doc(id.clone(), "", json);
    st.apps.insert(doc);
    let key = key_json(&kid, &now);
    let doc = st.doc(kid, &id, key);
    st.app_keys.insert(doc);
    Ok(id)
}

fn key_json(kid: &str, now: &str) -> Value {
    let b64 = |n: usize| ids::random_chars(n).replace(['+', '/'], "_");
    let expires = clock::parse_rfc3339(now).map_or_else(String::new, |ms| clock::rfc3339(ms + 10 * 365 * 86_400_000));
    json!({
        "kid": kid, "kty": "RSA", "alg": "RS256", "use": "sig", "e": "AQAB", "n": b64(342),
        "x5c": [b64(1000)], "x5t#S256": b64(43), "created": now, "lastUpdated": now, "expiresAt": expires,
    })
}

/// The Application as Okta sends it, `_links` included.
fn app_json(st: &State, app: &Doc) -> Value {
    let mut json = app.json.clone();
    let href = format!("{}/api/v1/apps/{}", st.base_url, app.id);
    let (op, other) = if json["status"] == "ACTIVE" {
        ("deactivate", "activate")
    } else {
        ("activate", "deactivate")
    };
    let name = json["name"].as_str().unwrap_or("app").to_owned();
    let mut links = json!({
        "appLinks": [{ "name": name, "href": format!("{}/home/{name}/{}/alnk", st.base_url, app.id), "type": "text/html" }],
        "groups": { "href": format!("{href}/groups") },
        "users": { "href": format!("{href}/users") },
        "logo": [{ "name": "medium", "href": format!("{}/assets/img/logos/default.png", st.base_url), "type": "image/png" }],
        "metadata": { "href": format!("{href}/sso/saml/metadata"), "type": "application/xml" },
    });
    links[op] = json!({ "href": format!("{href}/lifecycle/{op}") });
    links.as_object_mut().map(|l| l.remove(other));
    json["_links"] = links;
    json
}

fn create(st: &mut State, req: &Req) -> ApiResult<Reply> {
    let id = insert_app(st, &req.body, req.q_bool("activate", true))?;
    let app = st.app(&id)?.clone();
    st.log(
        req,
        "application.lifecycle.create",
        "Add application",
        vec![doc_ref(&app, "AppInstance", "/label")],
    );
    Ok(Reply::ok(app_json(st, &app)))
}

fn update(st: &mut State, req: &Req, id: &str) -> ApiResult<Reply> {
    st.app(id)?;
    if req.str_at("/label").is_none_or(str::is_empty) {
        return Err(ApiError::required("label"));
    }
    let app = st
        .apps
        .get_mut("", id)
        .ok_or_else(|| ApiError::not_found(id, "AppInstance"))?;
    let keep: Vec<(&str, Value)> = ["id", "name", "status", "created"]
        .iter()
        .map(|k| (*k, app.json[*k].clone()))
        .collect();
    merge(&mut app.json, &req.body);
    for (k, v) in keep {
        app.json[k] = v;
    }
    app.json["lastUpdated"] = json!(clock::now());
    app.json.as_object_mut().map(|o| o.remove("_links"));
    let app = app.clone();
    st.log(
        req,
        "application.lifecycle.update",
        "Update application",
        vec![doc_ref(&app, "AppInstance", "/label")],
    );
    Ok(Reply::ok(app_json(st, &app)))
}

fn delete(st: &mut State, req: &Req, id: &str) -> ApiResult<Reply> {
    let app = st.app(id)?.clone();
    if app.json["status"] == "ACTIVE" {
        return Err(ApiError::new(403, "E0000056", "Delete application forbidden.")
            .cause("Cannot delete an active application; deactivate it first."));
    }
    st.delete_app(id);
    st.log(
        req,
        "application.lifecycle.delete",
        "Delete application",
        vec![doc_ref(&app, "AppInstance", "/label")],
    );
    Ok(Reply::no_content())
}

fn lifecycle(st: &mut State, req: &Req, id: &str, op: &str) -> ApiResult<Reply> {
    st.app(id)?;
    let app = st
        .apps
        .get_mut("", id)
        .ok_or_else(|| ApiError::not_found(id, "AppInstance"))?;
    app.json["status"] = json!(if op == "activate" { "ACTIVE" } else { "INACTIVE" });
    app.json["lastUpdated"] = json!(clock::now());
    let target = doc_ref(app, "AppInstance", "/label");
    st.log(
        req,
        &format!("application.lifecycle.{op}"),
        &format!("{op} application"),
        vec![target],
    );
    Ok(Reply::empty_object())
}

/// `q` is a prefix match on label or name; `filter` knows `status`, `name`, `user.id`, `group.id`.
fn list(st: &mut State, req: &Req) -> ApiResult<Reply> {
    let filter = req
        .q("filter")
        .filter(|s| !s.is_empty())
        .map(Filter::parse)
        .transpose()?;
    let q = req.q("q").map(str::to_lowercase);
    let items = st
        .apps
        .iter()
        .filter(|a| {
            q.as_deref().is_none_or(|q| {
                ["label", "name"]
                    .iter()
                    .any(|k| a.json[*k].as_str().is_some_and(|v| v.to_lowercase().starts_with(q)))
            })
        })
        .filter(|a| {
            filter.as_ref().is_none_or(|f| {
                f.matches(&|attr| match attr {
                    "user.id" => st.app_users.children(&a.id).map(|d| json!(d.id)).collect(),
                    "group.id" => st.app_groups.children(&a.id).map(|d| json!(d.id)).collect(),
                    _ => json_lookup(&a.json, attr),
                })
            })
        })
        .map(|a| (a.seq, app_json(st, a)))
        .collect();
    paging::page(req, items, Limits::new(20, 200), PageOpts::default())
}

fn app_user<'a>(st: &'a State, app_id: &str, uid: &str) -> ApiResult<&'a Doc> {
    st.app(app_id)?;
    let uid = st.user(uid).map(|u| u.id.clone()).unwrap_or_else(|_| uid.to_owned());
    st.app_users
        .get(app_id, &uid)
        .ok_or_else(|| ApiError::not_found(&uid, "AppUser"))
}

fn app_user_json(st: &State, d: &Doc) -> Value {
    let mut json = d.json.clone();
    json["_links"] = json!({
        "app": { "href": format!("{}/api/v1/apps/{}", st.base_url, d.parent) },
        "user": { "href": format!("{}/api/v1/users/{}", st.base_url, d.id) },
    });
    json
}

/// POST /apps/{id}/users assigns (body `id`), POST /apps/{id}/users/{uid} updates.
fn assign_user(st: &mut State, req: &Req, app_id: &str, existing: Option<&str>) -> ApiResult<Reply> {
    let app = st.app(app_id)?.clone();
    let uid = match existing {
        Some(uid) => uid,
        None => req.required_str("/id", "id")?,
    };
    let user = st.user(uid)?.clone();
    let now = clock::now();
    let current = st.app_users.get(app_id, &user.id).map(|d| d.json.clone());
    if existing.is_some() && current.is_none() {
        return Err(ApiError::not_found(&user.id, "AppUser"));
    }
    let mut json = current.clone().unwrap_or_else(|| {
        json!({
            "id": user.id, "externalId": null, "created": now, "lastUpdated": now, "scope": "USER",
            "status": "ACTIVE", "statusChanged": now, "passwordChanged": null, "syncState": "DISABLED",
            "lastSync": null, "credentials": { "userName": user.login() }, "profile": {},
        })
    });
    if let Some(scope) = req.str_at("/scope") {
        json["scope"] = json!(scope);
    }
    if let Some(name) = req.str_at("/credentials/userName") {
        json["credentials"]["userName"] = json!(name);
    }
    if req.str_at("/credentials/password/value").is_some() {
        json["credentials"]["password"] = json!({});
        json["passwordChanged"] = json!(now);
    }
    if let Some(profile) = req.body.get("profile").filter(|p| p.is_object()) {
        merge(&mut json["profile"], profile);
    }
    json["lastUpdated"] = json!(now);
    let body = match st.app_users.get_mut(app_id, &user.id) {
        Some(d) => {
            d.json = json;
            d.clone()
        }
        None => {
            let doc = st.doc(user.id.clone(), app_id, json);
            st.app_users.insert(doc.clone());
            let targets = vec![user_ref(&user), doc_ref(&app, "AppInstance", "/label")];
            st.log(
                req,
                "application.user_membership.add",
                "Add user to application membership",
                targets,
            );
            doc
        }
    };
    Ok(Reply::ok(app_user_json(st, &body)))
}

fn unassign_user(st: &mut State, req: &Req, app_id: &str, uid: &str) -> ApiResult<Reply> {
    let app = st.app(app_id)?.clone();
    let d = app_user(st, app_id, uid)?.clone();
    st.app_users.remove(app_id, &d.id);
    let mut targets = vec![doc_ref(&app, "AppInstance", "/label")];
    if let Ok(u) = st.user(&d.id) {
        targets.insert(0, user_ref(u));
    }
    st.log(
        req,
        "application.user_membership.remove",
        "Remove user from application membership",
        targets,
    );
    Ok(Reply::no_content())
}

fn list_users(st: &mut State, req: &Req, app_id: &str) -> ApiResult<Reply> {
    st.app(app_id)?;
    let q = req.q("q").map(str::to_lowercase);
    let items = st
        .app_users
        .children(app_id)
        .filter(|d| {
            q.as_deref().is_none_or(|q| {
                d.json
                    .pointer("/credentials/userName")
                    .and_then(Value::as_str)
                    .is_some_and(|n| n.to_lowercase().starts_with(q))
            })
        })
        .map(|d| (d.seq, app_user_json(st, d)))
        .collect();
    paging::page(req, items, Limits::new(50, 500), PageOpts::default())
}

fn app_group<'a>(st: &'a State, app_id: &str, gid: &str) -> ApiResult<&'a Doc> {
    st.app(app_id)?;
    st.app_groups
        .get(app_id, gid)
        .ok_or_else(|| ApiError::not_found(gid, "ApplicationGroupAssignment"))
}

fn app_group_json(st: &State, d: &Doc) -> Value {
    let mut json = d.json.clone();
    json["_links"] = json!({
        "app": { "href": format!("{}/api/v1/apps/{}", st.base_url, d.parent) },
        "group": { "href": format!("{}/api/v1/groups/{}", st.base_url, d.id) },
    });
    json
}

fn assign_group(st: &mut State, req: &Req, app_id: &str, gid: &str) -> ApiResult<Reply> {
    let app = st.app(app_id)?.clone();
    let group = st.group(gid)?.clone();
    let priority = req
        .body
        .get("priority")
        .cloned()
        .unwrap_or_else(|| json!(st.app_groups.children(app_id).count()));
    let profile = req
        .body
        .get("profile")
        .cloned()
        .unwrap_or_else(|| Value::Object(Map::new()));
    let json = json!({ "id": gid, "lastUpdated": clock::now(), "priority": priority, "profile": profile });
    let doc = match st.app_groups.get_mut(app_id, gid) {
        Some(d) => {
            d.json = json;
            d.clone()
        }
        None => {
            let doc = st.doc(gid.to_owned(), app_id, json);
            st.app_groups.insert(doc.clone());
            let targets = vec![
                doc_ref(&app, "AppInstance", "/label"),
                doc_ref(&group, "UserGroup", "/profile/name"),
            ];
            st.log(
                req,
                "group.application_assignment.add",
                "Add assigned application to group",
                targets,
            );
            doc
        }
    };
    Ok(Reply::ok(app_group_json(st, &doc)))
}

fn unassign_group(st: &mut State, req: &Req, app_id: &str, gid: &str) -> ApiResult<Reply> {
    let app = st.app(app_id)?.clone();
    app_group(st, app_id, gid)?;
    st.app_groups.remove(app_id, gid);
    let target = doc_ref(&app, "AppInstance", "/label");
    st.log(
        req,
        "group.application_assignment.remove",
        "Remove assigned application from group",
        vec![target],
    );
    Ok(Reply::no_content())
}

fn list_groups(st: &mut State, req: &Req, app_id: &str) -> ApiResult<Reply> {
    st.app(app_id)?;
    let items = st
        .app_groups
        .children(app_id)
        .map(|d| (d.seq, app_group_json(st, d)))
        .collect();
    paging::page(req, items, Limits::new(20, 200), PageOpts::default())
}

fn key<'a>(st: &'a State, app_id: &str, kid: &str) -> ApiResult<&'a Doc> {
    st.app(app_id)?;
    st.app_keys
        .get(app_id, kid)
        .ok_or_else(|| ApiError::not_found(kid, "JsonWebKey"))
}

/// Copies a key to another app (`targetAid`); 201.
fn clone_key(st: &mut State, req: &Req, app_id: &str, kid: &str) -> ApiResult<Reply> {
    let json = key(st, app_id, kid)?.json.clone();
    let target = req.q_required("targetAid")?.to_owned();
    st.app(&target)?;
    if st.app_keys.get(&target, kid).is_some() {
        return Err(ApiError::validation(
            "kid",
            "kid: The key already exists in the target application",
        ));
    }
    let doc = st.doc(kid.to_owned(), &target, json.clone());
    st.app_keys.insert(doc);
    Ok(Reply::created(json))
}
