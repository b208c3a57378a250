//! User lifecycle operations (`/users/{id}/lifecycle/{op}`): one transition table, one helper.

use serde_json::json;

use super::not_found_path;
use super::users::{set_status, user_json};
use crate::error::{ApiError, ApiResult};
use crate::ids;
use crate::request::{Reply, Req};
use crate::state::{State, user_ref};
use crate::status::UserStatus;

/// One lifecycle operation: where it may start, the System Log event it writes.
struct Transition {
    op: &'static str,
    from: &'static [UserStatus],
    event: &'static str,
    message: &'static str,
}

const TRANSITIONS: &[Transition] = &[
    Transition {
        op: "activate",
        from: &[UserStatus::Staged, UserStatus::Deprovisioned],
        event: "user.lifecycle.activate",
        message: "Activate Okta user",
    },
    Transition {
        op: "deactivate",
        from: &[
            UserStatus::Staged,
            UserStatus::Provisioned,
            UserStatus::Active,
            UserStatus::Recovery,
            UserStatus::PasswordExpired,
            UserStatus::LockedOut,
            UserStatus::Suspended,
            UserStatus::Deprovisioned,
        ],
        event: "user.lifecycle.deactivate",
        message: "Deactivate Okta user",
    },
    Transition {
        op: "suspend",
        from: &[UserStatus::Active],
        event: "user.lifecycle.suspend",
        message: "Suspend Okta user",
    },
    Transition {
        op: "unsuspend",
        from: &[UserStatus::Suspended],
        event: "user.lifecycle.unsuspend",
        message: "Unsuspend Okta user",
    },
    Transition {
        op: "unlock",
        from: &[UserStatus::LockedOut],
        event: "user.account.unlock",
        message: "Unlock user account",
    },
    Transition {
        op: "expire_password",
        from: &[
            UserStatus::Active,
            UserStatus::PasswordExpired,
            UserStatus::Recovery,
            UserStatus::LockedOut,
        ],
        event: "user.account.expire_password",
        message: "Expire user password",
    },
    Transition {
        op: "reset_password",
        from: &[
            UserStatus::Active,
            UserStatus::Provisioned,
            UserStatus::PasswordExpired,
            UserStatus::Recovery,
            UserStatus::LockedOut,
        ],
        event: "user.account.reset_password",
        message: "Reset user password",
    },
    Transition {
        op: "reset_factors",
        from: &[
            UserStatus::Staged,
            UserStatus::Provisioned,
            UserStatus::Active,
            UserStatus::Recovery,
            UserStatus::PasswordExpired,
            UserStatus::LockedOut,
            UserStatus::Suspended,
        ],
        event: "user.mfa.factor.reset_all",
        message: "Reset all factors for user",
    },
];

pub(crate) fn run(st: &mut State, req: &Req, id: &str, op: &str) -> ApiResult<Reply> {
    let transition = TRANSITIONS
        .iter()
        .find(|t| t.op == op)
        .ok_or_else(|| not_found_path(req))?;
    let user = st.user(id)?;
    let uid = user.id.clone();
    if op == "activate" && user.status == UserStatus::Active {
        return Err(ApiError::new(
            403,
            "E0000016",
            "Activation failed because the user is already active",
        ));
    }
    if !transition.from.contains(&user.status) {
        return Err(ApiError::validation(
            &format!("{op} user"),
            format!("Cannot {} a user with status {}.", op.replace('_', " "), user.status),
        ));
    }
    let has_password = user.password.is_some();
    let base = st.base_url.clone();
    let reply = match op {
        "activate" => {
            set_status(
                st.user_mut(&uid)?,
                if has_password {
                    UserStatus::Active
                } else {
                    UserStatus::Provisioned
                },
            );
            if req.q_bool("sendEmail", true) {
                Reply::empty_object()
            } else {
                let token = issue_token(st, &uid, "activation");
                Reply::ok(json!({ "activationUrl": format!("{base}/welcome/{token}"), "activationToken": token }))
            }
        }
        "deactivate" => return deactivate(st, req, &uid).map(|()| Reply::empty_object()),
        "suspend" | "unlock" | "unsuspend" => {
            let u = st.user_mut(&uid)?;
            u.failed_logins = 0;
            set_status(
                u,
                if op == "suspend" {
                    UserStatus::Suspended
                } else {
                    UserStatus::Active
                },
            );
            Reply::empty_object()
        }
        "expire_password" => {
            let u = st.user_mut(&uid)?;
            set_status(u, UserStatus::PasswordExpired);
            if req.q_bool("tempPassword", false) {
                let temp = ids::random_chars(10);
                u.password = Some(temp.clone());
                Reply::ok(json!({ "tempPassword": temp }))
            } else {
                Reply::ok(user_json(&base, u, true))
            }
        }
        "reset_password" => {
            set_status(st.user_mut(&uid)?, UserStatus::Recovery);
            let token = issue_token(st, &uid, "recovery");
            if req.q_bool("sendEmail", true) {
                Reply::empty_object()
            } else {
                Reply::ok(json!({ "resetPasswordUrl": format!("{base}/reset_password/{token}") }))
            }
        }
        _ => {
            // reset_factors
            st.delete_factors_of(&uid);
            Reply::empty_object()
        }
    };
    let target = user_ref(st.user(&uid)?);
    st.log(req, transition.event, transition.message, vec![target]);
    Ok(reply)
}

/// Deactivation, shared with the first DELETE of a user: UserStatus::Deprovisioned, sessions ended.
pub(crate) fn deactivate(st: &mut State, req: &Req, uid: &str) -> ApiResult<()> {
    let u = st.user_mut(uid)?;
    if u.status == UserStatus::Deprovisioned {
        return Ok(());
    }
    set_status(u, UserStatus::Deprovisioned);
    let target = user_ref(u);
    st.end_sessions_of(uid);
    st.log(req, "user.lifecycle.deactivate", "Deactivate Okta user", vec![target]);
    Ok(())
}

/// A one-time token for a user (activation or password recovery), as Okta would e-mail it.
pub(crate) fn issue_token(st: &mut State, uid: &str, kind: &str) -> String {
    let token = ids::random_chars(20);
    let doc = st.doc(token.clone(), uid, json!({ "type": kind }));
    st.recovery_tokens.insert(doc);
    token
}

/// The user a one-time token belongs to, consuming the token.
pub(crate) fn redeem_token(st: &mut State, token: &str) -> Option<String> {
    let doc = st.recovery_tokens.iter().find(|d| d.id == token)?.clone();
    st.recovery_tokens.remove(&doc.parent, &doc.id);
    Some(doc.parent)
}
