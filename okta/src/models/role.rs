//! Administrator roles assigned to users.

use serde::{Deserialize, Serialize};

use super::open_enum::open_enum;
use super::{JsonMap, Timestamp};

open_enum! {
    /// An administrator role type.
    pub enum RoleType {
        SuperAdmin = "SUPER_ADMIN",
        OrgAdmin = "ORG_ADMIN",
        AppAdmin = "APP_ADMIN",
        UserAdmin = "USER_ADMIN",
        HelpDeskAdmin = "HELP_DESK_ADMIN",
        ReadOnlyAdmin = "READ_ONLY_ADMIN",
        MobileAdmin = "MOBILE_ADMIN",
        ApiAccessManagementAdmin = "API_ACCESS_MANAGEMENT_ADMIN",
        ReportAdmin = "REPORT_ADMIN",
        GroupMembershipAdmin = "GROUP_MEMBERSHIP_ADMIN",
        Custom = "CUSTOM",
    }
}

open_enum! {
    /// A role assignment's status.
    pub enum RoleStatus {
        Active = "ACTIVE",
        Inactive = "INACTIVE",
    }
}

open_enum! {
    /// Whether a role is assigned to the user directly or through a group.
    pub enum RoleAssignmentType {
        User = "USER",
        Group = "GROUP",
    }
}

/// A role assigned to a user; also usable as the body of `add_role_to_user`
/// (`Role::of_type(..)` encodes as `{"type": "…"}`).
///
/// ```
/// use okta::models::{Role, RoleType};
///
/// let body = Role::of_type(RoleType::UserAdmin);
/// assert_eq!(serde_json::to_value(&body).unwrap(), serde_json::json!({"type": "USER_ADMIN"}));
/// ```
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Role {
    /// Assignment id (read-only).
    pub id: Option<String>,
    /// Display label (read-only).
    pub label: Option<String>,
    /// Role type.
    #[serde(rename = "type")]
    pub role_type: Option<RoleType>,
    /// Status (read-only).
    pub status: Option<RoleStatus>,
    /// Direct (`USER`) or via a group (`GROUP`).
    pub assignment_type: Option<RoleAssignmentType>,
    /// Description.
    pub description: Option<String>,
    /// When it was assigned (read-only).
    pub created: Option<Timestamp>,
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

impl Role {
    /// The body that assigns a role: `{"type": role_type}`.
    pub fn of_type(role_type: RoleType) -> Self {
        Role {
            role_type: Some(role_type),
            ..Default::default()
        }
    }
}

/// Body of `add_role_to_user` (spec ≥ 2.x name): `{"type": "…"}`. Converts into [`Role`].
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AssignRoleRequest {
    /// Role type to assign.
    #[serde(rename = "type")]
    pub role_type: Option<RoleType>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

impl AssignRoleRequest {
    /// `{"type": role_type}`.
    pub fn new(role_type: RoleType) -> Self {
        AssignRoleRequest {
            role_type: Some(role_type),
            ..Default::default()
        }
    }
}

impl From<AssignRoleRequest> for Role {
    fn from(request: AssignRoleRequest) -> Self {
        Role {
            role_type: request.role_type,
            extra: request.extra,
            ..Default::default()
        }
    }
}

impl From<RoleType> for Role {
    fn from(role_type: RoleType) -> Self {
        Role::of_type(role_type)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::models::test_support::{assert_empty_ok, assert_encodes, assert_round_trip};
    use serde_json::json;

    #[test]
    fn role_round_trips() {
        let r: Role = assert_round_trip(
            r#"{
              "id": "ra1b8aahBZuGJRRa30g4",
              "label": "Organization Administrator",
              "type": "ORG_ADMIN",
              "status": "ACTIVE",
              "created": "2019-02-06T16:17:40.000Z",
              "lastUpdated": "2019-02-06T16:17:40.000Z",
              "assignmentType": "USER",
              "_links": {"assignee": {"href": "https://example.okta.com/api/v1/users/00ur32Vg0fvpyHZeQ0g3"}},
              "resourceSet": "iamoJDFKaJxGIr0oamd9"
            }"#,
        );
        assert_eq!(r.role_type, Some(RoleType::OrgAdmin));
        let r: Role = assert_round_trip(
            r#"{"type":"ACCESS_CERTIFICATIONS_ADMIN","assignmentType":"SERVICE","status":"SUSPENDED"}"#,
        );
        assert!(r.role_type.as_ref().is_some_and(RoleType::is_unknown));
        assert_empty_ok::<Role>();
        assert_empty_ok::<AssignRoleRequest>();
        let a: AssignRoleRequest = assert_round_trip(
            r#"{"type":"CUSTOM","role":"cr0Yq6IJxGIr0ouum0g3","resourceSet":"iamoJDFKaJxGIr0oamd9"}"#,
        );
        assert_eq!(a.role_type, Some(RoleType::Custom));
        let a: AssignRoleRequest = assert_round_trip(r#"{"type":"WORKFLOWS_ADMIN"}"#);
        assert!(a.role_type.as_ref().is_some_and(RoleType::is_unknown));
    }

    #[test]
    fn assign_bodies_are_exact() {
        assert_encodes(&Role::of_type(RoleType::SuperAdmin), json!({"type": "SUPER_ADMIN"}));
        assert_encodes(
            &AssignRoleRequest::new(RoleType::HelpDeskAdmin),
            json!({"type": "HELP_DESK_ADMIN"}),
        );
        assert_encodes(
            &Role::from(AssignRoleRequest::new(RoleType::ReadOnlyAdmin)),
            json!({"type": "READ_ONLY_ADMIN"}),
        );
        assert_encodes(&Role::from(RoleType::AppAdmin), json!({"type": "APP_ADMIN"}));
    }
}
