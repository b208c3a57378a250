//! Which Okta API scope a resource request needs: `okta.<area>.read` to read (a `.manage`
//! scope also grants it), `okta.<area>.manage` to write.

/// The area of an `/api/v1/...` path (`users`, `groups`, `roles`, …); `None` elsewhere.
fn area(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("/api/v1/")?;
    let segs: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    Some(match segs.as_slice() {
        // A user's admin roles are the roles area, as in Okta.
        ["users", _, "roles", ..] => "roles",
        ["meta", "schemas", ..] => "schemas",
        ["meta", "types", ..] => "userTypes",
        [first, ..] => first,
        [] => return None,
    })
}

/// Whether `granted` lets a token call `method path`; true for paths outside `/api/v1`.
pub(crate) fn allows(granted: &[String], method: &str, path: &str) -> bool {
    let Some(area) = area(path) else { return true };
    let manage = format!("okta.{area}.manage");
    let read_only = matches!(method, "GET" | "HEAD" | "OPTIONS");
    granted
        .iter()
        .any(|s| *s == manage || (read_only && *s == format!("okta.{area}.read")))
}

#[cfg(test)]
mod tests {
    use super::allows;

    #[test]
    fn reads_take_read_or_manage_writes_take_manage() {
        let read = vec!["okta.users.read".to_owned()];
        let manage = vec!["okta.users.manage".to_owned()];
        assert!(allows(&read, "GET", "/api/v1/users/00u1/factors"));
        assert!(!allows(&read, "POST", "/api/v1/users"));
        assert!(allows(&manage, "GET", "/api/v1/users"));
        assert!(allows(&manage, "DELETE", "/api/v1/users/00u1"));
        assert!(!allows(&manage, "GET", "/api/v1/users/00u1/roles"));
        assert!(!allows(&manage, "GET", "/api/v1/groups"));
        assert!(allows(&["okta.groups.read".to_owned()], "GET", "/api/v1/groups/rules"));
        assert!(allows(&["okta.logs.read".to_owned()], "GET", "/api/v1/logs"));
    }
}
