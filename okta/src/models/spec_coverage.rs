//! Every property of the 1.11.2 spec definitions this module models maps to a typed field with
//! the right wire name: decoding a document holding all of them leaves `extra` empty, and
//! re-encoding gives the document back. (Generated once from the spec's `definitions`: a string
//! property gets `"x"`, an enum its first value, a nested object `{}`.)

/// Decodes `$json` as `$t`, asserts nothing landed in `extra`, and that it re-encodes equal.
macro_rules! check {
    ($t:ty, $name:literal, $json:literal) => {{
        let v: $t = serde_json::from_str($json).expect($name);
        assert!(
            v.extra.is_empty(),
            "{} -> {}: untyped {:?}",
            $name,
            stringify!($t),
            v.extra.keys().collect::<Vec<_>>()
        );
        let back = serde_json::to_value(&v).expect("encodes");
        let orig: serde_json::Value = serde_json::from_str($json).expect("valid json");
        assert_eq!(back, orig, "{}", $name);
    }};
}

#[test]
#[allow(clippy::expect_used)]
fn every_spec_property_is_a_typed_field() {
    use crate::models::*;
    check!(
        User,
        "User",
        r#"{"_embedded": {}, "_links": {}, "activated": "x", "created": "x", "credentials": {}, "id": "x", "lastLogin": "x", "lastUpdated": "x", "passwordChanged": "x", "profile": {"login": "x"}, "status": "STAGED", "statusChanged": "x", "transitioningToStatus": "STAGED"}"#
    );
    check!(
        UserProfile,
        "UserProfile",
        r#"{"email": "x", "firstName": "x", "lastName": "x", "login": "x", "mobilePhone": "x", "secondEmail": "x"}"#
    );
    check!(
        UserCredentials,
        "UserCredentials",
        r#"{"emails": [], "password": {}, "provider": {}, "recovery_question": {}}"#
    );
    check!(PasswordCredential, "PasswordCredential", r#"{"value": "x"}"#);
    check!(
        RecoveryQuestionCredential,
        "RecoveryQuestionCredential",
        r#"{"answer": "x", "question": "x"}"#
    );
    check!(
        AuthenticationProvider,
        "AuthenticationProvider",
        r#"{"name": "x", "type": "ACTIVE_DIRECTORY"}"#
    );
    check!(
        EmailAddress,
        "EmailAddress",
        r#"{"status": "VERIFIED", "type": "PRIMARY", "value": "x"}"#
    );
    check!(
        ChangePasswordRequest,
        "ChangePasswordRequest",
        r#"{"newPassword": {}, "oldPassword": {}}"#
    );
    check!(
        UserActivationToken,
        "UserActivationToken",
        r#"{"activationToken": "x", "activationUrl": "x"}"#
    );
    check!(ResetPasswordToken, "ResetPasswordToken", r#"{"resetPasswordUrl": "x"}"#);
    check!(TempPassword, "TempPassword", r#"{"tempPassword": "x"}"#);
    check!(
        ForgotPasswordResponse,
        "ForgotPasswordResponse",
        r#"{"resetPasswordUrl": "x"}"#
    );
    check!(
        Group,
        "Group",
        r#"{"_embedded": {}, "_links": {}, "created": "x", "id": "x", "lastMembershipUpdated": "x", "lastUpdated": "x", "objectClass": [], "profile": {}, "type": "x"}"#
    );
    check!(GroupProfile, "GroupProfile", r#"{"description": "x", "name": "x"}"#);
    check!(
        GroupRule,
        "GroupRule",
        r#"{"_embedded": {}, "actions": {}, "allGroupsValid": true, "conditions": {}, "created": "x", "id": "x", "lastUpdated": "x", "name": "x", "status": "ACTIVE", "type": "x"}"#
    );
    check!(
        GroupRuleConditions,
        "GroupRuleConditions",
        r#"{"expression": {}, "people": {}}"#
    );
    check!(
        GroupRuleExpression,
        "GroupRuleExpression",
        r#"{"type": "x", "value": "x"}"#
    );
    check!(
        GroupRulePeopleCondition,
        "GroupRulePeopleCondition",
        r#"{"groups": {}, "users": {}}"#
    );
    check!(
        GroupRuleUserCondition,
        "GroupRuleUserCondition",
        r#"{"exclude": [], "include": []}"#
    );
    check!(
        GroupRuleGroupCondition,
        "GroupRuleGroupCondition",
        r#"{"exclude": [], "include": []}"#
    );
    check!(GroupRuleAction, "GroupRuleAction", r#"{"assignUserToGroups": {}}"#);
    check!(
        GroupRuleGroupAssignment,
        "GroupRuleGroupAssignment",
        r#"{"groupIds": []}"#
    );
    check!(
        Application,
        "Application",
        r#"{"_embedded": {}, "_links": {}, "accessibility": {}, "created": "x", "credentials": {}, "features": [], "id": "x", "label": "x", "lastUpdated": "x", "licensing": {}, "name": "x", "profile": {}, "settings": {}, "signOnMode": "BOOKMARK", "status": "ACTIVE", "visibility": {}}"#
    );
    check!(
        ApplicationAccessibility,
        "ApplicationAccessibility",
        r#"{"errorRedirectUrl": "x", "loginRedirectUrl": "x", "selfService": true}"#
    );
    check!(
        ApplicationVisibility,
        "ApplicationVisibility",
        r#"{"appLinks": {}, "autoSubmitToolbar": true, "hide": {}}"#
    );
    check!(
        ApplicationVisibilityHide,
        "ApplicationVisibilityHide",
        r#"{"iOS": true, "web": true}"#
    );
    check!(
        ApplicationCredentials,
        "ApplicationCredentials",
        r#"{"signing": {}, "userNameTemplate": {}}"#
    );
    check!(
        ApplicationCredentials,
        "SchemeApplicationCredentials",
        r#"{"password": {}, "revealPassword": true, "scheme": "SHARED_USERNAME_AND_PASSWORD", "signing": {}, "userName": "x"}"#
    );
    check!(
        ApplicationCredentials,
        "OAuthApplicationCredentials",
        r#"{"oauthClient": {}}"#
    );
    check!(
        ApplicationCredentialsOAuthClient,
        "ApplicationCredentialsOAuthClient",
        r#"{"autoKeyRotation": true, "client_id": "x", "client_secret": "x", "token_endpoint_auth_method": "none"}"#
    );
    check!(
        ApplicationCredentialsSigning,
        "ApplicationCredentialsSigning",
        r#"{"kid": "x", "lastRotated": "x", "nextRotation": "x", "rotationMode": "x"}"#
    );
    check!(
        ApplicationCredentialsUsernameTemplate,
        "ApplicationCredentialsUsernameTemplate",
        r#"{"suffix": "x", "template": "x", "type": "x"}"#
    );
    check!(
        ApplicationSettings,
        "ApplicationSettings",
        r#"{"app": {}, "implicitAssignment": true, "inlineHookId": "x", "notifications": {}}"#
    );
    check!(
        ApplicationSettingsNotifications,
        "ApplicationSettingsNotifications",
        r#"{"vpn": {}}"#
    );
    check!(
        ApplicationSettingsNotificationsVpn,
        "ApplicationSettingsNotificationsVpn",
        r#"{"helpUrl": "x", "message": "x", "network": {}}"#
    );
    check!(
        ApplicationSettingsNotificationsVpnNetwork,
        "ApplicationSettingsNotificationsVpnNetwork",
        r#"{"connection": "x", "exclude": [], "include": []}"#
    );
    check!(ApplicationLicensing, "ApplicationLicensing", r#"{"seatCount": 1}"#);
    check!(
        AppUser,
        "AppUser",
        r#"{"_embedded": {}, "_links": {}, "created": "x", "credentials": {}, "externalId": "x", "id": "x", "lastSync": "x", "lastUpdated": "x", "passwordChanged": "x", "profile": {}, "scope": "x", "status": "x", "statusChanged": "x", "syncState": "x"}"#
    );
    check!(
        AppUserCredentials,
        "AppUserCredentials",
        r#"{"password": {}, "userName": "x"}"#
    );
    check!(
        ApplicationGroupAssignment,
        "ApplicationGroupAssignment",
        r#"{"_embedded": {}, "_links": {}, "id": "x", "lastUpdated": "x", "priority": 1, "profile": {}}"#
    );
    check!(
        JsonWebKey,
        "JsonWebKey",
        r#"{"_links": {}, "alg": "x", "created": "x", "e": "x", "expiresAt": "x", "key_ops": [], "kid": "x", "kty": "x", "lastUpdated": "x", "n": "x", "status": "x", "use": "x", "x5c": [], "x5t": "x", "x5t#S256": "x", "x5u": "x"}"#
    );
    check!(
        AppLink,
        "AppLink",
        r#"{"appAssignmentId": "x", "appInstanceId": "x", "appName": "x", "credentialsSetup": true, "hidden": true, "id": "x", "label": "x", "linkUrl": "x", "logoUrl": "x", "sortOrder": 1}"#
    );
    check!(
        UserFactor,
        "Factor",
        r#"{"_embedded": {}, "_links": {}, "device": "x", "deviceType": "x", "factorType": "push", "id": "x", "mfaStateTokenId": "x", "profile": {}, "provider": "OKTA", "rechallengeExistingFactor": true, "sessionId": "x", "status": "PENDING_ACTIVATION", "tokenLifetimeSeconds": 1, "userId": "x", "verify": {}}"#
    );
    check!(
        VerifyFactorRequest,
        "VerifyFactorRequest",
        r#"{"activationToken": "x", "answer": "x", "nextPassCode": "x", "passCode": "x", "tokenLifetimeSeconds": 1}"#
    );
    check!(
        VerifyFactorResponse,
        "VerifyFactorResponse",
        r#"{"_embedded": {}, "_links": {}, "expiresAt": "x", "factorResult": "SUCCESS", "factorResultMessage": "x"}"#
    );
    check!(
        SecurityQuestion,
        "SecurityQuestion",
        r#"{"answer": "x", "question": "x", "questionText": "x"}"#
    );
    check!(
        Role,
        "Role",
        r#"{"_embedded": {}, "_links": {}, "assignmentType": "GROUP", "created": "x", "description": "x", "id": "x", "label": "x", "lastUpdated": "x", "status": "ACTIVE", "type": "x"}"#
    );
    check!(
        Policy,
        "Policy",
        r#"{"_embedded": {}, "_links": {}, "created": "x", "description": "x", "id": "x", "lastUpdated": "x", "name": "x", "priority": 1, "status": "ACTIVE", "system": true, "type": "OAUTH_AUTHORIZATION_POLICY"}"#
    );
    check!(
        PolicyRule,
        "PolicyRule",
        r#"{"created": "x", "id": "x", "lastUpdated": "x", "priority": 1, "status": "ACTIVE", "system": true, "type": "SIGN_ON"}"#
    );
    check!(
        Session,
        "Session",
        r#"{"_links": {}, "amr": [], "createdAt": "x", "expiresAt": "x", "id": "x", "idp": {}, "lastFactorVerification": "x", "lastPasswordVerification": "x", "login": "x", "status": "ACTIVE", "userId": "x"}"#
    );
    check!(
        SessionIdentityProvider,
        "SessionIdentityProvider",
        r#"{"id": "x", "type": "ACTIVE_DIRECTORY"}"#
    );
    check!(CreateSessionRequest, "CreateSessionRequest", r#"{"sessionToken": "x"}"#);
    check!(
        LogEvent,
        "LogEvent",
        r#"{"actor": {}, "authenticationContext": {}, "client": {}, "debugContext": {}, "displayMessage": "x", "eventType": "x", "legacyEventType": "x", "outcome": {}, "published": "x", "request": {}, "securityContext": {}, "severity": "DEBUG", "target": [], "transaction": {}, "uuid": "x", "version": "x"}"#
    );
    check!(
        LogActor,
        "LogActor",
        r#"{"alternateId": "x", "detail": {}, "displayName": "x", "id": "x", "type": "x"}"#
    );
    // The current specification (and real events) name the actor's details `detailEntry`.
    check!(
        LogActor,
        "LogActor",
        r#"{"alternateId": "x", "detailEntry": {}, "displayName": "x", "id": "x", "type": "x"}"#
    );
    check!(
        LogClient,
        "LogClient",
        r#"{"device": "x", "geographicalContext": {}, "id": "x", "ipAddress": "x", "userAgent": {}, "zone": "x"}"#
    );
    check!(
        LogUserAgent,
        "LogUserAgent",
        r#"{"browser": "x", "os": "x", "rawUserAgent": "x"}"#
    );
    check!(
        LogGeographicalContext,
        "LogGeographicalContext",
        r#"{"city": "x", "country": "x", "geolocation": {}, "postalCode": "x", "state": "x"}"#
    );
    check!(LogGeolocation, "LogGeolocation", r#"{"lat": 1.5, "lon": 1.5}"#);
    check!(LogOutcome, "LogOutcome", r#"{"reason": "x", "result": "x"}"#);
    check!(
        LogTarget,
        "LogTarget",
        r#"{"alternateId": "x", "detailEntry": {}, "displayName": "x", "id": "x", "type": "x"}"#
    );
    check!(
        LogTransaction,
        "LogTransaction",
        r#"{"detail": {}, "id": "x", "type": "x"}"#
    );
    check!(LogDebugContext, "LogDebugContext", r#"{"debugData": {}}"#);
    check!(
        LogAuthenticationContext,
        "LogAuthenticationContext",
        r#"{"authenticationProvider": "OKTA_AUTHENTICATION_PROVIDER", "authenticationStep": 1, "credentialProvider": [], "credentialType": [], "externalSessionId": "x", "interface": "x", "issuer": {}}"#
    );
    check!(LogIssuer, "LogIssuer", r#"{"id": "x", "type": "x"}"#);
    check!(
        LogSecurityContext,
        "LogSecurityContext",
        r#"{"asNumber": 1, "asOrg": "x", "domain": "x", "isProxy": true, "isp": "x"}"#
    );
    check!(LogRequest, "LogRequest", r#"{"ipChain": []}"#);
    check!(
        LogIpAddress,
        "LogIpAddress",
        r#"{"geographicalContext": {}, "ip": "x", "source": "x", "version": "x"}"#
    );
    check!(
        FactorProfile,
        "CallFactorProfile",
        r#"{"phoneExtension": "x", "phoneNumber": "x"}"#
    );
    check!(FactorProfile, "EmailFactorProfile", r#"{"email": "x"}"#);
    check!(FactorProfile, "HardwareFactorProfile", r#"{"credentialId": "x"}"#);
    check!(
        FactorProfile,
        "PushFactorProfile",
        r#"{"credentialId": "x", "deviceType": "x", "name": "x", "platform": "x", "version": "x"}"#
    );
    check!(
        FactorProfile,
        "SecurityQuestionFactorProfile",
        r#"{"answer": "x", "question": "x", "questionText": "x"}"#
    );
    check!(FactorProfile, "SmsFactorProfile", r#"{"phoneNumber": "x"}"#);
    check!(FactorProfile, "TokenFactorProfile", r#"{"credentialId": "x"}"#);
    check!(FactorProfile, "TotpFactorProfile", r#"{"credentialId": "x"}"#);
    check!(FactorProfile, "WebFactorProfile", r#"{"credentialId": "x"}"#);
}
