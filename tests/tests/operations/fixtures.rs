//! Okta's documented example documents, shared by the operation tests.

use serde_json::json;

pub const USER_ID: &str = "00ub0oNGTSWTBKOLGLNR";
pub const GROUP_ID: &str = "00g1emaKYZTWRYYRRTSK";

/// A user as Okta's API reference shows it, with a custom profile attribute (`costCenter`).
pub fn user_json() -> serde_json::Value {
    json!({
        "id": USER_ID,
        "status": "ACTIVE",
        "created": "2013-06-24T16:39:18.000Z",
        "activated": "2013-06-24T16:39:19.000Z",
        "statusChanged": "2013-06-24T16:39:19.000Z",
        "lastLogin": "2013-06-24T17:39:19.000Z",
        "lastUpdated": "2013-07-02T21:36:25.344Z",
        "passwordChanged": "2013-07-02T21:36:25.344Z",
        "profile": {
            "firstName": "Isaac", "lastName": "Brock", "email": "isaac.brock@example.com",
            "login": "isaac.brock@example.com", "mobilePhone": "555-415-1337", "costCenter": "W-42"
        },
        "credentials": {
            "password": {},
            "recovery_question": {"question": "Who's a major player in the cowboy scene?"},
            "provider": {"type": "OKTA", "name": "OKTA"}
        },
        "_links": {"self": {"href": "https://example.okta.com/api/v1/users/00ub0oNGTSWTBKOLGLNR"}}
    })
}

/// A group as Okta's API reference shows it.
pub fn group_json() -> serde_json::Value {
    json!({
        "id": GROUP_ID,
        "created": "2015-02-06T10:11:28.000Z",
        "lastUpdated": "2015-10-05T19:16:43.000Z",
        "lastMembershipUpdated": "2015-11-28T19:15:32.000Z",
        "objectClass": ["okta:user_group"],
        "type": "OKTA_GROUP",
        "profile": {"name": "West Coast Users", "description": "All Users West of The Rockies"},
        "_links": {
            "logo": [{"name": "medium", "href": "https://example.okta.com/img/logos/groups/okta-medium.png", "type": "image/png"}],
            "users": {"href": "https://example.okta.com/api/v1/groups/00g1emaKYZTWRYYRRTSK/users"},
            "apps": {"href": "https://example.okta.com/api/v1/groups/00g1emaKYZTWRYYRRTSK/apps"}
        }
    })
}
