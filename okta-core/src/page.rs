//! One page of a list, decoded from either of the two forms Okta pages its lists in.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, Deserializer, IgnoredAny, MapAccess, Visitor};
use url::Url;

use crate::endpoint::Paginated;
use crate::error::Error;
use crate::link_header;
use crate::rate_limit::RateLimit;
use crate::response::RawResponse;

/// Where a list puts its items and the link to its next page.
///
/// Most Okta lists answer a JSON array and link the next page with `Link: <…>; rel="next"`.
/// Some newer ones (roles, resource sets, role bindings, …) answer an object instead: the items
/// under one property and the next page at `_links.next.href`. Declare those with
/// `paginated(items = "roles")`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PageForm {
    /// A JSON array body, continued by `Link: <…>; rel="next"`.
    LinkHeader,
    /// A JSON object body with the items under the property `items`, continued by
    /// `_links.next.href`.
    Body {
        /// The property that holds the items (`"roles"`).
        items: &'static str,
    },
}

/// One page of a list: its items, and where the next page is.
///
/// ```
/// # async fn demo(client: okta_core::Client) -> Result<(), okta_core::Error> {
/// let page: okta_core::Page<serde_json::Value> =
///     client.request(okta_core::Method::GET, "/api/v1/groups").query("limit", "50").send_page().await?;
/// for group in &page {
///     println!("{}", group["profile"]["name"]);
/// }
/// if let Some(cursor) = page.next_cursor() {
///     println!("resume later with after={cursor}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Page<T> {
    /// The items of this page, in the server's order.
    pub items: Vec<T>,
    /// The next link: absolute, or the target as sent when it is not a URL (a stream yields
    /// this page, then fails with it).
    next: Option<Result<Url, String>>,
    rate_limit: RateLimit,
    request_id: Option<String>,
}

impl<T> Page<T> {
    /// The next page's link, absolute, as the server sent it; `None` also when the server sent
    /// one that is not a URL.
    pub fn next_url(&self) -> Option<&Url> {
        self.next.as_ref()?.as_ref().ok()
    }

    /// The opaque `after` cursor of the next page, to resume a listing later with `.after(..)`.
    pub fn next_cursor(&self) -> Option<String> {
        self.next_url()?
            .query_pairs()
            .find(|(k, _)| k == "after")
            .map(|(_, v)| v.into_owned())
    }

    /// The next link as the server sent it: absolute, or the target that is not a URL.
    pub(crate) fn next_link(&self) -> Option<&Result<Url, String>> {
        self.next.as_ref()
    }

    /// Whether the server announced another page.
    pub fn has_next(&self) -> bool {
        self.next.is_some()
    }

    /// The rate-limit headers of this page's response.
    pub fn rate_limit(&self) -> RateLimit {
        self.rate_limit
    }

    /// `X-Okta-Request-Id` of this page's response.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// Number of items on this page.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether this page has no items.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The items, without the page.
    pub fn into_items(self) -> Vec<T> {
        self.items
    }

    fn new(response: &RawResponse, items: Vec<T>, next: Option<String>) -> Self {
        Page {
            items,
            // Relative links are resolved against the page that carried them.
            next: next.map(|target| response.url().join(&target).map_err(|_| target)),
            rate_limit: response.rate_limit(),
            request_id: response.request_id().map(str::to_owned),
        }
    }
}

impl<T: DeserializeOwned> Page<T> {
    /// Decodes a list response in the [`PageForm::LinkHeader`] form: a JSON array body and its
    /// `Link` headers.
    pub fn decode(response: &RawResponse) -> Result<Self, Error> {
        let items = response.json()?;
        Ok(Page::new(
            response,
            items,
            link_header::find_rel(response.headers().as_http(), "next"),
        ))
    }

    /// Decodes a response of the list operation `E`, in the form `E` declares
    /// ([`Paginated::FORM`]).
    pub fn decode_for<E: Paginated<Item = T>>(response: &RawResponse) -> Result<Self, Error> {
        match E::FORM {
            PageForm::LinkHeader => Page::decode(response),
            PageForm::Body { .. } => {
                let body: BodyPage<T, E> = response.json()?;
                Ok(Page::new(response, body.items, body.next))
            }
        }
    }
}

impl<T> IntoIterator for Page<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a Page<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

/// A [`PageForm::Body`] page of `E`: `{"<items>": [..], "_links": {"next": {"href": ".."}}}`.
///
/// Decoded by `RawResponse::json` like any body, so a failure names the JSON path
/// (`roles[3].id`). The property name comes from `E::FORM`, which is why `E` is a parameter.
struct BodyPage<T, E> {
    items: Vec<T>,
    next: Option<String>,
    _endpoint: PhantomData<fn() -> E>,
}

#[derive(serde::Deserialize)]
struct Links {
    next: Option<Href>,
}

#[derive(serde::Deserialize)]
struct Href {
    href: String,
}

impl<'de, T: DeserializeOwned, E: Paginated> de::Deserialize<'de> for BodyPage<T, E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let PageForm::Body { items } = E::FORM else {
            return Err(de::Error::custom("this list is not paged in its body"));
        };
        deserializer.deserialize_map(BodyVisitor::<T, E> {
            items,
            _types: PhantomData,
        })
    }
}

struct BodyVisitor<T, E> {
    items: &'static str,
    _types: PhantomData<fn() -> (T, E)>,
}

impl<'de, T: DeserializeOwned, E> Visitor<'de> for BodyVisitor<T, E> {
    type Value = BodyPage<T, E>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object with the items under `{}`", self.items)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut items: Option<Vec<T>> = None;
        let mut next = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == self.items {
                if items.is_some() {
                    return Err(de::Error::duplicate_field(self.items));
                }
                // `null` reads as no items, as an absent property would not.
                items = Some(map.next_value::<Option<Vec<T>>>()?.unwrap_or_default());
            } else if key == "_links" {
                next = map
                    .next_value::<Option<Links>>()?
                    .and_then(|links| links.next)
                    .map(|next| next.href);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(BodyPage {
            items: items.ok_or_else(|| de::Error::missing_field(self.items))?,
            next,
            _endpoint: PhantomData,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoint::Endpoint;
    use reqwest::header::{HeaderMap, HeaderValue, LINK};

    struct ListRoles;

    impl Endpoint for ListRoles {
        type Output = Page<serde_json::Value>;
        const METHOD: crate::Method = crate::Method::GET;
        const PATH: &'static str = "/api/v1/iam/roles";
        fn path(&self) -> Result<String, Error> {
            Ok(Self::PATH.to_owned())
        }
        fn decode(response: &RawResponse) -> Result<Self::Output, Error> {
            Page::decode_for::<Self>(response)
        }
    }

    impl Paginated for ListRoles {
        type Item = serde_json::Value;
        const FORM: PageForm = PageForm::Body { items: "roles" };
    }

    fn response(body: &[u8], link: Option<&str>) -> RawResponse {
        let mut headers = HeaderMap::new();
        if let Some(link) = link.and_then(|l| HeaderValue::from_str(l).ok()) {
            headers.insert(LINK, link);
        }
        RawResponse::new(
            crate::StatusCode::OK,
            headers,
            bytes::Bytes::copy_from_slice(body),
            Url::parse("https://o.okta.com/api/v1/iam/roles?limit=2").expect("url"),
        )
    }

    #[test]
    fn a_next_link_that_is_not_a_url_keeps_the_items() {
        let page = Page::<serde_json::Value>::decode(&response(b"[1, 2]", Some("<http://[oops>; rel=next")))
            .expect("the items decode");
        assert_eq!(page.len(), 2);
        assert!(page.has_next() && page.next_url().is_none() && page.next_cursor().is_none());
        let page = ListRoles::decode(&response(
            br#"{"roles": [1], "_links": {"next": {"href": "http://[oops"}}}"#,
            None,
        ))
        .expect("the items decode");
        assert_eq!(page.len(), 1);
        assert!(page.has_next() && page.next_url().is_none());
    }

    #[test]
    fn body_pages_resolve_relative_links_and_ignore_other_properties() {
        let body = br#"{"total": 3, "roles": [{"id": "r1"}], "_links": {"self": {"href": "/x"}, "next": {"href": "/api/v1/iam/roles?after=r1"}}}"#;
        let page = ListRoles::decode(&response(body, Some("<https://o.okta.com/elsewhere>; rel=next"))).expect("page");
        assert_eq!(page.items, [serde_json::json!({"id": "r1"})]);
        assert_eq!(
            page.next_url().map(Url::as_str),
            Some("https://o.okta.com/api/v1/iam/roles?after=r1"),
            "the body's link, not a Link header"
        );
        let page = ListRoles::decode(&response(br#"{"roles": null, "_links": {"next": null}}"#, None)).expect("page");
        assert!(page.is_empty() && !page.has_next());
        let err = ListRoles::decode(&response(br#"{"roles": [], "roles": []}"#, None)).expect_err("twice");
        assert!(err.to_string().contains("duplicate field `roles`"), "{err}");
        let err = ListRoles::decode(&response(b"[]", None)).expect_err("an array is not this form");
        assert!(err.to_string().contains("items under `roles`"), "{err}");
    }

    #[test]
    fn random_bodies_and_links_never_panic() {
        let pieces = [
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"roles\"",
            "\"_links\"",
            "\"next\"",
            "\"href\"",
            "\"/api/v1/iam/roles?after=1\"",
            "\"http://[x\"",
            "null",
            "1",
            "\"ü\"",
            " ",
            "\\",
        ];
        let mut rng = fastrand::Rng::with_seed(5);
        for _ in 0..20_000 {
            let body: String = (0..rng.usize(0..24))
                .map(|_| pieces[rng.usize(..pieces.len())])
                .collect();
            let link = format!("<{}>; rel=next", pieces[rng.usize(..pieces.len())].trim_matches('"'));
            let raw = response(body.as_bytes(), Some(&link));
            let _ = ListRoles::decode(&raw);
            let _ = Page::<serde_json::Value>::decode(&raw);
        }
    }
}
