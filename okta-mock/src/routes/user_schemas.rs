//! The user schema: `GET` and `POST /api/v1/meta/schemas/user/{schemaId}` (`default` or the
//! default user type's schema id).

use super::{by_method, not_found_path};
use crate::error::{ApiError, ApiResult};
use crate::request::{Reply, Req};
use crate::state::State;
use crate::user_schema::UserSchema;

pub(crate) fn route(st: &mut State, req: &Req, rest: &[&str]) -> ApiResult<Reply> {
    match rest {
        // `linkedObjects` shares the prefix; it is answered elsewhere.
        [id] if *id != "linkedObjects" => {
            if !UserSchema::is(id) {
                return Err(ApiError::not_found(id, "UserSchema"));
            }
            by_method!(req,
                "GET" => Ok(Reply::ok(st.user_schema.json(&st.base_url))),
                "POST" => {
                    let removed = st.user_schema.update(&req.body)?;
                    for name in &removed {
                        st.remove_profile_attribute(name);
                    }
                    Ok(Reply::ok(st.user_schema.json(&st.base_url)))
                },
            )
        }
        _ => Err(not_found_path(req)),
    }
}
