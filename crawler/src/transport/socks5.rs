//! A SOCKS5 client (RFC 1928, username/password auth of RFC 1929) that sends the host name to the
//! proxy and never resolves anything itself, and reads Tor's extended reply codes (`ExtendedErrors`
//! on the SocksPort: `F0`–`F7` for onion services, see tor's `socks-extensions.txt`) into
//! [`FailureKind`]s.

use armswatch_core::crawl::FailureKind;
use std::net::SocketAddr;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Why a SOCKS CONNECT failed.
#[derive(Debug)]
pub(crate) struct SocksFailure {
    pub failure: FailureKind,
    pub message: String,
}

impl SocksFailure {
    fn new(failure: FailureKind, message: impl Into<String>) -> SocksFailure {
        SocksFailure {
            failure,
            message: message.into(),
        }
    }
}

/// Connects to `proxy` and asks it for a stream to `host:port` (the name goes to the proxy as is).
pub(crate) async fn connect(
    proxy: SocketAddr,
    user: &str,
    pass: &str,
    host: &str,
    port: u16,
) -> Result<TcpStream, SocksFailure> {
    let proxy_error = |what: &str, e: std::io::Error| {
        SocksFailure::new(
            FailureKind::TorCircuit,
            format!("SOCKS proxy {proxy}: {what}: {e}"),
        )
    };
    let mut s = TcpStream::connect(proxy)
        .await
        .map_err(|e| proxy_error("cannot connect (is Tor running?)", e))?;
    s.set_nodelay(true).ok();
    if user.len() > 255 || pass.len() > 255 || host.len() > 255 {
        return Err(SocksFailure::new(
            FailureKind::Other,
            "SOCKS field longer than 255 bytes",
        ));
    }
    // Greeting: version 5, one method, username/password.
    s.write_all(&[5, 1, 2])
        .await
        .map_err(|e| proxy_error("greeting", e))?;
    let mut reply = [0u8; 2];
    s.read_exact(&mut reply)
        .await
        .map_err(|e| proxy_error("greeting reply", e))?;
    if reply != [5, 2] {
        return Err(SocksFailure::new(
            FailureKind::TorCircuit,
            format!(
                "SOCKS proxy {proxy} does not accept username/password authentication (reply {reply:02x?}); \
                 armswatch needs it to keep markets on separate circuits"
            ),
        ));
    }
    let mut auth = vec![1, user.len() as u8];
    auth.extend_from_slice(user.as_bytes());
    auth.push(pass.len() as u8);
    auth.extend_from_slice(pass.as_bytes());
    s.write_all(&auth)
        .await
        .map_err(|e| proxy_error("authentication", e))?;
    s.read_exact(&mut reply)
        .await
        .map_err(|e| proxy_error("authentication reply", e))?;
    if reply[1] != 0 {
        return Err(SocksFailure::new(
            FailureKind::TorCircuit,
            format!("SOCKS proxy {proxy} refused the credentials"),
        ));
    }
    // CONNECT with a domain name: the proxy resolves it (inside Tor).
    let mut req = vec![5, 1, 0, 3, host.len() as u8];
    req.extend_from_slice(host.as_bytes());
    req.extend_from_slice(&port.to_be_bytes());
    s.write_all(&req)
        .await
        .map_err(|e| proxy_error("connect request", e))?;
    let mut head = [0u8; 4];
    s.read_exact(&mut head)
        .await
        .map_err(|e| proxy_error("connect reply", e))?;
    if head[1] != 0 {
        let (failure, what) = reply_meaning(head[1]);
        return Err(SocksFailure::new(
            failure,
            format!("{what} (SOCKS reply {:#04x})", head[1]),
        ));
    }
    // Skip the bound address.
    let rest = match head[3] {
        1 => 4 + 2,
        4 => 16 + 2,
        3 => {
            let mut len = [0u8; 1];
            s.read_exact(&mut len)
                .await
                .map_err(|e| proxy_error("connect reply", e))?;
            usize::from(len[0]) + 2
        }
        other => {
            return Err(SocksFailure::new(
                FailureKind::TorCircuit,
                format!("SOCKS proxy {proxy}: unknown address type {other} in its reply"),
            ))
        }
    };
    let mut skip = vec![0u8; rest];
    s.read_exact(&mut skip)
        .await
        .map_err(|e| proxy_error("connect reply", e))?;
    Ok(s)
}

/// What a SOCKS5 reply code means, with Tor's extensions.
pub(crate) fn reply_meaning(code: u8) -> (FailureKind, &'static str) {
    match code {
        0x01 => (FailureKind::TorCircuit, "general SOCKS server failure"),
        0x02 => (
            FailureKind::Refused,
            "connection not allowed by the proxy's rules",
        ),
        0x03 => (FailureKind::TorCircuit, "network unreachable"),
        0x04 => (
            FailureKind::OnionUnreachable,
            "host unreachable (Tor gave no reason; add ExtendedErrors to its SocksPort)",
        ),
        0x05 => (
            FailureKind::Connection,
            "connection refused by the destination",
        ),
        0x06 => (
            FailureKind::Timeout,
            "Tor timed out reaching the destination",
        ),
        0x07 => (FailureKind::Other, "SOCKS command not supported"),
        0x08 => (FailureKind::Other, "SOCKS address type not supported"),
        0xF0 => (
            FailureKind::OnionDescriptorNotFound,
            "onion service descriptor not found (the service is down or the address is wrong)",
        ),
        0xF1 => (
            FailureKind::OnionDescriptorNotFound,
            "onion service descriptor is invalid",
        ),
        0xF2 => (
            FailureKind::OnionIntroductionFailed,
            "onion service introduction failed (the service is down or overloaded)",
        ),
        0xF3 => (
            FailureKind::OnionRendezvousFailed,
            "onion service rendezvous failed",
        ),
        0xF4 => (
            FailureKind::OnionClientAuth,
            "onion service requires client authorization",
        ),
        0xF5 => (
            FailureKind::OnionClientAuth,
            "onion service client authorization is wrong",
        ),
        0xF6 => (FailureKind::OnionAddressInvalid, "invalid onion address"),
        0xF7 => (
            FailureKind::OnionIntroductionFailed,
            "onion service introduction timed out",
        ),
        _ => (FailureKind::TorCircuit, "unknown SOCKS reply"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards the mapping of Tor's extended onion error codes to distinct failure kinds.
    #[test]
    fn extended_codes_are_distinct_kinds() {
        assert_eq!(reply_meaning(0xF0).0, FailureKind::OnionDescriptorNotFound);
        assert_eq!(reply_meaning(0xF2).0, FailureKind::OnionIntroductionFailed);
        assert_eq!(reply_meaning(0xF3).0, FailureKind::OnionRendezvousFailed);
        assert_eq!(reply_meaning(0xF7).0, FailureKind::OnionIntroductionFailed);
        assert_eq!(reply_meaning(0x06).0, FailureKind::Timeout);
        assert_eq!(reply_meaning(0x04).0, FailureKind::OnionUnreachable);
    }
}
