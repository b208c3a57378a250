//! Groups and group membership.

use serde_json::{Map, Value, json};

use super::{by_method, not_found_path};
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::filter::Filter;
use crate::ids::{self, prefix};
use crate::paging::{self, Limits, PageOpts};
use crate::request::{Reply, Req};
use crate::state::{Doc, State, doc_ref, user_ref};

pub(crate) fn route(st: &mut State, req: &Req, rest: &[&str]) -> ApiResult<Reply> {
    match rest {
        [] => by_method!(req, "GET" => list(st, req), "POST" => create(st, req)),
        [id] => by_method!(req,
            "GET" => Ok(Reply::ok(group_json(st, st.group(id)?, req.q("expand") == Some("stats")))),
            "PUT" => update(st, req, id),
            "DELETE" => delete(st, req, id),
        ),
        [id, "users"] => by_method!(req, "GET" => list_members(st, req, id)),
        [id, "users", uid] => by_method!(req,
            "PUT" => membership(st, req, id, uid, true),
            "DELETE" => membership(st, req, id, uid, false),
        ),
        _ => Err(not_found_path(req)),
    }
}

/// The Group object as Okta sends it; `stats` adds `_embedded.stats` (expand=stats).
pub(crate) fn group_json(st: &State, g: &Doc, stats: bool) -> Value {
    let mut json = g.json.clone();
    let href = format!("{}/api/v1/groups/{}", st.base_url, g.id);
    json["_links"] = json!({
        "logo": [
            { "name": "medium", "href": format!("{}/assets/img/logos/groups/okta-medium.png", st.base_url), "type": "image/png" },
            { "name": "large", "href": format!("{}/assets/img/logos/groups/okta-large.png", st.base_url), "type": "image/png" },
        ],
        "users": { "href": format!("{href}/users") },
        "apps": { "href": format!("{href}/apps") },
    });
    if stats {
        let users = st.memberships.children(&g.id).count();
        let apps = st.app_groups.iter().filter(|a| a.id == g.id).count();
        json["_embedded"] = json!({ "stats": { "usersCount": users, "appsCount": apps, "groupPushMappingsCount": 0, "hasAdminPrivilege": false } });
    }
    json
}

/// Adds a group; the caller has validated the profile.
pub(crate) fn insert_group(st: &mut State, profile: Map<String, Value>, kind: &str) -> String {
    let id = ids::object_id(prefix::GROUP);
    let now = clock::now();
    let json = json!({
        "id": id, "created": now, "lastUpdated": now, "lastMembershipUpdated": now,
        "objectClass": ["okta:user_group"], "type": kind, "profile": profile,
    });
    let doc = st.doc(id.clone(), "", json);
    st.groups.insert(doc);
    id
}

fn validate(st: &State, profile: &Map<String, Value>, except: Option<&str>) -> ApiResult<()> {
    let name = profile.get("name").and_then(Value::as_str).filter(|n| !n.is_empty());
    let name = name.ok_or_else(|| ApiError::required("name"))?;
    let taken = st.groups.iter().any(|g| {
        g.json.pointer("/profile/name").and_then(Value::as_str) == Some(name) && Some(g.id.as_str()) != except
    });
    if taken {
        return Err(ApiError::validation(
            "name",
            "name: An object with this field already exists in the current organization",
        ));
    }
    Ok(())
}

fn create(st: &mut State, req: &Req) -> ApiResult<Reply> {
    let profile = req.object_at("/profile");
    validate(st, &profile, None)?;
    let id = insert_group(st, profile, "OKTA_GROUP");
    let g = st.group(&id)?.clone();
    st.log(
        req,
        "group.lifecycle.create",
        "Create Okta group",
        vec![doc_ref(&g, "UserGroup", "/profile/name")],
    );
    Ok(Reply::ok(group_json(st, &g, false)))
}

fn update(st: &mut State, req: &Req, id: &str) -> ApiResult<Reply> {
    if st.group(id)?.json["type"] != "OKTA_GROUP" {
        return Err(ApiError::new(
            403,
            "E0000006",
            "You do not have permission to perform the requested action",
        ));
    }
    let profile = req.object_at("/profile");
    validate(st, &profile, Some(id))?;
    let g = st
        .groups
        .get_mut("", id)
        .ok_or_else(|| ApiError::not_found(id, "UserGroup"))?;
    g.json["profile"] = Value::Object(profile);
    g.json["lastUpdated"] = json!(clock::now());
    let g = g.clone();
    st.log(
        req,
        "group.profile.update",
        "Update group profile",
        vec![doc_ref(&g, "UserGroup", "/profile/name")],
    );
    Ok(Reply::ok(group_json(st, &g, false)))
}

fn delete(st: &mut State, req: &Req, id: &str) -> ApiResult<Reply> {
    let g = st.group(id)?.clone();
    st.delete_group(id);
    st.log(
        req,
        "group.lifecycle.delete",
        "Delete Okta group",
        vec![doc_ref(&g, "UserGroup", "/profile/name")],
    );
    Ok(Reply::no_content())
}

/// `q` is a prefix match on the name; `filter`/`search` use the expression language.
fn list(st: &mut State, req: &Req) -> ApiResult<Reply> {
    let expr = req.q("search").or_else(|| req.q("filter")).filter(|s| !s.is_empty());
    let filter = expr.map(Filter::parse).transpose()?;
    let q = req.q("q").map(str::to_lowercase);
    let stats = req.q("expand") == Some("stats");
    let items = st
        .groups
        .iter()
        .filter(|g| {
            q.as_deref().is_none_or(|q| {
                g.json
                    .pointer("/profile/name")
                    .and_then(Value::as_str)
                    .is_some_and(|n| n.to_lowercase().starts_with(q))
            })
        })
        .filter(|g| filter.as_ref().is_none_or(|f| f.matches_json(&g.json)))
        .map(|g| (g.seq, group_json(st, g, stats)))
        .collect();
    paging::page(req, items, Limits::new(10_000, 10_000), PageOpts::default())
}

fn list_members(st: &mut State, req: &Req, id: &str) -> ApiResult<Reply> {
    st.group(id)?;
    let items = st
        .users
        .iter()
        .filter(|u| st.memberships.get(id, &u.id).is_some())
        .map(|u| (u.seq, super::users::user_json(&st.base_url, u, false)))
        .collect();
    paging::page(req, items, Limits::new(1000, 1000), PageOpts::default())
}

/// PUT adds, DELETE removes; both 204 and idempotent, like Okta.
fn membership(st: &mut State, req: &Req, gid: &str, uid: &str, add: bool) -> ApiResult<Reply> {
    let group = st.group(gid)?.clone();
    if group.json["type"] == "APP_GROUP" {
        return Err(ApiError::new(
            400,
            "E0000099",
            "Cannot modify an app group's memberships",
        ));
    }
    let user = st.user(uid)?.clone();
    let present = st.memberships.get(gid, &user.id).is_some();
    if add != present {
        if add {
            let doc = st.doc(user.id.clone(), gid, Value::Null);
            st.memberships.insert(doc);
        } else {
            st.memberships.remove(gid, &user.id);
        }
        if let Some(g) = st.groups.get_mut("", gid) {
            g.json["lastMembershipUpdated"] = json!(clock::now());
        }
        let (event, message) = if add {
            ("group.user_membership.add", "Add user to group membership")
        } else {
            ("group.user_membership.remove", "Remove user from group membership")
        };
        st.log(
            req,
            event,
            message,
            vec![user_ref(&user), doc_ref(&group, "UserGroup", "/profile/name")],
        );
    }
    Ok(Reply::no_content())
}
