//! `okta-mock`: serves a stand-in Okta org on 127.0.0.1 until interrupted, for SDKs in any
//! language and for `curl`.
//!
//! ```text
//! cargo run -p okta-mock -- --port 8080 --users 500
//! ```

use std::process::ExitCode;

const USAGE: &str = "\
usage: okta-mock [--port N] [--users N] [--groups N] [--apps N] [--token TOKEN]

Serves a stand-in Okta org on 127.0.0.1 until interrupted (Ctrl-C).
  --port N     port to bind (default: a free one)
  --users N    seeded ACTIVE users (password: Okta-Mock-Passw0rd!)
  --groups N   seeded groups
  --apps N     seeded bookmark apps
  --token T    the API token to accept (default: a random one)";

/// What the command line asked for.
#[derive(Debug, Default)]
struct Args {
    port: u16,
    users: usize,
    groups: usize,
    apps: usize,
    token: Option<String>,
}

fn parse(mut argv: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut args = Args::default();
    while let Some(flag) = argv.next() {
        if flag == "-h" || flag == "--help" {
            return Ok(None);
        }
        let (name, inline) = match flag.split_once('=') {
            Some((name, value)) => (name.to_owned(), Some(value.to_owned())),
            None => (flag.clone(), None),
        };
        let value = inline
            .or_else(|| argv.next())
            .ok_or_else(|| format!("{name} needs a value"))?;
        let number = |v: &str| {
            v.parse::<usize>()
                .map_err(|_| format!("{name} takes a number, not {v:?}"))
        };
        match name.as_str() {
            "--port" => {
                args.port = value
                    .parse()
                    .map_err(|_| format!("--port takes 0-65535, not {value:?}"))?
            }
            "--users" => args.users = number(&value)?,
            "--groups" => args.groups = number(&value)?,
            "--apps" => args.apps = number(&value)?,
            "--token" => args.token = Some(value),
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(Some(args))
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("okta-mock: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut builder = okta_mock::OktaMock::builder()
        .port(args.port)
        .seed_users(args.users)
        .seed_groups(args.groups)
        .seed_apps(args.apps);
    if let Some(token) = args.token {
        builder = builder.token(token);
    }
    let org = match builder.try_start_blocking() {
        Ok(org) => org,
        Err(e) => {
            eprintln!("okta-mock: cannot serve on 127.0.0.1:{}: {e}", args.port);
            return ExitCode::FAILURE;
        }
    };
    let url = org.url();
    println!("okta-mock serving {url}");
    println!("  OKTA_CLIENT_ORGURL={url}");
    println!("  OKTA_CLIENT_TOKEN={}", org.token());
    println!("  curl -H \"Authorization: SSWS {}\" {url}/api/v1/users", org.token());
    println!("Register an OAuth service app (private_key_jwt, optional DPoP):");
    println!(
        "  curl -X POST {url}/__mock/service-apps -H 'Content-Type: application/json' \\\n    \
         -d '{{\"clientId\":\"0oa1clientid\",\"publicKey\":\"<PEM or JWK>\",\"scopes\":[\"okta.users.read\"],\"requireDpop\":true}}'"
    );
    println!("  token endpoint: {url}/oauth2/v1/token");
    println!("Ctrl-C stops it.");
    // The server runs on its own thread; this one only keeps the process (and `org`) alive.
    loop {
        std::thread::park();
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    fn args(line: &str) -> Result<Option<super::Args>, String> {
        parse(line.split_whitespace().map(str::to_owned))
    }

    #[test]
    fn parses_flags_and_refuses_nonsense() {
        let a = args("--port 8080 --users=500 --token abc").ok().flatten();
        assert_eq!(
            a.as_ref().map(|a| (a.port, a.users, a.token.as_deref())),
            Some((8080, 500, Some("abc")))
        );
        assert!(matches!(args("--help"), Ok(None)));
        assert!(args("--port 70000").is_err());
        assert!(args("--users lots").is_err());
        assert!(args("--users").is_err());
        assert!(args("--colour blue").is_err());
    }
}
