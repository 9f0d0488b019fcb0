use super::*;

fn urls(s: &[&str]) -> Vec<Url> {
    s.iter().map(|u| Url::parse(u).unwrap()).collect()
}

#[test]
fn direct_is_refused_for_onion_start_urls_up_front() {
    // Guards hole 9: `--tor direct` with an onion start URL fails before anything is opened.
    let onion = urls(&["http://abc.onion/"]);
    let err = TransportChoice::parse(Some("direct"), &onion).unwrap_err();
    assert!(
        err.to_string().contains("only reachable through Tor"),
        "{err}"
    );
    assert_eq!(
        TransportChoice::parse(Some("direct"), &urls(&["http://127.0.0.1:8080/"])).unwrap(),
        TransportChoice::Direct
    );
    assert_eq!(
        TransportChoice::parse(None, &onion).unwrap(),
        TransportChoice::Arti
    );
}

#[test]
fn markets_without_a_profile_are_told_apart_by_port() {
    // Guards hole 2: two markets on two ports of one host get two ids, so two frontiers.
    let o = PlanOptions {
        tor: Some("direct".into()),
        ..PlanOptions::default()
    };
    let a = CrawlPlan::new(None, None, &["http://127.0.0.1:8080/".into()], &o).unwrap();
    let b = CrawlPlan::new(None, None, &["http://127.0.0.1:8081/".into()], &o).unwrap();
    assert_ne!(a.market, b.market);
    assert_eq!(a.market.as_str(), "127-0-0-1-8080");
}

#[test]
fn zero_options_are_refused() {
    // Guards hole 9: `--timeout-secs 0` and friends are refused before the crawl starts.
    let o = PlanOptions {
        tor: Some("direct".into()),
        timeout_secs: Some(0),
        ..PlanOptions::default()
    };
    let err = CrawlPlan::new(None, None, &["http://127.0.0.1:8080/".into()], &o)
        .err()
        .unwrap();
    assert!(err.to_string().contains("timeout_secs"), "{err}");
}
