//! The System Log (`GET /api/v1/logs`): `since`/`until`, `filter`, `q`, `sortOrder`, and the
//! polling contract (ASCENDING without `until` always has a `next` link).

use serde_json::Value;

use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::filter::Filter;
use crate::paging::{self, Limits, PageOpts};
use crate::request::{Reply, Req};
use crate::state::State;

pub(crate) fn list(st: &mut State, req: &Req) -> ApiResult<Reply> {
    let bound = |name: &str| -> ApiResult<Option<i64>> {
        req.q(name)
            .map(|v| {
                clock::parse_rfc3339(v)
                    .ok_or_else(|| ApiError::validation(name, format!("{name}: Invalid date format")))
            })
            .transpose()
    };
    let (since, until) = (bound("since")?, bound("until")?);
    let filter = req
        .q("filter")
        .filter(|s| !s.is_empty())
        .map(Filter::parse)
        .transpose()?;
    let words: Vec<String> = req
        .q("q")
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let descending = req.q("sortOrder").is_some_and(|s| s.eq_ignore_ascii_case("DESCENDING"));
    let mut items: Vec<(u64, Value)> = st
        .logs
        .iter()
        .filter(|(_, e)| {
            let at = e["published"]
                .as_str()
                .and_then(clock::parse_rfc3339)
                .unwrap_or_default();
            since.is_none_or(|s| at >= s) && until.is_none_or(|u| at < u)
        })
        .filter(|(_, e)| filter.as_ref().is_none_or(|f| f.matches_json(e)))
        .filter(|(_, e)| {
            let text = e.to_string().to_lowercase();
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .cloned()
        .collect();
    if descending {
        items.reverse();
    }
    let polling = !descending && until.is_none();
    paging::page(
        req,
        items,
        Limits::new(100, 1000),
        PageOpts {
            descending,
            always_next: polling,
        },
    )
}
