//! The System Log: `/api/v1/logs`.
