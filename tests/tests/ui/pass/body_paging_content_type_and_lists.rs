//! `paginated(items = ..)` alone and with `page_size`, `content_type`, and list query parameters
//! in both forms, on a bound call.
#![deny(warnings)]

use okta::Endpoint as _;
use okta::Paginated as _;

struct Tenant(okta::Client);

impl okta::AsClient for Tenant {
    fn as_client(&self) -> &okta::CoreClient {
        okta::AsClient::as_client(&self.0)
    }
}

#[derive(serde::Deserialize)]
struct Role {}

#[derive(serde::Serialize)]
struct RolePatch {}

/// Lists roles: the page is `{"roles": [..], "_links": {"next": ..}}`.
#[derive(okta::Endpoint)]
#[endpoint(GET "/api/v1/iam/roles", response = Role, paginated(items = "roles"), call = Tenant::list_iam_roles)]
struct ListRoles {
    #[endpoint(query)]
    after: Option<String>,
}

/// The same, asking for 100 a page when streamed.
#[derive(okta::Endpoint)]
#[endpoint(GET "/api/v1/iam/resource-sets", response = Role, paginated(page_size = 100, items = "resource-sets"))]
struct ListResourceSets {
    #[endpoint(query)]
    limit: Option<i32>,
}

/// Patches a role.
#[derive(okta::Endpoint)]
#[endpoint(PATCH "/api/v1/iam/roles/{roleId}", response = (), content_type = "application/merge-patch+json; charset=utf-8")]
struct PatchRole {
    #[endpoint(path)]
    role_id: String,
    #[endpoint(body)]
    patch: RolePatch,
    #[endpoint(query, explode = false)]
    expand: Option<Vec<String>>,
    #[endpoint(query, explode = true)]
    fields: Vec<String>,
}

fn main() {
    assert_eq!(
        <ListRoles as okta::Paginated>::FORM,
        okta::PageForm::Body { items: "roles" }
    );
    assert_eq!(
        <ListResourceSets as okta::Paginated>::FORM,
        okta::PageForm::Body { items: "resource-sets" }
    );
    let mut sets = ListResourceSets::new();
    sets.set_default_page_size();
    let mut query = okta::Query::default();
    sets.query(&mut query);
    assert_eq!(query.to_string(), "limit=100");

    assert_eq!(PatchRole::CONTENT_TYPE, "application/merge-patch+json; charset=utf-8");
    assert_eq!(ListRoles::CONTENT_TYPE, "application/json");
    let patch = PatchRole::new("r 1", RolePatch {}, vec!["a".to_owned(), "b".to_owned()])
        .expand(vec!["x".to_owned(), "y".to_owned()]);
    let mut query = okta::Query::default();
    patch.query(&mut query);
    assert_eq!(query.to_string(), "expand=x,y&fields=a&fields=b");

    let _ = |tenant: Tenant| tenant.list_iam_roles().after("x").stream();
}
