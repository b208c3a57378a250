//! Users, groups, apps, roles, policies: state, lifecycle, paging, filters.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use common::Api;
use okta_mock::OktaMock;
use serde_json::{Value, json};

#[tokio::test]
async fn user_lifecycle_follows_okta_rules() {
    let api = Api::start().await;
    let staged = api
        .post(
            "/api/v1/users?activate=false",
            json!({ "profile": { "firstName": "Sam", "lastName": "Staged", "email": "sam@example.com", "login": "sam@example.com" } }),
        )
        .await;
    assert_eq!(staged.body["status"], "STAGED");
    let id = staged.body["id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("00u") && id.len() == 20, "{id}");
    let created = staged.body["created"].as_str().unwrap();
    assert!(created.ends_with('Z') && created.len() == 24, "{created}"); // 2024-05-01T12:34:56.789Z

    // Suspending a user who is not ACTIVE is a validation error with causes.
    let illegal = api
        .post(&format!("/api/v1/users/{id}/lifecycle/suspend"), json!({}))
        .await;
    assert_eq!(illegal.status, 400);
    assert_eq!(illegal.error_code(), "E0000001");
    assert!(
        illegal.body["errorSummary"]
            .as_str()
            .unwrap()
            .starts_with("Api validation failed")
    );
    assert!(
        !illegal.body["errorCauses"][0]["errorSummary"]
            .as_str()
            .unwrap()
            .is_empty()
    );

    // Activation without e-mail hands back the token; without a password the user is PROVISIONED.
    let act = api
        .post(
            &format!("/api/v1/users/{id}/lifecycle/activate?sendEmail=false"),
            json!({}),
        )
        .await;
    assert_eq!(act.status, 200);
    assert!(act.body["activationToken"].is_string() && act.body["activationUrl"].is_string());
    assert_eq!(
        api.get(&format!("/api/v1/users/{id}")).await.body["status"],
        "PROVISIONED"
    );

    let active = api.create_user("Ann", "Active", "Sup3r-secret").await;
    let path = |op: &str| format!("/api/v1/users/{active}/lifecycle/{op}");
    assert_eq!(api.post(&path("activate"), json!({})).await.error_code(), "E0000016");
    let s = api.post(&path("suspend"), json!({})).await;
    assert_eq!((s.status, &s.body), (200, &json!({})));
    assert_eq!(
        api.get(&format!("/api/v1/users/{active}")).await.body["status"],
        "SUSPENDED"
    );
    api.post(&path("unsuspend"), json!({})).await;
    let expired = api.post(&path("expire_password"), json!({})).await;
    assert_eq!(expired.body["status"], "PASSWORD_EXPIRED");
    let temp = api
        .post(&format!("{}?tempPassword=true", path("expire_password")), json!({}))
        .await;
    assert!(temp.body["tempPassword"].is_string());
    let reset = api
        .post(&format!("{}?sendEmail=false", path("reset_password")), json!({}))
        .await;
    assert!(reset.body["resetPasswordUrl"].is_string());
    assert_eq!(
        api.get(&format!("/api/v1/users/{active}")).await.body["status"],
        "RECOVERY"
    );
    assert_eq!(api.post(&path("unlock"), json!({})).await.status, 400, "not LOCKED_OUT");

    // DELETE twice: deactivate, then delete. Both 204.
    let first = api.call("DELETE", &format!("/api/v1/users/{active}"), None).await;
    assert_eq!((first.status, &first.body), (204, &Value::Null));
    assert_eq!(
        api.get(&format!("/api/v1/users/{active}")).await.body["status"],
        "DEPROVISIONED"
    );
    assert_eq!(
        api.call("DELETE", &format!("/api/v1/users/{active}"), None)
            .await
            .status,
        204
    );
    assert_eq!(api.get(&format!("/api/v1/users/{active}")).await.status, 404);
}

/// A profile of the base properties, plus `extra`.
fn profile_with(login: &str, extra: Value) -> Value {
    let mut profile = json!({ "firstName": "Ada", "lastName": "Schema", "email": login, "login": login });
    if let (Some(p), Value::Object(extra)) = (profile.as_object_mut(), extra) {
        p.extend(extra);
    }
    json!({ "profile": profile })
}

#[tokio::test]
async fn the_user_schema_decides_which_profile_attributes_users_can_have() {
    let api = Api::start().await;
    let schema = api.get("/api/v1/meta/schemas/user/default").await;
    assert_eq!(schema.status, 200);
    assert_eq!(
        schema.body["definitions"]["base"]["properties"]["costCenter"]["type"],
        "string"
    );
    assert_eq!(schema.body["definitions"]["custom"]["properties"], json!({}));
    let id = schema.body["id"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(
        api.get(&format!("/api/v1/meta/schemas/user/{id}")).await.body,
        schema.body
    );
    assert_eq!(api.get("/api/v1/meta/schemas/user/osc0nosuch").await.status, 404);

    // Base properties are always there; anything else is refused, naming the property.
    let base = api
        .post(
            "/api/v1/users",
            profile_with("a@example.com", json!({ "costCenter": "W-1" })),
        )
        .await;
    assert_eq!(base.status, 200);
    let unknown = api
        .post(
            "/api/v1/users",
            profile_with("b@example.com", json!({ "shoeSize": 42 })),
        )
        .await;
    assert_eq!((unknown.status, unknown.error_code()), (400, "E0000001"));
    assert_eq!(unknown.body["errorSummary"], "Api validation failed: newUser");
    assert_eq!(
        unknown.body["errorCauses"][0]["errorSummary"],
        "Property name 'shoeSize' is not defined in profile"
    );

    // Added to the schema, it is accepted, with its type checked.
    let add = json!({ "definitions": { "custom": { "properties": { "shoeSize": { "title": "Shoe size", "type": "integer" } } } } });
    let updated = api.post("/api/v1/meta/schemas/user/default", add).await;
    assert_eq!(
        updated.body["definitions"]["custom"]["properties"]["shoeSize"]["type"],
        "integer"
    );
    let sized = api
        .post(
            "/api/v1/users",
            profile_with("b@example.com", json!({ "shoeSize": 42 })),
        )
        .await;
    assert_eq!((sized.status, &sized.body["profile"]["shoeSize"]), (200, &json!(42)));
    let uid = sized.body["id"].as_str().unwrap().to_owned();
    let wrong = api
        .post(
            &format!("/api/v1/users/{uid}"),
            json!({ "profile": { "shoeSize": "large" } }),
        )
        .await;
    assert_eq!((wrong.status, wrong.error_code()), (400, "E0000001"));
    assert_eq!(
        wrong.body["errorCauses"][0]["errorSummary"],
        "shoeSize: Property value does not match the type integer"
    );
    let bad_name = json!({ "definitions": { "custom": { "properties": { "2fast": { "type": "string" } } } } });
    assert_eq!(
        api.post("/api/v1/meta/schemas/user/default", bad_name).await.status,
        400
    );

    // Removed (set to null), users lose their values and the property is refused again.
    let remove = json!({ "definitions": { "custom": { "properties": { "shoeSize": null } } } });
    assert_eq!(api.post("/api/v1/meta/schemas/user/default", remove).await.status, 200);
    let user = api.get(&format!("/api/v1/users/{uid}")).await;
    assert!(
        user.body["profile"].get("shoeSize").is_none(),
        "{:?}",
        user.body["profile"]
    );
    let again = api
        .post(
            "/api/v1/users",
            profile_with("c@example.com", json!({ "shoeSize": 42 })),
        )
        .await;
    assert_eq!(again.status, 400);
}

#[tokio::test]
async fn custom_profile_attributes_round_trip_through_get_and_put() {
    let api = Api::start().await;
    let schema = json!({ "definitions": { "custom": { "properties": {
        "favoriteColor": { "title": "Favorite color", "type": "string" },
        "badgeNumbers": { "title": "Badges", "type": "array", "items": { "type": "integer" } },
    } } } });
    assert_eq!(api.post("/api/v1/meta/schemas/user/default", schema).await.status, 200);
    let profile = json!({
        "firstName": "Cus", "lastName": "Tom", "email": "cus@example.com", "login": "cus@example.com",
        "favoriteColor": "teal", "badgeNumbers": [1, 2, 3],
    });
    let created = api.post("/api/v1/users", json!({ "profile": profile })).await;
    assert_eq!(created.body["profile"], profile);
    let id = created.body["id"].as_str().unwrap();

    let mut user = api.get(&format!("/api/v1/users/{id}")).await.body;
    user["profile"]["favoriteColor"] = json!("orange");
    let put = api
        .call("PUT", &format!("/api/v1/users/{id}"), Some(user.clone()))
        .await;
    assert_eq!(put.status, 200);
    let mut expected = profile.clone();
    expected["favoriteColor"] = json!("orange");
    assert_eq!(put.body["profile"], expected);
    assert_eq!(api.get(&format!("/api/v1/users/{id}")).await.body["profile"], expected);

    // PUT replaces: an attribute left out is gone. Logins are unique.
    let put = api
        .call(
            "PUT",
            &format!("/api/v1/users/{id}"),
            Some(json!({ "profile": {
        "firstName": "Cus", "lastName": "Tom", "email": "cus@example.com", "login": "cus@example.com" } })),
        )
        .await;
    assert!(put.body["profile"].get("favoriteColor").is_none());
    let dup = api.post("/api/v1/users", json!({ "profile": profile })).await;
    assert_eq!((dup.status, dup.error_code()), (400, "E0000001"));
    let blank = api
        .post("/api/v1/users", json!({ "profile": { "login": "x@example.com" } }))
        .await;
    assert_eq!(
        blank.body["errorCauses"][0]["errorSummary"],
        "email: The field cannot be left blank"
    );
}

#[tokio::test]
async fn lists_page_with_link_headers_to_the_end() {
    let api = Api::with(OktaMock::builder().seed_users(7).start().await);
    let mut url = format!(
        "{}/api/v1/users?limit=3&filter={}",
        api.org.url(),
        "status%20eq%20%22ACTIVE%22"
    );
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let page = api.get(&url).await;
        pages += 1;
        assert_eq!(page.status, 200);
        let self_link = page.link("self").unwrap();
        assert!(
            self_link.starts_with("http://127.0.0.1:")
                && self_link.contains("limit=3")
                && self_link.contains("filter=")
        );
        assert_eq!(
            page.headers.get_all("link").iter().count(),
            if page.link("next").is_some() { 2 } else { 1 }
        );
        seen.extend(
            page.body
                .as_array()
                .unwrap()
                .iter()
                .map(|u| u["id"].as_str().unwrap().to_owned()),
        );
        match page.link("next") {
            Some(next) => {
                assert!(
                    next.contains("after=") && next.contains("limit=3") && next.contains("filter="),
                    "{next}"
                );
                url = next;
            }
            None => break,
        }
        assert!(pages < 10, "paging does not end");
    }
    assert_eq!(pages, 3);
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!((seen.len(), unique.len()), (7, 7));

    // A seeded user is a realistic one; a list entry has only its self link, a GET has them all.
    let listed = api.get("/api/v1/users?limit=1").await.body[0].clone();
    let size = listed.to_string().len();
    assert!((1200..1700).contains(&size), "seeded user is {size} bytes");
    assert_eq!(listed["_links"].as_object().unwrap().len(), 1);
    let user = api.get(&format!("/api/v1/users/{}", seen[0])).await;
    assert!(
        user.body["_links"]["suspend"]["href"]
            .as_str()
            .unwrap()
            .ends_with("/lifecycle/suspend")
    );
    // Default and maximum limits: 200.
    let big = OktaMock::builder().seed_users(205).start().await;
    let big = Api::with(big);
    assert_eq!(big.get("/api/v1/users").await.body.as_array().unwrap().len(), 200);
    assert_eq!(
        big.get("/api/v1/users?limit=1000").await.body.as_array().unwrap().len(),
        200
    );
}

#[tokio::test]
async fn filter_q_and_search_select_users_and_groups() {
    let api = Api::start().await;
    api.create_user("Zelda", "Zephyr", "Passw0rd-1").await;
    let marie = api.create_user("Marie", "Curie", "Passw0rd-2").await;
    api.post(&format!("/api/v1/users/{marie}/lifecycle/suspend"), json!({}))
        .await;
    let ids = |r: &common::Resp| -> Vec<String> {
        r.body
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["profile"]["login"].as_str().unwrap().to_owned())
            .collect()
    };
    let q = api.get("/api/v1/users?q=zel").await;
    assert_eq!(ids(&q), ["zelda.zephyr@example.com"]);
    let f = api.get("/api/v1/users?filter=status%20eq%20%22SUSPENDED%22").await;
    assert_eq!(ids(&f), ["marie.curie@example.com"]);
    let s = api.get("/api/v1/users?search=profile.login%20eq%20%22zelda.zephyr%40example.com%22%20or%20status%20eq%20%22SUSPENDED%22").await;
    assert_eq!(ids(&s).len(), 2);
    let bad = api.get("/api/v1/users?filter=status%20eq").await;
    assert_eq!((bad.status, bad.error_code()), (400, "E0000031"));

    for name in ["Admins", "Everyone Else", "Adventurers"] {
        assert_eq!(
            api.post("/api/v1/groups", json!({ "profile": { "name": name } }))
                .await
                .status,
            200
        );
    }
    let groups = api.get("/api/v1/groups?q=ad").await;
    assert_eq!(groups.body.as_array().unwrap().len(), 2);
    let typed = api.get("/api/v1/groups?filter=type%20eq%20%22OKTA_GROUP%22").await;
    assert_eq!(typed.body.as_array().unwrap().len(), 3);
    assert!(typed.body[0]["id"].as_str().unwrap().starts_with("00g"));
}

#[tokio::test]
async fn groups_apps_roles_and_policies_keep_state() {
    let api = Api::start().await;
    let uid = api.create_user("Gus", "Group", "Passw0rd-3").await;
    let group = api
        .post(
            "/api/v1/groups",
            json!({ "profile": { "name": "Pilots", "description": "fly" } }),
        )
        .await;
    let gid = group.body["id"].as_str().unwrap().to_owned();
    let add = api
        .call("PUT", &format!("/api/v1/groups/{gid}/users/{uid}"), None)
        .await;
    assert_eq!(add.status, 204);
    let members = api.get(&format!("/api/v1/groups/{gid}/users")).await;
    assert_eq!(members.body[0]["id"], uid.as_str());
    assert_eq!(
        api.get(&format!("/api/v1/users/{uid}/groups")).await.body[0]["id"],
        gid.as_str()
    );

    // Apps: create, assign user and group, keys, lifecycle, delete only when inactive.
    let app = api
        .post(
            "/api/v1/apps",
            json!({ "name": "bookmark", "label": "Wiki", "signOnMode": "BOOKMARK",
        "settings": { "app": { "url": "https://wiki.example.com", "requestIntegration": false } } }),
        )
        .await;
    assert_eq!(app.status, 200);
    assert_eq!(app.body["status"], "ACTIVE");
    assert_eq!(app.body["settings"]["app"]["url"], "https://wiki.example.com");
    let aid = app.body["id"].as_str().unwrap().to_owned();
    assert!(aid.starts_with("0oa"));
    let au = api
        .post(
            &format!("/api/v1/apps/{aid}/users"),
            json!({ "id": uid, "scope": "USER", "profile": { "role": "reader" } }),
        )
        .await;
    assert_eq!(
        (au.status, au.body["credentials"]["userName"].as_str()),
        (200, Some("gus.group@example.com"))
    );
    let upd = api
        .post(
            &format!("/api/v1/apps/{aid}/users/{uid}"),
            json!({ "profile": { "role": "editor" } }),
        )
        .await;
    assert_eq!(upd.body["profile"]["role"], "editor");
    assert_eq!(
        api.get(&format!("/api/v1/apps/{aid}/users"))
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let ag = api
        .call(
            "PUT",
            &format!("/api/v1/apps/{aid}/groups/{gid}"),
            Some(json!({ "priority": 0 })),
        )
        .await;
    assert_eq!((ag.status, ag.body["id"].as_str()), (200, Some(gid.as_str())));
    assert_eq!(
        api.get(&format!("/api/v1/users/{uid}/appLinks")).await.body[0]["appInstanceId"],
        aid.as_str()
    );
    let filtered = api
        .get(&format!("/api/v1/apps?filter=user.id%20eq%20%22{uid}%22"))
        .await;
    assert_eq!(filtered.body.as_array().unwrap().len(), 1);
    let keys = api.get(&format!("/api/v1/apps/{aid}/credentials/keys")).await;
    let kid = keys.body[0]["kid"].as_str().unwrap().to_owned();
    let other = api
        .post("/api/v1/apps", json!({ "name": "bookmark", "label": "Other" }))
        .await;
    let oid = other.body["id"].as_str().unwrap();
    let cloned = api
        .post(
            &format!("/api/v1/apps/{aid}/credentials/keys/{kid}/clone?targetAid={oid}"),
            json!({}),
        )
        .await;
    assert_eq!((cloned.status, cloned.body["kid"].as_str()), (201, Some(kid.as_str())));
    assert_eq!(
        api.call("DELETE", &format!("/api/v1/apps/{aid}/users/{uid}"), None)
            .await
            .status,
        204
    );
    assert_eq!(
        api.call("DELETE", &format!("/api/v1/apps/{aid}"), None).await.status,
        403
    );
    assert_eq!(
        api.post(&format!("/api/v1/apps/{aid}/lifecycle/deactivate"), json!({}))
            .await
            .body,
        json!({})
    );
    assert_eq!(
        api.call("DELETE", &format!("/api/v1/apps/{aid}"), None).await.status,
        204
    );

    // Roles and group targets.
    let role = api
        .post(&format!("/api/v1/users/{uid}/roles"), json!({ "type": "USER_ADMIN" }))
        .await;
    assert_eq!(role.status, 201);
    assert_eq!(
        (role.body["status"].as_str(), role.body["assignmentType"].as_str()),
        (Some("ACTIVE"), Some("USER"))
    );
    let rid = role.body["id"].as_str().unwrap().to_owned();
    let target = format!("/api/v1/users/{uid}/roles/{rid}/targets/groups");
    assert_eq!(api.call("PUT", &format!("{target}/{gid}"), None).await.status, 204);
    assert_eq!(api.get(&target).await.body[0]["id"], gid.as_str());
    assert_eq!(api.call("DELETE", &format!("{target}/{gid}"), None).await.status, 204);
    assert_eq!(
        api.call("DELETE", &format!("/api/v1/users/{uid}/roles/{rid}"), None)
            .await
            .status,
        204
    );
    assert_eq!(api.get(&format!("/api/v1/users/{uid}/roles")).await.body, json!([]));

    // Policies and rules.
    let policy = api
        .post(
            "/api/v1/policies",
            json!({ "type": "OKTA_SIGN_ON", "name": "Default sign-on" }),
        )
        .await;
    assert_eq!(policy.body["status"], "ACTIVE");
    let pid = policy.body["id"].as_str().unwrap().to_owned();
    let rule = api
        .post(
            &format!("/api/v1/policies/{pid}/rules?activate=false"),
            json!({ "name": "r1" }),
        )
        .await;
    assert_eq!(
        (rule.body["status"].as_str(), rule.body["type"].as_str()),
        (Some("INACTIVE"), Some("SIGN_ON"))
    );
    let rid = rule.body["id"].as_str().unwrap();
    assert_eq!(
        api.post(
            &format!("/api/v1/policies/{pid}/rules/{rid}/lifecycle/activate"),
            json!({})
        )
        .await
        .status,
        204
    );
    let listed = api.get("/api/v1/policies?type=OKTA_SIGN_ON&expand=rules").await;
    assert_eq!(listed.body[0]["_embedded"]["rules"][0]["status"], "ACTIVE");
    assert_eq!(api.get("/api/v1/policies").await.status, 400, "type is required");

    // Group rules: created INACTIVE, applied on activation, deleted with 202.
    let gr = api
        .post(
            "/api/v1/groups/rules",
            json!({ "type": "group_rule", "name": "Gus rule",
        "conditions": { "expression": { "value": "user.lastName==\"Group\"", "type": "urn:okta:expression:1.0" } },
        "actions": { "assignUserToGroups": { "groupIds": [gid] } } }),
        )
        .await;
    assert_eq!(gr.body["status"], "INACTIVE");
    let grid = gr.body["id"].as_str().unwrap();
    assert_eq!(
        api.call("DELETE", &format!("/api/v1/groups/{gid}/users/{uid}"), None)
            .await
            .status,
        204
    );
    assert_eq!(
        api.post(&format!("/api/v1/groups/rules/{grid}/lifecycle/activate"), json!({}))
            .await
            .status,
        204
    );
    assert_eq!(
        api.get(&format!("/api/v1/groups/{gid}/users"))
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        api.call("DELETE", &format!("/api/v1/groups/rules/{grid}"), None)
            .await
            .status,
        202
    );
    assert_eq!(
        api.call("DELETE", &format!("/api/v1/groups/{gid}"), None).await.status,
        204
    );
}

#[tokio::test]
async fn indexed_filters_follow_logins_and_statuses_as_they_change() {
    let api = Api::with(OktaMock::builder().seed_users(6).start().await);
    let logins = |r: &common::Resp| -> Vec<String> {
        r.body
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["profile"]["login"].as_str().unwrap().to_owned())
            .collect()
    };
    let uid = api.create_user("Grace", "Hopper", "Passw0rd-1").await;
    let by_login = |login: &str| {
        format!(
            "/api/v1/users?filter=profile.login%20eq%20%22{}%22",
            login.replace('@', "%40")
        )
    };
    assert_eq!(
        logins(&api.get(&by_login("GRACE.hopper@example.com")).await),
        ["grace.hopper@example.com"]
    );
    let moved = json!({ "profile": { "login": "amazing.grace@example.com", "email": "amazing.grace@example.com" } });
    assert_eq!(api.post(&format!("/api/v1/users/{uid}"), moved).await.status, 200);
    assert!(logins(&api.get(&by_login("grace.hopper@example.com")).await).is_empty());
    // The list entry is the changed user, not a stale copy.
    assert_eq!(
        logins(&api.get(&by_login("amazing.grace@example.com")).await),
        ["amazing.grace@example.com"]
    );
    assert_eq!(
        api.get("/api/v1/users/AMAZING.grace@example.com").await.body["id"],
        uid.as_str()
    );

    // Page through SUSPENDED users two at a time while another is suspended between pages.
    let all = api.get("/api/v1/users").await;
    let ids: Vec<String> = all
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap().to_owned())
        .collect();
    for id in [&ids[0], &ids[2], &ids[3]] {
        api.post(&format!("/api/v1/users/{id}/lifecycle/suspend"), json!({}))
            .await;
    }
    let suspended = "/api/v1/users?limit=2&filter=status%20eq%20%22SUSPENDED%22%20and%20profile.email%20pr";
    let first = api.get(suspended).await;
    assert_eq!(first.body.as_array().unwrap().len(), 2);
    api.post(&format!("/api/v1/users/{}/lifecycle/suspend", ids[5]), json!({}))
        .await;
    api.post(&format!("/api/v1/users/{}/lifecycle/unsuspend", ids[0]), json!({}))
        .await;
    let second = api.get(&first.link("next").unwrap()).await;
    let got: Vec<&str> = second
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap())
        .collect();
    assert_eq!(got, [ids[3].as_str(), ids[5].as_str()]);
    assert!(
        second
            .body
            .as_array()
            .unwrap()
            .iter()
            .all(|u| u["status"] == "SUSPENDED")
    );
    assert!(second.link("next").is_none());
    let unknown = api.get("/api/v1/users?filter=status%20eq%20%22NO_SUCH%22").await;
    assert_eq!((unknown.status, unknown.body.as_array().map(Vec::len)), (200, Some(0)));
}
