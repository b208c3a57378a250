//! Group rules: `/api/v1/groups/rules`.
