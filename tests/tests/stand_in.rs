//! The SDK against `okta-mock`, the in-process Okta stand-in: state, paging, errors, rate limits
//! and faults as a user's own tests would see them.

use std::time::Duration;

use futures::TryStreamExt;
use okta::models::{
    AuthenticationRequest, AuthnStatus, CreateSessionRequest, Group, User, UserFactor, UserProfile, UserStatus,
    VerifyFactorRequest, VerifyPassCodeFactorRequest,
};
use okta::{Client, Error, RetryPolicy};
use okta_mock::{OktaMock, TEST_PASSCODE};

fn client(org: &OktaMock, retries: u32) -> Client {
    Client::builder()
        .org_url(org.url())
        .api_token(org.token())
        .retry_policy(
            RetryPolicy::default()
                .max_retries(retries)
                .base_backoff(Duration::from_millis(1))
                .max_wait(Duration::from_millis(50)),
        )
        .build()
        .expect("client")
}

fn person(login: &str) -> User {
    User::new(UserProfile::new(login, login, "Test", "Person")).with_password("Passw0rd-for-tests")
}

#[tokio::test]
async fn the_user_lifecycle_and_its_illegal_transitions() {
    let org = OktaMock::start().await;
    let client = client(&org, 0);
    let staged = client
        .create_user(person("life@example.com"))
        .activate(false)
        .await
        .expect("created");
    assert_eq!(staged.status, Some(UserStatus::Staged));
    let id = staged.id.clone().expect("an id");

    // Suspending a user who is not ACTIVE is refused the way Okta refuses it.
    let err = client.suspend_user(&id).await.expect_err("illegal");
    assert_eq!(err.status(), Some(okta::StatusCode::BAD_REQUEST));
    assert_eq!(err.error_code(), Some("E0000001"));
    assert!(err.request_id().is_some());

    client.activate_user(&id, false).await.expect("activated");
    client.suspend_user(&id).await.expect("suspended");
    assert_eq!(
        client.get_user(&id).await.expect("read").status,
        Some(UserStatus::Suspended)
    );
    client.unsuspend_user(&id).await.expect("unsuspended");
    client.deactivate_user(&id).await.expect("deactivated");
    client.deactivate_or_delete_user(&id).await.expect("deleted");
    assert!(client.get_user(&id).await.expect_err("gone").is_not_found());
}

#[tokio::test]
async fn custom_profile_attributes_survive_get_change_put() {
    let org = OktaMock::start().await;
    let client = client(&org, 0);
    let mut user = person("custom@example.com");
    user.profile
        .set_attribute("costCenter", "W-42")
        .expect("a custom attribute");
    let id = client.create_user(user).await.expect("created").id.expect("id");

    let mut fetched = client.get_user(&id).await.expect("read");
    fetched.profile.first_name = Some("Renamed".into());
    let updated = client.update_user(&id, fetched).await.expect("updated");
    assert_eq!(updated.profile.first_name.as_deref(), Some("Renamed"));
    assert_eq!(updated.profile.attribute("costCenter"), Some(serde_json::json!("W-42")));
}

#[tokio::test]
async fn lists_page_with_real_cursors_and_filters() {
    let org = OktaMock::builder().seed_users(45).start().await;
    let client = client(&org, 0);
    let all: Vec<User> = client
        .list_users()
        .limit(10)
        .stream()
        .try_collect()
        .await
        .expect("streamed");
    assert_eq!(all.len(), 45);
    let mut ids: Vec<_> = all.iter().filter_map(|u| u.id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 45, "no user twice, none lost");
    assert_eq!(
        org.requests()
            .iter()
            .filter(|r| r.path.starts_with("/api/v1/users"))
            .count(),
        5,
        "45 users in pages of 10"
    );

    let page = client.list_users().limit(10).await.expect("one page");
    let cursor = page.next_cursor().expect("a cursor");
    let rest: Vec<User> = client
        .list_users()
        .limit(10)
        .after(cursor)
        .stream()
        .try_collect()
        .await
        .expect("resumed");
    assert_eq!(rest.len(), 35, "resuming from the cursor gives the rest");

    let login = all[7].profile.login.clone();
    let found: Vec<User> = client
        .list_users()
        .filter(format!("profile.login eq \"{login}\""))
        .stream()
        .try_collect()
        .await
        .expect("filtered");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].profile.login, login);
}

#[tokio::test]
async fn the_clients_retries_ride_out_the_stand_ins_faults() {
    let org = OktaMock::builder().seed_users(3).start().await;
    let client = client(&org, 3);

    // The stand-in's 429 resets a second away, beyond this client's 50 ms longest wait: no futile
    // retry, the call fails at once (riding out a 429 until its reset: core/pacing.rs).
    org.rate_limit_next(1);
    let err = client
        .list_users()
        .await
        .expect_err("the reset is beyond the longest wait");
    assert!(matches!(&err, Error::RateLimited(l) if l.attempts == 1), "{err:?}");
    assert_eq!(client.list_users().await.expect("the next call goes").len(), 3);

    org.fail_next(2, 503);
    client.list_users().await.expect("after two 503s");

    org.drop_next(1);
    client.list_users().await.expect("after a dropped connection");

    // A POST is not sent again after a 503: the server may have acted on it.
    org.clear_requests();
    org.fail_next(1, 503);
    let err = client
        .create_group(Group::new("Once"))
        .await
        .expect_err("503 on POST is final");
    assert_eq!(err.status(), Some(okta::StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(org.requests().iter().filter(|r| r.method == "POST").count(), 1);
}

#[tokio::test]
async fn an_exhausted_rate_limit_is_reported_with_its_reset() {
    let org = OktaMock::builder().rate_limit(3, Duration::from_secs(60)).start().await;
    let client = client(&org, 1);
    for _ in 0..3 {
        client.list_groups().await.expect("within budget");
    }
    let err = client.list_groups().await.expect_err("over budget");
    let Error::RateLimited(limited) = &err else {
        panic!("{err:?}")
    };
    // The reset is further away than the longest wait allowed (50 ms): no futile retry.
    assert_eq!(limited.attempts, 1);
    assert_eq!(limited.api.rate_limit.remaining, Some(0));
    assert!(limited.reset_at().is_some());
    assert!(err.to_string().contains("resets at epoch second"), "{err}");
}

#[tokio::test]
async fn enroll_a_factor_then_sign_in_with_mfa() {
    let org = OktaMock::start().await;
    let client = client(&org, 0);
    let user = client.create_user(person("mfa@example.com")).await.expect("created");
    let user_id = user.id.expect("id");
    let factor = client
        .add_factor(&user_id, UserFactor::sms("+15555550100"))
        .await
        .expect("enrolled");
    let factor_id = factor.id.expect("factor id");
    let wrong = client
        .activate_factor_by_user(&user_id, &factor_id)
        .body(VerifyFactorRequest::pass_code("000000"))
        .await
        .expect_err("wrong code");
    assert_eq!(wrong.error_code(), Some("E0000068"));
    client
        .activate_factor_by_user(&user_id, &factor_id)
        .body(VerifyFactorRequest::pass_code(TEST_PASSCODE))
        .await
        .expect("activated");

    let tx = client
        .primary_authentication(AuthenticationRequest::new("mfa@example.com", "Passw0rd-for-tests"))
        .await
        .expect("password accepted");
    assert_eq!(tx.status, Some(AuthnStatus::MfaRequired));
    let state = tx.state_token.clone().expect("state token");
    let sms = tx
        .factors()
        .into_iter()
        .find_map(|f| f.id)
        .expect("an SMS factor offered");
    client
        .verify_sms_factor(&sms, false, VerifyPassCodeFactorRequest::challenge(state.clone()))
        .await
        .expect("challenge");
    let done = client
        .verify_sms_factor(&sms, false, VerifyPassCodeFactorRequest::new(state, TEST_PASSCODE))
        .await
        .expect("verified");
    assert_eq!(done.status, Some(AuthnStatus::Success));
    let session = client
        .create_session(CreateSessionRequest::new(done.session_token.expect("session token")))
        .await
        .expect("session");
    assert_eq!(session.login.as_deref(), Some("mfa@example.com"));

    let events: Vec<_> = client.get_logs().stream().try_collect().await.expect("log");
    let types: Vec<_> = events.iter().filter_map(|e| e.event_type.as_deref()).collect();
    assert!(types.contains(&"user.session.start"), "{types:?}");
}
