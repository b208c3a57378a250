//! The org URL: checked once, when the client is built, with errors that say how to mend it.

use url::{Host, Url};

use crate::error::Error;

/// Parses and checks an org URL such as `https://dev-123456.okta.com`.
///
/// HTTPS is required, except on a loopback host (a local stand-in or test server).
pub(crate) fn parse(input: &str) -> Result<Url, Error> {
    let shown = redact(input.trim());
    let fail = |why: String| Err(Error::Config(format!("org URL `{shown}`: {why}")));
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(Error::Config(
            "the org URL is empty: set OKTA_CLIENT_ORGURL (or okta.client.orgUrl in okta.yaml) or call .org_url(\"https://dev-123456.okta.com\")".into(),
        ));
    }
    if trimmed.to_ascii_lowercase().contains("youroktadomain") {
        return fail(
            "replace the placeholder {yourOktaDomain} with your org's domain, e.g. https://dev-123456.okta.com".into(),
        );
    }
    let url = match Url::parse(trimmed) {
        Ok(url) => url,
        Err(e) => return fail(format!("not a URL ({e}); expected e.g. https://dev-123456.okta.com")),
    };
    let Some(host) = url.host() else {
        return fail("it has no host; expected e.g. https://dev-123456.okta.com".into());
    };
    let loopback = match host {
        Host::Domain(d) => d.eq_ignore_ascii_case("localhost"),
        Host::Ipv4(ip) => ip.is_loopback(),
        Host::Ipv6(ip) => ip.is_loopback(),
    };
    match url.scheme() {
        "https" => {}
        "http" if loopback => {}
        "http" => return fail("HTTPS is required (plain http is allowed only on a loopback host)".into()),
        other => return fail(format!("unsupported scheme `{other}`; use https")),
    }
    if let Host::Domain(domain) = host {
        let domain = domain.to_ascii_lowercase();
        if domain.contains("-admin.") {
            return fail("that is the Admin Console's host; remove `-admin` to get the org URL".into());
        }
        if domain.ends_with(".com.com") {
            return fail("the host ends in `.com.com`; remove the duplicated `.com`".into());
        }
    }
    if !url.username().is_empty() || url.password().is_some() {
        return fail("credentials do not belong in the URL; use .api_token(..)".into());
    }
    if !matches!(url.path(), "" | "/") || url.query().is_some() || url.fragment().is_some() {
        return fail(
            "an org URL is only scheme and host (no path, query or fragment), e.g. https://dev-123456.okta.com".into(),
        );
    }
    Ok(url)
}

/// The input as an error or `Debug` may show it: any `user:password@` replaced (with or
/// without the `//` after the scheme, or no scheme at all), and the value of any secret-named
/// query parameter masked.
pub(crate) fn redact(input: &str) -> String {
    let shown = match input.rfind('@') {
        Some(at) => {
            let scheme = input
                .find("://")
                .filter(|&end| end < at)
                .map_or("", |end| &input[..end + 3]);
            format!("{scheme}***{}", &input[at..])
        }
        None => input.to_owned(),
    };
    crate::redact::redact_pairs(&shown)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn good_urls() {
        for ok in [
            "https://dev-1.okta.com",
            "https://dev-1.okta.com/",
            "  https://acme.oktapreview.com ",
            "http://127.0.0.1:8080",
            "http://localhost:1",
            "http://[::1]:9",
        ] {
            parse(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
        }
    }

    #[test]
    fn bad_urls_say_how_to_mend() {
        for (bad, hint) in [
            ("", "is empty"),
            ("https://{yourOktaDomain}", "placeholder"),
            ("https://dev-1-admin.okta.com", "remove `-admin`"),
            ("https://dev-1.okta.com.com", "`.com.com`"),
            ("http://dev-1.okta.com", "HTTPS is required"),
            ("https://dev-1.okta.com/api/v1", "only scheme and host"),
            ("https://dev-1.okta.com?x=1", "only scheme and host"),
            ("https://dev-1.okta.com#frag", "only scheme and host"),
            ("https://user:pw@dev-1.okta.com", "credentials"),
            ("https://:pw@dev-1.okta.com", "credentials"),
            ("https://user@dev-1.okta.com", "credentials"),
            ("https:user:pw@dev-1.okta.com", "credentials"),
            ("HTTPS://user:pw@dev-1.okta.com/", "credentials"),
            ("user:pw@dev-1.okta.com", "has no host"),
            ("https://user:p#w@dev-1.okta.com", "not a URL"),
            ("https://dev-1.okta.com/?token=pw@x", "only scheme and host"),
            ("dev-1.okta.com", "not a URL"),
            ("ftp://dev-1.okta.com", "unsupported scheme"),
        ] {
            let err = parse(bad).expect_err(bad).to_string();
            assert!(err.contains(hint), "{bad}: {err}");
            assert!(!err.contains("pw"), "{err}");
        }
    }
}
