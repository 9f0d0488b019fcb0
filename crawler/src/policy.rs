//! Host policy: which URLs a crawl of one market may fetch. The engine asks [`HostPolicy::check`]
//! before every fetch — start URLs, followed links and redirect targets alike — and records the
//! refused ones instead of fetching them.
//!
//! The rules: only `http` and `https`; only the market's own origins — scheme, host and port, so
//! another port of the same host is another site — (the start URLs' origins plus the profile's
//! `hosts`); through Tor, only onion addresses (a clearnet host or an IP literal would
//! either leave Tor through an exit or, worse, identify the investigator), and without Tor, never an
//! onion address (it cannot be reached, and trying leaks the address to a DNS resolver).

use std::collections::BTreeSet;
use url::{Host, Url};

/// Why a URL may not be fetched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}")]
pub struct Refusal {
    pub reason: String,
}

/// The origins one crawl may reach, and whether it runs through Tor.
#[derive(Debug, Clone)]
pub struct HostPolicy {
    /// Origins as `scheme://host:port` (lower-case host, no trailing dot, port always given).
    allowed: BTreeSet<String>,
    tor: bool,
}

impl HostPolicy {
    /// A policy allowing the origins of `start_urls` and the `extra_hosts` (a profile's mirrors).
    /// A mirror given as a URL (`http://mirror.onion:8080/`) allows that origin; a bare host name
    /// (`mirror.onion`, `mirror.onion:8080`) allows it over http and https, on the default ports or
    /// the port given. `tor` says whether the transport keeps traffic inside Tor.
    pub fn new<'a>(
        start_urls: impl IntoIterator<Item = &'a Url>,
        extra_hosts: impl IntoIterator<Item = &'a str>,
        tor: bool,
    ) -> HostPolicy {
        let mut allowed = BTreeSet::new();
        for url in start_urls {
            if let Some(o) = origin(url) {
                allowed.insert(o);
            }
        }
        for extra in extra_hosts {
            let extra = extra.trim();
            match Url::parse(extra) {
                Ok(u) if u.host_str().is_some() && extra.contains("://") => {
                    if let Some(o) = origin(&u) {
                        allowed.insert(o);
                    }
                }
                _ => {
                    let authority = extra.split('/').next().unwrap_or(extra);
                    for scheme in ["http", "https"] {
                        if let Some(o) = Url::parse(&format!("{scheme}://{authority}/"))
                            .ok()
                            .and_then(|u| origin(&u))
                        {
                            allowed.insert(o);
                        }
                    }
                }
            }
        }
        HostPolicy { allowed, tor }
    }

    /// Whether this policy is for a Tor crawl.
    pub fn is_tor(&self) -> bool {
        self.tor
    }

    /// The allowed origins (`scheme://host:port`), sorted.
    pub fn allowed_origins(&self) -> impl Iterator<Item = &str> {
        self.allowed.iter().map(String::as_str)
    }

    /// Checks one URL; `Err` says why it must not be fetched.
    pub fn check(&self, url: &Url) -> Result<(), Refusal> {
        let refuse = |reason: String| Err(Refusal { reason });
        let scheme = url.scheme();
        if scheme != "http" && scheme != "https" {
            return refuse(format!("scheme `{scheme}` is not http or https"));
        }
        let name = match url.host() {
            None => return refuse("the URL has no host".to_string()),
            Some(Host::Domain(d)) => normalize_host(d),
            Some(Host::Ipv4(ip)) => {
                if self.tor {
                    return refuse(format!(
                        "{ip} is an IP address, and a Tor crawl only fetches onion services"
                    ));
                }
                ip.to_string()
            }
            Some(Host::Ipv6(ip)) => {
                if self.tor {
                    return refuse(format!(
                        "[{ip}] is an IP address, and a Tor crawl only fetches onion services"
                    ));
                }
                format!("[{ip}]")
            }
        };
        let onion = is_onion(&name);
        if self.tor && !onion {
            return refuse(format!(
                "{name} is not an onion address, and a Tor crawl only fetches onion services"
            ));
        }
        if !self.tor && onion {
            return refuse(format!("{name} is an onion address: crawl it with --tor"));
        }
        match origin(url) {
            Some(o) if self.allowed.contains(&o) => Ok(()),
            Some(o) => refuse(format!(
                "{o} is not one of this market's hosts (an origin is scheme, host and port)"
            )),
            None => refuse("the URL has no host".to_string()),
        }
    }
}

/// A URL's origin as `scheme://host:port`, with the port always given (a default one too) and the
/// host lower-case without a trailing dot; `None` for URLs without a host or port.
pub fn origin(url: &Url) -> Option<String> {
    let host = match url.host()? {
        Host::Domain(d) => normalize_host(d),
        Host::Ipv4(ip) => ip.to_string(),
        Host::Ipv6(ip) => format!("[{ip}]"),
    };
    let port = url.port_or_known_default()?;
    Some(format!("{}://{host}:{port}", url.scheme()))
}

/// Whether a host name is an onion address (`….onion`).
pub fn is_onion(host: &str) -> bool {
    let h = host.trim_end_matches('.').to_ascii_lowercase();
    h == "onion" || h.ends_with(".onion")
}

fn normalize_host(host: &str) -> String {
    host.trim_end_matches('.').to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONION: &str = "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion";

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    fn tor_policy() -> HostPolicy {
        let start = url(&format!("http://{ONION}/"));
        HostPolicy::new([&start], ["mirrorxyz.onion", "clear.example.com"], true)
    }

    fn direct_policy() -> HostPolicy {
        let start = url("http://127.0.0.1:8080/");
        HostPolicy::new([&start], ["market.example.com"], false)
    }

    #[test]
    fn tor_allows_start_host_and_listed_onion_mirror() {
        let p = tor_policy();
        assert_eq!(p.check(&url(&format!("http://{ONION}/listing/1"))), Ok(()));
        assert_eq!(
            p.check(&url(&format!("http://{}/", ONION.to_uppercase()))),
            Ok(())
        );
        assert_eq!(p.check(&url("http://mirrorxyz.onion/x")), Ok(()));
        assert_eq!(p.check(&url("https://mirrorxyz.onion/x")), Ok(()));
        // The start URL's origin is http on port 80: https is another origin.
        assert!(p.check(&url(&format!("https://{ONION}/"))).is_err());
    }

    #[test]
    fn tor_refuses_clearnet_even_when_listed() {
        let err = tor_policy()
            .check(&url("http://clear.example.com/"))
            .unwrap_err();
        assert!(
            err.reason.contains("not an onion address"),
            "{}",
            err.reason
        );
    }

    #[test]
    fn tor_refuses_ip_literals() {
        let p = tor_policy();
        for u in [
            "http://127.0.0.1:9999/canary",
            "http://[::1]/",
            "http://10.0.0.1/",
        ] {
            let err = p.check(&url(u)).unwrap_err();
            assert!(err.reason.contains("IP address"), "{u}: {}", err.reason);
        }
    }

    #[test]
    fn tor_refuses_unlisted_onion() {
        let err = tor_policy()
            .check(&url("http://otheronion.onion/"))
            .unwrap_err();
        assert!(
            err.reason.contains("not one of this market's hosts"),
            "{}",
            err.reason
        );
    }

    #[test]
    fn non_http_schemes_are_refused() {
        let p = tor_policy();
        for u in [
            format!("ftp://{ONION}/"),
            "file:///etc/passwd".to_string(),
            "javascript:alert(1)".to_string(),
            format!("ws://{ONION}/"),
        ] {
            let err = p.check(&url(&u)).unwrap_err();
            assert!(err.reason.contains("scheme"), "{u}: {}", err.reason);
        }
    }

    #[test]
    fn direct_refuses_onion_with_hint() {
        let start = url(&format!("http://{ONION}/"));
        let p = HostPolicy::new([&start], [], false);
        let err = p.check(&start).unwrap_err();
        assert!(err.reason.contains("--tor"), "{}", err.reason);
    }

    #[test]
    fn direct_allows_listed_hosts_and_ip_literal_start() {
        let p = direct_policy();
        assert_eq!(p.check(&url("http://127.0.0.1:8080/a")), Ok(()));
        assert_eq!(p.check(&url("https://market.example.com./b")), Ok(()));
        assert!(p.check(&url("http://127.0.0.2/")).is_err());
        assert!(p.check(&url("http://evil.example.com/")).is_err());
    }

    #[test]
    fn another_port_or_scheme_of_the_same_host_is_another_site() {
        // Guards hole 2: the origin is scheme + host + port, for start URLs and mirrors alike.
        let p = direct_policy();
        for u in [
            "http://127.0.0.1:8081/",
            "http://127.0.0.1/",
            "https://127.0.0.1:8080/",
            "http://market.example.com:8443/",
        ] {
            let err = p.check(&url(u)).unwrap_err();
            assert!(
                err.reason.contains("not one of this market's hosts"),
                "{u}: {}",
                err.reason
            );
        }
        let tor = HostPolicy::new([], ["http://mirror.onion:8080/"], true);
        assert_eq!(tor.check(&url("http://mirror.onion:8080/x")), Ok(()));
        assert!(tor.check(&url("http://mirror.onion/x")).is_err());
    }

    #[test]
    fn extra_hosts_accept_urls_and_bare_names() {
        let p = HostPolicy::new(
            [],
            [
                "http://Mirror.onion/path",
                "second.onion:80",
                " third.onion ",
            ],
            true,
        );
        let origins: Vec<&str> = p.allowed_origins().collect();
        assert_eq!(
            origins,
            [
                "http://mirror.onion:80",
                "http://second.onion:80",
                "http://third.onion:80",
                "https://second.onion:80",
                "https://third.onion:443"
            ]
        );
    }

    #[test]
    fn onion_detection_ignores_case_and_trailing_dot() {
        assert!(is_onion("ABC.ONION."));
        assert!(!is_onion("onion.example.com"));
    }
}
