//! Market profile parsing (TOML, then compiling its selectors and regexes): a clear error or a
//! usable extractor, never a panic.
#![no_main]

use armswatch_crawler::extract::Extractor;
use armswatch_crawler::profile::Profile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(p) = Profile::parse(text, std::path::Path::new("fuzz.toml")) {
        if let Ok(e) = Extractor::new(Some(&p)) {
            let url = url::Url::parse("http://fuzzmarket.onion/").unwrap();
            let html = "<html><body><div class=listing><a href=/l/1>Glock 19</a> $500</div></body></html>";
            let _ = e.extract(html, &url, armswatch_core::crawl::PageKind::Index);
        }
    }
});
