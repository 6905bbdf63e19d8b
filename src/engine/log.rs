//! A whole log pushed into a live engine (the trial page replays an exported file this way): read
//! as `input::read_log` reads it, its times given by `LogFold` as the CLI's `analyze` gives them,
//! so both build the same report from the same file.

use super::Engine;
use crate::analysis::Analysis;
use crate::input::{self, BadLine, Format, InputError, Pacer};
use serde::Serialize;

/// Times before this (1973-03-03, in Unix ms) are no calendar time: a log's own clock (seconds
/// since the stream began, a time of day) or a placeholder (0, 1970-01-01) where an export had none.
const CALENDAR_MS: i64 = 100_000_000_000;
/// Rows at the head of a log that wait for its first calendar time, at most.
const HEAD: usize = 10_000;
/// A time this far past the clock is a jump that the next row must confirm (a log of two streams
/// days apart goes on from the later one; a stray `9999-12-31` does not).
const JUMP_MS: i64 = 24 * 3_600_000;

/// Folds a log's rows in file order, giving those without a time one (`Pacer`). In a log of
/// calendar times whose first rows have none, or only a placeholder, the session would start at
/// the pacer's clock, 0: a report of a 54-year stream, a timeline of empty minutes. So those rows
/// wait (up to `HEAD` of them) for the log's first calendar time and are laid out at the pace
/// before it; once calendar times have come, a placeholder is no time either, and a row more than a
/// day past the clock waits for the next row: if that one goes on from it, the log jumped (two
/// streams in one file); if not, it was a stray time, and the row is paced after the clock. A log
/// without calendar times (its own clock, or none) is folded as it comes.
pub struct LogFold {
    pacer: Pacer,
    head: Vec<Analysis>,
    /// `None` while the head waits; then whether a calendar time came.
    calendar: Option<bool>,
    /// A row whose time jumped a day or more past the clock, waiting for the next row to confirm it.
    jumped: Option<Analysis>,
}

impl LogFold {
    /// `rate`: comments per minute for rows without a time (positive and finite; callers check).
    pub fn new(rate: f64) -> LogFold {
        LogFold { pacer: Pacer::new(rate), head: Vec::new(), calendar: None, jumped: None }
    }

    pub fn row(&mut self, engine: &mut Engine, mut a: Analysis) {
        let calendar = a.ts.is_some_and(|t| t >= CALENDAR_MS);
        if let Some(mut j) = self.jumped.take() {
            let jumped_to = j.ts.expect("a jump has a time");
            if !(calendar && a.ts.is_some_and(|t| t > jumped_to - JUMP_MS)) {
                j.ts = None;
            }
            engine.fold_paced(&mut j, &mut self.pacer);
        }
        match self.calendar {
            None if calendar => {
                let first = a.ts.expect("a calendar time");
                let n = self.head.len() as i64;
                for (k, mut h) in self.head.drain(..).enumerate() {
                    self.pacer.stamp_before(&mut h.ts, first, n - k as i64);
                    engine.fold_assumed(&h, true);
                }
                self.calendar = Some(true);
                engine.fold_paced(&mut a, &mut self.pacer);
            }
            None => {
                self.head.push(a);
                if self.head.len() == HEAD {
                    self.stop_waiting(engine);
                }
            }
            Some(true) if calendar && a.ts.is_some_and(|t| t > engine.now_ms() + JUMP_MS) => self.jumped = Some(a),
            Some(seen) => {
                if seen && !calendar {
                    a.ts = None;
                }
                engine.fold_paced(&mut a, &mut self.pacer);
            }
        }
    }

    /// Folds what still waits; returns how many rows had no time of their own. A jump at the very
    /// end has nothing to confirm it or not, and keeps its time.
    pub fn finish(mut self, engine: &mut Engine) -> u64 {
        self.stop_waiting(engine);
        if let Some(mut j) = self.jumped.take() {
            engine.fold_paced(&mut j, &mut self.pacer);
        }
        self.pacer.untimed
    }

    fn stop_waiting(&mut self, engine: &mut Engine) {
        for mut h in std::mem::take(&mut self.head) {
            engine.fold_paced(&mut h, &mut self.pacer);
        }
        self.calendar.get_or_insert(false);
    }
}

/// What a pushed log gave: rows used, and the lines skipped.
#[derive(Debug, Default, Serialize)]
pub struct Pushed {
    pub rows: u64,
    pub bad: Vec<BadLine>,
}

impl Engine {
    /// `rate`: comments per minute for rows without a time.
    pub fn push_log(&mut self, text: &str, format: &str, rate: f64) -> Result<Pushed, InputError> {
        if !(rate > 0.0 && rate.is_finite()) {
            return Err(InputError::Rate(rate));
        }
        let rows = input::comments(text.as_bytes(), Format::parse(format).unwrap_or(Format::Auto))?;
        let mut log = LogFold::new(rate);
        let mut out = Pushed::default();
        for row in rows {
            match row {
                Ok((_, c)) => {
                    let a = self.analyzer.analyze(&c);
                    log.row(self, a);
                    out.rows += 1;
                }
                Err(bad) => out.bad.push(bad),
            }
        }
        log.finish(self);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Config;

    #[test]
    fn untimed_rows_are_paced_and_bad_lines_reported() {
        let mut e = Engine::new(Config::default());
        let pushed = e.push_log("链接呢\n多少钱\n", "text", 60.0).unwrap();
        assert_eq!(pushed.rows, 2);
        assert_eq!(e.now_ms(), 1_000, "one comment per second after the clock");
        let pushed = e.push_log("{\"text\":\"好\"}\n{oops\n", "jsonl", 60.0).unwrap();
        assert_eq!((pushed.rows, pushed.bad.len()), (1, 1));
    }

    fn started(log: &str) -> (Engine, Option<i64>) {
        let mut e = Engine::new(Config::default());
        e.push_log(log, "jsonl", 60.0).unwrap();
        let start = e.started_ms();
        (e, start)
    }

    #[test]
    fn rows_before_the_first_calendar_time_are_laid_out_before_it() {
        let t = 1_714_593_600_000;
        // No time, then a placeholder 0: both wait and land one step apart before the first time.
        let (e, start) = started(&format!(
            "{{\"text\":\"开播\"}}\n{{\"text\":\"链接呢\",\"ts\":0}}\n{{\"text\":\"多少钱\",\"ts\":{t}}}\n"
        ));
        assert_eq!(start, Some(t - 2_000));
        assert_eq!(e.now_ms(), t);
        let r = crate::Report::from_engine(&e);
        assert_eq!((r.totals.comments, r.totals.untimed), (3, 2));
        assert!(r.timeline.len() <= 2, "{} minutes", r.timeline.len());
    }

    #[test]
    fn a_placeholder_after_calendar_times_is_paced_after_the_clock() {
        let t = 1_714_593_600_000;
        let (e, start) = started(&format!("{{\"text\":\"多少钱\",\"ts\":{t}}}\n{{\"text\":\"链接呢\",\"ts\":0}}\n"));
        assert_eq!(start, Some(t));
        assert_eq!(e.now_ms(), t + 1_000);
        assert_eq!(crate::Report::from_engine(&e).totals.untimed, 1);
    }

    #[test]
    fn a_stray_time_far_ahead_is_paced_and_a_real_jump_is_kept() {
        let t = 1_714_593_600_000;
        let row = |text: &str, ts: i64| format!("{{\"text\":\"{text}\",\"ts\":{ts}}}\n");
        // 9999-12-31 between two rows a minute apart: a stray time.
        let far = 253_402_300_799_000;
        let (e, start) = started(&(row("多少钱", t) + &row("链接呢", far) + &row("有货吗", t + 60_000)));
        assert_eq!((start, e.now_ms()), (Some(t), t + 60_000));
        let r = crate::Report::from_engine(&e);
        assert_eq!((r.totals.comments, r.totals.untimed), (3, 1));
        assert!(r.timeline.len() <= 2, "{} minutes", r.timeline.len());
        // Two streams two days apart: the log goes on from the later one.
        let later = t + 2 * 86_400_000;
        let (e, _) = started(&(row("多少钱", t) + &row("链接呢", later) + &row("有货吗", later + 1_000)));
        assert_eq!(e.now_ms(), later + 1_000);
        assert_eq!(crate::Report::from_engine(&e).totals.untimed, 0);
        // A jump on the last row keeps its time: nothing says otherwise.
        let (e, _) = started(&(row("多少钱", t) + &row("链接呢", later)));
        assert_eq!(e.now_ms(), later);
    }

    #[test]
    fn a_log_with_its_own_clock_keeps_it() {
        // Seconds since the stream began: no calendar time ever comes, so nothing is assumed.
        let (e, start) = started("{\"text\":\"a\",\"ts\":0}\n{\"text\":\"b\",\"ts\":90}\n");
        assert_eq!((start, e.now_ms()), (Some(0), 90_000));
        assert_eq!(crate::Report::from_engine(&e).totals.untimed, 0);
    }

    #[test]
    fn a_bad_rate_is_refused_before_reading() {
        let mut e = Engine::new(Config::default());
        for rate in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert!(matches!(e.push_log("好", "text", rate), Err(InputError::Rate(_))));
        }
        assert_eq!(e.snapshot().totals.comments, 0);
    }
}
