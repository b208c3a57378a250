//! The org's users, in creation order, with the indexes listing and lookup seek by: id, login
//! (case-insensitive) and status. A page costs what the page holds, not what the org holds.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::{Bound, Deref, DerefMut};

use crate::routes::users::user_json;
use crate::state::User;
use crate::status::UserStatus;

/// Users by creation sequence (the paging cursor), indexed.
#[derive(Debug, Default)]
pub(crate) struct Users {
    /// The org URL, for the `_links` of the serialized list entries.
    base_url: String,
    by_seq: BTreeMap<u64, User>,
    by_id: HashMap<String, u64>,
    by_login: HashMap<String, u64>,
    by_status: BTreeSet<(UserStatus, u64)>,
}

fn login_key(login: &str) -> String {
    login.to_ascii_lowercase()
}

impl Users {
    pub(crate) fn new(base_url: String) -> Self {
        Self {
            base_url,
            ..Self::default()
        }
    }

    pub(crate) fn insert(&mut self, mut user: User) {
        user.listed = serde_json::to_string(&user_json(&self.base_url, &user, false)).unwrap_or_default();
        self.by_id.insert(user.id.clone(), user.seq);
        self.by_login.insert(login_key(user.login()), user.seq);
        self.by_status.insert((user.status, user.seq));
        self.by_seq.insert(user.seq, user);
    }

    fn seq_of(&self, id_or_login: &str) -> Option<u64> {
        self.by_id
            .get(id_or_login)
            .or_else(|| self.by_login.get(&login_key(id_or_login)))
            .copied()
    }

    /// A user by id or by login, as `/users/{id}` accepts either.
    pub(crate) fn get(&self, id_or_login: &str) -> Option<&User> {
        self.by_seq.get(&self.seq_of(id_or_login)?)
    }

    /// A user by login alone (case-insensitive).
    pub(crate) fn with_login(&self, login: &str) -> Option<&User> {
        self.by_seq.get(self.by_login.get(&login_key(login))?)
    }

    /// A user to change; the indexes follow when the guard is dropped.
    pub(crate) fn get_mut(&mut self, id_or_login: &str) -> Option<UserMut<'_>> {
        let user = self.remove(&self.by_seq.get(&self.seq_of(id_or_login)?)?.id.clone())?;
        Some(UserMut { users: self, user })
    }

    pub(crate) fn remove(&mut self, id: &str) -> Option<User> {
        let seq = self.by_id.remove(id)?;
        let user = self.by_seq.remove(&seq)?;
        let key = login_key(user.login());
        if self.by_login.get(&key) == Some(&seq) {
            self.by_login.remove(&key);
        }
        self.by_status.remove(&(user.status, seq));
        Some(user)
    }

    /// Every user, oldest first.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &User> {
        self.by_seq.values()
    }

    /// Users created after `seq` (all when `None`), oldest first: a seek, not a scan.
    pub(crate) fn after(&self, seq: Option<u64>) -> impl Iterator<Item = &User> {
        let from = seq.map_or(Bound::Unbounded, Bound::Excluded);
        self.by_seq.range((from, Bound::Unbounded)).map(|(_, u)| u)
    }

    /// Users with `status` created after `seq`, oldest first.
    pub(crate) fn with_status_after(&self, status: UserStatus, seq: Option<u64>) -> impl Iterator<Item = &User> {
        let from = seq.map_or(Bound::Included((status, 0)), |s| Bound::Excluded((status, s)));
        self.by_status
            .range((from, Bound::Included((status, u64::MAX))))
            .filter_map(|(_, seq)| self.by_seq.get(seq))
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.by_seq.len()
    }
}

/// A user being changed (login, status…); put back, reindexed, when dropped.
#[derive(Debug)]
pub(crate) struct UserMut<'a> {
    users: &'a mut Users,
    user: User,
}

impl Deref for UserMut<'_> {
    type Target = User;

    fn deref(&self) -> &User {
        &self.user
    }
}

impl DerefMut for UserMut<'_> {
    fn deref_mut(&mut self) -> &mut User {
        &mut self.user
    }
}

impl Drop for UserMut<'_> {
    fn drop(&mut self) {
        self.users.insert(std::mem::take(&mut self.user));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn user(seq: u64, login: &str, status: UserStatus) -> User {
        User {
            seq,
            id: format!("00u{seq}"),
            status,
            profile: json!({ "login": login }).as_object().cloned().unwrap_or_default(),
            ..User::default()
        }
    }

    #[test]
    fn indexes_follow_changes() {
        let mut users = Users::default();
        users.insert(user(1, "a@x.com", UserStatus::Active));
        users.insert(user(2, "b@x.com", UserStatus::Staged));
        users.insert(user(3, "c@x.com", UserStatus::Active));
        let active: Vec<u64> = users
            .with_status_after(UserStatus::Active, None)
            .map(|u| u.seq)
            .collect();
        assert_eq!(active, [1, 3]);
        if let Some(mut u) = users.get_mut("B@X.com") {
            u.status = UserStatus::Active;
            u.profile.insert("login".into(), json!("bee@x.com"));
        }
        let active: Vec<u64> = users
            .with_status_after(UserStatus::Active, Some(1))
            .map(|u| u.seq)
            .collect();
        assert_eq!(active, [2, 3]);
        assert!(users.get("b@x.com").is_none());
        assert_eq!(users.with_login("BEE@x.com").map(|u| u.seq), Some(2));
        assert_eq!(users.after(Some(2)).map(|u| u.seq).collect::<Vec<_>>(), [3]);
        assert_eq!(users.remove("00u1").map(|u| u.seq), Some(1));
        assert_eq!((users.len(), users.get("a@x.com").is_none()), (2, true));
    }
}
