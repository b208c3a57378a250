//! The JSON path at the place a decode error stopped (`profile.login`, `[3].status`), read from
//! the document's text.
//!
//! serde_json says where it stopped as a line and column; the path to that place follows from
//! the text before it. Finding it this way costs nothing until a decode fails, and compiles
//! once: tracking the path while decoding (what `serde_path_to_error` does) compiles every
//! model's decoder a second time, for its wrapping deserializer.

/// The path of the value `error` stopped in, decoding `json`: object members by name (`a.b`),
/// array elements by index (`a[2]`), `.` for the document itself. A member counts once its `:`
/// is read, so a value that failed after it was read (or as it began) is named by its member,
/// and an error between members (a repeated name) by the object. This is the path tracking the
/// decode finds, for JSON of the wrong shape; for broken JSON, the place where it broke.
pub(crate) fn of_error(json: &[u8], error: &serde_json::Error) -> String {
    let offset = offset_of(json, error.line(), error.column());
    // A syntax error is reported after the character that broke it, which may close a value.
    at(
        json,
        if error.is_syntax() {
            offset.saturating_sub(1)
        } else {
            offset
        },
    )
}

fn at(json: &[u8], offset: usize) -> String {
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < offset {
        match json[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                in_value: false,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, in_value }) => (*key, *in_value) = (None, false),
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { in_value, .. }) = stack.last_mut() {
                    *in_value = true;
                }
            }
            b'"' => {
                let end = string_end(json, i);
                if let Some(Frame::Object { key, in_value: false }) = stack.last_mut() {
                    *key = Some(unescape(&json[i..end.min(json.len())]));
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    render(&stack)
}

enum Frame {
    Object { key: Option<String>, in_value: bool },
    Array { index: usize },
}

/// The byte offset of serde_json's line and column, within `json`.
fn offset_of(json: &[u8], line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        json.iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(line - 2)
            .map_or(json.len(), |(at, _)| at + 1)
    };
    line_start.saturating_add(column).min(json.len())
}

/// The index after the string that starts at `start` (a `"`), or the end of the input.
fn string_end(json: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < json.len() {
        match json[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    json.len()
}

/// A member name as serde reads it (escapes resolved); the raw text if it does not parse.
fn unescape(quoted: &[u8]) -> String {
    serde_json::from_slice::<String>(quoted).unwrap_or_else(|_| {
        let inner = quoted.strip_prefix(b"\"").unwrap_or(quoted);
        String::from_utf8_lossy(inner.strip_suffix(b"\"").unwrap_or(inner)).into_owned()
    })
}

fn render(stack: &[Frame]) -> String {
    let mut path = String::new();
    for frame in stack {
        match frame {
            Frame::Object {
                key: Some(key),
                in_value: true,
            } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { .. } => break,
            Frame::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use serde::Deserialize;

    /// The path serde_json's error on `json` as `T` points at; for JSON of the wrong shape
    /// (not broken JSON), checked to be the one `serde_path_to_error` finds by tracking the
    /// decode.
    fn path_of<T: for<'de> Deserialize<'de> + std::fmt::Debug>(json: &str) -> String {
        let error = serde_json::from_str::<T>(json).expect_err("does not decode");
        let path = super::of_error(json.as_bytes(), &error);
        if error.is_data() {
            let tracked = serde_path_to_error::deserialize::<_, T>(&mut serde_json::Deserializer::from_str(json))
                .expect_err("does not decode");
            assert_eq!(path, tracked.path().to_string(), "{json}");
            assert_eq!(error.to_string(), tracked.into_inner().to_string());
        }
        path
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct User {
        id: Option<String>,
        profile: Option<Profile>,
        #[serde(rename = "groupIds")]
        group_ids: Option<Vec<String>>,
        attributes: Option<std::collections::BTreeMap<String, String>>,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Profile {
        login: Option<String>,
        #[serde(rename = "né")]
        accent: Option<u8>,
    }

    #[test]
    fn names_the_member_or_element_that_failed() {
        assert_eq!(path_of::<User>(r#"{"id": 5}"#), "id");
        assert_eq!(
            path_of::<User>(r#"{"id": "a", "profile": {"login": 7}}"#),
            "profile.login"
        );
        assert_eq!(path_of::<User>(r#"{"attributes": [1, 2]}"#), "attributes");
        assert_eq!(path_of::<User>(r#"{"attributes": {"a": "b", "c": 3}}"#), "attributes.c");
        assert_eq!(path_of::<User>(r#"{"profile": "text"}"#), "profile");
        assert_eq!(path_of::<User>(r#"{"groupIds": ["a", "b", false]}"#), "groupIds[2]");
        assert_eq!(
            path_of::<Vec<User>>(r#"[{"id": "a"}, {"id": "b"}, {"id": {}}]"#),
            "[2].id"
        );
        assert_eq!(path_of::<User>("[]"), ".");
        assert_eq!(path_of::<Vec<User>>("{}"), ".");
    }

    #[test]
    fn reads_escapes_strings_and_lines() {
        // Braces, commas and colons inside strings are text; escaped names are unescaped.
        let json = "{\"id\": \"a,}{:\\\"\",\n  \"profile\": {\"n\\u00e9\": \"x\"}}";
        assert_eq!(path_of::<User>(json), "profile.né");
        let json = "{\n\"id\": \"a\",\n\"profile\": {\n  \"login\": \"ada\",\n  \"né\": -1\n}\n}";
        assert_eq!(path_of::<User>(json), "profile.né");
    }

    #[test]
    fn an_error_between_members_is_the_objects() {
        let json = r#"{"profile": {"login": "a", "login": "b"}}"#;
        let error = serde_json::from_str::<User>(json).unwrap_err();
        assert!(error.to_string().starts_with("duplicate field `login`"), "{error}");
        assert_eq!(path_of::<User>(json), "profile");
        // A document cut short, or broken: where it stopped.
        assert_eq!(path_of::<User>(r#"{"profile": {"login": "a", "#), "profile");
        assert_eq!(path_of::<User>(r#"{"groupIds": ["a", "#), "groupIds[1]");
        assert_eq!(path_of::<User>(r#"{"profile": {"login" "a"}}"#), "profile");
        assert_eq!(path_of::<User>(r#"{"profile": {"login": tru}}"#), "profile.login");
    }
}
