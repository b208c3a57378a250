#[derive(okta::Endpoint)]
#[endpoint(POST "/api/v1/apps/{appId}/logo", response = (), content_type = "multipart/form-data")]
struct UploadLogo {
    #[endpoint(path)]
    app_id: String,
    #[endpoint(part)]
    file: okta::FileUpload,
}

fn main() {}
