//! Rust field names to Okta wire names: `include_non_deleted` → `includeNonDeleted`.

pub(crate) fn camel_case(snake: &str) -> String {
    let snake = snake.strip_prefix("r#").unwrap_or(snake);
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' && !out.is_empty() {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn camel() {
        assert_eq!(super::camel_case("include_non_deleted"), "includeNonDeleted");
        assert_eq!(super::camel_case("user_id"), "userId");
        assert_eq!(super::camel_case("q"), "q");
        assert_eq!(super::camel_case("r#type"), "type");
    }
}
