//! Wall detection (login, CAPTCHA, queue, down/seized) on small pages built around the fuzzed text:
//! the input is split into a title, a heading and a body placed in a wall-shaped page, so the
//! fuzzer spends its time on the cues rather than on HTML structure.
#![no_main]

use armswatch_core::crawl::PageKind;
use armswatch_crawler::extract::Extractor;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\u{1f}');
    let title = parts.next().unwrap_or("");
    let heading = parts.next().unwrap_or("");
    let body = parts.next().unwrap_or("");
    let html = format!(
        "<html><head><title>{title}</title></head><body><h1>{heading}</h1>\
         <form method=post><input name=user><input type=password name=pass>{body}</form></body></html>"
    );
    let url = url::Url::parse("http://fuzzmarket.onion/login").unwrap();
    let page = Extractor::new(None).unwrap().extract(&html, &url, PageKind::Index);
    if let Some(w) = page.wall {
        assert!(!w.kind.as_str().is_empty());
    }
    // The raw text as a whole page too.
    let _ = Extractor::new(None).unwrap().extract(&text, &url, PageKind::Listing);
});
