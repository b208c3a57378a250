//! Typed, lossless Okta models.
