//! A user's factors: `/api/v1/users/{userId}/factors` (seed 000 and `UserFactorApi`).
