//! Group rules: stored, validated, and (for `user.attr=="value"` expressions) applied on activation.

use serde_json::{Value, json};

use super::{by_method, lifecycle_status, not_found_path, set_doc_status};
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::ids::{self, prefix};
use crate::paging::{self, Limits, PageOpts};
use crate::request::{Reply, Req};
use crate::state::{Doc, State};

const KIND: &str = "GroupRule";

pub(crate) fn route(st: &mut State, req: &Req, rest: &[&str]) -> ApiResult<Reply> {
    match rest {
        [] => by_method!(req, "GET" => list(st, req), "POST" => save(st, req, None)),
        [id] => by_method!(req,
            "GET" => Ok(Reply::ok(rule_json(st, get(st, id)?))),
            "PUT" => save(st, req, Some(id)),
            "DELETE" => {
                get(st, id)?;
                st.group_rules.remove("", id);
                Ok(Reply::accepted())
            },
        ),
        [id, "lifecycle", op @ ("activate" | "deactivate")] => by_method!(req, "POST" => {
            let rule = set_doc_status(&mut st.group_rules, "", id, KIND, lifecycle_status(op))?;
            if *op == "activate" {
                apply(st, &rule);
            }
            Ok(Reply::no_content())
        }),
        _ => Err(not_found_path(req)),
    }
}

fn get<'a>(st: &'a State, id: &str) -> ApiResult<&'a Doc> {
    st.group_rules.get("", id).ok_or_else(|| ApiError::not_found(id, KIND))
}

fn rule_json(st: &State, d: &Doc) -> Value {
    let mut json = d.json.clone();
    let op = if json["status"] == "ACTIVE" {
        "deactivate"
    } else {
        "activate"
    };
    json["_links"] = json!({ op: { "href": format!("{}/api/v1/groups/rules/{}/lifecycle/{op}", st.base_url, d.id), "method": "POST" } });
    json
}

/// Create (new id, INACTIVE) or full update (only while INACTIVE, as Okta requires).
fn save(st: &mut State, req: &Req, existing: Option<&str>) -> ApiResult<Reply> {
    let name = req.required_str("/name", "name")?;
    let group_ids = req
        .body
        .pointer("/actions/assignUserToGroups/groupIds")
        .and_then(Value::as_array)
        .filter(|ids| !ids.is_empty())
        .ok_or_else(|| ApiError::required("actions.assignUserToGroups.groupIds"))?;
    for gid in group_ids {
        st.group(gid.as_str().unwrap_or_default())?;
    }
    let now = clock::now();
    let mut json = req.body.clone();
    json["name"] = json!(name);
    json["type"] = json!("group_rule");
    json["lastUpdated"] = json!(now);
    json["allGroupsValid"] = json!(true);
    json.as_object_mut().map(|o| o.remove("_links"));
    let doc = match existing {
        Some(id) => {
            let current = get(st, id)?;
            if current.json["status"] == "ACTIVE" {
                return Err(ApiError::validation(
                    "status",
                    "Cannot update a group rule that is ACTIVE; deactivate it first.",
                ));
            }
            json["id"] = json!(id);
            json["status"] = json!("INACTIVE");
            json["created"] = current.json["created"].clone();
            let d = st
                .group_rules
                .get_mut("", id)
                .ok_or_else(|| ApiError::not_found(id, KIND))?;
            d.json = json;
            d.clone()
        }
        None => {
            let id = ids::object_id(prefix::RULE);
            json["id"] = json!(id);
            json["status"] = json!("INACTIVE");
            json["created"] = json!(now);
            let doc = st.doc(id, "", json);
            st.group_rules.insert(doc.clone());
            doc
        }
    };
    Ok(Reply::ok(rule_json(st, &doc)))
}

fn list(st: &mut State, req: &Req) -> ApiResult<Reply> {
    let search = req.q("search").map(str::to_lowercase);
    let items = st
        .group_rules
        .iter()
        .filter(|d| {
            search
                .as_deref()
                .is_none_or(|s| d.json["name"].as_str().is_some_and(|n| n.to_lowercase().contains(s)))
        })
        .map(|d| (d.seq, rule_json(st, d)))
        .collect();
    paging::page(req, items, Limits::new(50, 200), PageOpts::default())
}

/// Adds matching users to the rule's groups, for expressions of the form `user.attr=="value"`.
fn apply(st: &mut State, rule: &Doc) {
    let expr = rule
        .json
        .pointer("/conditions/expression/value")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let Some((attr, value)) = expr.split_once("==") else {
        return;
    };
    let Some(attr) = attr.trim().strip_prefix("user.") else {
        return;
    };
    let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
    let group_ids: Vec<String> = rule
        .json
        .pointer("/actions/assignUserToGroups/groupIds")
        .and_then(Value::as_array)
        .map(|ids| ids.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default();
    let users: Vec<String> = st
        .users
        .iter()
        .filter(|u| u.profile.get(attr).and_then(Value::as_str) == Some(value))
        .map(|u| u.id.clone())
        .collect();
    for gid in &group_ids {
        for uid in &users {
            if st.memberships.get(gid, uid).is_none() {
                let doc = st.doc(uid.clone(), gid, Value::Null);
                st.memberships.insert(doc);
            }
        }
    }
}
