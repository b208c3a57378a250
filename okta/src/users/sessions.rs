//! A user's sessions: `/api/v1/users/{userId}/sessions`.
