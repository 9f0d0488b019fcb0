//! Profile extraction (the demo market's profile: selectors, regexes, price and vendor fields) on
//! any bytes.
#![no_main]

use armswatch_core::crawl::PageKind;
use armswatch_crawler::extract::{decode_html, Extractor};
use armswatch_crawler::profile::Profile;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| {
        let text = include_str!("../../demo/profile.toml");
        let p = Profile::parse(text, std::path::Path::new("demo/profile.toml")).unwrap();
        Extractor::new(Some(&p)).unwrap()
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&kind, body)) = data.split_first() else {
        return;
    };
    let kind = if kind & 1 == 0 { PageKind::Index } else { PageKind::Listing };
    let html = decode_html(body, Some("text/html; charset=utf-8"));
    let url = url::Url::parse("http://127.0.0.1:8080/listing/1001").unwrap();
    let _ = extractor().extract(&html, &url, kind);
});
