//! User credentials: `/api/v1/users/{userId}/credentials/*`.
