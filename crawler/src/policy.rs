//! Host policy: which URLs a crawl of one market may fetch.
