#[derive(okta::Endpoint)]
#[endpoint(POST "/api/v1/apps/{appId}/logo", response = ())]
struct UploadLogo {
    #[endpoint(path)]
    app_id: String,
    #[endpoint(body)]
    settings: serde_json::Value,
    #[endpoint(part)]
    file: okta::FileUpload,
}

fn main() {}
