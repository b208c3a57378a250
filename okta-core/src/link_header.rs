//! `Link: <url>; rel="next"` (RFC 8288), as separate header lines or one comma-joined line.

use reqwest::header::HeaderMap;

/// The target of the first link whose `rel` includes `rel`, across every `Link` header line.
pub(crate) fn find_rel(headers: &HeaderMap, rel: &str) -> Option<String> {
    headers
        .get_all(reqwest::header::LINK)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(parse)
        .find(|link| link.rels.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case(rel)))
        .map(|link| link.target)
}

#[derive(Debug, PartialEq)]
struct Link {
    target: String,
    rels: String,
}

/// Parses one header value, which may hold several comma-separated links. Commas inside `<…>`
/// and inside quoted parameter values do not split links. Malformed parts are skipped.
fn parse(value: &str) -> Vec<Link> {
    let mut links = Vec::new();
    let mut rest = value;
    while let Some(start) = rest.find('<') {
        let Some(end) = rest[start..].find('>') else { break };
        let target = rest[start + 1..start + end].trim().to_owned();
        rest = &rest[start + end + 1..];
        // Parameters run until a comma outside quotes.
        let mut in_quotes = false;
        let params_end = rest
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    in_quotes = !in_quotes;
                }
                c == ',' && !in_quotes
            })
            .map_or(rest.len(), |(i, _)| i);
        let params = &rest[..params_end];
        rest = &rest[params_end..];
        let rels = params
            .split(';')
            .filter_map(|p| p.split_once('='))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case("rel"))
            .map(|(_, v)| v.trim().trim_matches('"').to_owned())
            .unwrap_or_default();
        links.push(Link { target, rels });
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(values: &[&'static str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append(reqwest::header::LINK, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn separate_lines_either_order() {
        let self_ = r#"<https://o.okta.com/api/v1/users?limit=2>; rel="self""#;
        let next = r#"<https://o.okta.com/api/v1/users?after=00u2&limit=2>; rel="next""#;
        for h in [headers(&[self_, next]), headers(&[next, self_])] {
            assert_eq!(
                find_rel(&h, "next").as_deref(),
                Some("https://o.okta.com/api/v1/users?after=00u2&limit=2")
            );
        }
    }

    #[test]
    fn one_comma_joined_line_with_commas_inside() {
        let h = headers(&[
            r#"<https://o.okta.com/x?filter=a,b>; rel="self", <https://o.okta.com/x?after=c,d>; title="x, y"; rel=next"#,
        ]);
        assert_eq!(find_rel(&h, "next").as_deref(), Some("https://o.okta.com/x?after=c,d"));
        assert_eq!(find_rel(&h, "self").as_deref(), Some("https://o.okta.com/x?filter=a,b"));
    }

    #[test]
    fn multi_valued_rel_and_absence() {
        let h = headers(&[r#"<https://o.okta.com/x?after=1>; rel="next last""#]);
        assert!(find_rel(&h, "next").is_some());
        assert!(find_rel(&headers(&[r#"<https://o.okta.com/x>; rel="self""#]), "next").is_none());
        assert!(find_rel(&headers(&["garbage"]), "next").is_none());
    }
}
