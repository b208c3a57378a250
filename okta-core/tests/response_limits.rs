//! Bodies a misbehaving server or proxy sends: larger than the limit, announced or streamed,
//! and error bodies of 50 MB. Served by a raw socket on 127.0.0.1, because a chunked body that
//! never ends is what no mock server sends.

#![allow(missing_docs)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread::JoinHandle;

use okta_core::{Auth, Client, Error, Method, RetryPolicy, StatusCode};

const LIMIT: usize = 1024 * 1024;
const CHUNK: usize = 64 * 1024;

/// Reads the request head, so the client sees its request answered.
fn read_head(stream: &mut TcpStream) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 64 * 1024 {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
}

/// Answers one request with `head`, then `body`: returns the org URL, and the server thread,
/// which yields how many body bytes it could write before the client hung up.
fn serve(head: String, body: impl FnOnce(&mut TcpStream) -> usize + Send + 'static) -> (String, JoinHandle<usize>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let server = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().expect("accept");
        read_head(&mut stream);
        if stream.write_all(head.as_bytes()).is_err() {
            return 0;
        }
        body(&mut stream)
    });
    (url, server)
}

/// A chunked body of up to `total` bytes, written until the client stops reading.
fn chunked(total: usize) -> impl FnOnce(&mut TcpStream) -> usize + Send + 'static {
    move |stream| {
        let mut frame = format!("{CHUNK:x}\r\n").into_bytes();
        frame.extend(std::iter::repeat_n(b'x', CHUNK));
        frame.extend_from_slice(b"\r\n");
        let mut written = 0;
        while written < total {
            if stream.write_all(&frame).is_err() {
                return written;
            }
            written += CHUNK;
        }
        let _ = stream.write_all(b"0\r\n\r\n");
        written
    }
}

/// Waits for the server thread without blocking the runtime, which must go on to close the
/// client's side of the connection.
async fn finished(server: JoinHandle<usize>) -> usize {
    tokio::task::spawn_blocking(move || server.join().expect("server"))
        .await
        .expect("joined")
}

fn client(url: &str) -> Client {
    Client::builder()
        .org_url(url)
        .auth(Auth::None)
        .retry_policy(RetryPolicy::none())
        .max_response_bytes(LIMIT)
        .build()
        .expect("client")
}

#[tokio::test]
async fn a_streamed_body_past_the_limit_is_refused_without_reading_the_rest() {
    // 256 MiB offered, in chunks, with no Content-Length to refuse it by.
    let total = 256 * 1024 * 1024;
    let (url, server) = serve(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".into(),
        chunked(total),
    );
    let client = client(&url);
    let err = client
        .request(Method::GET, "/api/v1/logs")
        .send()
        .await
        .expect_err("too large");
    let Error::ResponseTooLarge {
        status, limit, path, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(
        (*status, *limit, path.as_str()),
        (StatusCode::OK, LIMIT, "/api/v1/logs")
    );
    assert!(err.to_string().contains("max_response_bytes"), "{err}");
    drop(client);
    let written = finished(server).await;
    // What the socket buffers hold aside, the client stopped reading at the limit.
    assert!(
        written < 64 * 1024 * 1024,
        "the client read {written} bytes of a body it refused"
    );
}

#[tokio::test]
async fn an_announced_body_past_the_limit_is_refused_before_it_is_read() {
    let (url, server) = serve(
        format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n", 100 * LIMIT),
        // Ten bytes, then wait for the client to hang up: the refusal cannot come from reading.
        |stream| {
            let _ = stream.write_all(b"[{\"id\":1},");
            let _ = stream.read(&mut [0u8; 1]);
            10
        },
    );
    let client = client(&url);
    let err = client
        .request(Method::GET, "/api/v1/users")
        .send()
        .await
        .expect_err("too large");
    assert!(matches!(err, Error::ResponseTooLarge { limit: LIMIT, .. }), "{err:?}");
    drop(client);
    finished(server).await;
}

#[tokio::test]
async fn a_body_of_exactly_the_limit_is_read() {
    let (url, server) = serve(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".into(),
        chunked(LIMIT),
    );
    let raw = client(&url)
        .request(Method::GET, "/api/v1/users")
        .send()
        .await
        .expect("read");
    assert_eq!(raw.body().len(), LIMIT);
    assert_eq!(finished(server).await, LIMIT);
}

#[tokio::test]
async fn a_50_mb_error_body_is_quoted_from_its_start_only() {
    let size = 50 * 1024 * 1024;
    let start = r#"{"errorCode":"E0000001","errorSummary":""#;
    let end = r#"","stateToken":"007secret"}"#;
    let (url, server) = serve(
        format!("HTTP/1.1 400 Bad Request\r\nContent-Length: {size}\r\n\r\n"),
        move |stream| {
            let mut body = start.as_bytes().to_vec();
            body.resize(size - end.len(), b'x');
            body.extend_from_slice(end.as_bytes());
            stream.write_all(&body).map_or(0, |()| size)
        },
    );
    let client = Client::builder()
        .org_url(&url)
        .auth(Auth::None)
        .build()
        .expect("client");
    let err = client
        .request(Method::GET, "/api/v1/users")
        .send()
        .await
        .expect_err("400");
    assert_eq!(finished(server).await, size);
    let Error::Api(api) = &err else { panic!("{err:?}") };
    // Not parsed whole: an Okta error body is never that large, so it is quoted instead.
    assert_eq!(api.error_code, None);
    let snippet = api.body_snippet.as_deref().expect("snippet");
    assert!(snippet.starts_with(start) && snippet.ends_with('…'), "{snippet}");
    assert!(snippet.len() <= 512 + '…'.len_utf8(), "{}", snippet.len());
    assert!(!err.to_string().contains("007secret"));
}
