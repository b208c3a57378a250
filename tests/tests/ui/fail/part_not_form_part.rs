#[derive(okta::Endpoint)]
#[endpoint(POST "/api/v1/apps/{appId}/logo", response = ())]
struct UploadLogo {
    #[endpoint(path)]
    app_id: String,
    #[endpoint(part)]
    file: Vec<u8>,
}

fn main() {}
