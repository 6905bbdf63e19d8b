//! A whole log pushed into a live engine (the trial page replays an exported file this way): read
//! as `input::read_log` reads it, untimed rows paced after the engine's clock as the CLI's `analyze`
//! paces them, so both build the same report from the same file.

use super::Engine;
use crate::input::{self, BadLine, Format, InputError, Pacer};
use serde::Serialize;

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
        let mut pacer = Pacer::new(rate);
        let mut out = Pushed::default();
        for row in rows {
            match row {
                Ok((_, c)) => {
                    let mut a = self.analyzer.analyze(&c);
                    self.fold_paced(&mut a, &mut pacer);
                    out.rows += 1;
                }
                Err(bad) => out.bad.push(bad),
            }
        }
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

    #[test]
    fn a_bad_rate_is_refused_before_reading() {
        let mut e = Engine::new(Config::default());
        for rate in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert!(matches!(e.push_log("好", "text", rate), Err(InputError::Rate(_))));
        }
        assert_eq!(e.snapshot().totals.comments, 0);
    }
}
