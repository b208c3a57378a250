//! The route table: path first, then method (so a known path with the wrong method is a 405).

use std::borrow::Cow;

use crate::error::{ApiError, ApiResult};
use crate::media;
use crate::request::{Body, Reply, Req};
use crate::state::State;
use crate::status::LifecycleStatus;

mod apps;
mod authn;
mod authorization_server_parts;
mod authorization_servers;
mod factors;
mod group_rules;
mod groups;
mod logs;
mod policies;
mod roles;
mod sessions;
mod user_credentials;
mod user_lifecycle;
mod user_schemas;
pub(crate) mod users;

pub(crate) use apps::insert_app;
pub(crate) use authorization_servers::insert_default as insert_default_authorization_server;
pub(crate) use groups::insert_group;

/// Picks the handler by method for one path; anything else is 405 E0000022.
macro_rules! by_method {
    ($req:expr, $($method:literal => $handler:expr),+ $(,)?) => {
        match $req.method.as_str() {
            $($method => $handler,)+
            _ => Err($crate::error::ApiError::method_not_allowed()),
        }
    };
}
pub(crate) use by_method;

/// Routes one request; a path no route serves goes to [`fallback`].
pub(crate) fn dispatch(st: &mut State, req: &Req) -> ApiResult<Reply> {
    match route(st, req) {
        Err(e) if e.unrouted => fallback(st, req),
        answered => answered,
    }
}

/// The one place a request ends up when no route serves its path (every route table's
/// catch-all answers [`not_found_path`]): an operation of Okta's Management API that the
/// stand-in does not model answers its example from the spec, in the media type the request's
/// `Accept` prefers (a CSR as JSON or PKCS#10); anything else is Okta's 404.
fn fallback(_st: &mut State, req: &Req) -> ApiResult<Reply> {
    let Some(example) = crate::examples_generated::example(&req.method, &req.path) else {
        return Err(ApiError::not_found(&req.path, "Resource"));
    };
    let chosen = media::preferred(req.header("accept"), example.bodies, |b| b.media_type);
    // A list is one page: it links itself, as every Okta list does, and no next page.
    let list = chosen.is_some_and(|b| media::is_json(b.media_type) && b.text.starts_with('['));
    let reply = Reply {
        status: example.status,
        body: chosen.map(|b| Body::Example {
            media_type: b.media_type,
            text: b.text,
        }),
        headers: Vec::new(),
    };
    Ok(if list {
        crate::paging::with_links(req, reply, usize::MAX, None)
    } else {
        reply
    })
}

fn route(st: &mut State, req: &Req) -> ApiResult<Reply> {
    let decoded: Vec<Cow<'_, str>> = req
        .path
        .trim_matches('/')
        .split('/')
        .map(|s| percent_encoding::percent_decode_str(s).decode_utf8_lossy())
        .collect();
    let segs: Vec<&str> = decoded.iter().map(AsRef::as_ref).collect();
    match segs.as_slice() {
        ["api", "v1", "users", rest @ ..] => users::route(st, req, rest),
        ["api", "v1", "groups", "rules", rest @ ..] => group_rules::route(st, req, rest),
        ["api", "v1", "groups", rest @ ..] => groups::route(st, req, rest),
        ["api", "v1", "apps", rest @ ..] => apps::route(st, req, rest),
        ["api", "v1", "authn", rest @ ..] => authn::route(st, req, rest),
        ["api", "v1", "sessions", rest @ ..] => sessions::route(st, req, rest),
        ["api", "v1", "policies", rest @ ..] => policies::route(st, req, rest),
        ["api", "v1", "logs"] => by_method!(req, "GET" => logs::list(st, req)),
        ["api", "v1", "meta", "schemas", "user", rest @ ..] => user_schemas::route(st, req, rest),
        ["api", "v1", "authorizationServers", rest @ ..] => authorization_servers::route(st, req, rest),
        _ => Err(not_found_path(req)),
    }
}

/// What a route table answers for a path it does not serve: [`dispatch`] hands the request
/// to [`fallback`].
pub(crate) fn not_found_path(req: &Req) -> ApiError {
    ApiError {
        unrouted: true,
        ..ApiError::not_found(&req.path, "Resource")
    }
}

/// Sets `status` (ACTIVE/INACTIVE) and `lastUpdated` on a stored doc: the lifecycle of
/// policies, policy rules, group rules and the parts of authorization servers.
pub(crate) fn set_doc_status(
    docs: &mut crate::state::Docs,
    parent: &str,
    id: &str,
    kind: &str,
    status: LifecycleStatus,
) -> ApiResult<crate::state::Doc> {
    let doc = docs.get_mut(parent, id).ok_or_else(|| ApiError::not_found(id, kind))?;
    doc.json["status"] = serde_json::json!(status.as_str());
    doc.json["lastUpdated"] = serde_json::json!(crate::clock::now());
    Ok(doc.clone())
}

/// The status `lifecycle/activate` or `lifecycle/deactivate` sets.
pub(crate) fn lifecycle_status(op: &str) -> LifecycleStatus {
    LifecycleStatus::of_operation(op)
}
