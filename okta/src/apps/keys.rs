//! An application's signing keys: `/api/v1/apps/{appId}/credentials/keys`.
