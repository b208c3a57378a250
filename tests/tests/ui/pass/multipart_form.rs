//! A multipart upload: a file part, an optional text part under its wire name, and a bound call.

use okta::{AsClient, FileUpload};

#[derive(okta::Endpoint)]
#[endpoint(POST "/api/v1/brands/{brandId}/themes/{themeId}/logo", response = serde_json::Value, call = Brands::upload_logo)]
struct UploadBrandLogo {
    #[endpoint(path)]
    brand_id: String,
    #[endpoint(path)]
    theme_id: String,
    #[endpoint(part)]
    file: FileUpload,
    #[endpoint(part, rename = "altText")]
    alt_text: Option<String>,
}

struct Brands(okta::Client);

impl AsClient for Brands {
    fn as_client(&self) -> &okta::CoreClient {
        self.0.as_client()
    }
}

#[allow(dead_code)]
async fn upload(brands: &Brands) -> Result<serde_json::Value, okta::Error> {
    let logo = FileUpload::new("logo.png", "image/png", vec![0x89, b'P', b'N', b'G']);
    brands.upload_logo("bnd1", "thm1", logo).alt_text("Acme").await
}

fn main() {
    let _ = UploadBrandLogo::new("bnd1", "thm1", FileUpload::new("a.gif", "image/gif", Vec::new())).alt_text("x");
}
