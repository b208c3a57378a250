//! Custom authorization servers (`/api/v1/authorizationServers`): create, list, read, replace,
//! delete, activate and deactivate; their scopes, claims and policies are in
//! [`authorization_server_parts`](super::authorization_server_parts). Every org has the
//! `default` server, with Okta's reserved scopes, the `sub` claim and a default policy.

use serde_json::{Value, json};

use super::authorization_server_parts::{self, Part};
use super::{by_method, lifecycle_status, not_found_path, set_doc_status};
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::ids::{self, prefix};
use crate::paging::{self, Limits, PageOpts};
use crate::request::{Reply, Req};
use crate::state::{Doc, State, doc_ref};
use crate::status::LifecycleStatus;

/// Okta's name for an authorization server in errors and the System Log.
pub(super) const KIND: &str = "AuthorizationServer";

pub(crate) fn route(st: &mut State, req: &Req, rest: &[&str]) -> ApiResult<Reply> {
    match rest {
        [] => by_method!(req, "GET" => list(st, req), "POST" => save(st, req, None)),
        [id] => by_method!(req,
            "GET" => Ok(Reply::ok(server_json(st, server(st, id)?))),
            "PUT" => save(st, req, Some(id)),
            "DELETE" => {
                let s = server(st, id)?.clone();
                st.delete_authorization_server(id);
                st.log(req, "oauth2.as.deleted", "Delete authorization server", vec![doc_ref(&s, KIND, "/name")]);
                Ok(Reply::no_content())
            },
        ),
        [id, "lifecycle", op @ ("activate" | "deactivate")] => by_method!(req, "POST" => {
            let s = set_doc_status(&mut st.auth_servers, "", id, KIND, lifecycle_status(op))?;
            st.log(req, &format!("oauth2.as.{op}d"), &format!("{op} authorization server"), vec![doc_ref(&s, KIND, "/name")]);
            Ok(Reply::no_content())
        }),
        [id, segment, rest @ ..] => match Part::of_segment(segment) {
            Some(part) => authorization_server_parts::route(st, req, id, part, rest),
            None => Err(not_found_path(req)),
        },
    }
}

/// An authorization server by id.
pub(super) fn server<'a>(st: &'a State, id: &str) -> ApiResult<&'a Doc> {
    st.auth_servers.get("", id).ok_or_else(|| ApiError::not_found(id, KIND))
}

/// A server with the `_links` Okta sends: its parts, metadata, key rotation and the lifecycle
/// operation its status allows.
fn server_json(st: &State, s: &Doc) -> Value {
    let href = format!("{}/api/v1/authorizationServers/{}", st.base_url, s.id);
    let issuer = format!("{}/oauth2/{}", st.base_url, s.id);
    let status = s.json["status"]
        .as_str()
        .and_then(LifecycleStatus::parse)
        .unwrap_or(LifecycleStatus::Active);
    let mut json = s.json.clone();
    let get = |path: &str| json!({ "href": format!("{href}/{path}"), "hints": { "allow": ["GET"] } });
    json["_links"] = json!({
        "scopes": get("scopes"),
        "claims": get("claims"),
        "policies": get("policies"),
        "self": { "href": href, "hints": { "allow": ["GET", "DELETE", "PUT"] } },
        "metadata": [
            { "name": "oauth-authorization-server", "href": format!("{issuer}/.well-known/oauth-authorization-server"), "hints": { "allow": ["GET"] } },
            { "name": "openid-configuration", "href": format!("{issuer}/.well-known/openid-configuration"), "hints": { "allow": ["GET"] } },
        ],
        "rotateKey": { "href": format!("{href}/credentials/lifecycle/keyRotate"), "hints": { "allow": ["POST"] } },
        status.toggle(): { "href": format!("{href}/lifecycle/{}", status.toggle()), "hints": { "allow": ["POST"] } },
    });
    json
}

/// Create (`existing` None) or full replacement: `name` and `audiences` are required; the id,
/// issuer, status, signing credentials and creation time are the org's.
fn save(st: &mut State, req: &Req, existing: Option<&str>) -> ApiResult<Reply> {
    let previous = existing.map(|id| server(st, id).map(|s| s.json.clone())).transpose()?;
    req.required_str("/name", "name")?;
    if req
        .body
        .get("audiences")
        .and_then(Value::as_array)
        .is_none_or(Vec::is_empty)
    {
        return Err(ApiError::required("audiences"));
    }
    let mut json = req.body.clone();
    json.as_object_mut().map(|o| o.remove("_links"));
    let now = clock::now();
    let id = match &previous {
        Some(prev) => {
            for key in ["id", "issuer", "status", "created", "credentials"] {
                json[key] = prev[key].clone();
            }
            prev["id"].as_str().unwrap_or_default().to_owned()
        }
        None => {
            let id = ids::object_id(prefix::AUTH_SERVER);
            init_server(st, &mut json, &id);
            id
        }
    };
    json["lastUpdated"] = json!(now);
    let doc = match st.auth_servers.get_mut("", &id) {
        Some(d) => {
            d.json = json;
            d.clone()
        }
        None => {
            let doc = st.doc(id, "", json);
            st.auth_servers.insert(doc.clone());
            doc
        }
    };
    let (event, message, reply): (_, _, fn(Value) -> Reply) = match previous {
        None => ("oauth2.as.created", "Create authorization server", Reply::created),
        Some(_) => ("oauth2.as.updated", "Update authorization server", Reply::ok),
    };
    st.log(req, event, message, vec![doc_ref(&doc, KIND, "/name")]);
    Ok(reply(server_json(st, &doc)))
}

/// What a new server gets from the org: id, issuer, ACTIVE, signing credentials, timestamps.
fn init_server(st: &State, json: &mut Value, id: &str) {
    let now = clock::now();
    json["id"] = json!(id);
    json["issuer"] = json!(format!("{}/oauth2/{id}", st.base_url));
    if json.get("issuerMode").is_none_or(Value::is_null) {
        json["issuerMode"] = json!("ORG_URL");
    }
    json["status"] = json!(LifecycleStatus::Active.as_str());
    json["created"] = json!(now);
    json["lastUpdated"] = json!(now);
    json["credentials"] = json!({ "signing": {
        "rotationMode": "AUTO", "lastRotated": now, "nextRotation": now, "kid": ids::random_chars(43), "use": "sig",
    } });
}

/// `q` matches the start of the name or of an audience (case-insensitive); pages of up to 200.
fn list(st: &mut State, req: &Req) -> ApiResult<Reply> {
    let q = req.q("q").map(str::to_lowercase);
    let starts = |v: &Value| {
        v.as_str()
            .is_some_and(|s| q.as_deref().is_none_or(|q| s.to_lowercase().starts_with(q)))
    };
    let items = st
        .auth_servers
        .iter()
        .filter(|s| starts(&s.json["name"]) || s.json["audiences"].as_array().is_some_and(|a| a.iter().any(starts)))
        .map(|s| (s.seq, server_json(st, s)))
        .collect();
    paging::page(req, items, Limits::new(200, 200), PageOpts::default())
}

/// The `default` server a new org has: Okta's reserved scopes, the `sub` access token claim,
/// and a default access policy with one rule.
pub(crate) fn insert_default(st: &mut State) {
    let mut json = json!({
        "name": "default", "description": "Default Authorization Server for your Applications",
        "audiences": ["api://default"],
    });
    init_server(st, &mut json, "default");
    let doc = st.doc("default".into(), "", json);
    st.auth_servers.insert(doc);
    for (name, description) in [
        ("openid", "Signals that a request is an OpenID request."),
        ("profile", "Allows access to the end-user's default profile claims."),
        ("email", "Allows access to the email and email_verified claims."),
        ("address", "Allows access to the address claim."),
        (
            "phone",
            "Allows access to the phone_number and phone_number_verified claims.",
        ),
        ("offline_access", "Allows access to a refresh token."),
        ("device_sso", "Allows a device secret to be issued for native SSO."),
    ] {
        let scope = json!({
            "name": name, "displayName": name, "description": description, "system": true, "default": false,
            "consent": "IMPLICIT", "metadataPublish": "ALL_CLIENTS",
        });
        authorization_server_parts::insert(st, Part::Scope, "default", scope);
    }
    let sub = json!({
        "name": "sub", "status": "ACTIVE", "claimType": "RESOURCE", "valueType": "EXPRESSION",
        "value": "(appuser != null) ? appuser.userName : app.clientId", "conditions": { "scopes": [] },
        "system": true, "alwaysIncludeInToken": true,
    });
    authorization_server_parts::insert(st, Part::Claim, "default", sub);
    let policy = json!({
        "type": "OAUTH_AUTHORIZATION_POLICY", "name": "Default Policy", "description": "Default policy description",
        "priority": 1, "system": false, "conditions": { "clients": { "include": ["ALL_CLIENTS"] } },
    });
    let policy_id = authorization_server_parts::insert(st, Part::Policy, "default", policy);
    let rule = json!({
        "type": "RESOURCE_ACCESS", "name": "Default Policy Rule", "priority": 1, "system": false,
        "conditions": {
            "people": { "groups": { "include": ["EVERYONE"] } },
            "grantTypes": { "include": ["client_credentials", "authorization_code", "urn:ietf:params:oauth:grant-type:device_code"] },
            "scopes": { "include": ["*"] },
        },
        "actions": { "token": { "accessTokenLifetimeMinutes": 60, "refreshTokenLifetimeMinutes": 0, "refreshTokenWindowMinutes": 10080 } },
    });
    authorization_server_parts::insert(st, Part::Rule, &policy_id, rule);
}
