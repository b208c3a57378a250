//! Authentication API factors: enroll, activate, verify (`/api/v1/authn/factors`).
