//! Pooled keep-alive connections the server closed: what goes again on a new connection, and what
//! never does.
//!
//! What the client can know (hyper 1 and hyper-util, under reqwest): a request queued on a pooled
//! connection whose close the connection's task reads before writing anything is handed back
//! unsent, and hyper-util sends it again on a new connection by itself; the SDK re-sends such a
//! request too when it surfaces (a fresh connection that died first). Once a request has been
//! written, a connection closed without an answer looks the same whether the server read it, acted
//! on it, or threw it away unread: only a request that is safe to repeat goes again.
//!
//! The server runs on a thread of its own with blocking sockets, so a test can close an idle
//! connection at a moment the client's runtime (the test's own thread) does not see.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use okta::{Error, Method, RetryPolicy};
use serde_json::{Value, json};

use crate::common::TOKEN;
use crate::fast_retry_client;

/// What the server does with its first connection once it has answered one request on it.
#[derive(Clone, Copy)]
enum Idle {
    /// Closes it (sends its FIN) when the test says so, then records whatever still arrives.
    #[cfg_attr(not(unix), allow(dead_code))]
    CloseWhenTold,
    /// Reads the next request on it whole, then closes it without an answer.
    ReadThenClose,
    /// Closes it, unread, as soon as the next request's bytes arrive (the client sees a reset).
    CloseWhenWritten,
}

/// The server's record: the request line of every request it read whole, per connection.
type Log = Arc<Mutex<Vec<Vec<String>>>>;

/// How the test tells the server to close the idle connection, and hears that it has.
type Told = (Receiver<()>, Sender<()>);

struct Server {
    uri: String,
    log: Log,
    close: Sender<()>,
    closed: Receiver<()>,
}

impl Server {
    fn start(idle: Idle) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let uri = format!("http://{}", listener.local_addr().expect("addr"));
        let log: Log = Arc::default();
        let (close, told) = channel();
        let (done, closed) = channel();
        let server_log = Arc::clone(&log);
        std::thread::spawn(move || {
            let mut told = Some((told, done));
            // Bounded: the tests make two connections at most.
            for socket in listener.incoming().take(4) {
                let Ok(socket) = socket else { return };
                let index = {
                    let mut log = server_log.lock().expect("log");
                    log.push(Vec::new());
                    log.len() - 1
                };
                let (log, first) = (Arc::clone(&server_log), told.take());
                std::thread::spawn(move || serve(socket, index, &log, first.map(|t| (idle, t))));
            }
        });
        Server {
            uri,
            log,
            close,
            closed,
        }
    }

    #[cfg_attr(not(unix), allow(dead_code))]
    /// Has the server close its idle first connection, and returns once it has (blocking the
    /// caller's thread, so the client's runtime cannot run in between).
    fn close_idle_connection(&self) {
        self.close.send(()).expect("server running");
        self.closed
            .recv_timeout(Duration::from_secs(5))
            .expect("the server closed it");
    }

    /// How many requests the server read on each of its connections, in order.
    fn requests_per_connection(&self) -> Vec<usize> {
        self.log.lock().expect("log").iter().map(Vec::len).collect()
    }

    fn requests(&self) -> Vec<String> {
        self.log.lock().expect("log").concat()
    }
}

/// Answers every request of a connection; on the first connection, one, then `idle`.
fn serve(socket: TcpStream, index: usize, log: &Mutex<Vec<Vec<String>>>, first: Option<(Idle, Told)>) {
    socket.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    let mut writer = socket.try_clone().expect("clone");
    let mut reader = BufReader::new(socket);
    let record = |line: String| log.lock().expect("log")[index].push(line);
    let answer = |writer: &mut TcpStream| {
        let body = r#"{"id":"ok"}"#;
        let head = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
            body.len()
        );
        writer.write_all(format!("{head}{body}").as_bytes()).is_ok()
    };
    let Some((idle, (told, done))) = first else {
        while let Some(line) = read_request(&mut reader) {
            record(line);
            if !answer(&mut writer) {
                return;
            }
        }
        return;
    };
    let Some(line) = read_request(&mut reader) else { return };
    record(line);
    answer(&mut writer);
    match idle {
        Idle::CloseWhenTold => {
            if told.recv().is_err() {
                return;
            }
            let _ = writer.shutdown(Shutdown::Write);
            let _ = done.send(());
            // The client sees the close; anything it still writes here is recorded.
            while let Some(line) = read_request(&mut reader) {
                record(line);
            }
        }
        Idle::ReadThenClose => {
            if let Some(line) = read_request(&mut reader) {
                record(line);
            }
        }
        Idle::CloseWhenWritten => {
            // Waits for the bytes, then closes with them unread.
            let _ = reader.fill_buf();
        }
    }
}

/// The request line of the next request, read whole (head and `content-length` body); `None` at
/// the end of the connection or on anything unexpected.
fn read_request(reader: &mut BufReader<TcpStream>) -> Option<String> {
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).ok()? == 0 {
        return None;
    }
    let mut length = 0;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 {
            return None;
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().ok()?;
            }
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(request_line.trim_end().to_owned())
}

async fn post(client: &okta::Client) -> Result<Value, Error> {
    client
        .request(Method::POST, "/api/v1/groups")
        .json(&json!({"profile": {"name": "x"}}))
        .send_json()
        .await
}

async fn get(client: &okta::Client) -> Result<Value, Error> {
    client.request(Method::GET, "/api/v1/groups/00g1").send_json().await
}

/// The POST provably never left: it was queued on the pooled connection after the runtime had
/// seen the server close it, so the connection's task read the close before writing anything and
/// handed the POST back. It goes once, on a new connection, without any retry of the SDK's.
//
// The order is arranged on the client's runtime (the test's thread, current-thread): while it is
// held, a signal byte and then the server's close arrive; the driver's next turn sees both, wakes
// the test first (the byte came first) and the connection's task after it, so the POST is queued
// on the connection before its task runs.
#[cfg(unix)]
#[tokio::test]
async fn a_post_queued_on_a_connection_the_server_had_closed_goes_on_a_new_one() {
    use tokio::io::AsyncReadExt;
    let server = Server::start(Idle::CloseWhenTold);
    let client = fast_retry_client(&server.uri, 0);
    let (mut signal_tx, signal_rx) = std::os::unix::net::UnixStream::pair().expect("socket pair");
    signal_rx.set_nonblocking(true).expect("non-blocking");
    let mut signal_rx = tokio::net::UnixStream::from_std(signal_rx).expect("registered");
    post(&client).await.expect("first");
    // Time for the connection to go back to the pool and its task to wait on the socket.
    tokio::time::sleep(Duration::from_millis(20)).await;
    signal_tx.write_all(&[1]).expect("signal");
    server.close_idle_connection();
    signal_rx.read_exact(&mut [0]).await.expect("signal");
    post(&client)
        .await
        .expect("sent again on a new connection: it never left");
    assert_eq!(
        server.requests_per_connection(),
        [1, 1],
        "nothing was written to the closed connection"
    );
}

/// The POST reached the server, which closed the connection without an answer: it may have been
/// acted on, so it is never sent again.
#[tokio::test]
async fn a_post_the_server_read_and_never_answered_is_not_sent_again() {
    let server = Server::start(Idle::ReadThenClose);
    let client = fast_retry_client(&server.uri, 3);
    post(&client).await.expect("first");
    let err = post(&client).await.expect_err("no answer");
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert_eq!(
        server.requests(),
        ["POST /api/v1/groups HTTP/1.1", "POST /api/v1/groups HTTP/1.1"],
        "the second POST reached the server once"
    );
    assert_eq!(server.requests_per_connection(), [2], "and no new connection was made");
}

/// Written to a connection the server then closed unread: the client cannot tell this from a
/// POST that was read, so it is not sent again either.
#[tokio::test]
async fn a_post_written_to_a_connection_the_server_then_closed_is_not_sent_again() {
    let server = Server::start(Idle::CloseWhenWritten);
    let client = fast_retry_client(&server.uri, 3);
    post(&client).await.expect("first");
    let err = post(&client).await.expect_err("closed under it");
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert_eq!(server.requests_per_connection(), [1]);
}

/// A GET lost the same two ways is safe to repeat: sent again at once on a new connection, not
/// after a backoff (a second here).
#[tokio::test]
async fn a_get_lost_with_a_pooled_connection_is_sent_again_at_once() {
    for idle in [Idle::ReadThenClose, Idle::CloseWhenWritten] {
        let server = Server::start(idle);
        let client = okta::Client::builder()
            .org_url(&server.uri)
            .api_token(TOKEN)
            .retry_policy(
                RetryPolicy::default()
                    .first_backoff(Duration::from_secs(1))
                    .base_backoff(Duration::from_secs(1)),
            )
            .build()
            .expect("client");
        get(&client).await.expect("first");
        let started = Instant::now();
        assert_eq!(get(&client).await.expect("sent again")["id"], "ok");
        assert!(
            started.elapsed() < Duration::from_millis(500),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(server.requests_per_connection().len(), 2, "on a new connection");
    }
}
