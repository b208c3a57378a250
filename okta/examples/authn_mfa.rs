//! Sign a user in through the Authentication API, with MFA: primary authentication, a factor
//! challenge, verification, and a session from the resulting session token.
//!
//! `cargo run -p okta-sdk --example authn_mfa` runs against an embedded stand-in (a user with an SMS
//! factor is set up first; its test passcode is `123456`). Against a real org set
//! `OKTA_CLIENT_ORGURL`, `OKTA_CLIENT_TOKEN`, `OKTA_USERNAME` and `OKTA_PASSWORD`; the example
//! then prompts for the one-time code on standard input.

mod support;

use okta::models::{
    AuthenticationRequest, AuthenticationTransaction, AuthnStatus, CreateSessionRequest, FactorType, User, UserFactor,
    UserProfile, VerifyFactorRequest, VerifyPassCodeFactorRequest,
};
use okta::{Client, Error};

#[tokio::main]
async fn main() -> Result<(), support::Report> {
    let (client, stand_in) = support::client_or_stand_in(0).await?;
    let (username, password, passcode) = match &stand_in {
        Some(_) => {
            set_up_user_with_sms(&client).await?;
            (
                "mfa.user@example.com".to_owned(),
                "Sup3r-Secret-Pass".to_owned(),
                Some(okta_mock::TEST_PASSCODE.to_owned()),
            )
        }
        None => (
            std::env::var("OKTA_USERNAME").unwrap_or_default(),
            std::env::var("OKTA_PASSWORD").unwrap_or_default(),
            None,
        ),
    };

    let mut tx = client
        .primary_authentication(AuthenticationRequest::new(username.as_str(), password))
        .await?;
    println!("primary authentication: {}", show(&tx));
    if tx.status == Some(AuthnStatus::MfaRequired) {
        tx = verify_with_otp(&client, &tx, passcode).await?;
    }
    match (tx.status.clone(), tx.session_token.clone()) {
        (Some(AuthnStatus::Success), Some(session_token)) => {
            let session = client.create_session(CreateSessionRequest::new(session_token)).await?;
            println!(
                "signed in: session {} until {}",
                session.id.unwrap_or_default(),
                session.expires_at.unwrap_or_default()
            );
        }
        _ => println!("not signed in: {}", show(&tx)),
    }
    Ok(())
}

/// Picks an SMS, call or TOTP factor, sends the challenge when the factor needs one, and
/// verifies the one-time code.
async fn verify_with_otp(
    client: &Client,
    tx: &AuthenticationTransaction,
    passcode: Option<String>,
) -> Result<AuthenticationTransaction, Error> {
    let state = tx.state_token.clone().unwrap_or_default();
    let factors = tx.factors();
    let Some(factor) = factors.iter().find(|f| {
        matches!(
            f.factor_type,
            Some(FactorType::Sms | FactorType::Call | FactorType::TokenSoftwareTotp)
        )
    }) else {
        println!("no OTP factor enrolled; this example handles SMS, call and TOTP");
        return Ok(tx.clone());
    };
    let factor_id = factor.id.clone().unwrap_or_default();
    if factor.factor_type != Some(FactorType::TokenSoftwareTotp) {
        let challenged = client
            .verify_sms_factor(&factor_id, false, VerifyPassCodeFactorRequest::challenge(state.clone()))
            .await?;
        println!("challenge sent: {}", show(&challenged));
    }
    let code = match passcode {
        Some(code) => code,
        None => {
            println!("enter the one-time code:");
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .map_err(|e| Error::InvalidRequest(format!("no code read: {e}")))?;
            line.trim().to_owned()
        }
    };
    let done = client
        .verify_sms_factor(&factor_id, false, VerifyPassCodeFactorRequest::new(state, code))
        .await?;
    println!("verification: {}", show(&done));
    Ok(done)
}

/// On the stand-in: a user with an active SMS factor.
async fn set_up_user_with_sms(client: &Client) -> Result<(), Error> {
    let user = client
        .create_user(
            User::new(UserProfile::new(
                "mfa.user@example.com",
                "mfa.user@example.com",
                "Mfa",
                "User",
            ))
            .with_password("Sup3r-Secret-Pass"),
        )
        .await?;
    let user_id = user.id.unwrap_or_default();
    let factor = client.add_factor(&user_id, UserFactor::sms("+1-555-010-0199")).await?;
    client
        .activate_factor_by_user(&user_id, factor.id.unwrap_or_default())
        .body(VerifyFactorRequest::pass_code(okta_mock::TEST_PASSCODE))
        .await?;
    Ok(())
}

/// A transaction in one line; its tokens stay hidden (they are `SecretString`s).
fn show(tx: &AuthenticationTransaction) -> String {
    format!(
        "status {}, factor result {}",
        tx.status.as_ref().map_or("-".to_owned(), ToString::to_string),
        tx.factor_result.as_ref().map_or("-".to_owned(), ToString::to_string)
    )
}
