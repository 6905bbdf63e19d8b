//! The seller's spending limits: tokens in any rolling hour and ¥ per live-room session. A call is
//! allowed only if its worst case (estimated prompt + the reply cap) fits both, checked before the
//! call; afterwards the provider's reported usage (or our estimate when a stream broke before it)
//! is what counts.

use serde::{Deserialize, Serialize};

const HOUR_MS: i64 = 3_600_000;

/// Tokens are estimated conservatively (over, not under): a CJK character counts as one token
/// (tokenizers of the presets use 0.6–1), any other text as one per three bytes, plus framing.
pub fn estimate_tokens(text: &str) -> u64 {
    let (mut cjk, mut other) = (0u64, 0u64);
    for c in text.chars() {
        if c as u32 >= 0x2E80 { cjk += 1 } else { other += c.len_utf8() as u64 }
    }
    cjk + other.div_ceil(3) + 4
}

/// ¥ for a call at the given prices (per million tokens).
pub fn cost(prompt_tokens: u64, completion_tokens: u64, price_in: f64, price_out: f64) -> f64 {
    (prompt_tokens as f64 * price_in + completion_tokens as f64 * price_out) / 1_000_000.0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    pub prompt_tokens: u64,
    pub completion_tokens: u64,
}

impl Usage {
    pub fn total(&self) -> u64 {
        self.prompt_tokens + self.completion_tokens
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The rolling hour is spent; calls resume at `until_ms`.
    TokensPerHour { until_ms: i64 },
    /// The session's ¥ cap is reached; calls resume only if the seller raises it.
    YuanCap,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Budget {
    /// (time, tokens) of the calls in the last hour, oldest first.
    recent: Vec<(i64, u64)>,
    pub session_tokens: u64,
    pub session_yuan: f64,
    pub calls: u32,
}

impl Budget {
    pub fn tokens_last_hour(&self, now_ms: i64) -> u64 {
        self.recent.iter().filter(|(t, _)| now_ms - t < HOUR_MS).map(|(_, n)| n).sum()
    }

    /// May a call costing at most `tokens` (and `yuan`) start now?
    pub fn check(&self, now_ms: i64, tokens: u64, yuan: f64, per_hour: u64, yuan_cap: f64) -> Result<(), Refusal> {
        if self.session_yuan + yuan > yuan_cap + 1e-12 {
            return Err(Refusal::YuanCap);
        }
        if self.tokens_last_hour(now_ms) + tokens > per_hour {
            // Wait until enough old calls leave the window (or an hour, if one call alone is too big).
            let mut used = self.tokens_last_hour(now_ms);
            let mut until = now_ms + HOUR_MS;
            for &(t, n) in self.recent.iter().filter(|(t, _)| now_ms - t < HOUR_MS) {
                used -= n;
                if used + tokens <= per_hour {
                    until = t + HOUR_MS;
                    break;
                }
            }
            return Err(Refusal::TokensPerHour { until_ms: until });
        }
        Ok(())
    }

    pub fn record(&mut self, now_ms: i64, usage: Usage, price_in: f64, price_out: f64) -> f64 {
        let yuan = cost(usage.prompt_tokens, usage.completion_tokens, price_in, price_out);
        self.recent.retain(|(t, _)| now_ms - t < HOUR_MS);
        self.recent.push((now_ms, usage.total()));
        self.session_tokens += usage.total();
        self.session_yuan += yuan;
        self.calls += 1;
        yuan
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: i64 = 60_000;

    #[test]
    fn cost_is_per_million() {
        assert!((cost(1_000_000, 0, 2.0, 3.0) - 2.0).abs() < 1e-12);
        assert!((cost(1500, 500, 2.0, 3.0) - 0.0045).abs() < 1e-12);
        assert_eq!(cost(10_000, 10_000, 0.0, 0.0), 0.0);
    }

    #[test]
    fn rolling_hour_refuses_then_reopens() {
        let mut b = Budget::default();
        let u = Usage { prompt_tokens: 1500, completion_tokens: 500 };
        for i in 0..20 {
            assert_eq!(b.check(i * 3 * MIN, 2000, 0.0, 40_000, 10.0), Ok(()), "call {i}");
            b.record(i * 3 * MIN, u, 2.0, 3.0);
        }
        // 20 calls × 2000 = the whole hour's 40k: the 21st waits until the first leaves the window.
        assert_eq!(b.check(60 * MIN - 1, 2000, 0.0, 40_000, 10.0), Err(Refusal::TokensPerHour { until_ms: 60 * MIN }));
        assert_eq!(b.check(60 * MIN, 2000, 0.0, 40_000, 10.0), Ok(()));
        assert_eq!(b.tokens_last_hour(60 * MIN), 19 * 2000);
        assert_eq!(b.session_tokens, 40_000);
        assert!((b.session_yuan - 20.0 * 0.0045).abs() < 1e-9);
    }

    #[test]
    fn yuan_cap_is_per_session() {
        let mut b = Budget::default();
        b.record(0, Usage { prompt_tokens: 1_000_000, completion_tokens: 0 }, 2.0, 0.0);
        assert_eq!(b.check(10 * HOUR_MS, 10, 0.0, 40_000, 2.0), Ok(()));
        assert_eq!(b.check(10 * HOUR_MS, 10, 0.01, 40_000, 2.0), Err(Refusal::YuanCap));
    }

    #[test]
    fn a_call_bigger_than_the_hour_waits_an_hour() {
        let b = Budget::default();
        assert_eq!(b.check(5, 50_000, 0.0, 40_000, 1.0), Err(Refusal::TokensPerHour { until_ms: 5 + HOUR_MS }));
    }

    #[test]
    fn estimates_over_count() {
        assert_eq!(estimate_tokens("多少钱"), 3 + 4);
        assert_eq!(estimate_tokens("hello world!"), 4 + 4);
    }
}
