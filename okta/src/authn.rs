//! The Authentication API: `/api/v1/authn` (primary authentication and transaction state).

pub mod factors;
pub mod recovery;
