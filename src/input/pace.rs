//! Times for rows that have none: a log of bare text lines still needs a timeline. Rows are spread
//! at a fixed rate after the engine's clock, in file order (or, at the head of a log of calendar
//! times, before its first time: `engine::LogFold`). The CLI's `analyze`, the trial page and
//! anything else that reads a whole log use this one rule, so they build the same report.

/// Stamps untimed rows `60 000 / rate` ms apart, continuing from the newest time seen.
#[derive(Debug, Clone)]
pub struct Pacer {
    step_ms: i64,
    rows: u64,
    /// Rows that had no time of their own.
    pub untimed: u64,
}

impl Pacer {
    /// `rate`: comments per minute (must be positive and finite; callers check user input).
    pub fn new(rate: f64) -> Pacer {
        Pacer { step_ms: (60_000.0 / rate) as i64, rows: 0, untimed: 0 }
    }

    /// Gives `ts` a time if it has none: the first row of a log starts at the clock, each later one
    /// a step after it. `now_ms` is the engine's clock before this row. Returns whether it assumed one.
    pub fn stamp(&mut self, ts: &mut Option<i64>, now_ms: i64) -> bool {
        let assumed = ts.is_none();
        if assumed {
            *ts = Some(now_ms.max(0) + if self.rows == 0 { 0 } else { self.step_ms });
            self.untimed += 1;
        }
        self.rows += 1;
        assumed
    }

    /// Gives a row that waited at the head of a log (`engine::LogFold`) a time `k` steps before the
    /// log's first time, `first_ms`, and counts it as untimed.
    pub fn stamp_before(&mut self, ts: &mut Option<i64>, first_ms: i64, k: i64) {
        *ts = Some((first_ms - k * self.step_ms).max(0));
        self.untimed += 1;
        self.rows += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untimed_rows_follow_the_clock_and_timed_rows_keep_theirs() {
        let mut p = Pacer::new(60.0);
        let mut a = None;
        assert!(p.stamp(&mut a, 0));
        assert_eq!(a, Some(0));
        let mut b = Some(5_000);
        assert!(!p.stamp(&mut b, 0));
        assert_eq!(b, Some(5_000));
        let mut c = None;
        assert!(p.stamp(&mut c, 5_000));
        assert_eq!(c, Some(6_000));
        assert_eq!(p.untimed, 2);
    }
}
