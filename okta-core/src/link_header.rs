//! `Link` headers (RFC 8288): `<url>; rel="next"`, as separate header lines or one comma-joined
//! line, with quoted parameter values that may hold `;`, `,`, `<` or escaped quotes.

use reqwest::header::HeaderMap;

/// The target of the first link whose `rel` includes `rel`, across every `Link` header line.
pub(crate) fn find_rel(headers: &HeaderMap, rel: &str) -> Option<String> {
    headers
        .get_all(reqwest::header::LINK)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(parse)
        .find(|link| link.has_rel(rel))
        .map(|link| link.target)
}

/// One link-value: the target as written and its `rel` parameter.
#[derive(Debug, Clone, PartialEq)]
struct Link {
    target: String,
    /// The first `rel` parameter's value (RFC 8288 §3.3: later ones are ignored).
    rel: Option<String>,
}

impl Link {
    /// Whether `rel`, one of the space-separated relation types, names `wanted` (case-insensitively).
    fn has_rel(&self, wanted: &str) -> bool {
        self.rel
            .as_deref()
            .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case(wanted)))
    }
}

/// Parses one header value: `#link-value`, where
/// `link-value = "<" URI-Reference ">" *( OWS ";" OWS link-param )` and
/// `link-param = token BWS [ "=" BWS ( token / quoted-string ) ]`.
///
/// A link-value that does not follow the grammar is skipped whole, up to the next comma outside
/// `<…>` and quotes, so a malformed link can never lend its parameters to another.
fn parse(value: &str) -> Vec<Link> {
    let mut p = Parser { s: value, i: 0 };
    let mut links = Vec::new();
    loop {
        while matches!(p.peek(), Some(b' ' | b'\t' | b',')) {
            p.i += 1;
        }
        if p.peek().is_none() {
            return links;
        }
        match p.link_value() {
            Some(link) => links.push(link),
            None => p.skip_link_value(),
        }
    }
}

/// A position in the header value. It only ever stops on ASCII bytes, or after the last one,
/// so every slice it takes is on a character boundary.
struct Parser<'a> {
    s: &'a str,
    i: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.i).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        if found {
            self.i += 1;
        }
        found
    }

    fn skip_ows(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.i += 1;
        }
    }

    fn link_value(&mut self) -> Option<Link> {
        if !self.eat(b'<') {
            return None;
        }
        let len = self.s[self.i..].find('>')?;
        let target = self.s[self.i..self.i + len].trim().to_owned();
        self.i += len + 1;
        let mut rel = None;
        loop {
            self.skip_ows();
            match self.peek() {
                None | Some(b',') => return Some(Link { target, rel }),
                Some(b';') => {
                    self.i += 1;
                    self.skip_ows();
                    // `<a>;; rel=next` and a trailing `;`: an empty parameter, tolerated.
                    if matches!(self.peek(), None | Some(b';' | b',')) {
                        continue;
                    }
                    let (name, value) = self.link_param()?;
                    if rel.is_none() && name.eq_ignore_ascii_case("rel") {
                        rel = Some(value.unwrap_or_default());
                    }
                }
                Some(_) => return None,
            }
        }
    }

    fn link_param(&mut self) -> Option<(&'a str, Option<String>)> {
        let name = self.token()?;
        self.skip_ows();
        if !self.eat(b'=') {
            return Some((name, None));
        }
        self.skip_ows();
        let value = if self.peek() == Some(b'"') {
            self.quoted_string()?
        } else {
            self.token()?.to_owned()
        };
        Some((name, Some(value)))
    }

    /// RFC 9110 `token`: one or more tchars.
    fn token(&mut self) -> Option<&'a str> {
        let start = self.i;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
        {
            self.i += 1;
        }
        (self.i > start).then(|| &self.s[start..self.i])
    }

    /// RFC 9110 `quoted-string`, unescaped; `None` when it is not closed.
    fn quoted_string(&mut self) -> Option<String> {
        let start = self.i + 1;
        let mut out = String::new();
        let mut chars = self.s[start..].char_indices();
        while let Some((at, c)) = chars.next() {
            match c {
                '"' => {
                    self.i = start + at + 1;
                    return Some(out);
                }
                '\\' => match chars.next() {
                    Some((_, escaped)) => out.push(escaped),
                    None => break,
                },
                c => out.push(c),
            }
        }
        self.i = self.s.len();
        None
    }

    /// Moves past a malformed link-value: to the next comma outside `<…>` and quotes.
    fn skip_link_value(&mut self) {
        let (mut in_quotes, mut in_target) = (false, false);
        while let Some(b) = self.peek() {
            match b {
                // An escaped byte inside quotes, whatever it is.
                b'\\' if in_quotes => self.i += 1,
                b'"' if !in_target => in_quotes = !in_quotes,
                b'<' if !in_quotes => in_target = true,
                b'>' if !in_quotes => in_target = false,
                b',' if !in_quotes && !in_target => return,
                _ => {}
            }
            self.i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append(reqwest::header::LINK, HeaderValue::from_str(v).expect("valid header"));
        }
        h
    }

    fn next(values: &[&str]) -> Option<String> {
        find_rel(&headers(values), "next")
    }

    #[test]
    fn separate_lines_either_order() {
        let self_ = r#"<https://o.okta.com/api/v1/users?limit=2>; rel="self""#;
        let next_ = r#"<https://o.okta.com/api/v1/users?after=00u2&limit=2>; rel="next""#;
        for h in [[self_, next_], [next_, self_]] {
            assert_eq!(
                next(&h).as_deref(),
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
        assert!(next(&[r#"<https://o.okta.com/x?after=1>; rel="next last""#]).is_some());
        assert!(next(&[r#"<https://o.okta.com/x?after=1>; rel="prev  NEXT""#]).is_some());
        assert!(next(&[r#"<https://o.okta.com/x>; rel="self""#]).is_none());
        assert!(next(&[r#"<https://o.okta.com/x>; rel="nextpage""#]).is_none());
        for garbage in ["garbage", "", ",,,", "<", "<https://o/x", ">; rel=next", "; rel=next"] {
            assert!(next(&[garbage]).is_none(), "{garbage}");
        }
    }

    #[test]
    fn separators_inside_quoted_strings_are_not_parameters() {
        // Issue: the old parser split on `;` inside quotes and followed this as a next link.
        assert_eq!(next(&[r#"<https://o/self>; title="x;rel=next"; rel="self""#]), None);
        assert_eq!(next(&[r#"<https://o/self>; title="x; rel=\"next\""; rel=self"#]), None);
        // A comma and a whole link inside quotes do not start another link.
        assert_eq!(
            next(&[r#"<https://o/a>; title="a, <https://evil/>; rel=next", <https://o/b>; rel="next""#]).as_deref(),
            Some("https://o/b")
        );
        assert_eq!(
            next(&[r#"<https://o/a>; title="say \"hi\"; rel=next"; rel=next"#]).as_deref(),
            Some("https://o/a")
        );
    }

    #[test]
    fn only_the_first_rel_counts_and_malformed_links_are_skipped_whole() {
        assert_eq!(next(&[r#"<https://o/a>; rel="self"; rel="next""#]), None);
        // Junk after a parameter: the link is dropped, not half-read; the next one still counts.
        assert_eq!(
            next(&[r#"<https://o/a>; rel="next" junk, <https://o/b>; rel=next"#]).as_deref(),
            Some("https://o/b")
        );
        assert_eq!(
            next(&[r#"<https://o/a>; rel=, <https://o/b>; rel=next"#]).as_deref(),
            Some("https://o/b")
        );
        assert_eq!(
            next(&[r#"<https://o/a>; title="unclosed, <https://o/b>; rel=next"#]),
            None
        );
        // Tolerated: spaces around `=`, empty parameters, ext-values, no space after `;`.
        assert_eq!(
            next(&[r#"<https://o/a> ;rel = "next";"#]).as_deref(),
            Some("https://o/a")
        );
        assert_eq!(
            next(&["<https://o/a>;; title*=UTF-8'de'n%c3%a4chstes;rel=next"]).as_deref(),
            Some("https://o/a")
        );
        assert_eq!(
            next(&[r#"<https://o/a>; anchor; rel="next""#]).as_deref(),
            Some("https://o/a")
        );
    }

    /// What a generated link-value should parse to, and how it was written.
    struct Generated {
        text: String,
        link: Link,
    }

    fn pick<'a>(rng: &mut fastrand::Rng, from: &[&'a str]) -> &'a str {
        from[rng.usize(..from.len())]
    }

    fn ows(rng: &mut fastrand::Rng) -> &'static str {
        pick(rng, &["", " ", "  ", "\t"])
    }

    /// A quoted-string whose content is made of the characters that trip naive parsers.
    fn quoted(rng: &mut fastrand::Rng) -> (String, String) {
        let (mut text, mut value) = ("\"".to_owned(), String::new());
        for _ in 0..rng.usize(0..12) {
            let piece = pick(
                rng,
                &[";", ",", "<", ">", "=", " ", "rel", "next", "\"", "\\", "ü", "a"],
            );
            if piece == "\"" || piece == "\\" {
                text.push('\\');
            }
            text.push_str(piece);
            value.push_str(piece);
        }
        text.push('"');
        (text, value)
    }

    fn generate(rng: &mut fastrand::Rng) -> Generated {
        let target = format!("https://o.okta.com/api/v1/x?after={}&q=a,b;c", rng.u32(..));
        let mut text = format!("<{target}>");
        let mut rel = None;
        for _ in 0..rng.usize(0..5) {
            let name = pick(rng, &["rel", "REL", "title", "type", "anchor", "title*"]);
            let (written, value) = if rng.bool() {
                quoted(rng)
            } else {
                let token = pick(rng, &["next", "self", "prev", "x-y", "UTF-8''a%20b"]).to_owned();
                (token.clone(), token)
            };
            text.push_str(&format!(
                "{};{}{name}{}={}{written}",
                ows(rng),
                ows(rng),
                ows(rng),
                ows(rng)
            ));
            if rel.is_none() && name.eq_ignore_ascii_case("rel") {
                rel = Some(value);
            }
        }
        Generated {
            text,
            link: Link { target, rel },
        }
    }

    #[test]
    fn generated_headers_parse_to_what_was_written() {
        let mut rng = fastrand::Rng::with_seed(8288);
        for _ in 0..3_000 {
            let generated: Vec<Generated> = (0..rng.usize(1..4)).map(|_| generate(&mut rng)).collect();
            let line = generated
                .iter()
                .map(|g| g.text.as_str())
                .collect::<Vec<_>>()
                .join(pick(&mut rng, &[",", ", ", " ,\t"]));
            let parsed = parse(&line);
            let expected: Vec<Link> = generated.into_iter().map(|g| g.link).collect();
            assert_eq!(parsed, expected, "{line}");
        }
    }

    #[test]
    fn random_input_never_panics_and_never_invents_a_target() {
        let alphabet: Vec<char> = "<>;,\"=\\ \trelnxt:/aü".chars().collect();
        let mut rng = fastrand::Rng::with_seed(11);
        for _ in 0..20_000 {
            let input: String = (0..rng.usize(0..40))
                .map(|_| alphabet[rng.usize(..alphabet.len())])
                .collect();
            for link in parse(&input) {
                assert!(input.contains(link.target.as_str()), "{input:?} gave {link:?}");
                if let Some(rel) = &link.rel {
                    assert!(rel.chars().all(|c| input.contains(c)), "{input:?} gave {link:?}");
                }
            }
        }
    }
}
