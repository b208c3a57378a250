//! Okta-shaped identifiers and opaque tokens.

const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// Id prefixes Okta uses per object type (ids are always 20 characters).
pub(crate) mod prefix {
    pub(crate) const USER: &str = "00u";
    pub(crate) const GROUP: &str = "00g";
    pub(crate) const APP: &str = "0oa";
    pub(crate) const POLICY: &str = "00p";
    pub(crate) const RULE: &str = "0pr";
    pub(crate) const SESSION: &str = "102";
    pub(crate) const ROLE: &str = "ra1";
    pub(crate) const IDP: &str = "00o";
    pub(crate) const USER_TYPE: &str = "oty";
    pub(crate) const AUTH_SERVER: &str = "aus";
    pub(crate) const SCOPE: &str = "scp";
    pub(crate) const CLAIM: &str = "ocl";
}

/// `n` random alphanumeric characters.
pub(crate) fn random_chars(n: usize) -> String {
    (0..n)
        .map(|_| char::from(ALNUM[fastrand::usize(..ALNUM.len())]))
        .collect()
}

/// An object id: the type prefix plus random characters, 20 in all (`00ub0oNGTSWTBKOLGLNR`).
pub(crate) fn object_id(prefix: &str) -> String {
    format!("{prefix}{}", random_chars(20usize.saturating_sub(prefix.len())))
}

/// A random UUID (version 4 layout), as System Log events carry.
pub(crate) fn uuid() -> String {
    let hex = |n: usize| -> String {
        (0..n)
            .map(|_| char::from(b"0123456789abcdef"[fastrand::usize(..16)]))
            .collect()
    };
    let variant = char::from(b"89ab"[fastrand::usize(..4)]);
    format!("{}-{}-4{}-{variant}{}-{}", hex(8), hex(4), hex(3), hex(3), hex(12))
}

/// An `X-Okta-Request-Id`.
pub(crate) fn request_id() -> String {
    random_chars(27)
}

/// An `errorId`: Okta's start with `oae`.
pub(crate) fn error_id() -> String {
    format!("oae{}", random_chars(19))
}
