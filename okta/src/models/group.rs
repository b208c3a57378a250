//! Groups.

use serde::{Deserialize, Serialize};

use super::open_enum::open_enum;
use super::{JsonMap, Timestamp};

open_enum! {
    /// Where a group comes from (`Group.type`).
    pub enum GroupType {
        OktaGroup = "OKTA_GROUP",
        AppGroup = "APP_GROUP",
        BuiltIn = "BUILT_IN",
    }
}

/// An Okta group (`/api/v1/groups`); also the body of `create_group` / `update_group`.
///
/// ```
/// use okta::models::Group;
///
/// let group = Group::new("West Coast Users").with_description("All users west of the Rockies");
/// assert_eq!(
///     serde_json::to_value(&group).unwrap(),
///     serde_json::json!({"profile": {"name": "West Coast Users", "description": "All users west of the Rockies"}})
/// );
/// ```
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    /// Unique id (read-only).
    pub id: Option<String>,
    /// When the group was created (read-only).
    pub created: Option<Timestamp>,
    /// Last profile update (read-only).
    pub last_updated: Option<Timestamp>,
    /// Last membership change (read-only).
    pub last_membership_updated: Option<Timestamp>,
    /// Object classes, e.g. `okta:user_group` (read-only).
    pub object_class: Option<Vec<String>>,
    /// Group type (read-only).
    #[serde(rename = "type")]
    pub group_type: Option<GroupType>,
    /// Name, description and any other profile attributes.
    pub profile: Option<GroupProfile>,
    /// HAL links (read-only).
    #[serde(rename = "_links")]
    pub links: Option<JsonMap>,
    /// Embedded resources, e.g. `stats` (read-only).
    #[serde(rename = "_embedded")]
    pub embedded: Option<JsonMap>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

impl Group {
    /// A group to create, with this name.
    pub fn new(name: impl Into<String>) -> Self {
        Group {
            profile: Some(GroupProfile {
                name: Some(name.into()),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    /// Sets `profile.description`.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.profile.get_or_insert_with(Default::default).description = Some(description.into());
        self
    }

    /// `profile.name`, if any.
    pub fn name(&self) -> Option<&str> {
        self.profile.as_ref()?.name.as_deref()
    }
}

/// A group's profile: `name`, `description`, and any other attribute in `extra`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupProfile {
    /// Group name.
    pub name: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Other attributes (custom group profile attributes, AD attributes…), kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::models::test_support::{assert_empty_ok, assert_encodes, assert_round_trip};
    use serde_json::json;

    #[test]
    fn group_round_trips() {
        let g: Group = assert_round_trip(
            r#"{
              "id": "00g1emaKYZTWRYYRRTSK",
              "created": "2015-02-06T10:11:28.000Z",
              "lastUpdated": "2015-10-05T19:16:43.000Z",
              "lastMembershipUpdated": "2015-11-28T19:15:32.000Z",
              "objectClass": ["okta:user_group"],
              "type": "OKTA_GROUP",
              "profile": {"name": "West Coast Users", "description": "All Users West of The Rockies", "owner": {"id": "00u1"}},
              "_links": {
                "logo": [{"name": "medium", "href": "https://example.okta.com/img/logos/groups/okta-medium.png", "type": "image/png"}],
                "users": {"href": "https://example.okta.com/api/v1/groups/00g1emaKYZTWRYYRRTSK/users"}
              },
              "_embedded": {"stats": {"usersCount": 3}},
              "source": {"id": "0oa1"}
            }"#,
        );
        assert_eq!(g.group_type, Some(GroupType::OktaGroup));
        assert_eq!(g.name(), Some("West Coast Users"));
        let g: Group = assert_round_trip(r#"{"id":"00g2","type":"SMART_GROUP","profile":{}}"#);
        assert_eq!(g.group_type, Some(GroupType::from("SMART_GROUP")));
        assert!(g.group_type.as_ref().is_some_and(GroupType::is_unknown));
        assert_empty_ok::<Group>();
        assert_empty_ok::<GroupProfile>();
    }

    #[test]
    fn new_group_body() {
        assert_encodes(
            &Group::new("West Coast Users"),
            json!({"profile": {"name": "West Coast Users"}}),
        );
    }
}
