//! The org's in-memory state: every collection, and the System Log.

use serde_json::{Map, Value, json};

use crate::clock::{self, OrgClock};
use crate::error::{ApiError, ApiResult};
use crate::ids;
use crate::oauth::OAuth;
use crate::request::Req;
use crate::status::{AuthnStatus, UserStatus};
use crate::user_schema::UserSchema;
use crate::user_store::{UserMut, Users};

/// A stored object kept as its wire JSON, plus what the wire never shows.
#[derive(Debug, Clone)]
pub(crate) struct Doc {
    /// Creation order; also the paging cursor.
    pub(crate) seq: u64,
    pub(crate) id: String,
    /// The owning object's id (the app of an app user, the user of a factor…), or empty.
    pub(crate) parent: String,
    pub(crate) json: Value,
    /// A write-only value: a security answer, a factor's passcode state…
    pub(crate) secret: Option<String>,
}

/// A collection of [`Doc`]s in creation order.
#[derive(Debug, Default)]
pub(crate) struct Docs(Vec<Doc>);

impl Docs {
    pub(crate) fn insert(&mut self, doc: Doc) {
        self.0.push(doc);
    }

    pub(crate) fn get(&self, parent: &str, id: &str) -> Option<&Doc> {
        self.0.iter().find(|d| d.parent == parent && d.id == id)
    }

    pub(crate) fn get_mut(&mut self, parent: &str, id: &str) -> Option<&mut Doc> {
        self.0.iter_mut().find(|d| d.parent == parent && d.id == id)
    }

    /// A doc by id alone, whatever its parent.
    pub(crate) fn find(&self, id: &str) -> Option<&Doc> {
        self.0.iter().find(|d| d.id == id)
    }

    pub(crate) fn children<'a>(&'a self, parent: &'a str) -> impl Iterator<Item = &'a Doc> + 'a {
        self.0.iter().filter(move |d| d.parent == parent)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &Doc> {
        self.0.iter()
    }

    pub(crate) fn remove(&mut self, parent: &str, id: &str) -> Option<Doc> {
        let pos = self.0.iter().position(|d| d.parent == parent && d.id == id)?;
        Some(self.0.remove(pos))
    }

    /// Removes every doc for which `f` is true.
    pub(crate) fn remove_where(&mut self, f: impl Fn(&Doc) -> bool) {
        self.0.retain(|d| !f(d));
    }
}

/// A user, with the credentials the wire never returns.
#[derive(Debug, Clone, Default)]
pub(crate) struct User {
    pub(crate) seq: u64,
    pub(crate) id: String,
    pub(crate) status: UserStatus,
    pub(crate) created: String,
    pub(crate) activated: Option<String>,
    pub(crate) status_changed: Option<String>,
    pub(crate) last_login: Option<String>,
    pub(crate) last_updated: String,
    pub(crate) password_changed: Option<String>,
    /// Kept exactly as sent, custom attributes included.
    pub(crate) profile: Map<String, Value>,
    pub(crate) password: Option<String>,
    pub(crate) recovery_question: Option<(String, String)>,
    pub(crate) provider: &'static str,
    pub(crate) failed_logins: u32,
    /// The user as a list entry, serialized; kept current by [`Users`] on every change, so a
    /// page is written without building each user's JSON again.
    pub(crate) listed: String,
}

impl User {
    pub(crate) fn login(&self) -> &str {
        self.profile.get("login").and_then(Value::as_str).unwrap_or_default()
    }

    pub(crate) fn display_name(&self) -> String {
        let part = |k: &str| {
            self.profile
                .get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        format!("{} {}", part("firstName"), part("lastName")).trim().to_owned()
    }
}

/// An Authentication API transaction, keyed by its `stateToken`.
#[derive(Debug, Clone)]
pub(crate) struct AuthnTx {
    pub(crate) state_token: String,
    pub(crate) user_id: String,
    pub(crate) status: AuthnStatus,
    /// The factor being challenged, enrolled or activated.
    pub(crate) factor_id: Option<String>,
    /// Earlier (status, factor) pairs, for `/authn/previous`.
    pub(crate) history: Vec<(AuthnStatus, Option<String>)>,
    /// PASSWORD or UNLOCK, for recovery transactions.
    pub(crate) recovery_type: Option<&'static str>,
    /// EMAIL, SMS or CALL, for recovery transactions.
    pub(crate) factor_type: Option<String>,
    pub(crate) recovery_token: Option<String>,
    pub(crate) relay_state: Value,
    pub(crate) expires_at: String,
    pub(crate) amr: Vec<&'static str>,
    pub(crate) push_waiting: bool,
    /// MFA_ENROLL may be skipped (optional enrollment).
    pub(crate) skippable: bool,
    pub(crate) session_token: Option<String>,
}

/// Everything the org holds.
#[derive(Debug)]
pub(crate) struct State {
    pub(crate) base_url: String,
    next_seq: u64,
    pub(crate) users: Users,
    /// The default user type's profile schema.
    pub(crate) user_schema: UserSchema,
    pub(crate) groups: Docs,
    /// parent = group id, id = user id.
    pub(crate) memberships: Docs,
    pub(crate) apps: Docs,
    /// parent = app id, id = user id.
    pub(crate) app_users: Docs,
    /// parent = app id, id = group id.
    pub(crate) app_groups: Docs,
    /// parent = app id, id = kid.
    pub(crate) app_keys: Docs,
    pub(crate) group_rules: Docs,
    pub(crate) policies: Docs,
    /// parent = policy id.
    pub(crate) policy_rules: Docs,
    /// parent = user id.
    pub(crate) roles: Docs,
    /// parent = role id, id = group id.
    pub(crate) role_targets: Docs,
    /// parent = user id; secret = the security answer.
    pub(crate) factors: Docs,
    /// parent = factor id, id = transaction id.
    pub(crate) factor_txs: Docs,
    /// parent = user id.
    pub(crate) sessions: Docs,
    /// id = session token, parent = user id, json = `{amr: [...]}`.
    pub(crate) session_tokens: Docs,
    /// id = recovery/activation token, parent = user id, json = `{type}`.
    pub(crate) recovery_tokens: Docs,
    pub(crate) authn: Vec<AuthnTx>,
    pub(crate) auth_servers: Docs,
    /// parent = authorization server id (scopes, claims and policies alike).
    pub(crate) auth_scopes: Docs,
    pub(crate) auth_claims: Docs,
    pub(crate) auth_policies: Docs,
    /// parent = authorization server policy id.
    pub(crate) auth_policy_rules: Docs,
    pub(crate) logs: Vec<(u64, Value)>,
    /// Service apps, issued tokens, DPoP state.
    pub(crate) oauth: OAuth,
    pub(crate) clock: OrgClock,
    /// Counters so seeded names stay unique across several seed calls.
    pub(crate) seeded: [usize; 3],
}

impl State {
    /// A new org: no users, groups or apps yet; the user schema and the `default`
    /// authorization server every org starts with.
    pub(crate) fn new(base_url: String) -> Self {
        let mut st = Self {
            users: Users::new(base_url.clone()),
            user_schema: UserSchema::default(),
            base_url,
            next_seq: 1,
            groups: Docs::default(),
            memberships: Docs::default(),
            apps: Docs::default(),
            app_users: Docs::default(),
            app_groups: Docs::default(),
            app_keys: Docs::default(),
            group_rules: Docs::default(),
            policies: Docs::default(),
            policy_rules: Docs::default(),
            roles: Docs::default(),
            role_targets: Docs::default(),
            factors: Docs::default(),
            factor_txs: Docs::default(),
            sessions: Docs::default(),
            session_tokens: Docs::default(),
            recovery_tokens: Docs::default(),
            authn: Vec::new(),
            auth_servers: Docs::default(),
            auth_scopes: Docs::default(),
            auth_claims: Docs::default(),
            auth_policies: Docs::default(),
            auth_policy_rules: Docs::default(),
            logs: Vec::new(),
            oauth: OAuth::default(),
            clock: OrgClock::default(),
            seeded: [0; 3],
        };
        crate::routes::insert_default_authorization_server(&mut st);
        st
    }

    /// The next creation sequence number.
    pub(crate) fn seq(&mut self) -> u64 {
        self.next_seq += 1;
        self.next_seq
    }

    /// A new [`Doc`] with a fresh sequence number.
    pub(crate) fn doc(&mut self, id: String, parent: &str, json: Value) -> Doc {
        Doc {
            seq: self.seq(),
            id,
            parent: parent.to_owned(),
            json,
            secret: None,
        }
    }

    /// A user by id or login (Okta accepts both in `/users/{id}`).
    pub(crate) fn user(&self, id: &str) -> ApiResult<&User> {
        self.users.get(id).ok_or_else(|| ApiError::not_found(id, "User"))
    }

    /// A user to change; the user indexes follow when the guard is dropped.
    pub(crate) fn user_mut(&mut self, id: &str) -> ApiResult<UserMut<'_>> {
        self.users.get_mut(id).ok_or_else(|| ApiError::not_found(id, "User"))
    }

    pub(crate) fn group(&self, id: &str) -> ApiResult<&Doc> {
        self.groups
            .get("", id)
            .ok_or_else(|| ApiError::not_found(id, "UserGroup"))
    }

    pub(crate) fn app(&self, id: &str) -> ApiResult<&Doc> {
        self.apps
            .get("", id)
            .ok_or_else(|| ApiError::not_found(id, "AppInstance"))
    }

    /// Appends a System Log event done by the API token's admin.
    pub(crate) fn log(&mut self, req: &Req, event_type: &str, message: &str, target: Vec<Value>) {
        let actor = json!({
            "id": "00umockadmin00000000", "type": "User", "alternateId": "admin@example.com",
            "displayName": "Mock Admin", "detail": null,
        });
        self.log_as(req, actor, event_type, message, "SUCCESS", target);
    }

    /// Appends a System Log event with an explicit actor and outcome.
    pub(crate) fn log_as(
        &mut self,
        req: &Req,
        actor: Value,
        event_type: &str,
        message: &str,
        result: &str,
        target: Vec<Value>,
    ) {
        let seq = self.seq();
        let event = json!({
            "uuid": ids::uuid(),
            "published": clock::now(),
            "eventType": event_type,
            "version": "0",
            "severity": if result == "SUCCESS" { "INFO" } else { "WARN" },
            "legacyEventType": null,
            "displayMessage": message,
            "actor": actor,
            "client": {
                "userAgent": { "rawUserAgent": req.user_agent, "os": "Unknown", "browser": "UNKNOWN" },
                "zone": "null", "device": "Unknown", "id": null, "ipAddress": "127.0.0.1",
                "geographicalContext": null,
            },
            "outcome": { "result": result, "reason": null },
            "target": target,
            "transaction": { "type": "WEB", "id": req.request_id, "detail": {} },
            "debugContext": { "debugData": { "requestId": req.request_id, "requestUri": req.path } },
            "authenticationContext": { "authenticationStep": 0, "externalSessionId": null },
            "securityContext": {},
            "request": { "ipChain": [{ "ip": "127.0.0.1", "version": "V4" }] },
        });
        self.logs.push((seq, event));
    }
}

/// A System Log actor/target for a user.
pub(crate) fn user_ref(u: &User) -> Value {
    json!({ "id": u.id, "type": "User", "alternateId": u.login(), "displayName": u.display_name(), "detailEntry": null })
}

/// A System Log target for any other object (`UserGroup`, `AppInstance`, `PolicyEntity`…).
pub(crate) fn doc_ref(d: &Doc, kind: &str, name_pointer: &str) -> Value {
    let name = d.json.pointer(name_pointer).and_then(Value::as_str).unwrap_or_default();
    json!({ "id": d.id, "type": kind, "alternateId": name, "displayName": name, "detailEntry": null })
}
