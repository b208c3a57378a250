//! Tail the System Log as events are published: `cargo run -p okta --example tail_logs`.
//!
//! Without `OKTA_CLIENT_ORGURL` and `OKTA_CLIENT_TOKEN` it starts an embedded Okta stand-in
//! (`okta-mock`) on 127.0.0.1, creates a few users in the background while it tails, prints the
//! events they cause as they come, and stops once the log has been quiet for a few polls.
//!
//! With both variables set it tails that org's log from five minutes ago, polling every 15
//! seconds, and stops after 20 events or two quiet minutes (or Ctrl-C).

use std::time::{Duration, SystemTime};

use futures::TryStreamExt;
use okta::models::{LogEvent, User, UserProfile};
use okta::{Client, Error};

#[tokio::main]
async fn main() -> Result<(), Error> {
    let real_org = std::env::var("OKTA_CLIENT_ORGURL").is_ok() && std::env::var("OKTA_CLIENT_TOKEN").is_ok();
    if real_org {
        let client = Client::from_env()?;
        println!("Tailing the System Log of {} (read-only)\n", client.org_url());
        let since = humantime::format_rfc3339_millis(SystemTime::now() - Duration::from_secs(300)).to_string();
        let live = client.get_logs().since(since).follow(Duration::from_secs(15));
        return tail(live, 20, Duration::from_secs(120)).await;
    }

    let org = okta_mock::OktaMock::builder().start().await;
    println!(
        "No OKTA_CLIENT_ORGURL/OKTA_CLIENT_TOKEN: tailing the System Log of an embedded Okta stand-in at {}\n",
        org.url()
    );
    let client = Client::builder().org_url(org.url()).api_token(org.token()).build()?;
    // Changes made while the tail runs, so there is something new to see after each quiet poll.
    let writer = client.clone();
    let changes = tokio::spawn(async move {
        for name in ["ada", "grace", "edsger"] {
            tokio::time::sleep(Duration::from_millis(700)).await;
            let login = format!("{name}@example.com");
            writer
                .create_user(User::new(UserProfile::new(&login, &login, name, "Example")))
                .await?;
        }
        Ok::<(), Error>(())
    });
    let live = client.get_logs().follow(Duration::from_millis(250));
    tail(live, 100, Duration::from_secs(2)).await?;
    changes.await.expect("the change task")?;
    Ok(())
}

/// Prints events as they come; stops after `max` events, or when none came for `quiet`.
async fn tail(mut live: okta::ItemStream<LogEvent>, max: usize, quiet: Duration) -> Result<(), Error> {
    for _ in 0..max {
        match tokio::time::timeout(quiet, live.try_next()).await {
            Ok(Ok(Some(event))) => println!("{}", line(&event)),
            Ok(Err(e)) => return Err(e),
            Ok(Ok(None)) => {
                println!("\nThe log ended (the query has an end).");
                return Ok(());
            }
            Err(_) => {
                println!("\nNothing new for {}: stopping.", humantime::format_duration(quiet));
                return Ok(());
            }
        }
    }
    println!("\nShown {max} events: stopping.");
    Ok(())
}

fn line(event: &LogEvent) -> String {
    let text = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".to_owned());
    format!(
        "{}  {:<28} {}",
        event.published.as_ref().map_or("-", |t| t.as_str()),
        text(&event.event_type),
        text(&event.display_message)
    )
}
