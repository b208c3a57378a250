//! `User-Agent: okta-sdk-rust/<ver> rust/<ver> <os>/<arch> [extra]`, like Okta's other SDKs.

/// The SDK's own user agent, with an optional suffix naming the application.
pub(crate) fn user_agent(extra: Option<&str>) -> String {
    let base = format!(
        "okta-sdk-rust/{} rust/{} {}/{}",
        env!("CARGO_PKG_VERSION"),
        env!("OKTA_RUSTC_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH
    );
    match extra.map(str::trim).filter(|e| !e.is_empty()) {
        Some(extra) => format!("{base} {extra}"),
        None => base,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shape() {
        let ua = super::user_agent(Some("my-app/1.2"));
        let parts: Vec<&str> = ua.split(' ').collect();
        assert!(parts[0].starts_with("okta-sdk-rust/"));
        assert!(parts[1].starts_with("rust/1."), "{ua}");
        assert_eq!(parts[2], format!("{}/{}", std::env::consts::OS, std::env::consts::ARCH));
        assert_eq!(parts[3], "my-app/1.2");
    }
}
