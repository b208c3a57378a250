//! User credential operations (`/users/{id}/credentials/{op}`).

use serde_json::json;

use super::not_found_path;
use super::user_lifecycle::issue_token;
use super::users::{credentials_json, password_problem, set_status};
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::request::{Reply, Req};
use crate::state::{State, user_ref};
use crate::status::UserStatus;

/// 403 E0000014, Okta's answer to a refused credential change.
fn update_failed(cause: impl Into<String>) -> ApiError {
    ApiError::new(403, "E0000014", "Update of credentials failed").cause(cause)
}

pub(crate) fn run(st: &mut State, req: &Req, id: &str, op: &str) -> ApiResult<Reply> {
    let user = st.user(id)?.clone();
    let current_ok = |given: Option<&str>| given.is_some() && given == user.password.as_deref();
    match op {
        "change_password" => {
            if !current_ok(req.str_at("/oldPassword/value")) {
                return Err(update_failed("oldPassword: The credentials provided were incorrect."));
            }
            let new = req.required_str("/newPassword/value", "newPassword")?;
            if let Some(problem) = password_problem(new) {
                return Err(update_failed(problem));
            }
            let u = st.user_mut(id)?;
            u.password = Some(new.to_owned());
            u.password_changed = Some(clock::now());
            if u.status == UserStatus::PasswordExpired {
                set_status(u, UserStatus::Active);
            }
            let (body, target) = (credentials_json(u), user_ref(u));
            st.log(
                req,
                "user.account.update_password",
                "Update password for user",
                vec![target],
            );
            Ok(Reply::ok(body))
        }
        "change_recovery_question" => {
            if !current_ok(req.str_at("/password/value")) {
                return Err(update_failed("password: The credentials provided were incorrect."));
            }
            let question = req.required_str("/recovery_question/question", "recovery_question.question")?;
            let answer = req.required_str("/recovery_question/answer", "recovery_question.answer")?;
            let u = st.user_mut(id)?;
            u.recovery_question = Some((question.to_owned(), answer.to_owned()));
            u.last_updated = clock::now();
            Ok(Reply::ok(credentials_json(u)))
        }
        "forgot_password" => match (req.str_at("/password/value"), req.str_at("/recovery_question/answer")) {
            // With a body: answer the recovery question and set the new password at once.
            (Some(new), Some(answer)) => {
                let expected = user.recovery_question.as_ref().map(|(_, a)| a.as_str());
                if !expected.is_some_and(|a| a.eq_ignore_ascii_case(answer)) {
                    return Err(update_failed("recovery_question.answer: The answer is incorrect."));
                }
                if let Some(problem) = password_problem(new) {
                    return Err(update_failed(problem));
                }
                let u = st.user_mut(id)?;
                u.password = Some(new.to_owned());
                u.password_changed = Some(clock::now());
                Ok(Reply::ok(credentials_json(u)))
            }
            _ => {
                let token = issue_token(st, &user.id, "recovery");
                if req.q_bool("sendEmail", true) {
                    Ok(Reply::empty_object())
                } else {
                    Ok(Reply::ok(
                        json!({ "resetPasswordUrl": format!("{}/signin/reset-password/{token}", st.base_url) }),
                    ))
                }
            }
        },
        _ => Err(not_found_path(req)),
    }
}
