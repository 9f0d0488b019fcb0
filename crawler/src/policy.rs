//! Host policy: which URLs a crawl of one market may fetch. The engine asks [`HostPolicy::check`]
//! before every fetch — start URLs, followed links and redirect targets alike — and records the
//! refused ones instead of fetching them.
//!
//! The rules: only `http` and `https`; only the market's own hosts (the start URLs' hosts plus the
//! profile's `hosts`); through Tor, only onion addresses (a clearnet host or an IP literal would
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

/// The hosts one crawl may reach, and whether it runs through Tor.
#[derive(Debug, Clone)]
pub struct HostPolicy {
    /// Lower-case host names (no port, no trailing dot).
    allowed: BTreeSet<String>,
    tor: bool,
}

impl HostPolicy {
    /// A policy allowing the hosts of `start_urls` and the `extra_hosts` (a profile's mirrors, given as
    /// host names or URLs). `tor` says whether the transport keeps traffic inside Tor.
    pub fn new<'a>(
        start_urls: impl IntoIterator<Item = &'a Url>,
        extra_hosts: impl IntoIterator<Item = &'a str>,
        tor: bool,
    ) -> HostPolicy {
        let mut allowed = BTreeSet::new();
        for url in start_urls {
            if let Some(host) = url.host_str() {
                allowed.insert(normalize_host(host));
            }
        }
        for extra in extra_hosts {
            let extra = extra.trim();
            // Accept `http://mirror.onion/` as well as `mirror.onion`.
            let host = match Url::parse(extra) {
                Ok(u) if u.host_str().is_some() => u.host_str().map(normalize_host),
                _ => Some(normalize_host(
                    extra.split(['/', ':']).next().unwrap_or(extra),
                )),
            };
            if let Some(h) = host.filter(|h| !h.is_empty()) {
                allowed.insert(h);
            }
        }
        HostPolicy { allowed, tor }
    }

    /// Whether this policy is for a Tor crawl.
    pub fn is_tor(&self) -> bool {
        self.tor
    }

    /// The allowed hosts, sorted.
    pub fn allowed_hosts(&self) -> impl Iterator<Item = &str> {
        self.allowed.iter().map(String::as_str)
    }

    /// Checks one URL; `Err` says why it must not be fetched.
    pub fn check(&self, url: &Url) -> Result<(), Refusal> {
        let refuse = |reason: String| Err(Refusal { reason });
        let scheme = url.scheme();
        if scheme != "http" && scheme != "https" {
            return refuse(format!("scheme `{scheme}` is not http or https"));
        }
        let host = match url.host() {
            Some(h) => h,
            None => return refuse("the URL has no host".to_string()),
        };
        let name = match host {
            Host::Domain(d) => normalize_host(d),
            Host::Ipv4(ip) => {
                return self.check_ip_literal(&ip.to_string());
            }
            Host::Ipv6(ip) => {
                return self.check_ip_literal(&format!("[{ip}]"));
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
        if !self.allowed.contains(&name) {
            return refuse(format!("{name} is not one of this market's hosts"));
        }
        Ok(())
    }

    fn check_ip_literal(&self, ip: &str) -> Result<(), Refusal> {
        if self.tor {
            return Err(Refusal {
                reason: format!(
                    "{ip} is an IP address, and a Tor crawl only fetches onion services"
                ),
            });
        }
        if self.allowed.contains(ip) {
            Ok(())
        } else {
            Err(Refusal {
                reason: format!("{ip} is not one of this market's hosts"),
            })
        }
    }
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
            p.check(&url(&format!("https://{}/", ONION.to_uppercase()))),
            Ok(())
        );
        assert_eq!(p.check(&url("http://mirrorxyz.onion/x")), Ok(()));
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
        let hosts: Vec<&str> = p.allowed_hosts().collect();
        assert_eq!(hosts, ["mirror.onion", "second.onion", "third.onion"]);
    }

    #[test]
    fn onion_detection_ignores_case_and_trailing_dot() {
        assert!(is_onion("ABC.ONION."));
        assert!(!is_onion("onion.example.com"));
    }
}
