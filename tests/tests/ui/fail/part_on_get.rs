#[derive(okta::Endpoint)]
#[endpoint(GET "/api/v1/apps/{appId}/logo", response = ())]
struct UploadLogo {
    #[endpoint(path)]
    app_id: String,
    #[endpoint(part)]
    file: okta::FileUpload,
}

fn main() {}
