//! Declare your own endpoints with the SDK's macro: a slim response type, a paginated list, and a
//! method generated on your own client wrapper. They get the same auth, retries, rate-limit
//! handling, pagination, errors and tracing as the built-in operations.
//!
//! `cargo run -p okta-sdk --example custom_endpoint`

mod support;

use futures::TryStreamExt;
use okta::Endpoint;

/// Only the fields this job needs; everything else in the response is ignored.
#[derive(Debug, serde::Deserialize)]
struct UserSummary {
    id: String,
    status: String,
    profile: Login,
}

#[derive(Debug, serde::Deserialize)]
struct Login {
    login: String,
}

/// A user by id or login, decoded into [`UserSummary`].
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/users/{idOrLogin}", response = UserSummary)]
struct GetUserSummary {
    #[endpoint(path)]
    id_or_login: String,
}

/// Users matching a search expression, page by page; with `call = Directory::search`, the macro
/// also generates `Directory::search(&self, expression)`.
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/users", response = UserSummary, paginated, call = Directory::search)]
struct SearchUsers {
    #[endpoint(query)]
    search: String,
    /// Page size.
    #[endpoint(query)]
    limit: Option<i32>,
}

/// An application's own handle on Okta, with its own methods.
struct Directory {
    client: okta::Client,
}

impl okta::AsClient for Directory {
    fn as_client(&self) -> &okta::CoreClient {
        &self.client
    }
}

#[tokio::main]
async fn main() -> Result<(), support::Report> {
    let (client, _stand_in) = support::client_or_stand_in(30).await?;

    let first = client.list_users().limit(1).await?.into_items();
    let login = first.first().map(|u| u.profile.login.clone()).unwrap_or_default();
    let summary = client.send(GetUserSummary::new(login.as_str())).await?;
    println!("{} is {} ({})", summary.profile.login, summary.status, summary.id);

    let directory = Directory { client };
    let active: Vec<UserSummary> = directory
        .search(r#"status eq "ACTIVE""#)
        .limit(10)
        .stream()
        .try_collect()
        .await?;
    println!(
        "{} active users, e.g. {}",
        active.len(),
        active.first().map_or("none", |u| u.profile.login.as_str())
    );
    Ok(())
}
