//! Policies and policy rules.

use serde_json::{Value, json};

use super::{by_method, lifecycle_status, not_found_path, set_doc_status};
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::ids::{self, prefix};
use crate::paging::{self, Limits, PageOpts};
use crate::request::{Reply, Req};
use crate::state::{Doc, State, doc_ref};

pub(crate) fn route(st: &mut State, req: &Req, rest: &[&str]) -> ApiResult<Reply> {
    match rest {
        [] => by_method!(req, "GET" => list(st, req), "POST" => save(st, req, "", None)),
        [id] => by_method!(req,
            "GET" => {
                let p = policy(st, id)?;
                Ok(Reply::ok(policy_json(st, p, req.q("expand") == Some("rules"))))
            },
            "PUT" => save(st, req, "", Some(id)),
            "DELETE" => {
                let p = policy(st, id)?.clone();
                st.delete_policy(id);
                st.log(req, "policy.lifecycle.delete", "Delete policy", vec![doc_ref(&p, "PolicyEntity", "/name")]);
                Ok(Reply::no_content())
            },
        ),
        [id, "lifecycle", op @ ("activate" | "deactivate")] => by_method!(req, "POST" => {
            let p = set_doc_status(&mut st.policies, "", id, "Policy", lifecycle_status(op))?;
            st.log(req, &format!("policy.lifecycle.{op}"), &format!("{op} policy"), vec![doc_ref(&p, "PolicyEntity", "/name")]);
            Ok(Reply::no_content())
        }),
        [id, "rules"] => by_method!(req,
            "GET" => {
                policy(st, id)?;
                let items = st.policy_rules.children(id).map(|r| (r.seq, doc_json(st, r))).collect();
                paging::page(req, items, Limits::ALL, PageOpts::default())
            },
            "POST" => save(st, req, id, None),
        ),
        [id, "rules", rid] => by_method!(req,
            "GET" => Ok(Reply::ok(doc_json(st, rule(st, id, rid)?))),
            "PUT" => save(st, req, id, Some(rid)),
            "DELETE" => {
                let r = rule(st, id, rid)?.clone();
                st.policy_rules.remove(id, rid);
                st.log(req, "policy.rule.delete", "Delete policy rule", vec![doc_ref(&r, "PolicyRule", "/name")]);
                Ok(Reply::no_content())
            },
        ),
        [id, "rules", rid, "lifecycle", op @ ("activate" | "deactivate")] => by_method!(req, "POST" => {
            policy(st, id)?;
            let r = set_doc_status(&mut st.policy_rules, id, rid, "PolicyRule", lifecycle_status(op))?;
            st.log(req, &format!("policy.rule.{op}"), &format!("{op} policy rule"), vec![doc_ref(&r, "PolicyRule", "/name")]);
            Ok(Reply::no_content())
        }),
        _ => Err(not_found_path(req)),
    }
}

fn policy<'a>(st: &'a State, id: &str) -> ApiResult<&'a Doc> {
    st.policies.get("", id).ok_or_else(|| ApiError::not_found(id, "Policy"))
}

fn rule<'a>(st: &'a State, policy_id: &str, id: &str) -> ApiResult<&'a Doc> {
    policy(st, policy_id)?;
    st.policy_rules
        .get(policy_id, id)
        .ok_or_else(|| ApiError::not_found(id, "PolicyRule"))
}

/// A policy or rule with `_links` (self, lifecycle, and rules for a policy).
fn doc_json(st: &State, d: &Doc) -> Value {
    let mut json = d.json.clone();
    let href = if d.parent.is_empty() {
        format!("{}/api/v1/policies/{}", st.base_url, d.id)
    } else {
        format!("{}/api/v1/policies/{}/rules/{}", st.base_url, d.parent, d.id)
    };
    let op = if json["status"] == "ACTIVE" {
        "deactivate"
    } else {
        "activate"
    };
    json["_links"] = json!({
        "self": { "href": href, "hints": { "allow": ["GET", "PUT", "DELETE"] } },
        op: { "href": format!("{href}/lifecycle/{op}"), "hints": { "allow": ["POST"] } },
    });
    if d.parent.is_empty() {
        json["_links"]["rules"] = json!({ "href": format!("{href}/rules"), "hints": { "allow": ["GET", "POST"] } });
    }
    json
}

fn policy_json(st: &State, p: &Doc, expand_rules: bool) -> Value {
    let mut json = doc_json(st, p);
    if expand_rules {
        let rules: Vec<Value> = st.policy_rules.children(&p.id).map(|r| doc_json(st, r)).collect();
        json["_embedded"] = json!({ "rules": rules });
    }
    json
}

/// Create (`existing` None; `activate` defaults to true) or full update of a policy
/// (`policy_id` empty) or of a rule of `policy_id`.
fn save(st: &mut State, req: &Req, policy_id: &str, existing: Option<&str>) -> ApiResult<Reply> {
    let is_rule = !policy_id.is_empty();
    let parent_type = if is_rule {
        policy(st, policy_id)?.json["type"].as_str().map(str::to_owned)
    } else {
        None
    };
    let name = req.required_str("/name", "name")?.to_owned();
    let kind = match (req.str_at("/type"), parent_type.as_deref()) {
        (Some(t), _) => t.to_owned(),
        (None, Some("OKTA_SIGN_ON")) => "SIGN_ON".to_owned(),
        (None, Some(t)) => t.to_owned(),
        (None, None) => return Err(ApiError::required("type")),
    };
    let docs = if is_rule { &st.policy_rules } else { &st.policies };
    let previous = match existing {
        Some(id) => Some(
            docs.get(policy_id, id)
                .ok_or_else(|| ApiError::not_found(id, if is_rule { "PolicyRule" } else { "Policy" }))?
                .json
                .clone(),
        ),
        None => None,
    };
    let siblings = docs.children(policy_id).count();
    let now = clock::now();
    let mut json = req.body.clone();
    if !json.is_object() {
        json = json!({});
    }
    json.as_object_mut().map(|o| o.remove("_links"));
    json["name"] = json!(name);
    json["type"] = json!(kind);
    json["lastUpdated"] = json!(now);
    if json.get("priority").is_none_or(Value::is_null) {
        json["priority"] = json!(siblings + 1);
    }
    if json.get("system").is_none() {
        json["system"] = json!(false);
    }
    let (id, status, created) = match &previous {
        Some(prev) => (prev["id"].clone(), prev["status"].clone(), prev["created"].clone()),
        None => (
            json!(ids::object_id(if is_rule { prefix::RULE } else { prefix::POLICY })),
            json!(if req.q_bool("activate", true) {
                "ACTIVE"
            } else {
                "INACTIVE"
            }),
            json!(now),
        ),
    };
    json["id"] = id.clone();
    json["status"] = status;
    json["created"] = created;
    let id = id.as_str().unwrap_or_default().to_owned();
    let doc = st.doc(id.clone(), policy_id, json);
    let docs = if is_rule {
        &mut st.policy_rules
    } else {
        &mut st.policies
    };
    let doc = match docs.get_mut(policy_id, &id) {
        Some(d) => {
            d.json = doc.json;
            d.clone()
        }
        None => {
            docs.insert(doc.clone());
            doc
        }
    };
    let (event, message) = match (is_rule, previous.is_some()) {
        (false, false) => ("policy.lifecycle.create", "Create policy"),
        (false, true) => ("policy.lifecycle.update", "Update policy"),
        (true, false) => ("policy.rule.add", "Add policy rule"),
        (true, true) => ("policy.rule.update", "Update policy rule"),
    };
    let kind = if is_rule { "PolicyRule" } else { "PolicyEntity" };
    st.log(req, event, message, vec![doc_ref(&doc, kind, "/name")]);
    Ok(Reply::ok(doc_json(st, &doc)))
}

fn list(st: &mut State, req: &Req) -> ApiResult<Reply> {
    let kind = req.q_required("type")?;
    let status = req.q("status");
    let expand = req.q("expand") == Some("rules");
    let items = st
        .policies
        .iter()
        .filter(|p| p.json["type"] == kind && status.is_none_or(|s| p.json["status"] == s))
        .map(|p| (p.seq, policy_json(st, p, expand)))
        .collect();
    paging::page(req, items, Limits::ALL, PageOpts::default())
}
