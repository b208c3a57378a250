//! Redaction: the one rule for which JSON members hold secrets, applied to the bodies quoted in
//! errors and to the `Debug` output of free-form JSON.

use std::fmt;

use serde_json::{Map, Value};

/// Name fragments that mark a member as secret, compared case-insensitively and ignoring `_`
/// and `-` (so `client_secret`, `clientSecret` and `CLIENT-SECRET` are one name). A fragment
/// anywhere in the name counts: `sessionToken`, `access_token`, `tempPassword`, `nextPassCode`,
/// `client_assertion`, `settings.app.secretKey`, `resetPasswordUrl`, `DPoP`.
const SECRET_FRAGMENTS: [&str; 12] = [
    "secret",
    "password",
    "passcode",
    "token",
    "assertion",
    "answer",
    "dpop",
    "privatekey",
    "apikey",
    "codeverifier",
    // A user's activation link carries its activation token; a TOTP enrolment's QR code link
    // carries the shared secret.
    "activationurl",
    "qrcode",
];

/// Whole names that mark a member as secret: an imported password's `hash` and `salt`.
const SECRET_NAMES: [&str; 2] = ["hash", "salt"];

/// The private members of a JSON Web Key (RFC 7518 §6.3.2, §6.4.1). Secret only inside an
/// object that has a `kty` member: single letters elsewhere are ordinary data.
const JWK_PRIVATE_NAMES: [&str; 8] = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

/// What a secret value is shown as.
const MASK: &str = "***";

/// Whether a JSON member called `name` holds a secret (a token, a password or its hash, a
/// one-time code, an answer, an assertion, a client secret, a private key, a link that carries
/// a token). Its whole value is hidden, whatever its type.
///
/// ```
/// use okta_core::is_secret_field;
///
/// assert!(is_secret_field("stateToken"));
/// assert!(is_secret_field("client_secret"));
/// assert!(is_secret_field("activationUrl"));
/// assert!(!is_secret_field("login"));
/// ```
pub fn is_secret_field(name: &str) -> bool {
    let normal: String = name
        .chars()
        .filter(|c| !matches!(c, '_' | '-'))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    SECRET_FRAGMENTS.iter().any(|f| normal.contains(f)) || SECRET_NAMES.contains(&normal.as_str())
}

/// Whether `name`, a member of a JSON Web Key, is one of its private parts.
fn is_jwk_private_field(name: &str) -> bool {
    JWK_PRIVATE_NAMES.contains(&name)
}

/// Whether a member of an object is secret, `in_jwk` saying whether that object is a JWK.
fn is_secret_member(name: &str, in_jwk: bool) -> bool {
    is_secret_field(name) || (in_jwk && is_jwk_private_field(name))
}

/// `Debug` for free-form JSON (a `serde_json::Value`, a map of them, or an optional map) that
/// shows `"***"` for the value of every member [`is_secret_field`] names, at any depth.
///
/// ```
/// use okta_core::Redacted;
///
/// let body = serde_json::json!({"status": "SUCCESS", "sessionToken": "20111abc"});
/// let shown = format!("{:?}", Redacted(&body));
/// assert!(shown.contains("SUCCESS") && !shown.contains("20111abc"));
/// ```
pub struct Redacted<'a, T: ?Sized>(pub &'a T);

impl fmt::Debug for Redacted<'_, Map<String, Value>> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let in_jwk = self.0.contains_key("kty");
        let mut map = f.debug_map();
        for (key, value) in self.0 {
            if is_secret_member(key, in_jwk) && !value.is_null() {
                map.entry(key, &MASK);
            } else {
                map.entry(key, &Redacted(value));
            }
        }
        map.finish()
    }
}

impl fmt::Debug for Redacted<'_, Value> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Value::Object(map) => Redacted(map).fmt(f),
            Value::Array(items) => f.debug_list().entries(items.iter().map(Redacted)).finish(),
            other => other.fmt(f),
        }
    }
}

impl fmt::Debug for Redacted<'_, Option<Map<String, Value>>> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(map) => f.debug_tuple("Some").field(&Redacted(map)).finish(),
            None => f.write_str("None"),
        }
    }
}

/// At most this many bytes of a body are quoted in an error.
pub(crate) const SNIPPET_LEN: usize = 512;

/// At most this many bytes of a body are read to make a snippet: the work is the same for a
/// 1 KB body and a 50 MB one. Masking shortens secrets, so more than the snippet is scanned.
const SCAN_LEN: usize = 8 * SNIPPET_LEN;

/// The start of a body for an error message, with secret values masked, because an authn
/// response that fails to decode still carries a `stateToken` or `sessionToken`.
///
/// Only a bounded prefix is read, and it is masked by its tokens, not parsed: it works on a
/// truncated document, on one with garbage in it, and on JSON inside an HTML page. Runs of
/// whitespace outside strings become one space.
pub(crate) fn snippet(body: &[u8]) -> String {
    let prefix = &body[..body.len().min(SCAN_LEN)];
    let masked = mask(prefix);
    let text = String::from_utf8_lossy(&masked);
    if text.len() <= SNIPPET_LEN && prefix.len() == body.len() {
        return text.into_owned();
    }
    let mut end = text.len().min(SNIPPET_LEN);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `{` or `[`.
    Open,
    /// `}` or `]`.
    Close,
    Colon,
    Comma,
    /// A string, quotes included; `closed` is false when the input ends inside it.
    Str {
        closed: bool,
    },
    /// Anything else between delimiters: a number, `true`, `null`, garbage, HTML.
    Word,
    Space,
}

#[derive(Clone, Copy)]
struct Token {
    kind: Kind,
    start: usize,
    end: usize,
}

/// Splits `s` into JSON tokens, accepting any bytes.
fn tokens(s: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let start = i;
        let kind = match s[i] {
            b'{' | b'[' => Kind::Open,
            b'}' | b']' => Kind::Close,
            b':' => Kind::Colon,
            b',' => Kind::Comma,
            b' ' | b'\t' | b'\r' | b'\n' => {
                while i + 1 < s.len() && s[i + 1].is_ascii_whitespace() {
                    i += 1;
                }
                Kind::Space
            }
            b'"' => {
                let mut closed = false;
                i += 1;
                while i < s.len() {
                    match s[i] {
                        b'\\' => i += 1,
                        b'"' => {
                            closed = true;
                            break;
                        }
                        _ => {}
                    }
                    i += 1;
                }
                Kind::Str { closed }
            }
            _ => {
                while i + 1 < s.len() && !is_delimiter(s[i + 1]) {
                    i += 1;
                }
                Kind::Word
            }
        };
        i = (i + 1).min(s.len());
        out.push(Token { kind, start, end: i });
    }
    out
}

fn is_delimiter(b: u8) -> bool {
    matches!(b, b'{' | b'[' | b'}' | b']' | b':' | b',' | b'"') || b.is_ascii_whitespace()
}

/// The index of the first token after `i` that is not whitespace.
fn next_solid(toks: &[Token], i: usize) -> Option<usize> {
    (i + 1..toks.len()).find(|&j| toks[j].kind != Kind::Space)
}

/// The member name a string token spells, when it is a key (a closed string followed by `:`).
fn key_at(s: &[u8], toks: &[Token], i: usize) -> Option<String> {
    let tok = toks[i];
    if tok.kind != (Kind::Str { closed: true }) || next_solid(toks, i).map(|j| toks[j].kind) != Some(Kind::Colon) {
        return None;
    }
    let raw = &s[tok.start..tok.end];
    // Escapes are decoded, so `st\u0061teToken` is `stateToken`.
    Some(serde_json::from_slice::<String>(raw).unwrap_or_else(|_| String::from_utf8_lossy(raw).into_owned()))
}

/// For each `{` token, whether its object may be a JWK: it has a `kty` member, or the input
/// ends before the object does (what follows the cut is unknown, so its private-key names are
/// masked to be safe).
fn jwk_objects(s: &[u8], toks: &[Token]) -> Vec<bool> {
    let mut jwk = vec![false; toks.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        match tok.kind {
            Kind::Open => open.push(i),
            Kind::Close => {
                open.pop();
            }
            Kind::Str { closed: true } => match open.last() {
                Some(&top) if s[toks[top].start] == b'{' && key_at(s, toks, i).as_deref() == Some("kty") => {
                    jwk[top] = true;
                }
                _ => {}
            },
            _ => {}
        }
    }
    for i in open {
        jwk[i] = s[toks[i].start] == b'{';
    }
    jwk
}

/// The index of the last token of the value that starts at token `i`.
fn value_end(toks: &[Token], i: usize) -> usize {
    if toks[i].kind != Kind::Open {
        return i;
    }
    let mut depth = 0usize;
    for (j, tok) in toks.iter().enumerate().skip(i) {
        match tok.kind {
            Kind::Open => depth += 1,
            Kind::Close => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    toks.len() - 1
}

/// `s` with the value of every secret member replaced by `"***"`, and `name=value` pairs with a
/// secret name (a URL's query, in a string or in an HTML page) masked the same way.
fn mask(s: &[u8]) -> Vec<u8> {
    let toks = tokens(s);
    let jwk = jwk_objects(s, &toks);
    let mut out = Vec::with_capacity(s.len());
    // For each open container: whether it is an object that may be a JWK.
    let mut open: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let tok = toks[i];
        match tok.kind {
            Kind::Open => open.push(jwk[i]),
            Kind::Close => {
                open.pop();
            }
            Kind::Space => {
                out.push(b' ');
                i += 1;
                continue;
            }
            Kind::Word | Kind::Str { .. } if key_at(s, &toks, i).is_none() => {
                mask_pairs(&s[tok.start..tok.end], &mut out);
                i += 1;
                continue;
            }
            _ => {}
        }
        out.extend_from_slice(&s[tok.start..tok.end]);
        let secret = key_at(s, &toks, i).is_some_and(|k| is_secret_member(&k, open.last() == Some(&true)));
        // A key is always followed by its colon.
        if let Some(colon) = next_solid(&toks, i).filter(|_| secret) {
            out.push(b':');
            match next_solid(&toks, colon) {
                Some(value) if !matches!(toks[value].kind, Kind::Close | Kind::Comma | Kind::Colon) => {
                    out.extend_from_slice(b"\"***\"");
                    i = value_end(&toks, value) + 1;
                }
                _ => i = colon + 1,
            }
            continue;
        }
        i += 1;
    }
    out
}

/// Copies `word`, masking the value of each `name=value` pair (split at `?`, `&`, `;`) whose
/// name is secret.
fn mask_pairs(word: &[u8], out: &mut Vec<u8>) {
    let mut start = 0;
    for end in 0..=word.len() {
        if end < word.len() && !matches!(word[end], b'?' | b'&' | b';') {
            continue;
        }
        let part = &word[start..end];
        match part.iter().position(|&b| b == b'=') {
            Some(eq) if is_secret_field(&String::from_utf8_lossy(&part[..eq])) => {
                out.extend_from_slice(&part[..=eq]);
                out.extend_from_slice(MASK.as_bytes());
            }
            _ => out.extend_from_slice(part),
        }
        if let Some(&separator) = word.get(end) {
            out.push(separator);
        }
        start = end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Every secret of `body` is gone from its snippet and from its `Debug`, the rest is kept.
    #[track_caller]
    fn hides(body: &str, secrets: &[&str], kept: &[&str]) {
        let shown = snippet(body.as_bytes());
        let debug = serde_json::from_str::<Value>(body)
            .map(|v| format!("{:?}", Redacted(&v)))
            .unwrap_or_default();
        for secret in secrets {
            assert!(!shown.contains(secret), "snippet shows {secret}: {shown}");
            assert!(!debug.contains(secret), "Debug shows {secret}: {debug}");
        }
        for keep in kept {
            assert!(shown.contains(keep), "snippet lost {keep}: {shown}");
        }
    }

    #[test]
    fn the_secret_names_okta_uses() {
        for name in [
            "client_assertion",
            "access_token",
            "id_token",
            "refresh_token",
            "assertion",
            "DPoP",
            "dpop_proof",
            "privateKey",
            "private_key",
            "passCode",
            "nextPassCode",
            "answer",
            "password",
            "tempPassword",
            "secret",
            "secretKey",
            "client_secret",
            "sharedSecret",
            "token",
            "tokenValue",
            "activationToken",
            "recoveryToken",
            "sessionToken",
            "stateToken",
            "activationUrl",
            "resetPasswordUrl",
            "hash",
            "salt",
            "apiKey",
        ] {
            assert!(is_secret_field(name), "{name}");
        }
        for name in ["login", "status", "id", "d", "q", "value", "email", "kid", "n", "e"] {
            assert!(!is_secret_field(name), "{name}");
        }
    }

    #[test]
    fn masking_misses_none_of_the_reported_cases() {
        hides(
            r#"{"status":"SUCCESS","sessionToken":"s3ss","_embedded":{"user":{"password":{"value":"pw1"}}}}"#,
            &["s3ss", "pw1"],
            &["SUCCESS"],
        );
        hides(
            r#"{"activationUrl":"https://dev-1.okta.com/welcome/XE6wE17zmphl3KqAPFxO","activationToken":"XE6wE17z"}"#,
            &["XE6wE17z"],
            &["activationUrl"],
        );
        hides(
            r#"{"answers":["first","second"],"tokens":[{"id":"x"},"raw-tok"],"sessionToken":["arr-tok"]}"#,
            &["first", "second", "raw-tok", "arr-tok"],
            &["answers"],
        );
        hides(
            r#"{"name":"aws","settings":{"app":{"accessKey":"AKIAX","secretKey":"wJalrXUt","apiToken":"at1"}}}"#,
            &["wJalrXUt", "at1"],
            &["AKIAX"],
        );
        hides(
            r#"{"credentials":{"password":{"hash":{"algorithm":"BCRYPT","workFactor":10,"salt":"rwh3vH166HCH","value":"4tVs/5s"}}}}"#,
            &["rwh3vH166HCH", "4tVs/5s"],
            &["credentials"],
        );
        hides(
            r#"{"hash":{"algorithm":"SHA-256","salt":"c2FsdA==","value":"aGFzaA=="}}"#,
            &["c2FsdA==", "aGFzaA=="],
            &[],
        );
        hides(
            r#"{"client_assertion":"eyJhb.x.y","DPoP":"eyJ0.a.b","access_token":"at","refresh_token":"rt","id_token":"it"}"#,
            &["eyJhb", "eyJ0", "\"at\"", "\"rt\"", "\"it\""],
            &["client_assertion"],
        );
        hides(
            r#"{"passCode":123456,"nextPassCode":654321}"#,
            &["123456", "654321"],
            &["passCode"],
        );
        // An escape does not hide a name from the rule.
        hides(r#"{"st\u0061teToken":"esc4ped"}"#, &["esc4ped"], &[]);
    }

    #[test]
    fn jwk_private_members_are_hidden_only_in_jwks() {
        hides(
            r#"{"keys":[{"kty":"RSA","kid":"k1","n":"PUBN","e":"AQAB","d":"PRIVD","p":"PRIVP","q":"PRIVQ","dp":"PDP","dq":"PDQ","qi":"PQI"}]}"#,
            &["PRIVD", "PRIVP", "PRIVQ", "PDP", "PDQ", "PQI"],
            &["PUBN", "AQAB", "k1"],
        );
        // `kty` after the private part still makes it a JWK.
        hides(r#"{"d":"PRIVD","kty":"EC","crv":"P-256"}"#, &["PRIVD"], &["P-256"]);
        hides(r#"{"kty":"oct","k":"SYMK"}"#, &["SYMK"], &["oct"]);
        // Elsewhere a one-letter name is data.
        hides(
            r#"{"d":"2024-01-01","q":"search","p":1}"#,
            &[],
            &["2024-01-01", "search"],
        );
    }

    #[test]
    fn invalid_truncated_and_trailing_json_is_masked_too() {
        let authn = r#"{"status":"MFA_REQUIRED","stateToken":"007ucIX7PATyn94h","sessionToken":"20111tok", "x": }"#;
        hides(authn, &["007ucIX7PATyn94h", "20111tok"], &["MFA_REQUIRED"]);
        // Cut inside the secret itself.
        hides(
            r#"{"status":"MFA_REQUIRED","stateToken":"007ucIX7PA"#,
            &["007uc"],
            &["MFA_REQUIRED"],
        );
        // Cut inside a secret object.
        hides(r#"{"password":{"value":"pw-cut"#, &["pw-cut"], &[]);
        hides(
            r#"{"sessionToken":"one"}{"sessionToken":"two"} trailing"#,
            &["one", "two"],
            &["trailing"],
        );
        // A JWK cut before its `kty` could be one: its private names are hidden.
        hides(r#"{"d":"PRIVD","n":"x"#, &["PRIVD"], &[]);
        // JSON in an HTML page, and a token in a URL's query.
        hides(
            "<html><script>var t = {\"stateToken\": \"h7ml\"};</script> <a href=\"/login?fromURI=x&stateToken=q7ery;p=1\">",
            &["h7ml", "q7ery"],
            &["<html>", "fromURI=x"],
        );
    }

    #[test]
    fn snippets_read_a_bounded_prefix_and_say_when_they_cut() {
        let short = snippet(br#"{"id": "00u1",   "status":  "ACTIVE"}"#);
        assert_eq!(short, r#"{"id": "00u1", "status": "ACTIVE"}"#);

        // A 50 MB body: what follows the scanned prefix never changes the snippet, so it is not read.
        let mut big = format!(r#"{{"id":"00u1","padding":"{}"#, "x".repeat(50 * 1024 * 1024)).into_bytes();
        let first = snippet(&big);
        let tail = big.len() - 1;
        big[SCAN_LEN..tail].fill(b'y');
        assert_eq!(snippet(&big), first);
        assert!(first.starts_with(r#"{"id":"00u1""#) && first.ends_with('…'), "{first}");
        assert!(first.len() <= SNIPPET_LEN + '…'.len_utf8());

        // Not cut in the middle of a character.
        let wide = "é".repeat(SNIPPET_LEN);
        assert!(snippet(wide.as_bytes()).chars().all(|c| c == 'é' || c == '…'));
    }

    #[test]
    fn redacted_debug_keeps_shape_and_null() {
        let value = json!({"login": "a@example.com", "password": null, "list": [{"answer": "blue"}]});
        let shown = format!("{:?}", Redacted(&value));
        assert!(
            shown.contains("a@example.com") && shown.contains("Null") && !shown.contains("blue"),
            "{shown}"
        );
        assert_eq!(format!("{:?}", Redacted(&None::<Map<String, Value>>)), "None");
    }
}
