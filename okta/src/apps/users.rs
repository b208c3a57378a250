//! Users assigned to an application: `/api/v1/apps/{appId}/users`.
