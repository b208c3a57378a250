//! Cursor paging with `Link` headers, as every Okta list operation does it.

use serde_json::Value;

use crate::error::{ApiError, ApiResult};
use crate::request::{Reply, Req};

/// How one list pages: its default and maximum `limit`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub(crate) default: usize,
    pub(crate) max: usize,
}

impl Limits {
    /// Lists Okta does not page: everything on one page.
    pub(crate) const ALL: Limits = Limits {
        default: usize::MAX,
        max: usize::MAX,
    };

    pub(crate) const fn new(default: usize, max: usize) -> Self {
        Self { default, max }
    }
}

/// One entry of a list: its creation sequence (the cursor) and its JSON.
pub(crate) type Item = (u64, Value);

/// Options for [`page`] beyond the limits.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PageOpts {
    /// Items are in descending sequence order (System Log `sortOrder=DESCENDING`).
    pub(crate) descending: bool,
    /// Always emit `rel="next"` (System Log polling), even on the last page.
    pub(crate) always_next: bool,
}

/// The page size asked for: `limit` capped at the list's maximum, the default when absent or
/// not positive; a non-number is 400 E0000001.
pub(crate) fn limit(req: &Req, limits: Limits) -> ApiResult<usize> {
    match req.q("limit").map(str::parse::<i64>) {
        None => Ok(limits.default),
        Some(Ok(n)) if n > 0 => Ok(usize::try_from(n).unwrap_or(usize::MAX).min(limits.max)),
        Some(Ok(_)) => Ok(limits.default),
        Some(Err(_)) => Err(ApiError::validation("limit", "limit: must be a number")),
    }
}

/// The creation sequence the `after` cursor resumes after; a cursor the org did not issue is
/// 400 E0000001.
pub(crate) fn after(req: &Req) -> ApiResult<Option<u64>> {
    match req.q("after") {
        None | Some("") => Ok(None),
        Some(cursor) => decode_cursor(cursor)
            .map(Some)
            .ok_or_else(|| ApiError::validation("after", "after: The cursor is not valid")),
    }
}

/// Answers one page of `items` (already filtered and ordered) with `Link: rel="self"` and,
/// when more remain, `rel="next"` carrying an opaque `after` cursor. The original query is kept.
pub(crate) fn page(req: &Req, items: Vec<Item>, limits: Limits, opts: PageOpts) -> ApiResult<Reply> {
    let limit = limit(req, limits)?;
    let start = match after(req)? {
        None => 0,
        Some(after) => items
            .iter()
            .position(|(seq, _)| if opts.descending { *seq < after } else { *seq > after })
            .unwrap_or(items.len()),
    };
    let end = start.saturating_add(limit).min(items.len());
    let more = end < items.len();
    // Polling links resume after the last item seen (or where the caller already was).
    let next_cursor = match items.get(..end).and_then(<[Item]>::last) {
        Some((seq, _)) if more || opts.always_next => Some(encode_cursor(*seq)),
        None if opts.always_next => req.q("after").map(str::to_owned).or_else(|| Some(encode_cursor(0))),
        _ => None,
    };
    let page: Vec<Value> = items
        .into_iter()
        .skip(start)
        .take(end.saturating_sub(start))
        .map(|(_, v)| v)
        .collect();
    Ok(reply(req, page, limit, next_cursor))
}

/// One page from `items`, which already start after the request's cursor (an index seek):
/// only `limit + 1` of them are ever produced, whatever the size of the list. Returns the
/// page and the `next` cursor, if more remain.
pub(crate) fn take_page<T>(items: impl Iterator<Item = (u64, T)>, limit: usize) -> (Vec<T>, Option<u64>) {
    let mut taken: Vec<(u64, T)> = items.take(limit.saturating_add(1)).collect();
    let more = taken.len() > limit;
    taken.truncate(limit);
    let next = taken.last().filter(|_| more).map(|(seq, _)| *seq);
    (taken.into_iter().map(|(_, v)| v).collect(), next)
}

/// Adds the `Link` headers of a page answered as `reply`.
pub(crate) fn with_links(req: &Req, reply: Reply, limit: usize, next: Option<u64>) -> Reply {
    add_links(req, reply, limit, next.map(encode_cursor))
}

fn reply(req: &Req, page: Vec<Value>, limit: usize, next_cursor: Option<String>) -> Reply {
    add_links(req, Reply::ok(Value::Array(page)), limit, next_cursor)
}

fn add_links(req: &Req, mut reply: Reply, limit: usize, next_cursor: Option<String>) -> Reply {
    let link_limit = (limit != usize::MAX).then_some(limit);
    reply
        .headers
        .push(("link".into(), link(req, req.q("after"), link_limit, "self")));
    if let Some(cursor) = next_cursor {
        reply
            .headers
            .push(("link".into(), link(req, Some(&cursor), link_limit, "next")));
    }
    reply
}

/// `<{base}{path}?{query with after/limit replaced}>; rel="{rel}"`.
fn link(req: &Req, after: Option<&str>, limit: Option<usize>, rel: &str) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (k, v) in req.query.iter().filter(|(k, _)| k != "after" && k != "limit") {
        query.append_pair(k, v);
    }
    if let Some(after) = after {
        query.append_pair("after", after);
    }
    if let Some(limit) = limit {
        query.append_pair("limit", &limit.to_string());
    }
    let query = query.finish();
    let sep = if query.is_empty() { "" } else { "?" };
    format!("<{}{}{sep}{query}>; rel=\"{rel}\"", req.base_url, req.path)
}

// Cursors are opaque to clients; internally they are the creation sequence of the last item,
// so deleting items between pages neither skips nor repeats the rest.
fn encode_cursor(seq: u64) -> String {
    format!("{:x}", seq ^ 0x5a5a_5a5a)
}

fn decode_cursor(cursor: &str) -> Option<u64> {
    u64::from_str_radix(cursor, 16).ok().map(|v| v ^ 0x5a5a_5a5a)
}
