//! Application ↔ group assignments.

use serde::{Deserialize, Serialize};

use super::{JsonMap, Timestamp};

/// A group assigned to an application; also the body of
/// `create_application_group_assignment` (`id` is the group id, read-only).
///
/// ```
/// use okta::models::ApplicationGroupAssignment;
///
/// let body = ApplicationGroupAssignment::new(0);
/// assert_eq!(serde_json::to_value(&body).unwrap(), serde_json::json!({"priority": 0}));
/// ```
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationGroupAssignment {
    /// The group id (read-only).
    pub id: Option<String>,
    /// Priority among the app's group assignments (0 is highest).
    pub priority: Option<i64>,
    /// App-specific profile for the group's members.
    pub profile: Option<JsonMap>,
    /// Last update (read-only).
    pub last_updated: Option<Timestamp>,
    /// HAL links (read-only).
    #[serde(rename = "_links")]
    pub links: Option<JsonMap>,
    /// Embedded resources (read-only).
    #[serde(rename = "_embedded")]
    pub embedded: Option<JsonMap>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

impl ApplicationGroupAssignment {
    /// `{"priority": priority}`.
    pub fn new(priority: i64) -> Self {
        ApplicationGroupAssignment {
            priority: Some(priority),
            ..Default::default()
        }
    }

    /// Sets the app profile for the group's members.
    pub fn with_profile(mut self, profile: JsonMap) -> Self {
        self.profile = Some(profile);
        self
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::models::test_support::{assert_empty_ok, assert_encodes, assert_round_trip};
    use serde_json::json;

    #[test]
    fn assignment_round_trips() {
        let a: ApplicationGroupAssignment = assert_round_trip(
            r#"{
              "id": "00gbkkGFFWZDLCNTAGQR",
              "lastUpdated": "2013-10-02T07:38:20.000Z",
              "priority": 0,
              "profile": {"role": "Developer", "profile": "Standard-User"},
              "_links": {"app": {"href": "https://example.okta.com/api/v1/apps/0oa1"}, "group": {"href": "https://example.okta.com/api/v1/groups/00g1"}},
              "_embedded": {"group": {"id": "00g1"}},
              "assignmentType": "NEW"
            }"#,
        );
        assert_eq!(a.priority, Some(0));
        assert_empty_ok::<ApplicationGroupAssignment>();
    }

    #[test]
    fn new_body() {
        let mut profile = JsonMap::new();
        profile.insert("role".into(), "Developer".into());
        assert_encodes(
            &ApplicationGroupAssignment::new(2).with_profile(profile),
            json!({"priority": 2, "profile": {"role": "Developer"}}),
        );
    }
}
