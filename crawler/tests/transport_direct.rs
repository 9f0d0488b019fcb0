//! The direct transport against hostile servers on 127.0.0.1: huge bodies, compressed bombs,
//! redirects it must not follow, stalls, refused connections.

use armswatch_core::{ErrorKind, HasKind};
use armswatch_crawler::transport::direct::DirectTransport;
use armswatch_crawler::transport::{FetchError, FetchRequest, Transport};
use std::io::Write;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// Serves one canned raw HTTP response (headers + body) to every connection.
async fn serve_raw(head: String, body: Vec<u8>, stall_secs: u64) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((mut s, _)) = listener.accept().await else {
                return;
            };
            let (head, body) = (head.clone(), body.clone());
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = s.read(&mut buf).await;
                if stall_secs > 0 {
                    tokio::time::sleep(std::time::Duration::from_secs(stall_secs)).await;
                }
                let _ = s.write_all(head.as_bytes()).await;
                let _ = s.write_all(&body).await;
                let _ = s.shutdown().await;
            });
        }
    });
    format!("http://{addr}/")
}

fn req(url: &str, max: usize, timeout: u64) -> FetchRequest {
    FetchRequest {
        url: url.parse().unwrap(),
        headers: vec![],
        isolation: "test".into(),
        timeout_secs: timeout,
        max_page_bytes: max,
    }
}

fn ok_head(len: usize, extra: &str) -> String {
    format!("HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: {len}\r\n{extra}connection: close\r\n\r\n")
}

/// Guards the page-size cap on a plain body larger than the limit.
#[tokio::test]
async fn huge_body_is_refused() {
    let body = vec![b'a'; 3 * 1024 * 1024];
    let url = serve_raw(ok_head(body.len(), ""), body, 0).await;
    let t = DirectTransport::new();
    let err = t.fetch(&req(&url, 1024 * 1024, 10)).await.unwrap_err();
    assert!(matches!(err, FetchError::TooLarge { .. }), "{err}");
    assert_eq!(err.kind(), ErrorKind::Remote);
}

/// Guards against compressed bombs: the cap applies to the decoded body, so a small gzip that
/// inflates to 64 MiB stops at the limit.
#[tokio::test]
async fn gzip_bomb_stops_at_the_limit() {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..64 {
        enc.write_all(&zeros).unwrap();
    }
    let gz = enc.finish().unwrap();
    assert!(gz.len() < 200 * 1024);
    let url = serve_raw(ok_head(gz.len(), "content-encoding: gzip\r\n"), gz, 0).await;
    let t = DirectTransport::new();
    let err = t.fetch(&req(&url, 2 * 1024 * 1024, 10)).await.unwrap_err();
    assert!(matches!(err, FetchError::TooLarge { .. }), "{err}");
}

/// Guards decompression of an honest gzip page.
#[tokio::test]
async fn gzip_page_is_decoded() {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(b"<html><h1>hello</h1></html>").unwrap();
    let gz = enc.finish().unwrap();
    let url = serve_raw(ok_head(gz.len(), "content-encoding: gzip\r\n"), gz, 0).await;
    let t = DirectTransport::new();
    let r = t.fetch(&req(&url, 1024, 10)).await.unwrap();
    assert_eq!(r.body, b"<html><h1>hello</h1></html>");
}

/// Guards that redirects are returned, not followed (the engine checks them against the policy).
#[tokio::test]
async fn redirects_are_not_followed() {
    let head = "HTTP/1.1 302 Found\r\nlocation: http://example.com/\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";
    let url = serve_raw(head.to_string(), vec![], 0).await;
    let t = DirectTransport::new();
    let r = t.fetch(&req(&url, 1024, 10)).await.unwrap();
    assert_eq!(r.status, 302);
    assert_eq!(r.location.as_deref(), Some("http://example.com/"));
}

/// Guards the per-request timeout on a server that never answers.
#[tokio::test]
async fn stalled_server_times_out_as_transient() {
    let url = serve_raw(ok_head(2, ""), b"ok".to_vec(), 30).await;
    let t = DirectTransport::new();
    let err = t.fetch(&req(&url, 1024, 1)).await.unwrap_err();
    assert!(matches!(err, FetchError::Timeout { .. }), "{err}");
    assert!(err.kind().is_retryable());
}

/// Guards the error for a closed port: transient, and it names the URL.
#[tokio::test]
async fn refused_connection_is_transient_and_names_the_url() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/x");
    let t = DirectTransport::new();
    let err = t.fetch(&req(&url, 1024, 5)).await.unwrap_err();
    assert!(err.kind().is_retryable(), "{err}");
    assert!(err.to_string().contains(&url), "{err}");
}
