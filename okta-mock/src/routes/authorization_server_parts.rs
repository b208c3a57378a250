//! What an authorization server holds: scopes, claims, access policies and their rules. The
//! four share one create/list/read/replace/delete path; [`Part`] says what differs.

use serde_json::{Value, json};

use super::authorization_servers::server;
use super::{by_method, lifecycle_status, not_found_path, set_doc_status};
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::ids::{self, prefix};
use crate::paging::{self, Limits, PageOpts};
use crate::request::{Reply, Req};
use crate::state::{Doc, Docs, State, doc_ref};
use crate::status::LifecycleStatus;

/// One kind of thing an authorization server holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Scope,
    Claim,
    Policy,
    /// A rule of a policy: its parent is the policy, not the server.
    Rule,
}

impl Part {
    /// The part a path segment under `/api/v1/authorizationServers/{id}/` names.
    pub(super) fn of_segment(segment: &str) -> Option<Self> {
        match segment {
            "scopes" => Some(Self::Scope),
            "claims" => Some(Self::Claim),
            "policies" => Some(Self::Policy),
            _ => None,
        }
    }

    const fn segment(self) -> &'static str {
        match self {
            Self::Scope => "scopes",
            Self::Claim => "claims",
            Self::Policy => "policies",
            Self::Rule => "rules",
        }
    }

    /// Okta's name for it in a 404 and in System Log targets.
    const fn kind(self) -> &'static str {
        match self {
            Self::Scope => "OAuth2Scope",
            Self::Claim => "OAuth2Claim",
            Self::Policy => "Policy",
            Self::Rule => "PolicyRule",
        }
    }

    const fn id_prefix(self) -> &'static str {
        match self {
            Self::Scope => prefix::SCOPE,
            Self::Claim => prefix::CLAIM,
            Self::Policy => prefix::POLICY,
            Self::Rule => prefix::RULE,
        }
    }

    /// The body fields that cannot be left blank.
    const fn required(self) -> &'static [&'static str] {
        match self {
            Self::Scope | Self::Rule => &["name"],
            Self::Claim => &["name", "claimType", "valueType"],
            Self::Policy => &["name", "description"],
        }
    }

    /// Whether it has `status` and `lifecycle/activate` (and a `priority` among its siblings).
    const fn has_lifecycle(self) -> bool {
        matches!(self, Self::Policy | Self::Rule)
    }

    /// Fields the org fills in when a create leaves them out.
    fn defaults(self) -> Value {
        match self {
            Self::Scope => {
                json!({ "system": false, "default": false, "consent": "IMPLICIT", "metadataPublish": "NO_CLIENTS" })
            }
            Self::Claim => json!({ "status": "ACTIVE", "system": false, "alwaysIncludeInToken": false }),
            Self::Policy => json!({ "type": "OAUTH_AUTHORIZATION_POLICY", "system": false }),
            Self::Rule => json!({ "type": "RESOURCE_ACCESS", "system": false }),
        }
    }

    /// The System Log event of a create, update or delete (`verb` is one of those three).
    fn event(self, verb: &str) -> String {
        match (self, verb) {
            (Self::Scope, _) => format!("oauth2.scope.{verb}d"),
            (Self::Claim, _) => format!("oauth2.claim.{verb}d"),
            (Self::Policy, _) => format!("policy.lifecycle.{verb}"),
            (Self::Rule, "create") => "policy.rule.add".to_owned(),
            (Self::Rule, _) => format!("policy.rule.{verb}"),
        }
    }

    fn docs(self, st: &State) -> &Docs {
        match self {
            Self::Scope => &st.auth_scopes,
            Self::Claim => &st.auth_claims,
            Self::Policy => &st.auth_policies,
            Self::Rule => &st.auth_policy_rules,
        }
    }

    fn docs_mut(self, st: &mut State) -> &mut Docs {
        match self {
            Self::Scope => &mut st.auth_scopes,
            Self::Claim => &mut st.auth_claims,
            Self::Policy => &mut st.auth_policies,
            Self::Rule => &mut st.auth_policy_rules,
        }
    }
}

/// Where a part lives: its server, and its parent (the server, or the policy of a rule).
#[derive(Debug, Clone, Copy)]
struct Place<'a> {
    server: &'a str,
    parent: &'a str,
    part: Part,
}

/// `rest` is what follows `/api/v1/authorizationServers/{server}/{part's segment}`.
pub(super) fn route(st: &mut State, req: &Req, server_id: &str, part: Part, rest: &[&str]) -> ApiResult<Reply> {
    server(st, server_id)?;
    let place = Place {
        server: server_id,
        parent: server_id,
        part,
    };
    match (part, rest) {
        (Part::Policy, [policy, "rules", rest @ ..]) => {
            get(st, place, policy)?;
            let rules = Place {
                parent: policy,
                part: Part::Rule,
                ..place
            };
            route_in(st, req, rules, rest)
        }
        _ => route_in(st, req, place, rest),
    }
}

fn route_in(st: &mut State, req: &Req, place: Place<'_>, rest: &[&str]) -> ApiResult<Reply> {
    match rest {
        [] => by_method!(req, "GET" => list(st, req, place), "POST" => save(st, req, place, None)),
        [id] => by_method!(req,
            "GET" => Ok(Reply::ok(part_json(st, place, get(st, place, id)?))),
            "PUT" => save(st, req, place, Some(id)),
            "DELETE" => {
                let doc = get(st, place, id)?.clone();
                match place.part {
                    Part::Policy => st.delete_authorization_server_policy(id),
                    part => {
                        part.docs_mut(st).remove(place.parent, id);
                    }
                }
                let target = vec![doc_ref(&doc, place.part.kind(), "/name")];
                st.log(req, &place.part.event("delete"), &format!("Delete {}", place.part.kind()), target);
                Ok(Reply::no_content())
            },
        ),
        [id, "lifecycle", op @ ("activate" | "deactivate")] if place.part.has_lifecycle() => {
            by_method!(req, "POST" => {
                let part = place.part;
                let doc = set_doc_status(part.docs_mut(st), place.parent, id, part.kind(), lifecycle_status(op))?;
                let event = if part == Part::Rule { "policy.rule" } else { "policy.lifecycle" };
                st.log(req, &format!("{event}.{op}"), &format!("{op} {}", part.kind()), vec![doc_ref(&doc, part.kind(), "/name")]);
                Ok(Reply::no_content())
            })
        }
        _ => Err(not_found_path(req)),
    }
}

fn get<'a>(st: &'a State, place: Place<'_>, id: &str) -> ApiResult<&'a Doc> {
    place
        .part
        .docs(st)
        .get(place.parent, id)
        .ok_or_else(|| ApiError::not_found(id, place.part.kind()))
}

/// A part with its `_links`: self, and for policies and rules the lifecycle operation their
/// status allows (and a policy's rules).
fn part_json(st: &State, place: Place<'_>, d: &Doc) -> Value {
    let server = format!("{}/api/v1/authorizationServers/{}", st.base_url, place.server);
    let href = match place.part {
        Part::Rule => format!("{server}/policies/{}/rules/{}", place.parent, d.id),
        part => format!("{server}/{}/{}", part.segment(), d.id),
    };
    let mut json = d.json.clone();
    json["_links"] = json!({ "self": { "href": href, "hints": { "allow": ["GET", "PUT", "DELETE"] } } });
    if place.part.has_lifecycle() {
        let status = json["status"]
            .as_str()
            .and_then(LifecycleStatus::parse)
            .unwrap_or(LifecycleStatus::Active);
        json["_links"][status.toggle()] =
            json!({ "href": format!("{href}/lifecycle/{}", status.toggle()), "hints": { "allow": ["POST"] } });
    }
    if place.part == Part::Policy {
        json["_links"]["rules"] = json!({ "href": format!("{href}/rules"), "hints": { "allow": ["GET"] } });
    }
    json
}

/// Scopes page (up to 200 a page, as the spec says); the other parts come on one page.
fn list(st: &mut State, req: &Req, place: Place<'_>) -> ApiResult<Reply> {
    let q = req.q("q").filter(|_| place.part == Part::Scope).map(str::to_lowercase);
    let items = place
        .part
        .docs(st)
        .children(place.parent)
        .filter(|d| {
            q.as_deref()
                .is_none_or(|q| d.json["name"].as_str().is_some_and(|n| n.to_lowercase().starts_with(q)))
        })
        .map(|d| (d.seq, part_json(st, place, d)))
        .collect();
    let limits = if place.part == Part::Scope {
        Limits::new(200, 200)
    } else {
        Limits::ALL
    };
    paging::page(req, items, limits, PageOpts::default())
}

/// Adds a part under `parent` with what the org fills in (id, timestamps, defaults, and for
/// policies and rules ACTIVE and the next priority); returns its id.
pub(super) fn insert(st: &mut State, part: Part, parent: &str, mut json: Value) -> String {
    let now = clock::now();
    let id = ids::object_id(part.id_prefix());
    if let (Some(fields), Value::Object(defaults)) = (json.as_object_mut(), part.defaults()) {
        for (key, value) in defaults {
            if fields.get(&key).is_none_or(Value::is_null) {
                fields.insert(key, value);
            }
        }
    }
    if part.has_lifecycle() {
        json["status"] = json!(LifecycleStatus::Active.as_str());
        if json.get("priority").is_none_or(Value::is_null) {
            json["priority"] = json!(part.docs(st).children(parent).count() + 1);
        }
    }
    json["id"] = json!(id);
    json["created"] = json!(now);
    json["lastUpdated"] = json!(now);
    let doc = st.doc(id.clone(), parent, json);
    part.docs_mut(st).insert(doc);
    id
}

/// Create (`existing` None) or full replacement, which keeps the id, creation time, status
/// and whether it is a system part.
fn save(st: &mut State, req: &Req, place: Place<'_>, existing: Option<&str>) -> ApiResult<Reply> {
    let part = place.part;
    let previous = existing.map(|id| get(st, place, id).cloned()).transpose()?;
    for field in part.required() {
        match req.body.get(*field) {
            Some(Value::String(s)) if !s.is_empty() => {}
            Some(v) if !v.is_null() && !v.is_string() => {}
            _ => return Err(ApiError::required(field)),
        }
    }
    let mut json = req.body.clone();
    if let Some(fields) = json.as_object_mut() {
        for key in ["_links", "id", "created", "lastUpdated"] {
            fields.remove(key);
        }
    }
    let (id, verb, reply): (String, &str, fn(Value) -> Reply) = match &previous {
        None => (insert(st, part, place.parent, json), "create", Reply::created),
        Some(prev) => {
            for key in ["id", "created", "status", "system"] {
                json[key] = prev.json[key].clone();
            }
            if json.get("priority").is_none_or(Value::is_null) {
                json["priority"] = prev.json["priority"].clone();
            }
            json["lastUpdated"] = json!(clock::now());
            if let Some(d) = part.docs_mut(st).get_mut(place.parent, &prev.id) {
                d.json = json;
            }
            (prev.id.clone(), "update", Reply::ok)
        }
    };
    let doc = get(st, place, &id)?.clone();
    let message = format!("{} {}", if verb == "create" { "Create" } else { "Update" }, part.kind());
    st.log(
        req,
        &part.event(verb),
        &message,
        vec![doc_ref(&doc, part.kind(), "/name")],
    );
    Ok(reply(part_json(st, place, &doc)))
}
