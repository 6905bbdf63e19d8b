//! Timestamps as logs write them, to Unix milliseconds.

/// The last millisecond of 9999-12-31: no date `parse_ts` reads is later, nor is any number.
const LAST_MS: f64 = 253_402_300_799_999.0;

/// Unix ms from a number that may be ms, s or (small) seconds since the stream began. A number past
/// the year 9999 is no time (`1e300` would otherwise saturate to `i64::MAX` and put the whole log
/// in one timeline bucket at the end of time).
pub(super) fn number_ts(x: f64) -> Option<i64> {
    if !x.is_finite() || x < 0.0 {
        return None;
    }
    let ms = if x >= 1e11 { x } else { x * 1000.0 };
    (ms <= LAST_MS).then_some(ms as i64)
}

/// Unix ms from `1700000000`, `1700000000123`, `2024-05-01 20:15:03(.123)`, `2024-05-01T20:15:03Z`,
/// or `20:15:03` (time of day, for logs that only keep that).
pub fn parse_ts(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Ok(x) = s.parse::<f64>() {
        return number_ts(x);
    }
    let (date, time) = match s.split_once([' ', 'T']) {
        Some((d, t)) => (Some(d), t),
        None if s.contains(':') => (None, s),
        None => (Some(s), "00:00:00"),
    };
    let time = time.trim_end_matches('Z');
    let time = time.split(['+']).next()?;
    let mut tp = time.split(':');
    let h: i64 = tp.next()?.parse().ok()?;
    let m: i64 = tp.next()?.parse().ok()?;
    let sec: f64 = tp.next().unwrap_or("0").parse().ok()?;
    if tp.next().is_some() || !(0..24).contains(&h) || !(0..60).contains(&m) || !(0.0..61.0).contains(&sec) {
        return None;
    }
    let day_ms = (h * 3600 + m * 60) * 1000 + (sec * 1000.0) as i64;
    let Some(date) = date else { return Some(day_ms) };
    let mut dp = date.split(['-', '/']);
    let y: i64 = dp.next()?.parse().ok()?;
    let mo: i64 = dp.next()?.parse().ok()?;
    let d: i64 = dp.next()?.parse().ok()?;
    if dp.next().is_some() || !(1..=12).contains(&mo) || !(1..=31).contains(&d) || !(1970..=9999).contains(&y) {
        return None;
    }
    Some(days_from_civil(y, mo, d) * 86_400_000 + day_ms)
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}
