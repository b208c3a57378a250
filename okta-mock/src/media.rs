//! Media types: which bodies are JSON or a form, and which of an operation's media types a
//! request's `Accept` prefers.

/// The media type of every answer but a few of the spec's examples.
pub(crate) const JSON: &str = "application/json";

/// `type/subtype` of a `Content-Type` or media range, lower-cased, without its parameters.
fn essence(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// Whether a body of this media type is JSON: `application/json` or a `+json` type
/// (`application/merge-patch+json`); a signed event token (`application/secevent+jwt`) is not.
pub(crate) fn is_json(content_type: &str) -> bool {
    let essence = essence(content_type);
    essence == JSON || essence.ends_with("+json")
}

/// Whether a body of this media type is an HTML form (`application/x-www-form-urlencoded`).
pub(crate) fn is_form(content_type: &str) -> bool {
    essence(content_type) == "application/x-www-form-urlencoded"
}

/// Which of `offered` (in the server's order of preference) an `Accept` header prefers: the one
/// it gives the highest quality, the earlier offered on a tie. Without `Accept`, or when it
/// accepts none of them, the first: the answer is then not negotiated, as HTTP allows (RFC 9110
/// §12.5.1), rather than refused.
pub(crate) fn preferred<'a, T>(
    accept: Option<&str>,
    offered: &'a [T],
    media_type: impl Fn(&T) -> &str,
) -> Option<&'a T> {
    let Some(accept) = accept else {
        return offered.first();
    };
    let mut best: Option<(&T, f32)> = None;
    for candidate in offered {
        let q = quality(accept, &essence(media_type(candidate)));
        if q > best.map_or(0.0, |(_, q)| q) {
            best = Some((candidate, q));
        }
    }
    best.map(|(candidate, _)| candidate).or_else(|| offered.first())
}

/// The quality `accept` gives a media type: that of its most specific range that matches it
/// (`text/xml` over `text/*` over `*/*`), 0 when none does.
fn quality(accept: &str, media_type: &str) -> f32 {
    let (kind, _) = media_type.split_once('/').unwrap_or((media_type, ""));
    let mut best: Option<(u8, f32)> = None;
    for range in accept.split(',') {
        let mut parts = range.split(';');
        let name = essence(parts.next().unwrap_or_default());
        let specificity = if name == media_type {
            2
        } else if name.strip_suffix("/*") == Some(kind) {
            1
        } else if name == "*/*" {
            0
        } else {
            continue;
        };
        let q = parts
            .filter_map(|param| param.split_once('='))
            .find(|(key, _)| key.trim().eq_ignore_ascii_case("q"))
            .and_then(|(_, q)| q.trim().parse::<f32>().ok())
            .filter(|q| q.is_finite())
            .map_or(1.0, |q| q.clamp(0.0, 1.0));
        if best.is_none_or(|(s, _)| specificity > s) {
            best = Some((specificity, q));
        }
    }
    best.map_or(0.0, |(_, q)| q)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSR: &[&str] = &[JSON, "application/pkcs10"];

    fn pick(accept: Option<&str>) -> &'static str {
        preferred(accept, CSR, |m| m).copied().unwrap_or_default()
    }

    #[test]
    fn json_and_form_bodies() {
        assert!(is_json("application/json; charset=UTF-8"));
        assert!(is_json("Application/Merge-Patch+JSON"));
        assert!(!is_json("application/secevent+jwt"));
        assert!(!is_json("application/x-pem-file"));
        assert!(is_form("application/x-www-form-urlencoded;charset=utf-8"));
        assert!(!is_form(JSON));
    }

    #[test]
    fn accept_picks_the_highest_quality_and_else_the_first_offered() {
        assert_eq!(pick(None), JSON);
        assert_eq!(pick(Some("*/*")), JSON);
        assert_eq!(pick(Some("application/pkcs10")), "application/pkcs10");
        assert_eq!(
            pick(Some("application/json;q=0.5, application/pkcs10")),
            "application/pkcs10"
        );
        assert_eq!(pick(Some("application/*;q=0.2, application/json;q=0.9")), JSON);
        // The most specific range decides: `application/json;q=0` refuses JSON despite `*/*`.
        assert_eq!(pick(Some("*/*, application/json;q=0")), "application/pkcs10");
        // Nothing acceptable, or nonsense: the default, not a refusal.
        assert_eq!(pick(Some("text/html")), JSON);
        assert_eq!(pick(Some(";;,q=,/")), JSON);
        assert_eq!(preferred(Some("*/*"), &[] as &[&str], |m| m), None);
    }
}
