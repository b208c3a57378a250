//! Build: how path, query and header parameter values become bytes on the wire.

use std::borrow::Cow;
use std::fmt::Display;

use crate::body::{Body, RawBody};
use crate::error::Error;
use crate::headers::{Headers, header_name};
use crate::multipart::{FormPart, Multipart};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Everything but RFC 3986's unreserved characters is encoded, so a value can never add a path
/// segment, start a query or a fragment, or split a query pair.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// A comma-joined list's value: its commas are the separators OpenAPI's `explode: false` asks for.
const LIST: &AsciiSet = &COMPONENT.remove(b',');

/// Percent-encodes one path segment or query component.
pub(crate) fn encode_component(value: &str) -> Cow<'_, str> {
    utf8_percent_encode(value, COMPONENT).into()
}

/// The query parameters of a request, in the order they were added.
///
/// ```
/// use okta_core::Query;
/// let mut q = Query::default();
/// q.push("filter", r#"status eq "ACTIVE""#);
/// assert_eq!(q.to_string(), "filter=status%20eq%20%22ACTIVE%22");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pairs: Vec<Pair>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Pair {
    name: Cow<'static, str>,
    value: String,
    /// A comma-joined list: its commas separate values and go on the wire as they are.
    joined: bool,
}

impl Query {
    /// Adds one `name=value` pair.
    pub fn push(&mut self, name: impl Into<Cow<'static, str>>, value: impl Into<String>) {
        self.pairs.push(Pair {
            name: name.into(),
            value: value.into(),
            joined: false,
        });
    }

    /// Adds every value of a parameter that is set (none for `None`, one pair per element of a
    /// list: `k=a&k=b`, OpenAPI's `form` style with `explode: true`).
    pub fn push_param<V: ParamValue + ?Sized>(&mut self, name: &'static str, value: &V) {
        value.for_each_value(&mut |v| self.push(name, v));
    }

    /// Adds a parameter that is set as one pair, a list's values joined by commas (`k=a,b`,
    /// OpenAPI's `form` style with `explode: false`, declared `#[endpoint(query, explode = false)]`).
    ///
    /// ```
    /// let mut q = okta_core::Query::default();
    /// q.push_joined("expand", &vec!["user", "group"]);
    /// q.push_joined("limit", &None::<u32>);
    /// assert_eq!(q.to_string(), "expand=user,group");
    /// ```
    pub fn push_joined<V: ParamValue + ?Sized>(&mut self, name: &'static str, value: &V) {
        let mut joined: Option<String> = None;
        value.for_each_value(&mut |v| match &mut joined {
            Some(list) => {
                list.push(',');
                list.push_str(&v);
            }
            None => joined = Some(v.into_owned()),
        });
        if let Some(value) = joined {
            self.pairs.push(Pair {
                name: Cow::Borrowed(name),
                value,
                joined: true,
            });
        }
    }

    /// Whether no parameter is set.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The pairs, in order, not encoded.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|p| (p.name.as_ref(), p.value.as_str()))
    }
}

impl std::fmt::Display for Query {
    /// The encoded query string, without the leading `?`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, pair) in self.pairs.iter().enumerate() {
            if i > 0 {
                f.write_str("&")?;
            }
            let value = if pair.joined {
                utf8_percent_encode(&pair.value, LIST).into()
            } else {
                encode_component(&pair.value)
            };
            write!(f, "{}={value}", encode_component(&pair.name))?;
        }
        Ok(())
    }
}

/// A value that can fill a query or header parameter: strings, booleans, integers, `Option`s of
/// them (unset when `None`) and `Vec`s of them (one pair per element).
///
/// Implement it for your own enums to use them as parameters of your own endpoints.
///
/// ```
/// use std::borrow::Cow;
/// use okta_core::ParamValue;
///
/// enum SortOrder { Ascending, Descending }
/// impl ParamValue for SortOrder {
///     fn for_each_value(&self, f: &mut dyn FnMut(Cow<'_, str>)) {
///         f(Cow::Borrowed(match self { SortOrder::Ascending => "ASCENDING", SortOrder::Descending => "DESCENDING" }))
///     }
/// }
/// ```
pub trait ParamValue {
    /// Calls `f` once per wire value.
    fn for_each_value(&self, f: &mut dyn FnMut(Cow<'_, str>));
}

impl ParamValue for str {
    fn for_each_value(&self, f: &mut dyn FnMut(Cow<'_, str>)) {
        f(Cow::Borrowed(self))
    }
}

impl ParamValue for String {
    fn for_each_value(&self, f: &mut dyn FnMut(Cow<'_, str>)) {
        f(Cow::Borrowed(self))
    }
}

impl<T: ParamValue + ?Sized> ParamValue for &T {
    fn for_each_value(&self, f: &mut dyn FnMut(Cow<'_, str>)) {
        (**self).for_each_value(f)
    }
}

impl<T: ParamValue> ParamValue for Option<T> {
    fn for_each_value(&self, f: &mut dyn FnMut(Cow<'_, str>)) {
        if let Some(v) = self {
            v.for_each_value(f)
        }
    }
}

impl<T: ParamValue> ParamValue for Vec<T> {
    fn for_each_value(&self, f: &mut dyn FnMut(Cow<'_, str>)) {
        self.iter().for_each(|v| v.for_each_value(f))
    }
}

macro_rules! display_param {
    ($($t:ty),*) => {$(
        impl ParamValue for $t {
            fn for_each_value(&self, f: &mut dyn FnMut(Cow<'_, str>)) {
                f(Cow::Owned(self.to_string()))
            }
        }
    )*};
}
display_param!(bool, i8, i16, i32, i64, u8, u16, u32, u64, usize, isize);

/// Appends one percent-encoded path segment; an empty value is refused before anything is sent.
pub fn push_path_segment(path: &mut String, name: &'static str, value: &(impl Display + ?Sized)) -> Result<(), Error> {
    let value = value.to_string();
    match value.as_str() {
        "" => Err(Error::InvalidRequest(format!("path parameter `{name}` is empty"))),
        // URL normalisation resolves dot segments, even percent-encoded ones (`/users/%2E%2E` is
        // `/`), so they would reach another endpoint. No Okta id is a dot segment.
        "." | ".." => Err(Error::InvalidRequest(format!(
            "path parameter `{name}` cannot be `{value}`"
        ))),
        v => {
            path.push_str(&encode_component(v));
            Ok(())
        }
    }
}

/// Appends every value of a header parameter that is set; a value that is not valid in an HTTP
/// header (a newline, say) is refused, naming the header but not echoing the value.
pub fn push_header<V: ParamValue + ?Sized>(headers: &mut Headers, name: &'static str, value: &V) -> Result<(), Error> {
    let header = header_name(name)?;
    let mut result = Ok(());
    value.for_each_value(&mut |v| {
        if let Err(e) = headers.append_value(&header, name, &v) {
            result = Err(e);
        }
    });
    result
}

/// Serializes a JSON body.
pub fn json_body<T: serde::Serialize + ?Sized>(body: &T) -> Result<Body, Error> {
    Body::json(body)
}

/// A body sent as it is (`#[endpoint(body, raw)]`): a certificate, a signed token, any bytes.
pub fn raw_body<T: RawBody + ?Sized>(body: &T) -> Result<Body, Error> {
    Ok(body.to_body())
}

/// Adds an `#[endpoint(part)]` field to the form.
pub fn push_part<V: FormPart + ?Sized>(form: &mut Multipart, name: &'static str, value: &V) {
    value.add_to(form, name);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_path_segments_stay_one_segment() {
        for (value, encoded) in [
            ("a/b?c#d", "a%2Fb%3Fc%23d"),
            ("...", "..."),
            ("x y%z", "x%20y%25z"),
            ("00u1.abc-_~", "00u1.abc-_~"),
            ("ü", "%C3%BC"),
        ] {
            let mut path = String::new();
            push_path_segment(&mut path, "userId", value).expect("accepted");
            assert_eq!(path, encoded, "{value}");
        }
        for (bad, says) in [
            ("", "`userId` is empty"),
            ("..", "cannot be `..`"),
            (".", "cannot be `.`"),
        ] {
            let err = push_path_segment(&mut String::new(), "userId", bad).expect_err("refused");
            assert!(err.to_string().contains(says), "{err}");
        }
    }

    #[test]
    fn query_values() {
        let mut q = Query::default();
        q.push_param("limit", &Some(50u32));
        q.push_param("after", &None::<String>);
        q.push_param("activate", &false);
        q.push_param("x", &vec!["a&b".to_owned(), "c=d".to_owned()]);
        assert_eq!(q.to_string(), "limit=50&activate=false&x=a%26b&x=c%3Dd");
        assert_eq!(
            q.pairs().collect::<Vec<_>>(),
            [("limit", "50"), ("activate", "false"), ("x", "a&b"), ("x", "c=d")]
        );
    }

    #[test]
    fn joined_lists_keep_their_commas_and_encode_the_rest() {
        let mut q = Query::default();
        q.push_joined("expand", &vec!["user".to_owned(), "a&b c".to_owned()]);
        q.push_joined("empty", &Vec::<String>::new());
        q.push_joined("unset", &None::<Vec<String>>);
        q.push_joined("one", &Some(vec![7u8]));
        assert_eq!(q.to_string(), "expand=user,a%26b%20c&one=7");
        assert_eq!(q.pairs().collect::<Vec<_>>(), [("expand", "user,a&b c"), ("one", "7")]);
    }

    #[test]
    fn header_values_are_checked() {
        let mut h = Headers::new();
        push_header(&mut h, "X-Forwarded-For", &Some("1.2.3.4".to_owned())).expect("ok");
        assert_eq!(h.get("x-forwarded-for"), Some("1.2.3.4"));
        let err = push_header(&mut h, "User-Agent", "evil\r\nInjected: yes").expect_err("refused");
        assert!(!err.to_string().contains("Injected"), "{err}");
    }
}
