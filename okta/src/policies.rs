//! Policies and policy rules: `/api/v1/policies`.
