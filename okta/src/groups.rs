//! Groups and membership: `/api/v1/groups`.

pub mod rules;
