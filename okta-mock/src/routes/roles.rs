//! Admin roles assigned to users, and their group targets.

use serde_json::{Value, json};

use super::{by_method, not_found_path};
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::ids::{self, prefix};
use crate::paging::{self, Limits, PageOpts};
use crate::request::{Reply, Req};
use crate::state::{Doc, State, user_ref};

/// Role types and their labels.
const ROLES: &[(&str, &str)] = &[
    ("SUPER_ADMIN", "Super Organization Administrator"),
    ("ORG_ADMIN", "Organizational Administrator"),
    ("APP_ADMIN", "Application Administrator"),
    ("USER_ADMIN", "Group Administrator"),
    ("HELP_DESK_ADMIN", "Help Desk Administrator"),
    ("READ_ONLY_ADMIN", "Read Only Administrator"),
    ("MOBILE_ADMIN", "Mobile Administrator"),
    ("API_ACCESS_MANAGEMENT_ADMIN", "API Access Management Administrator"),
    ("REPORT_ADMIN", "Report Administrator"),
    ("GROUP_MEMBERSHIP_ADMIN", "Group Membership Administrator"),
];

/// Roles that can be limited to groups.
const GROUP_TARGETABLE: &[&str] = &["USER_ADMIN", "HELP_DESK_ADMIN", "GROUP_MEMBERSHIP_ADMIN"];

pub(crate) fn route(st: &mut State, req: &Req, user: &str, rest: &[&str]) -> ApiResult<Reply> {
    let uid = st.user(user)?.id.clone();
    match rest {
        [] => by_method!(req,
            "GET" => Ok(Reply::ok(st.roles.children(&uid).map(|r| role_json(st, r)).collect())),
            "POST" => assign(st, req, &uid),
        ),
        [rid] => by_method!(req, "DELETE" => {
            let rid = role(st, &uid, rid)?.id.clone();
            st.delete_role(&uid, &rid);
            let target = user_ref(st.user(&uid)?);
            st.log(req, "user.account.privilege.revoke", "User privilege revoked", vec![target]);
            Ok(Reply::no_content())
        }),
        [rid, "targets", "groups"] => by_method!(req, "GET" => {
            role(st, &uid, rid)?;
            let items = st
                .role_targets
                .children(rid)
                .filter_map(|t| st.groups.get("", &t.id).map(|g| (t.seq, super::groups::group_json(st, g, false))))
                .collect();
            paging::page(req, items, Limits::new(20, 100), PageOpts::default())
        }),
        [rid, "targets", "groups", gid] => by_method!(req,
            "PUT" => {
                let role = role(st, &uid, rid)?;
                if !role.json["type"].as_str().is_some_and(|t| GROUP_TARGETABLE.contains(&t)) {
                    return Err(ApiError::validation("type", "The role specified cannot be limited to groups."));
                }
                st.group(gid)?;
                if st.role_targets.get(rid, gid).is_none() {
                    let doc = st.doc((*gid).to_owned(), rid, Value::Null);
                    st.role_targets.insert(doc);
                }
                Ok(Reply::no_content())
            },
            "DELETE" => {
                role(st, &uid, rid)?;
                st.role_targets.remove(rid, gid).ok_or_else(|| ApiError::not_found(gid, "UserGroup"))?;
                Ok(Reply::no_content())
            },
        ),
        _ => Err(not_found_path(req)),
    }
}

fn role<'a>(st: &'a State, uid: &str, rid: &str) -> ApiResult<&'a Doc> {
    st.roles.get(uid, rid).ok_or_else(|| ApiError::not_found(rid, "Role"))
}

fn role_json(st: &State, r: &Doc) -> Value {
    let mut json = r.json.clone();
    json["_links"] = json!({ "assignee": { "href": format!("{}/api/v1/users/{}", st.base_url, r.parent) } });
    json
}

/// POST `{"type": "…"}` → 201 Role.
fn assign(st: &mut State, req: &Req, uid: &str) -> ApiResult<Reply> {
    let kind = req.required_str("/type", "type")?;
    let (kind, label) = ROLES
        .iter()
        .find(|(t, _)| *t == kind)
        .ok_or_else(|| ApiError::validation("type", format!("type: '{kind}' is not a valid role type")))?;
    if st.roles.children(uid).any(|r| r.json["type"] == *kind) {
        return Err(ApiError::new(409, "E0000090", "Duplicate role assignment exception.")
            .cause("The role specified is already assigned to the user."));
    }
    let now = clock::now();
    let id = ids::object_id(prefix::ROLE);
    let json = json!({
        "id": id, "label": label, "type": kind, "status": "ACTIVE", "created": now, "lastUpdated": now,
        "assignmentType": "USER",
    });
    let doc = st.doc(id, uid, json);
    st.roles.insert(doc.clone());
    let target = user_ref(st.user(uid)?);
    st.log(
        req,
        "user.account.privilege.grant",
        "User privilege granted",
        vec![target],
    );
    Ok(Reply::created(role_json(st, &doc)))
}
