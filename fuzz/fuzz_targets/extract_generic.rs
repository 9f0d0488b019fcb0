//! The generic extractor (no profile) on any bytes: decoding, listing cards, links, walls.
#![no_main]

use armswatch_core::crawl::PageKind;
use armswatch_crawler::extract::{decode_html, Extractor};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&kind, body)) = data.split_first() else {
        return;
    };
    let kind = if kind & 1 == 0 { PageKind::Index } else { PageKind::Listing };
    let html = decode_html(body, None);
    let url = url::Url::parse("http://fuzzmarket.onion/category/guns?page=2").unwrap();
    let page = Extractor::new(None).unwrap().extract(&html, &url, kind);
    for l in &page.listings {
        assert!(url::Url::parse(&l.url).is_ok(), "listing URL {:?}", l.url);
    }
});
