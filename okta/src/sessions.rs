//! Sessions: `/api/v1/sessions`.
