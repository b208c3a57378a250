#[derive(serde::Deserialize)]
struct Metadata {}

#[derive(okta::Endpoint)]
#[endpoint(GET "/api/v1/apps/{appId}/sso/saml/metadata", response = Metadata, accept = "text/xml")]
struct PreviewMetadata {
    #[endpoint(path)]
    app_id: String,
}

fn main() {}
