//! Applications: `/api/v1/apps`.

pub mod groups;
pub mod keys;
pub mod users;
