//! Politeness: one rate limiter per market, shared by every request of the crawl. Requests start at
//! least `delay_ms` apart (±25 % jitter), whatever the concurrency, and a `Retry-After` from the
//! market holds back every request to it, not only the one that got the answer.
//!
//! It runs on tokio's clock (not a rate-limiting crate's own), so the engine tests can pause time
//! and check the waits in milliseconds.

use rand::Rng;
use std::sync::Mutex;
use std::time::Duration;
use tokio::time::Instant;

/// The request schedule of one market.
#[derive(Debug)]
pub(crate) struct MarketLimiter {
    gap: Duration,
    state: Mutex<State>,
}

#[derive(Debug)]
struct State {
    /// The earliest start of the next request.
    next: Instant,
    /// No request starts before this (a `Retry-After`).
    paused_until: Instant,
}

impl MarketLimiter {
    /// Requests at least `delay_ms` apart (with ±25 % jitter); 0 for no gap.
    pub(crate) fn new(delay_ms: u64) -> MarketLimiter {
        let now = Instant::now();
        MarketLimiter {
            gap: Duration::from_millis(delay_ms),
            state: Mutex::new(State {
                next: now,
                paused_until: now,
            }),
        }
    }

    /// Waits for this market's next request slot.
    pub(crate) async fn acquire(&self) {
        loop {
            let slot = {
                let mut s = self.lock();
                let start = s.next.max(s.paused_until).max(Instant::now());
                s.next = start + self.jittered_gap();
                start
            };
            tokio::time::sleep_until(slot).await;
            // A Retry-After that came in while waiting holds this request back too.
            if self.lock().paused_until <= Instant::now() {
                return;
            }
        }
    }

    /// Holds back every request to the market for `wait` from now.
    pub(crate) fn pause_for(&self, wait: Duration) {
        let until = Instant::now() + wait;
        let mut s = self.lock();
        if s.paused_until < until {
            s.paused_until = until;
        }
    }

    fn jittered_gap(&self) -> Duration {
        let ms = self.gap.as_millis() as u64;
        if ms == 0 {
            return Duration::ZERO;
        }
        let jitter = ms / 4;
        Duration::from_millis(rand::rng().random_range(ms - jitter..=ms + jitter))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn requests_are_spaced_per_market_not_per_task() {
        // Guards hole 9: four concurrent tasks share one schedule, so four requests take three gaps.
        let l = std::sync::Arc::new(MarketLimiter::new(1000));
        let t0 = Instant::now();
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..4 {
            let l = l.clone();
            tasks.spawn(async move {
                l.acquire().await;
                Instant::now()
            });
        }
        let mut starts = tasks.join_all().await;
        starts.sort();
        let last = starts[3] - t0;
        assert!(last >= Duration::from_millis(2250), "{last:?}");
        assert!(last <= Duration::from_millis(3750), "{last:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn retry_after_holds_back_every_request() {
        // Guards Retry-After: a pause set by one answer delays the next request of any task.
        let l = MarketLimiter::new(0);
        l.acquire().await;
        let t0 = Instant::now();
        l.pause_for(Duration::from_secs(30));
        l.acquire().await;
        assert!(Instant::now() - t0 >= Duration::from_secs(30));
    }
}
