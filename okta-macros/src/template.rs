//! The path template `/api/v1/users/{userId}`, parsed once into literal and parameter parts.

pub(crate) enum Part {
    Literal(String),
    Param(String),
}

/// Parses a template; the error says what is wrong with it and how to mend it.
pub(crate) fn parse(template: &str) -> Result<Vec<Part>, String> {
    if !template.starts_with('/') {
        return Err(format!("the path must start with `/`: write \"/{template}\""));
    }
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut chars = template.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '{' => {
                let rest = &template[at + 1..];
                let Some(end) = rest.find(['}', '{']).filter(|&e| rest.as_bytes()[e] == b'}') else {
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    let name = if name.is_empty() { "name".to_owned() } else { name };
                    return Err(format!(
                        "unclosed `{{` in the path: close the parameter as `{{{name}}}`"
                    ));
                };
                let name = &rest[..end];
                if name.is_empty() {
                    return Err("empty `{}` in the path: name the parameter, e.g. `{userId}`".into());
                }
                if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    || name.starts_with(|c: char| c.is_ascii_digit())
                {
                    return Err(format!(
                        "`{{{name}}}` is not a parameter name: use letters, digits and `_`, e.g. `{{userId}}`"
                    ));
                }
                if !literal.is_empty() {
                    parts.push(Part::Literal(std::mem::take(&mut literal)));
                }
                parts.push(Part::Param(name.to_owned()));
                for _ in 0..=end {
                    chars.next();
                }
            }
            '}' => return Err(format!("`}}` at byte {at} of the path has no matching `{{`")),
            '?' | '#' => {
                return Err("the path cannot hold a query or fragment: declare query parameters as fields with #[endpoint(query)]".into());
            }
            c => literal.push(c),
        }
    }
    if !literal.is_empty() {
        parts.push(Part::Literal(literal));
    }
    Ok(parts)
}

pub(crate) fn params(parts: &[Part]) -> impl Iterator<Item = &str> {
    parts.iter().filter_map(|p| match p {
        Part::Param(name) => Some(name.as_str()),
        Part::Literal(_) => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        let parts = parse("/api/v1/users/{userId}/factors/{factorId}").expect("ok");
        assert_eq!(params(&parts).collect::<Vec<_>>(), ["userId", "factorId"]);
        assert_eq!(parts.len(), 4);
        for bad in [
            "api/v1",
            "/a/{userId",
            "/a/userId}",
            "/a/{}",
            "/a/{user id}",
            "/a/{{x}}",
            "/a?x=1",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
