//! [`OpsStore`]: what `armswatch run`, `schedule`, `watch` and `doctor` need from the store beyond
//! the crawl (schedules, watches, alerts and their delivery state), on either backend, so the
//! daemon and those commands take a SQLite file or a PostgreSQL database alike.

use crate::{
    AlertListing, AlertQuery, AlertRecord, CrawlStore, NewAlert, NewSchedule, PgStore, Result,
    Schedule, Store, Watch,
};
use armswatch_core::MarketId;

/// Schedules, watches and alerts, on both backends with the same semantics.
pub trait OpsStore: CrawlStore {
    /// Adds a schedule; a second one for the market or the profile is a conflict.
    fn add_schedule(&self, s: &NewSchedule) -> Result<i64>;
    /// Every schedule, by market.
    fn schedules(&self) -> Result<Vec<Schedule>>;
    /// The schedule of `market`, if it has one.
    fn schedule(&self, market: &MarketId) -> Result<Option<Schedule>>;
    /// Removes the schedule of `market`; false when it had none.
    fn remove_schedule(&self, market: &MarketId) -> Result<bool>;
    /// Pauses or resumes the schedule of `market`; false when it has none.
    fn set_schedule_paused(&self, market: &MarketId, paused: bool) -> Result<bool>;
    /// Records the end of a scheduled crawl (next due time, failures in a row, back-off, run).
    fn schedule_done(
        &self,
        market: &MarketId,
        next_at: i64,
        failures: u32,
        backoff_until: Option<i64>,
        run_id: Option<i64>,
    ) -> Result<()>;
    /// The market's state name and when it last changed (unix seconds).
    fn market_state_changed(&self, market: &MarketId) -> Result<Option<(String, Option<i64>)>>;
    /// Adds a watch (`vendor` or `term`); the same one twice is a conflict.
    fn add_watch(&self, kind: &str, pattern: &str) -> Result<i64>;
    /// Every watch, oldest first.
    fn watches(&self) -> Result<Vec<Watch>>;
    /// Removes watch `id`; false when there is none.
    fn remove_watch(&self, id: i64) -> Result<bool>;
    /// Moves a watch's scan mark forward.
    fn set_watch_scanned(&self, id: i64, until: i64) -> Result<()>;
    /// Listings an alert may be about.
    fn alert_listings(&self, query: AlertQuery) -> Result<Vec<AlertListing>>;
    /// Records alerts, skipping keys already recorded; returns how many were new.
    fn insert_alerts(&self, alerts: &[NewAlert]) -> Result<usize>;
    /// Pending alerts due at `at`, oldest first.
    fn due_alerts(&self, at: i64, limit: usize) -> Result<Vec<AlertRecord>>;
    /// The newest alerts, newest first.
    fn recent_alerts(&self, limit: usize) -> Result<Vec<AlertRecord>>;
    /// Alerts by delivery state.
    fn alert_counts(&self) -> Result<Vec<(String, usize)>>;
    /// Marks an alert's line written to the alerts file.
    fn alert_file_written(&self, id: i64) -> Result<()>;
    /// Records a delivery attempt (delivered, retried at `retry_at`, or given up).
    fn alert_attempt(&self, id: i64, error: Option<&str>, retry_at: Option<i64>) -> Result<()>;
}

/// Delegates to the inherent methods of the same names.
macro_rules! delegate_ops {
    ($t:ty, $state:ident) => {
        impl OpsStore for $t {
            fn add_schedule(&self, s: &NewSchedule) -> Result<i64> {
                <$t>::add_schedule(self, s)
            }
            fn schedules(&self) -> Result<Vec<Schedule>> {
                <$t>::schedules(self)
            }
            fn schedule(&self, market: &MarketId) -> Result<Option<Schedule>> {
                <$t>::schedule(self, market)
            }
            fn remove_schedule(&self, market: &MarketId) -> Result<bool> {
                <$t>::remove_schedule(self, market)
            }
            fn set_schedule_paused(&self, market: &MarketId, paused: bool) -> Result<bool> {
                <$t>::set_schedule_paused(self, market, paused)
            }
            fn schedule_done(
                &self,
                market: &MarketId,
                next_at: i64,
                failures: u32,
                backoff_until: Option<i64>,
                run_id: Option<i64>,
            ) -> Result<()> {
                <$t>::schedule_done(self, market, next_at, failures, backoff_until, run_id)
            }
            fn market_state_changed(
                &self,
                market: &MarketId,
            ) -> Result<Option<(String, Option<i64>)>> {
                <$t>::$state(self, market)
            }
            fn add_watch(&self, kind: &str, pattern: &str) -> Result<i64> {
                <$t>::add_watch(self, kind, pattern)
            }
            fn watches(&self) -> Result<Vec<Watch>> {
                <$t>::watches(self)
            }
            fn remove_watch(&self, id: i64) -> Result<bool> {
                <$t>::remove_watch(self, id)
            }
            fn set_watch_scanned(&self, id: i64, until: i64) -> Result<()> {
                <$t>::set_watch_scanned(self, id, until)
            }
            fn alert_listings(&self, query: AlertQuery) -> Result<Vec<AlertListing>> {
                <$t>::alert_listings(self, query)
            }
            fn insert_alerts(&self, alerts: &[NewAlert]) -> Result<usize> {
                <$t>::insert_alerts(self, alerts)
            }
            fn due_alerts(&self, at: i64, limit: usize) -> Result<Vec<AlertRecord>> {
                <$t>::due_alerts(self, at, limit)
            }
            fn recent_alerts(&self, limit: usize) -> Result<Vec<AlertRecord>> {
                <$t>::recent_alerts(self, limit)
            }
            fn alert_counts(&self) -> Result<Vec<(String, usize)>> {
                <$t>::alert_counts(self)
            }
            fn alert_file_written(&self, id: i64) -> Result<()> {
                <$t>::alert_file_written(self, id)
            }
            fn alert_attempt(
                &self,
                id: i64,
                error: Option<&str>,
                retry_at: Option<i64>,
            ) -> Result<()> {
                <$t>::alert_attempt(self, id, error, retry_at)
            }
        }
    };
}

delegate_ops!(Store, market_state);
delegate_ops!(PgStore, market_state_changed);
