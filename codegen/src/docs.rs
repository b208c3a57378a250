//! The spec's prose as rustdoc that builds without warnings and runs no doctest.

/// Okta's docs site: the spec's links are relative to it.
const DOCS_SITE: &str = "https://developer.okta.com";

/// The first paragraph of `text`, on one line, safe inside `///`.
pub fn paragraph(text: &str) -> String {
    let first = text
        .split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty() && !p.starts_with("```") && !p.starts_with('|') && !p.starts_with('>'))
        .unwrap_or("");
    let joined = first.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    escape(&links(&joined))
}

/// `[text](/docs/x)` → `[text](https://developer.okta.com/docs/x)`; other links stay.
fn links(text: &str) -> String {
    text.replace("](/", &format!("]({DOCS_SITE}/"))
}

/// Escapes what rustdoc would read as HTML or as an intra-doc link, keeping `[text](url)` links.
fn escape(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '[' => match link_end(&chars, i) {
                Some(end) => {
                    let link: String = chars[i..end].iter().collect();
                    out.push_str(&link);
                    i = end;
                    continue;
                }
                None => out.push_str("\\["),
            },
            ']' => out.push_str("\\]"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '`' => out.push('`'),
            '\\' => out.push_str("\\\\"),
            '*' if chars.get(i + 1) != Some(&'*') && chars.get(i.wrapping_sub(1)) != Some(&'*') => out.push_str("\\*"),
            c => out.push(c),
        }
        i += 1;
    }
    // An odd number of backticks would run a code span to the end of the docs.
    if out.matches('`').count() % 2 == 1 {
        out = out.replace('`', "'");
    }
    out
}

/// Where `[text](http…)` starting at `start` ends, if it is a link with an absolute URL.
fn link_end(chars: &[char], start: usize) -> Option<usize> {
    let close = start + chars[start..].iter().position(|&c| c == ']')?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = close + 1 + chars[close + 1..].iter().position(|&c| c == ')')?;
    let url: String = chars[close + 2..end].iter().collect();
    let text: String = chars[start + 1..close].iter().collect();
    (url.starts_with("http") && !url.contains(' ') && !text.contains('[')).then_some(end + 1)
}

/// [`paragraph`], ending with a full stop.
pub fn sentence(text: &str) -> String {
    let mut out = paragraph(text);
    if !out.is_empty() && !out.ends_with(['.', '!', '?', ':', ')']) {
        out.push('.');
    }
    out
}

/// One `///` line per line of `text` (an empty line stays an empty `///`).
pub fn lines(text: &str, indent: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if line.is_empty() {
            out.push_str(&format!("{indent}///\n"));
        } else {
            out.push_str(&format!("{indent}/// {line}\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_paragraph_only_one_line() {
        assert_eq!(
            paragraph("Lists all\n  claims.\n\n```json\n{}\n```"),
            "Lists all claims."
        );
        assert_eq!(paragraph(""), "");
    }

    #[test]
    fn relative_links_become_absolute() {
        assert_eq!(
            paragraph("See [Claims](/docs/concepts/claims)."),
            "See [Claims](https://developer.okta.com/docs/concepts/claims)."
        );
    }

    #[test]
    fn html_and_brackets_are_escaped() {
        assert_eq!(paragraph("a <b> [c] d"), "a &lt;b&gt; \\[c\\] d");
        assert_eq!(paragraph("odd ` tick"), "odd ' tick");
        assert_eq!(paragraph("x*y **bold**"), "x\\*y **bold**");
    }
}
