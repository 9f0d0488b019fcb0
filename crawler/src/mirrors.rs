//! A market's addresses: its main onion and its mirrors, treated as one market. Every URL the
//! crawl keeps (frontier, listings, pages' requested URLs) is written with the main address (the
//! *canonical* origin), so one frontier serves all mirrors and a listing seen through two mirrors is
//! stored once; each request goes to the address currently in use, and when that address fails the
//! way a dead onion fails (descriptor not found, introduction or rendezvous failed, unreachable) or
//! times out too often, the crawl moves to the next mirror that has not failed.

use armswatch_core::crawl::FailureKind;
use std::sync::Mutex;
use url::Url;

/// Consecutive timeouts on one address before the crawl moves to another.
pub const DEFAULT_TIMEOUT_THRESHOLD: u32 = 2;

/// An origin: scheme, host, port.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Origin {
    scheme: String,
    host: String,
    port: u16,
}

impl Origin {
    fn of(url: &Url) -> Option<Origin> {
        Some(Origin {
            scheme: url.scheme().to_string(),
            host: url.host_str()?.trim_end_matches('.').to_ascii_lowercase(),
            port: url.port_or_known_default()?,
        })
    }

    /// `url` with this origin.
    fn apply(&self, url: &Url) -> Url {
        let mut out = url.clone();
        // Both origins are http(s) with a host, so none of these can fail.
        let _ = out.set_scheme(&self.scheme);
        let _ = out.set_host(Some(&self.host));
        let default = if self.scheme == "https" { 443 } else { 80 };
        let _ = out.set_port((self.port != default).then_some(self.port));
        out
    }

    fn text(&self) -> String {
        let default = if self.scheme == "https" { 443 } else { 80 };
        if self.port == default {
            format!("{}://{}", self.scheme, self.host)
        } else {
            format!("{}://{}:{}", self.scheme, self.host, self.port)
        }
    }
}

#[derive(Debug)]
struct State {
    active: usize,
    dead: Vec<bool>,
    timeouts: Vec<u32>,
}

/// The addresses of one market and which one is in use.
#[derive(Debug)]
pub struct Mirrors {
    /// The canonical (main) origin first, then the mirrors in order of preference.
    origins: Vec<Origin>,
    timeout_threshold: u32,
    state: Mutex<State>,
}

impl Mirrors {
    /// The market at `main` (its canonical address) with `mirrors`, each a URL
    /// (`http://abc.onion/`) or a bare host (`abc.onion`, `abc.onion:8080`, taking the main
    /// address's scheme). Unusable entries and repeats are skipped.
    pub fn new<'a>(main: &Url, mirrors: impl IntoIterator<Item = &'a str>) -> Mirrors {
        let mut origins: Vec<Origin> = Origin::of(main).into_iter().collect();
        for m in mirrors {
            let m = m.trim();
            let parsed = if m.contains("://") {
                Url::parse(m).ok()
            } else {
                let authority = m.split('/').next().unwrap_or(m);
                Url::parse(&format!("{}://{authority}/", main.scheme())).ok()
            };
            let Some(o) = parsed
                .filter(|u| matches!(u.scheme(), "http" | "https"))
                .as_ref()
                .and_then(Origin::of)
            else {
                continue;
            };
            if !origins.contains(&o) {
                origins.push(o);
            }
        }
        let n = origins.len();
        Mirrors {
            origins,
            timeout_threshold: DEFAULT_TIMEOUT_THRESHOLD,
            state: Mutex::new(State {
                active: 0,
                dead: vec![false; n],
                timeouts: vec![0; n],
            }),
        }
    }

    /// A market known by the URLs as they are (no canonical address, no failover).
    pub fn none() -> Mirrors {
        Mirrors {
            origins: Vec::new(),
            timeout_threshold: DEFAULT_TIMEOUT_THRESHOLD,
            state: Mutex::new(State {
                active: 0,
                dead: Vec::new(),
                timeouts: Vec::new(),
            }),
        }
    }

    /// Changes how many consecutive timeouts on an address move the crawl to another (at least 1).
    pub fn with_timeout_threshold(mut self, n: u32) -> Mirrors {
        self.timeout_threshold = n.max(1);
        self
    }

    /// How many addresses the market has (the main one included).
    pub fn len(&self) -> usize {
        self.origins.len()
    }

    /// Whether there are no addresses at all (a main URL without a host).
    pub fn is_empty(&self) -> bool {
        self.origins.is_empty()
    }

    /// `url` written with the canonical address if it is on any of the market's addresses;
    /// otherwise unchanged.
    pub fn canonical(&self, url: &Url) -> Url {
        match (Origin::of(url), self.origins.first()) {
            (Some(o), Some(main)) if o != *main && self.origins.contains(&o) => main.apply(url),
            _ => url.clone(),
        }
    }

    /// The address in use: its index (for [`Mirrors::failed`]) and `url` moved onto it.
    pub fn route(&self, url: &Url) -> (usize, Url) {
        let active = self.lock().active;
        match self.origins.get(active) {
            Some(o) if Origin::of(url).is_some_and(|u| self.origins.contains(&u)) => {
                (active, o.apply(url))
            }
            _ => (active, url.clone()),
        }
    }

    /// `scheme://host[:port]` of address `index`.
    pub fn origin_text(&self, index: usize) -> Option<String> {
        self.origins.get(index).map(Origin::text)
    }

    /// A fetch through address `index` answered: its timeouts start over.
    pub fn succeeded(&self, index: usize) {
        if let Some(t) = self.lock().timeouts.get_mut(index) {
            *t = 0;
        }
    }

    /// A fetch through address `index` failed with `kind`. Returns the address to try next when
    /// the failure means the address is down (or timed out too often) and another one has not
    /// failed yet; `None` means give up on this URL.
    pub fn failed(&self, index: usize, kind: FailureKind) -> Option<usize> {
        if self.origins.len() < 2 {
            return None;
        }
        let mut s = self.lock();
        let down = if kind == FailureKind::Timeout {
            let t = &mut s.timeouts[index];
            *t += 1;
            *t >= self.timeout_threshold
        } else {
            kind.is_onion_down()
        };
        if !down {
            return None;
        }
        s.dead[index] = true;
        if s.active != index && !s.dead[s.active] {
            // Another task already moved on.
            return Some(s.active);
        }
        let next = (1..self.origins.len())
            .map(|i| (index + i) % self.origins.len())
            .find(|&i| !s.dead[i])?;
        tracing::warn!(
            from = %self.origins[index].text(),
            to = %self.origins[next].text(),
            "market address failed ({kind}); moving to a mirror"
        );
        s.active = next;
        Some(next)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    /// Guards "one market, one frontier": URLs on any mirror are written with the main address;
    /// other hosts are left alone.
    #[test]
    fn mirror_urls_become_canonical() {
        let m = Mirrors::new(&u("http://main.onion/"), ["b.onion", "http://c.onion:8080"]);
        assert_eq!(m.len(), 3);
        assert_eq!(
            m.canonical(&u("http://b.onion/listing/1?x=2")).as_str(),
            "http://main.onion/listing/1?x=2"
        );
        assert_eq!(
            m.canonical(&u("http://c.onion:8080/a")).as_str(),
            "http://main.onion/a"
        );
        assert_eq!(
            m.canonical(&u("http://other.onion/a")).as_str(),
            "http://other.onion/a"
        );
        assert_eq!(
            m.canonical(&u("http://c.onion/a")).as_str(),
            "http://c.onion/a"
        );
    }

    /// Guards failover: a dead-onion failure moves to the next live mirror at once, timeouts only
    /// past the threshold, other failures never; when all are dead the URL is given up.
    #[test]
    fn fails_over_on_dead_onions_and_repeated_timeouts() {
        let m = Mirrors::new(&u("http://main.onion/"), ["b.onion", "c.onion"]);
        let (i, routed) = m.route(&u("http://main.onion/x"));
        assert_eq!((i, routed.as_str()), (0, "http://main.onion/x"));
        assert_eq!(m.failed(0, FailureKind::HttpStatus), None);
        assert_eq!(m.failed(0, FailureKind::Connection), None);
        assert_eq!(m.failed(0, FailureKind::OnionDescriptorNotFound), Some(1));
        let (i, routed) = m.route(&u("http://main.onion/x"));
        assert_eq!((i, routed.as_str()), (1, "http://b.onion/x"));
        assert_eq!(m.failed(1, FailureKind::Timeout), None);
        m.succeeded(1);
        assert_eq!(m.failed(1, FailureKind::Timeout), None);
        assert_eq!(m.failed(1, FailureKind::Timeout), Some(2));
        assert_eq!(m.origin_text(2).as_deref(), Some("http://c.onion"));
        assert_eq!(m.failed(2, FailureKind::OnionIntroductionFailed), None);
    }

    /// Guards the single-address market: nothing to fail over to.
    #[test]
    fn no_mirrors_no_failover() {
        let m = Mirrors::new(&u("http://main.onion/"), ["main.onion", "ftp://x.onion"]);
        assert_eq!(m.len(), 1);
        assert_eq!(m.failed(0, FailureKind::OnionDescriptorNotFound), None);
    }
}
