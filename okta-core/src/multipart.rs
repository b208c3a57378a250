//! Declare: a `multipart/form-data` body (RFC 7578), what Okta's logo and image uploads take.

use std::borrow::Cow;
use std::fmt;
use std::path::Path;

use bytes::{BufMut, Bytes, BytesMut};
use reqwest::header::HeaderValue;

use crate::body::Body;
use crate::error::Error;

/// A file to upload: its name, its media type and its bytes.
///
/// ```
/// use okta_core::FileUpload;
/// let logo = FileUpload::new("logo.png", "image/png", std::fs::read("logo.png").unwrap_or_default());
/// assert_eq!(logo.file_name(), "logo.png");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct FileUpload {
    file_name: String,
    media_type: String,
    bytes: Bytes,
}

impl FileUpload {
    /// A file named `file_name`, of media type `media_type` (`image/png`), with these bytes.
    pub fn new(file_name: impl Into<String>, media_type: impl Into<String>, bytes: impl Into<Bytes>) -> FileUpload {
        FileUpload {
            file_name: file_name.into(),
            media_type: media_type.into(),
            bytes: bytes.into(),
        }
    }

    /// Reads the file at `path`, named after its last component, with the media type its
    /// extension says: `png`, `jpg`/`jpeg`, `gif`, `svg` or `ico`, the images Okta takes. For any
    /// other file use [`FileUpload::new`] and say what it is.
    ///
    /// This reads the file at once (Okta's images are at most 2 MB): call it before an `.await`
    /// that must not block, or read the file yourself.
    ///
    /// ```no_run
    /// let logo = okta_core::FileUpload::from_path("brand/logo.svg")?;
    /// assert_eq!(logo.media_type(), "image/svg+xml");
    /// # Ok::<(), okta_core::Error>(())
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<FileUpload, Error> {
        let path = path.as_ref();
        let shown = path.display();
        let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        let media_type = match extension.as_deref() {
            Some("png") => "image/png",
            Some("jpg" | "jpeg") => "image/jpeg",
            Some("gif") => "image/gif",
            Some("svg") => "image/svg+xml",
            Some("ico") => "image/x-icon",
            _ => {
                return Err(Error::InvalidRequest(format!(
                    "`{shown}` is not a PNG, JPEG, GIF, SVG or ICO file by its extension: \
                     use `FileUpload::new` with its media type"
                )));
            }
        };
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = std::fs::read(path).map_err(|e| Error::InvalidRequest(format!("cannot read `{shown}`: {e}")))?;
        Ok(FileUpload::new(file_name, media_type, bytes))
    }

    /// The file's name, as the form sends it.
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// The file's media type.
    pub fn media_type(&self) -> &str {
        &self.media_type
    }

    /// The file's bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// The name, media type and size, never the bytes.
impl fmt::Debug for FileUpload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FileUpload")
            .field("file_name", &self.file_name)
            .field("media_type", &self.media_type)
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

/// A `multipart/form-data` form: named text fields and files.
///
/// Declared endpoints build theirs from their `#[endpoint(part)]` fields; [`RawRequest::multipart`](crate::RawRequest::multipart)
/// sends one you build.
///
/// ```
/// use okta_core::{FileUpload, Multipart};
/// let form = Multipart::new().file("file", FileUpload::new("logo.png", "image/png", vec![0x89, b'P', b'N', b'G']));
/// let body = form.into_body()?;
/// assert!(body.content_type().is_some_and(|ct| ct.starts_with("multipart/form-data; boundary=")));
/// # Ok::<(), okta_core::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Multipart {
    parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Part {
    name: Cow<'static, str>,
    content: Content,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Content {
    Text(String),
    File(FileUpload),
}

impl Content {
    /// What goes between the part's headers and the next boundary.
    fn bytes(&self) -> &[u8] {
        match self {
            Content::Text(text) => text.as_bytes(),
            Content::File(file) => &file.bytes,
        }
    }
}

impl Multipart {
    /// An empty form.
    pub fn new() -> Multipart {
        Multipart::default()
    }

    /// Adds a text field.
    #[must_use]
    pub fn text(mut self, name: impl Into<Cow<'static, str>>, value: impl Into<String>) -> Multipart {
        self.push_text(name.into(), value.into());
        self
    }

    /// Adds a file.
    #[must_use]
    pub fn file(mut self, name: impl Into<Cow<'static, str>>, file: FileUpload) -> Multipart {
        self.push_file(name.into(), file);
        self
    }

    fn push_text(&mut self, name: Cow<'static, str>, text: String) {
        self.parts.push(Part {
            name,
            content: Content::Text(text),
        });
    }

    fn push_file(&mut self, name: Cow<'static, str>, file: FileUpload) {
        self.parts.push(Part {
            name,
            content: Content::File(file),
        });
    }

    /// The encoded form, with `multipart/form-data; boundary=…` as its media type.
    ///
    /// Fails, before anything is sent, on a file whose media type could not be a header.
    pub fn into_body(self) -> Result<Body, Error> {
        for part in &self.parts {
            if let Content::File(file) = &part.content {
                let valid = HeaderValue::from_str(&file.media_type).is_ok() && file.media_type.contains('/');
                if !valid {
                    return Err(Error::InvalidRequest(format!(
                        "the media type of `{}` is not `type/subtype`: {:?}",
                        file.file_name, file.media_type
                    )));
                }
            }
        }
        let boundary = self.boundary(|| format!("okta-{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..)));
        let mut out = BytesMut::new();
        for part in &self.parts {
            out.put_slice(b"--");
            out.put_slice(boundary.as_bytes());
            out.put_slice(b"\r\nContent-Disposition: form-data; name=\"");
            out.put_slice(quoted(&part.name).as_bytes());
            out.put_slice(b"\"");
            if let Content::File(file) = &part.content {
                out.put_slice(b"; filename=\"");
                out.put_slice(quoted(&file.file_name).as_bytes());
                out.put_slice(b"\"\r\nContent-Type: ");
                out.put_slice(file.media_type.as_bytes());
            }
            out.put_slice(b"\r\n\r\n");
            out.put_slice(part.content.bytes());
            out.put_slice(b"\r\n");
        }
        out.put_slice(b"--");
        out.put_slice(boundary.as_bytes());
        out.put_slice(b"--\r\n");
        Ok(Body::bytes(out.freeze()).with_content_type(format!("multipart/form-data; boundary={boundary}")))
    }

    /// The first boundary `draw`n that occurs in no part: a file could hold any bytes.
    fn boundary(&self, mut draw: impl FnMut() -> String) -> String {
        loop {
            let boundary = draw();
            let finder = memchr::memmem::Finder::new(boundary.as_bytes());
            let occurs = self
                .parts
                .iter()
                .any(|part| finder.find(part.content.bytes()).is_some());
            if !occurs {
                return boundary;
            }
        }
    }
}

/// A name or file name inside a quoted header parameter, escaped as browsers do (the HTML
/// standard's form encoding): `"`, CR and LF percent-encoded, so no value can end the parameter.
fn quoted(value: &str) -> Cow<'_, str> {
    if !value.contains(['"', '\r', '\n']) {
        return Cow::Borrowed(value);
    }
    Cow::Owned(value.replace('"', "%22").replace('\r', "%0D").replace('\n', "%0A"))
}

/// A value that can be one part of a multipart form: a [`FileUpload`], or text. What the type
/// of an `#[endpoint(part)]` field must be.
///
/// ```
/// use okta_core::{FileUpload, FormPart, Multipart};
/// let mut form = Multipart::new();
/// FileUpload::new("logo.gif", "image/gif", b"GIF89a".to_vec()).add_to(&mut form, "file");
/// "Acme".add_to(&mut form, "altText");
/// assert_eq!(form, Multipart::new()
///     .file("file", FileUpload::new("logo.gif", "image/gif", b"GIF89a".to_vec()))
///     .text("altText", "Acme"));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a part of a multipart form",
    label = "use `okta::FileUpload` for a file, or `String` for a text field"
)]
pub trait FormPart {
    /// Adds the value to `form` as the part named `name`.
    fn add_to(&self, form: &mut Multipart, name: &'static str);
}

impl FormPart for FileUpload {
    fn add_to(&self, form: &mut Multipart, name: &'static str) {
        form.push_file(Cow::Borrowed(name), self.clone());
    }
}

impl FormPart for String {
    fn add_to(&self, form: &mut Multipart, name: &'static str) {
        form.push_text(Cow::Borrowed(name), self.clone());
    }
}

impl FormPart for str {
    fn add_to(&self, form: &mut Multipart, name: &'static str) {
        form.push_text(Cow::Borrowed(name), self.to_owned());
    }
}

impl<T: FormPart + ?Sized> FormPart for &T {
    fn add_to(&self, form: &mut Multipart, name: &'static str) {
        (**self).add_to(form, name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boundary_of(body: &Body) -> String {
        body.content_type()
            .and_then(|ct| ct.strip_prefix("multipart/form-data; boundary="))
            .expect("a multipart media type")
            .to_owned()
    }

    #[test]
    fn a_file_and_a_text_field_are_encoded_as_rfc_7578_says() {
        let body = Multipart::new()
            .file(
                "file",
                FileUpload::new("logo.png", "image/png", vec![0u8, 0xff, b'\r', b'\n']),
            )
            .text("note", "ü")
            .into_body()
            .expect("valid");
        let b = boundary_of(&body);
        let mut expected = format!(
            "--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"logo.png\"\r\nContent-Type: image/png\r\n\r\n"
        )
        .into_bytes();
        expected.extend_from_slice(&[0, 0xff, b'\r', b'\n']);
        expected.extend_from_slice(
            format!("\r\n--{b}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nü\r\n--{b}--\r\n").as_bytes(),
        );
        assert_eq!(body.as_bytes(), &expected[..]);
        assert!(b.len() <= 70, "RFC 2046 allows at most 70 characters");
    }

    #[test]
    fn a_file_name_cannot_end_its_parameter() {
        let body = Multipart::new()
            .file(
                "file",
                FileUpload::new("a\"; name=\"x\r\nX: y.png", "image/png", Vec::new()),
            )
            .into_body()
            .expect("valid");
        let text = String::from_utf8_lossy(body.as_bytes()).into_owned();
        assert!(text.contains("filename=\"a%22; name=%22x%0D%0AX: y.png\""), "{text}");
    }

    #[test]
    fn a_boundary_that_occurs_in_a_part_is_drawn_again() {
        let form = Multipart::new()
            .text("a", "plain")
            .file("file", FileUpload::new("x.png", "image/png", b"..okta-1..".to_vec()));
        let mut drawn = ["okta-1", "okta-2"].into_iter();
        let chosen = form.boundary(|| drawn.next().expect("at most two draws").to_owned());
        assert_eq!(chosen, "okta-2");
    }

    #[test]
    fn a_media_type_that_is_not_one_is_refused() {
        for bad in ["image/png\r\nX-Evil: 1", "png", ""] {
            let err = Multipart::new()
                .file("file", FileUpload::new("logo.png", bad, Vec::new()))
                .into_body()
                .expect_err(bad);
            assert!(err.to_string().contains("logo.png"), "{err}");
        }
    }

    #[test]
    fn debug_shows_no_bytes() {
        let shown = format!("{:?}", FileUpload::new("k.png", "image/png", b"secret-bytes".to_vec()));
        assert!(!shown.contains("secret-bytes") && shown.contains("k.png"), "{shown}");
    }

    #[test]
    fn from_path_names_the_media_type_by_extension() {
        let dir = std::env::temp_dir().join(format!("okta-upload-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let png = dir.join("Logo.PNG");
        std::fs::write(&png, b"\x89PNG").expect("write");
        let file = FileUpload::from_path(&png).expect("reads");
        assert_eq!(
            (file.file_name(), file.media_type(), file.bytes()),
            ("Logo.PNG", "image/png", &b"\x89PNG"[..])
        );
        let err = FileUpload::from_path(dir.join("notes.txt")).expect_err("not an image");
        assert!(err.to_string().contains("FileUpload::new"), "{err}");
        let err = FileUpload::from_path(dir.join("missing.png")).expect_err("absent");
        assert!(err.to_string().contains("cannot read"), "{err}");
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}
