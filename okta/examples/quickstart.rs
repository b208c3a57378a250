//! The quickstart: `cargo run -p okta-sdk --example quickstart`.
//!
//! Without `OKTA_CLIENT_ORGURL` and `OKTA_CLIENT_TOKEN` it starts an embedded Okta stand-in
//! (`okta-mock`) on 127.0.0.1 and walks through a realistic provisioning job: create and
//! activate users, put them in a group, assign an app, enroll and verify an SMS factor, sign in
//! through the Authentication API with MFA, stream every user, and read the System Log.
//!
//! With both variables set it runs read-only against that org: who the users are, what the
//! groups are, and what the System Log said in the last hour.

mod support;

use futures::TryStreamExt;
use okta::models::{
    AppUser, Application, AuthnStatus, CreateSessionRequest, Group, User, UserFactor, UserProfile, VerifyFactorRequest,
    VerifyPassCodeFactorRequest,
};
use okta::{Client, Error};

#[tokio::main]
async fn main() -> Result<(), support::Report> {
    let real_org = std::env::var("OKTA_CLIENT_ORGURL").is_ok() && std::env::var("OKTA_CLIENT_TOKEN").is_ok();
    if real_org {
        let client = Client::from_env()?;
        println!("Reading {} (read-only)\n", client.org_url());
        return Ok(read_only_tour(&client).await?);
    }

    let org = okta_mock::OktaMock::builder()
        .seed_users(25)
        .seed_groups(3)
        .start()
        .await;
    println!(
        "No OKTA_CLIENT_ORGURL/OKTA_CLIENT_TOKEN: started an embedded Okta stand-in at {}\n",
        org.url()
    );
    let client = Client::builder().org_url(org.url()).api_token(org.token()).build()?;
    provisioning_tour(&client).await?;
    Ok(read_only_tour(&client).await?)
}

async fn provisioning_tour(client: &Client) -> Result<(), Error> {
    println!("1. Create two users: one active right away, one staged and activated later");
    let ada = client
        .create_user(
            User::new(UserProfile::new(
                "ada@example.com",
                "ada@example.com",
                "Ada",
                "Lovelace",
            ))
            .with_password("Analytical-Engine-1843"),
        )
        .await?;
    let grace = client
        .create_user(User::new(UserProfile::new(
            "grace@example.com",
            "grace@example.com",
            "Grace",
            "Hopper",
        )))
        .activate(false)
        .await?;
    println!("   {} is {}", ada.profile.login, shown(ada.status.as_ref()));
    println!("   {} is {}", grace.profile.login, shown(grace.status.as_ref()));
    let grace_id = grace.id.clone().unwrap_or_default();
    let token = client.activate_user(&grace_id, false).await?;
    println!(
        "   activated {}; the activation link was returned instead of e-mailed: {}",
        grace.profile.login,
        token.activation_url.is_some()
    );
    let grace = client.get_user(&grace_id).await?;
    println!("   {} is now {}", grace.profile.login, shown(grace.status.as_ref()));

    println!("\n2. Put them in a group");
    let group = client
        .create_group(Group::new("Engineering").with_description("Builders"))
        .await?;
    let group_id = group.id.clone().unwrap_or_default();
    let ada_id = ada.id.clone().unwrap_or_default();
    for id in [&ada_id, &grace_id] {
        client.add_user_to_group(&group_id, id).await?;
    }
    let members: Vec<User> = client.list_group_users(&group_id).stream().try_collect().await?;
    println!("   Engineering has {} members: {}", members.len(), logins(&members));

    println!("\n3. Assign them an app");
    let app = client
        .create_application(Application::bookmark("Wiki", "https://wiki.example.com"))
        .await?;
    let app_id = app.id.clone().unwrap_or_default();
    for id in [&ada_id, &grace_id] {
        client
            .assign_user_to_application(&app_id, AppUser::new(id.as_str()))
            .await?;
    }
    let assigned = client
        .list_application_users(&app_id)
        .stream()
        .try_collect::<Vec<_>>()
        .await?;
    println!(
        "   {} has {} assigned users",
        app.label.as_deref().unwrap_or("the app"),
        assigned.len()
    );

    println!(
        "\n4. Enroll Ada in SMS, activate and verify it (the stand-in's test passcode is {})",
        okta_mock::TEST_PASSCODE
    );
    let factor = client.add_factor(&ada_id, UserFactor::sms("+1-555-415-1337")).await?;
    let factor_id = factor.id.clone().unwrap_or_default();
    println!("   enrolled: {}", shown(factor.status.as_ref()));
    let factor = client
        .activate_factor_by_user(&ada_id, &factor_id)
        .body(VerifyFactorRequest::pass_code(okta_mock::TEST_PASSCODE))
        .await?;
    println!("   activated: {}", shown(factor.status.as_ref()));
    let verified = client
        .verify_factor_by_user(&ada_id, &factor_id)
        .body(VerifyFactorRequest::pass_code(okta_mock::TEST_PASSCODE))
        .await?;
    println!("   verified: {}", shown(verified.factor_result.as_ref()));

    println!("\n5. Ada signs in through the Authentication API");
    let transaction = client
        .primary_authentication(okta::models::AuthenticationRequest::new(
            "ada@example.com",
            "Analytical-Engine-1843",
        ))
        .await?;
    println!("   password accepted: {}", shown(transaction.status.as_ref()));
    let transaction = if transaction.status == Some(AuthnStatus::MfaRequired) {
        let sms = transaction
            .factors()
            .into_iter()
            .find(|f| f.id.is_some())
            .and_then(|f| f.id)
            .unwrap_or_default();
        let state = transaction.state_token.clone().unwrap_or_default();
        // The first verify sends the code; the second one checks it.
        client
            .verify_sms_factor(&sms, false, VerifyPassCodeFactorRequest::challenge(state.clone()))
            .await?;
        let done = client
            .verify_sms_factor(
                &sms,
                false,
                VerifyPassCodeFactorRequest::new(state, okta_mock::TEST_PASSCODE),
            )
            .await?;
        println!("   MFA passed: {}", shown(done.status.as_ref()));
        done
    } else {
        transaction
    };
    if let Some(session_token) = transaction.session_token {
        let session = client.create_session(CreateSessionRequest::new(session_token)).await?;
        println!(
            "   session {} for {}, expires {}",
            session.id.as_deref().unwrap_or("?"),
            session.login.as_deref().unwrap_or("?"),
            session.expires_at.as_deref().unwrap_or("?")
        );
    }
    println!();
    Ok(())
}

async fn read_only_tour(client: &Client) -> Result<(), Error> {
    println!("6. Stream every user, page by page (one page in memory at a time)");
    let mut users = client.list_users().limit(10).stream();
    let (mut count, mut shown) = (0, Vec::new());
    while let Some(user) = users.try_next().await? {
        count += 1;
        if shown.len() < 5 {
            shown.push(user.profile.login);
        }
    }
    println!("   {count} users, starting with {}", shown.join(", "));

    let groups = client.list_groups().limit(20).await?;
    let names: Vec<String> = groups
        .items
        .iter()
        .filter_map(|g| g.name().map(str::to_owned))
        .collect();
    println!("   first page of groups: {}", names.join(", "));

    println!("\n7. What the System Log says happened");
    let since = an_hour_ago();
    let events = client.get_logs().since(since).limit(100).await?;
    for event in events.items.iter().rev().take(8).rev() {
        println!(
            "   {}  {:<38} {}",
            event.published.as_deref().unwrap_or(""),
            event.event_type.as_deref().unwrap_or(""),
            event.display_message.as_deref().unwrap_or("")
        );
    }
    println!("\nDone.");
    Ok(())
}

/// A value Okta may leave out, as a person reads it: its `Display` form (`ACTIVE`, `SUCCESS`), or `?`.
fn shown(value: Option<&impl std::fmt::Display>) -> String {
    value.map_or_else(|| "?".to_owned(), ToString::to_string)
}

fn logins(users: &[User]) -> String {
    users
        .iter()
        .map(|u| u.profile.login.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// An hour ago, in the RFC 3339 form the System Log's `since` takes.
fn an_hour_ago() -> String {
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    humantime::format_rfc3339_millis(an_hour_ago).to_string()
}
