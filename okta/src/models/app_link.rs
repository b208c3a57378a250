//! App links: the apps a user sees on their dashboard.

use serde::{Deserialize, Serialize};

use super::JsonMap;

/// An app link of a user (`list_app_links`), all read-only.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppLink {
    /// Link id.
    pub id: Option<String>,
    /// Label shown on the dashboard.
    pub label: Option<String>,
    /// Sign-in URL.
    pub link_url: Option<String>,
    /// Logo URL.
    pub logo_url: Option<String>,
    /// App name (e.g. `google`).
    pub app_name: Option<String>,
    /// The application instance id.
    pub app_instance_id: Option<String>,
    /// The assignment id.
    pub app_assignment_id: Option<String>,
    /// Whether credentials are set up.
    pub credentials_setup: Option<bool>,
    /// Whether the link is hidden.
    pub hidden: Option<bool>,
    /// Position on the dashboard.
    pub sort_order: Option<i64>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::models::test_support::{assert_empty_ok, assert_round_trip};

    #[test]
    fn app_link_round_trips() {
        let l: AppLink = assert_round_trip(
            r#"{
              "id": "00ub0oNGTSWTBKOLGLNR",
              "label": "Google Apps Mail",
              "linkUrl": "https://example.okta.com/home/google/0oa3omz2i9XRNSRIHBZO/50",
              "logoUrl": "https://example.okta.com/img/logos/google-mail.png",
              "appName": "google",
              "appInstanceId": "0oa3omz2i9XRNSRIHBZO",
              "appAssignmentId": "0ua3omz7weMMMQJERBKY",
              "credentialsSetup": false,
              "hidden": false,
              "sortOrder": 0,
              "newField": {"nested": true}
            }"#,
        );
        assert_eq!(l.sort_order, Some(0));
        assert_empty_ok::<AppLink>();
    }
}
