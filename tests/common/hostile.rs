//! A hostile market on 127.0.0.1: a small HTTP/1.1 server written on raw TCP (so it can misbehave
//! below HTTP too) that plays every trick the crawler must survive. Each path is one behaviour:
//!
//! | path | behaviour |
//! |---|---|
//! | `/ok/N` | a normal listing page |
//! | `/gzip-bomb`, `/brotli-bomb` | 64 MiB of zeros, compressed to a few KiB |
//! | `/endless` | a chunked body that never ends |
//! | `/huge-length` | `Content-Length: 100 GiB`, then a trickle |
//! | `/slowloris` | one header line every 500 ms, forever |
//! | `/loop` | 302 to `/loop2`, which 302s back |
//! | `/trap/a…` | a meta refresh to one more `a`, forever |
//! | `/off-port-redirect`, `/off-port-links` | a redirect and links to another port of 127.0.0.1 |
//! | `/reset` | half a body, then a TCP reset |
//! | `/cp1251`, `/bad-utf8` | a listing in windows-1251; one with invalid UTF-8 |
//! | `/links10k` | 10,000 links to `/ok/N` |
//! | `/503` | 503 with `Retry-After: 1`, always |
//! | `/login`, `/captcha` | walls |
//! | `/refresh-panic` | `<meta http-equiv=refresh content="0;éé">` (used to panic the parser) |
//! | `/deep` | 20,000 nested `<div>`s around a listing |
//! | `/deep100k` | 100,000 nested `<div>`s around a listing (1.2 MB; minutes to parse unflattened) |
//!
//! Every request is counted per path ([`Hostile::hits`]); the server closes the connection after
//! each answer.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// How much every bomb inflates to.
const BOMB_BYTES: usize = 64 << 20;

/// A running hostile market. Dropping the runtime stops it.
pub struct Hostile {
    pub addr: SocketAddr,
    hits: Arc<Mutex<HashMap<String, usize>>>,
    /// A second port on the same host (its own listener): off-port links and redirects point here.
    pub other_port: u16,
    other_hits: Arc<Mutex<usize>>,
    _rt: tokio::runtime::Runtime,
}

impl Hostile {
    /// Starts the market (and the other-port listener) on a runtime of its own.
    pub fn start() -> Hostile {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let hits = Arc::new(Mutex::new(HashMap::new()));
        let other_hits = Arc::new(Mutex::new(0));
        let (addr, other_port) = rt.block_on(async {
            let other = TcpListener::bind("127.0.0.1:0").await.expect("bind");
            let other_port = other.local_addr().expect("addr").port();
            let counter = other_hits.clone();
            tokio::spawn(async move {
                while let Ok((mut s, _)) = other.accept().await {
                    *counter.lock().unwrap() += 1;
                    let _ = read_head(&mut s).await;
                    let _ = respond(&mut s, 200, &[], PAGE_OTHER.as_bytes()).await;
                }
            });
            let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
            let addr = listener.local_addr().expect("addr");
            let hits = hits.clone();
            tokio::spawn(async move {
                while let Ok((s, _)) = listener.accept().await {
                    let hits = hits.clone();
                    tokio::spawn(async move {
                        let _ = serve(s, hits, other_port).await;
                    });
                }
            });
            (addr, other_port)
        });
        Hostile {
            addr,
            hits,
            other_port,
            other_hits,
            _rt: rt,
        }
    }

    /// `http://127.0.0.1:PORT` plus `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Requests seen for `path`.
    pub fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }

    /// Requests seen for paths starting with `prefix`.
    pub fn hits_prefix(&self, prefix: &str) -> usize {
        let h = self.hits.lock().unwrap();
        h.iter()
            .filter(|(p, _)| p.starts_with(prefix))
            .map(|(_, n)| n)
            .sum()
    }

    /// Requests that reached the other port.
    pub fn other_port_hits(&self) -> usize {
        *self.other_hits.lock().unwrap()
    }
}

const PAGE_OTHER: &str = "<html><body><h1>Another site</h1></body></html>";

/// A listing page (`/ok/N`).
pub fn listing_page(n: usize) -> String {
    format!(
        "<!doctype html><html><head><title>Listing {n}</title></head><body>\
         <h1 class=title>Hunting knife number {n}</h1>\
         <div class=price>Price: $1{n}.00</div><div class=vendor>Vendor: blades{n}</div>\
         <div class=description>A fixed blade hunting knife with a leather sheath, item {n}.</div>\
         </body></html>"
    )
}

async fn read_head(s: &mut TcpStream) -> std::io::Result<String> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = tokio::time::timeout(Duration::from_secs(10), s.read(&mut chunk))
            .await
            .map_err(|_| std::io::Error::other("request timeout"))??;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
        if buf.windows(4).any(|w| w == b"\r\n\r\n") || buf.len() > 64 * 1024 {
            break;
        }
    }
    let head = String::from_utf8_lossy(&buf);
    let path = head
        .lines()
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap_or("/")
        .to_string();
    Ok(path)
}

async fn respond(
    s: &mut TcpStream,
    status: u16,
    headers: &[(&str, String)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {status} X\r\nConnection: close\r\n");
    if !headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case("content-type"))
    {
        head.push_str("Content-Type: text/html; charset=utf-8\r\n");
    }
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    s.write_all(head.as_bytes()).await?;
    s.write_all(body).await?;
    s.shutdown().await
}

fn gzip_bomb() -> &'static [u8] {
    static BOMB: OnceLock<Vec<u8>> = OnceLock::new();
    BOMB.get_or_init(|| {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..BOMB_BYTES >> 20 {
            e.write_all(&zeros).unwrap();
        }
        e.finish().unwrap()
    })
}

fn brotli_bomb() -> &'static [u8] {
    static BOMB: OnceLock<Vec<u8>> = OnceLock::new();
    BOMB.get_or_init(|| {
        let mut out = Vec::new();
        {
            let mut w = brotli::CompressorWriter::new(&mut out, 1 << 16, 5, 22);
            let zeros = vec![0u8; 1 << 20];
            for _ in 0..BOMB_BYTES >> 20 {
                w.write_all(&zeros).unwrap();
            }
        }
        out
    })
}

fn links_page(n: usize) -> String {
    let mut s = String::from("<html><body><h1>Everything</h1><ul>");
    for i in 0..n {
        s.push_str(&format!("<li><a href=\"/ok/{i}\">Listing {i}</a></li>"));
    }
    s.push_str("</ul></body></html>");
    s
}

fn deep_page(depth: usize) -> String {
    let mut s = String::from("<html><body>");
    s.push_str(&"<div>".repeat(depth));
    s.push_str("<h1>Deep listing</h1><p>Price: $10</p>");
    s.push_str(&"</div>".repeat(depth));
    s.push_str("</body></html>");
    s
}

async fn serve(
    mut s: TcpStream,
    hits: Arc<Mutex<HashMap<String, usize>>>,
    other_port: u16,
) -> std::io::Result<()> {
    let path = read_head(&mut s).await?;
    *hits.lock().unwrap().entry(path.clone()).or_insert(0) += 1;
    let html = |s: String| s.into_bytes();
    match path.as_str() {
        p if p.starts_with("/ok/") => {
            let n = p[4..].parse().unwrap_or(0);
            respond(&mut s, 200, &[], &html(listing_page(n))).await
        }
        "/gzip-bomb" => {
            let h = [("Content-Encoding", "gzip".to_string())];
            respond(&mut s, 200, &h, gzip_bomb()).await
        }
        "/brotli-bomb" => {
            let h = [("Content-Encoding", "br".to_string())];
            respond(&mut s, 200, &h, brotli_bomb()).await
        }
        "/endless" => {
            s.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n",
            )
            .await?;
            let chunk = "<p>endless</p>".repeat(4096);
            let framed = format!("{:x}\r\n{chunk}\r\n", chunk.len());
            loop {
                s.write_all(framed.as_bytes()).await?;
            }
        }
        "/huge-length" => {
            s.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 107374182400\r\n\r\n",
            )
            .await?;
            loop {
                s.write_all(&[b'a'; 1024]).await?;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
        "/slowloris" => {
            s.write_all(b"HTTP/1.1 200 OK\r\n").await?;
            loop {
                tokio::time::sleep(Duration::from_millis(500)).await;
                s.write_all(b"X-Slow: a\r\n").await?;
            }
        }
        "/loop" => respond(&mut s, 302, &[("Location", "/loop2".into())], b"").await,
        "/loop2" => respond(&mut s, 302, &[("Location", "/loop".into())], b"").await,
        p if p.starts_with("/trap/") => {
            let next = format!("{p}a");
            let body = format!(
                "<html><head><meta http-equiv=\"refresh\" content=\"0; url={next}\"></head>\
                 <body><p>Please wait, you are being redirected to the market.</p></body></html>"
            );
            respond(&mut s, 200, &[], body.as_bytes()).await
        }
        "/off-port-redirect" => {
            let to = format!("http://127.0.0.1:{other_port}/ok/1");
            respond(&mut s, 302, &[("Location", to)], b"").await
        }
        "/off-port-links" => {
            let body = format!(
                "<html><body><h1>Market</h1><a href=\"http://127.0.0.1:{other_port}/listing/1\">Item one</a>\
                 <a href=\"http://127.0.0.1:{other_port}/page/2\">next</a>\
                 <meta http-equiv=refresh content=\"5; url=http://127.0.0.1:{other_port}/\"></body></html>"
            );
            respond(&mut s, 200, &[], body.as_bytes()).await
        }
        "/reset" => {
            s.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n",
            )
            .await?;
            s.write_all(&[b'a'; 1000]).await?;
            s.set_zero_linger()?;
            drop(s);
            Ok(())
        }
        "/cp1251" => {
            let text = "<html><head><title>Пистолет</title></head><body>\
                 <h1>Пистолет Макарова</h1><p>Цена: 500 USD</p></body></html>";
            let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
            let h = [(
                "Content-Type",
                "text/html; charset=windows-1251".to_string(),
            )];
            respond(&mut s, 200, &h, &bytes).await
        }
        "/bad-utf8" => {
            let mut body =
                b"<html><body><h1>Broken \xff\xfe title</h1><p>\xc3\x28 price 5</p>".to_vec();
            body.extend_from_slice(b"\xed\xa0\x80</body></html>");
            respond(&mut s, 200, &[], &body).await
        }
        "/links10k" => respond(&mut s, 200, &[], &html(links_page(10_000))).await,
        "/503" => {
            let h = [("Retry-After", "1".to_string())];
            respond(
                &mut s,
                503,
                &h,
                b"<html><body>Service unavailable</body></html>",
            )
            .await
        }
        "/login" => {
            let body = "<html><body><h1>Sign in</h1><form method=post action=/login>\
                 <input name=username><input type=password name=password>\
                 <button>Login</button></form></body></html>";
            respond(&mut s, 200, &[], body.as_bytes()).await
        }
        "/captcha" => {
            let body = "<html><body><h1>Security check</h1><p>Enter the captcha to continue</p>\
                 <form method=post><img src=/captcha.png><input name=captcha>\
                 <button>Verify</button></form></body></html>";
            respond(&mut s, 200, &[], body.as_bytes()).await
        }
        "/refresh-panic" => {
            let body = "<html><head><meta http-equiv=\"refresh\" content=\"0;éé\"></head>\
                 <body><h1>Moved</h1><p>This page has moved somewhere else.</p></body></html>";
            respond(&mut s, 200, &[], body.as_bytes()).await
        }
        "/deep" => respond(&mut s, 200, &[], &html(deep_page(20_000))).await,
        "/deep100k" => respond(&mut s, 200, &[], &html(deep_page(100_000))).await,
        _ => respond(&mut s, 404, &[], b"<html><body>not found</body></html>").await,
    }
}
