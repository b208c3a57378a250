//! Admin roles of a user and their group targets: `/api/v1/users/{userId}/roles`.
