//! Deleting an object and everything that hangs off it, in one place, so no route leaves an
//! orphan behind (a membership of a deleted group, a transaction of a deleted factor…).

use crate::state::State;

impl State {
    /// A user, with memberships, assignments, factors (and their transactions), sessions,
    /// tokens, admin roles (and their targets) and authentication transactions.
    pub(crate) fn delete_user(&mut self, uid: &str) {
        self.users.remove(uid);
        self.memberships.remove_where(|d| d.id == uid);
        self.app_users.remove_where(|d| d.id == uid);
        self.delete_factors_of(uid);
        self.end_sessions_of(uid);
        self.session_tokens.remove_where(|d| d.parent == uid);
        self.recovery_tokens.remove_where(|d| d.parent == uid);
        let role_ids: Vec<String> = self.roles.children(uid).map(|d| d.id.clone()).collect();
        for rid in role_ids {
            self.delete_role(uid, &rid);
        }
        self.authn.retain(|t| t.user_id != uid);
    }

    /// A group, with its memberships, app assignments and admin-role targets.
    pub(crate) fn delete_group(&mut self, gid: &str) {
        self.groups.remove("", gid);
        self.memberships.remove_where(|m| m.parent == gid);
        self.app_groups.remove_where(|a| a.id == gid);
        self.role_targets.remove_where(|t| t.id == gid);
    }

    /// An app, with its user and group assignments and its signing keys.
    pub(crate) fn delete_app(&mut self, app_id: &str) {
        self.apps.remove("", app_id);
        self.app_users.remove_where(|d| d.parent == app_id);
        self.app_groups.remove_where(|d| d.parent == app_id);
        self.app_keys.remove_where(|d| d.parent == app_id);
    }

    /// One factor of a user, with its transactions (push challenges).
    pub(crate) fn delete_factor(&mut self, uid: &str, fid: &str) {
        self.factors.remove(uid, fid);
        self.factor_txs.remove_where(|t| t.parent == fid);
    }

    /// Every factor of a user (`reset_factors`, deletion), with their transactions.
    pub(crate) fn delete_factors_of(&mut self, uid: &str) {
        let fids: Vec<String> = self.factors.children(uid).map(|f| f.id.clone()).collect();
        for fid in fids {
            self.delete_factor(uid, &fid);
        }
    }

    /// Every session of a user (deactivation, `DELETE /users/{id}/sessions`, deletion).
    pub(crate) fn end_sessions_of(&mut self, uid: &str) {
        self.sessions.remove_where(|s| s.parent == uid);
    }

    /// An admin role of a user, with its group targets.
    pub(crate) fn delete_role(&mut self, uid: &str, rid: &str) {
        self.roles.remove(uid, rid);
        self.role_targets.remove_where(|t| t.parent == rid);
    }

    /// A custom profile property removed from the user schema: no user keeps a value of it.
    pub(crate) fn remove_profile_attribute(&mut self, name: &str) {
        let holders: Vec<String> = self
            .users
            .iter()
            .filter(|u| u.profile.contains_key(name))
            .map(|u| u.id.clone())
            .collect();
        for id in holders {
            if let Some(mut u) = self.users.get_mut(&id) {
                u.profile.remove(name);
            }
        }
    }

    /// A policy with its rules.
    pub(crate) fn delete_policy(&mut self, pid: &str) {
        self.policies.remove("", pid);
        self.policy_rules.remove_where(|r| r.parent == pid);
    }

    /// An authorization server, with its scopes, claims and policies (and their rules).
    pub(crate) fn delete_authorization_server(&mut self, id: &str) {
        self.auth_servers.remove("", id);
        self.auth_scopes.remove_where(|d| d.parent == id);
        self.auth_claims.remove_where(|d| d.parent == id);
        let policies: Vec<String> = self.auth_policies.children(id).map(|p| p.id.clone()).collect();
        for pid in policies {
            self.delete_authorization_server_policy(&pid);
        }
    }

    /// An access policy of an authorization server, with its rules.
    pub(crate) fn delete_authorization_server_policy(&mut self, pid: &str) {
        self.auth_policies.remove_where(|p| p.id == pid);
        self.auth_policy_rules.remove_where(|r| r.parent == pid);
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use crate::state::State;

    #[test]
    fn deleting_a_user_leaves_no_factor_transaction_or_role_target() {
        let mut st = State::new("http://127.0.0.1:1".into());
        let uid = crate::seed::users(&mut st, 1).remove(0);
        for (docs, id, parent) in [
            ("factor", "fac1", uid.as_str()),
            ("tx", "tx1", "fac1"),
            ("role", "ra1", uid.as_str()),
            ("target", "00g1", "ra1"),
        ] {
            let doc = st.doc(id.into(), parent, Value::Null);
            match docs {
                "factor" => st.factors.insert(doc),
                "tx" => st.factor_txs.insert(doc),
                "role" => st.roles.insert(doc),
                _ => st.role_targets.insert(doc),
            }
        }
        st.delete_user(&uid);
        assert_eq!(st.users.len(), 0);
        assert_eq!(st.factors.iter().count() + st.factor_txs.iter().count(), 0);
        assert_eq!(st.roles.iter().count() + st.role_targets.iter().count(), 0);
    }

    #[test]
    fn deleting_an_authorization_server_leaves_none_of_its_parts() {
        let mut st = State::new("http://127.0.0.1:1".into());
        let policy = st.auth_policies.children("default").next().map(|p| p.id.clone());
        let holds = |st: &State| {
            [
                st.auth_scopes.children("default").count(),
                st.auth_claims.children("default").count(),
                st.auth_policies.children("default").count(),
                policy
                    .as_deref()
                    .map_or(0, |p| st.auth_policy_rules.children(p).count()),
            ]
        };
        assert!(
            holds(&st).iter().all(|n| *n > 0),
            "the default server has every part: {:?}",
            holds(&st)
        );
        st.delete_authorization_server("default");
        assert_eq!(holds(&st), [0; 4]);
        assert_eq!(st.auth_servers.iter().count() + st.auth_policy_rules.iter().count(), 0);
    }
}
