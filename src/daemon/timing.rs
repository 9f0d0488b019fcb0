//! When crawls are due: durations (`6h`, `20m`), cadences (every N with jitter, or cron), and the
//! capped exponential back-off of a market that keeps failing.

use anyhow::{bail, Context, Result};
use armswatch_store::Schedule;
use rand::Rng;
use std::str::FromStr;

/// Parses a duration such as `30s`, `20m`, `6h`, `1d`, `1h30m`, `500ms` (a bare number is
/// seconds) into seconds, rounded down.
pub fn parse_duration(s: &str) -> Result<u64> {
    Ok(parse_duration_ms(s)? / 1000)
}

/// [`parse_duration`] in milliseconds.
pub fn parse_duration_ms(s: &str) -> Result<u64> {
    let t = s.trim();
    if t.is_empty() {
        bail!("empty duration: expected e.g. 6h, 20m, 30s");
    }
    if let Ok(n) = t.parse::<u64>() {
        return Ok(n.saturating_mul(1000));
    }
    let mut total: u64 = 0;
    let mut num = String::new();
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            num.push(c);
            continue;
        }
        let unit: u64 = match c {
            'm' if chars.peek() == Some(&'s') => {
                chars.next();
                1
            }
            's' => 1000,
            'm' => 60_000,
            'h' => 3_600_000,
            'd' => 86_400_000,
            'w' => 7 * 86_400_000,
            _ => bail!("bad duration {s:?}: unknown unit {c:?} (use ms, s, m, h, d, w)"),
        };
        let n: u64 = num
            .parse()
            .with_context(|| format!("bad duration {s:?}: a number must come before {c:?}"))?;
        total = total.saturating_add(n.saturating_mul(unit));
        num.clear();
    }
    if !num.is_empty() {
        bail!("bad duration {s:?}: {num} has no unit (use s, m, h, d, w)");
    }
    Ok(total)
}

/// How often a market is crawled.
#[derive(Debug, Clone)]
pub enum Cadence {
    Every { secs: i64, jitter: i64 },
    Cron(Box<cron::Schedule>),
}

/// Parses a cron expression: six or seven fields (seconds first), or the classic five
/// (minute first, taken as second 0).
pub fn parse_cron(expr: &str) -> Result<cron::Schedule> {
    let fields = expr.split_whitespace().count();
    let full = if fields == 5 {
        format!("0 {expr}")
    } else {
        expr.to_string()
    };
    cron::Schedule::from_str(&full)
        .map_err(|e| anyhow::anyhow!("bad cron expression {expr:?}: {e}"))
}

impl Cadence {
    /// The cadence of a stored schedule.
    pub fn of(s: &Schedule) -> Result<Cadence> {
        match (&s.cron, s.every_secs) {
            (Some(c), _) => Ok(Cadence::Cron(Box::new(parse_cron(c)?))),
            (None, Some(secs)) if secs > 0 => Ok(Cadence::Every {
                secs,
                jitter: s.jitter_secs.max(0),
            }),
            _ => bail!(
                "schedule of market {} has neither an interval nor a cron expression",
                s.market
            ),
        }
    }

    /// The next due time after a crawl at `now` (unix seconds).
    pub fn next_after(&self, now: i64) -> i64 {
        match self {
            Cadence::Every { secs, jitter } => {
                let j = if *jitter > 0 {
                    rand::rng().random_range(0..=*jitter)
                } else {
                    0
                };
                now + secs + j
            }
            Cadence::Cron(c) => {
                let after = chrono::DateTime::from_timestamp(now, 0).unwrap_or_default();
                c.after(&after)
                    .next()
                    .map(|t| t.timestamp())
                    // A cron expression with no future time (a past year) never comes due.
                    .unwrap_or(i64::MAX)
            }
        }
    }

    /// Human form: `every 6h (+ up to 20m)` or `cron 0 0 * * * *`.
    pub fn describe(s: &Schedule) -> String {
        match (&s.cron, s.every_secs) {
            (Some(c), _) => format!("cron {c}"),
            (None, Some(e)) if s.jitter_secs > 0 => {
                format!("every {} (+ up to {})", human(e), human(s.jitter_secs))
            }
            (None, Some(e)) => format!("every {}", human(e)),
            _ => "?".into(),
        }
    }
}

/// Seconds as the largest exact unit: 21600 -> 6h, 90 -> 90s.
pub fn human(secs: i64) -> String {
    for (unit, n) in [("d", 86_400), ("h", 3600), ("m", 60)] {
        if secs >= n && secs % n == 0 {
            return format!("{}{unit}", secs / n);
        }
    }
    format!("{secs}s")
}

/// The wait after `failures` failed crawls in a row: `base`, doubled per further failure, capped
/// at `max`.
pub fn backoff_secs(base: u64, max: u64, failures: u32) -> u64 {
    let exp = failures.saturating_sub(1).min(32);
    base.saturating_mul(1u64 << exp).min(max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_with_units_and_refuse_nonsense() {
        // Guards `--every 6h --jitter 20m` and clear errors for typos.
        assert_eq!(parse_duration("6h").unwrap(), 21_600);
        assert_eq!(parse_duration("1h30m").unwrap(), 5_400);
        assert_eq!(parse_duration("45").unwrap(), 45);
        assert!(parse_duration("6x")
            .unwrap_err()
            .to_string()
            .contains("unknown unit"));
        assert!(parse_duration("h").is_err());
        assert!(parse_duration("5m3").is_err());
        assert_eq!(parse_duration_ms("250ms").unwrap(), 250);
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        // Guards the "exponential, capped" back-off.
        assert_eq!(backoff_secs(60, 3600, 1), 60);
        assert_eq!(backoff_secs(60, 3600, 2), 120);
        assert_eq!(backoff_secs(60, 3600, 4), 480);
        assert_eq!(backoff_secs(60, 3600, 40), 3600);
    }

    #[test]
    fn cron_and_interval_give_the_next_time() {
        // Guards schedule arithmetic: five-field cron is minute-first, jitter stays in range.
        let c = Cadence::Cron(Box::new(parse_cron("0 */6 * * *").unwrap()));
        // 2024-01-01T00:00:10Z -> next 06:00:00Z.
        assert_eq!(c.next_after(1_704_067_210), 1_704_067_200 + 6 * 3600);
        assert!(parse_cron("not cron").is_err());
        let e = Cadence::Every {
            secs: 100,
            jitter: 10,
        };
        for _ in 0..50 {
            let n = e.next_after(1000);
            assert!((1100..=1110).contains(&n), "{n}");
        }
    }
}
