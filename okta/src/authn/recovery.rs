//! Authentication API recovery: forgot password, unlock, recovery factors (`/api/v1/authn/recovery`), and password changes in a transaction.
