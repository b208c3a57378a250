//! User lifecycle: `/api/v1/users/{userId}/lifecycle/*`.
