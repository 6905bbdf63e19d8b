//! Reading comment logs: JSONL, CSV, TSV or plain text (one comment per line), as exported by the
//! extension, by common danmaku tools, or written by hand. Streaming: a 6-hour log is never held in
//! memory whole. A bad line is reported with its line number and skipped; a file that cannot be read
//! at all is an `InputError`.

use crate::comment::Comment;
use std::io::BufRead;

mod batch;
mod delimited;
mod jsonl;
mod log;
mod pace;
mod pairs;
mod time;

pub use batch::rows_json;
pub use log::{Log, read_log};
pub use pace::Pacer;
pub use pairs::{Pairs, pairs};
pub use time::parse_ts;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Auto,
    Jsonl,
    Csv,
    Tsv,
    Text,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "auto" => Format::Auto,
            "jsonl" | "json" | "ndjson" => Format::Jsonl,
            "csv" => Format::Csv,
            "tsv" => Format::Tsv,
            "text" | "txt" => Format::Text,
            _ => return None,
        })
    }

    /// From a file name's extension; `Auto` when it says nothing.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
        match ext {
            "jsonl" | "ndjson" | "json" => Format::Jsonl,
            "csv" => Format::Csv,
            "tsv" => Format::Tsv,
            "txt" | "log" => Format::Text,
            _ => Format::Auto,
        }
    }
}

/// A line that could not be used; the rest of the file still is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BadLine {
    pub line: usize,
    pub reason: String,
}

/// The input as a whole is unusable.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("the input is empty")]
    Empty,
    #[error("line {line}: no text column in the header (expected one of: {expected})")]
    NoTextColumn { line: usize, expected: String },
    #[error("could not read the input: {0}")]
    Io(#[from] std::io::Error),
    #[error("line {line}: {reason}")]
    Header { line: usize, reason: String },
    #[error("the rate must be a positive number of comments per minute, not {0}")]
    Rate(f64),
}

pub const TEXT_COLUMNS: &[&str] = &[
    "text",
    "comment",
    "content",
    "review",
    "audience_comment",
    "message",
    "msg",
    "danmaku",
    "danmu",
    "内容",
    "评论",
    "弹幕",
    "消息",
];
pub(crate) const USER_COLUMNS: &[&str] =
    &["user", "nickname", "nick", "uname", "username", "user_name", "uid", "user_id", "用户", "昵称", "用户名"];
pub(crate) const TS_COLUMNS: &[&str] =
    &["ts", "time", "timestamp", "created_at", "send_time", "date", "时间", "发送时间"];
pub(crate) const KIND_COLUMNS: &[&str] = &["kind", "type", "msg_type", "类型"];
pub(crate) const PLATFORM_COLUMNS: &[&str] = &["platform", "平台"];

pub type Rows<'a> = Box<dyn Iterator<Item = Result<(usize, Comment), BadLine>> + Send + 'a>;

/// Opens `reader` as a stream of comments. `Format::Auto` sniffs the first non-blank line.
pub fn comments<'a, R: BufRead + Send + 'a>(mut reader: R, format: Format) -> Result<Rows<'a>, InputError> {
    let format = match format {
        Format::Auto => sniff(&mut reader)?,
        f => f,
    };
    Ok(match format {
        Format::Jsonl => {
            let mut lines = LineReader::new(reader);
            Box::new(std::iter::from_fn(move || {
                loop {
                    return Some(match lines.next_line()? {
                        Err(bad) => Err(bad),
                        Ok((_, line)) if line.trim().is_empty() => continue,
                        Ok((n, line)) => {
                            jsonl::parse_line(line).map(|c| (n, c)).map_err(|reason| BadLine { line: n, reason })
                        }
                    });
                }
            }))
        }
        Format::Text => {
            let mut lines = LineReader::new(reader);
            Box::new(std::iter::from_fn(move || {
                loop {
                    return Some(match lines.next_line()? {
                        Err(bad) => Err(bad),
                        Ok((_, line)) if line.trim().is_empty() => continue,
                        Ok((n, line)) => Ok((n, Comment::text(line.trim_end_matches('\r')))),
                    });
                }
            }))
        }
        Format::Csv | Format::Tsv => delimited::delimited(reader, if format == Format::Csv { b',' } else { b'\t' })?,
        Format::Auto => unreachable!("resolved above"),
    })
}

/// Physical lines with 1-based numbers; invalid UTF-8 is a bad line, not the end of the file.
pub(crate) fn lines<R: BufRead + Send>(reader: R) -> impl Iterator<Item = Result<(usize, String), BadLine>> + Send {
    let mut lines = LineReader::new(reader);
    std::iter::from_fn(move || lines.next_line().map(|r| r.map(|(n, s)| (n, s.to_string()))))
}

/// Reads physical lines into one reused buffer.
pub(crate) struct LineReader<R> {
    reader: R,
    buf: Vec<u8>,
    n: usize,
}

impl<R: BufRead> LineReader<R> {
    pub(crate) fn new(reader: R) -> Self {
        LineReader { reader, buf: Vec::new(), n: 0 }
    }

    /// The next line without its line break, numbered from 1; invalid UTF-8 is a bad line.
    pub(crate) fn next_line(&mut self) -> Option<Result<(usize, &str), BadLine>> {
        self.buf.clear();
        self.n += 1;
        let n = self.n;
        match self.reader.read_until(b'\n', &mut self.buf) {
            Ok(0) => None,
            Ok(_) => {
                while self.buf.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
                    self.buf.pop();
                }
                let bytes =
                    if n == 1 { self.buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&self.buf) } else { &self.buf[..] };
                // The fast check says only whether; std's says where, for the message.
                Some(match simdutf8::basic::from_utf8(bytes) {
                    Ok(s) => Ok((n, s)),
                    Err(_) => {
                        let at = std::str::from_utf8(bytes).err().map_or(0, |e| e.valid_up_to());
                        Err(BadLine { line: n, reason: format!("invalid UTF-8 at byte {at}") })
                    }
                })
            }
            Err(e) => Some(Err(BadLine { line: n, reason: format!("read error: {e}") })),
        }
    }
}

pub(crate) fn sniff<R: BufRead>(reader: &mut R) -> Result<Format, InputError> {
    let buf = reader.fill_buf()?;
    if buf.is_empty() {
        return Err(InputError::Empty);
    }
    let head = String::from_utf8_lossy(&buf[..buf.len().min(64 * 1024)]);
    let first = head.trim_start_matches('\u{FEFF}').lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let t = first.trim_start();
    if t.starts_with('{') {
        return Ok(Format::Jsonl);
    }
    let has_text_col = |sep: char| {
        first.split(sep).any(|h| TEXT_COLUMNS.contains(&h.trim().trim_matches('"').to_lowercase().as_str()))
    };
    Ok(if has_text_col('\t') {
        Format::Tsv
    } else if has_text_col(',') {
        Format::Csv
    } else {
        Format::Text
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str, f: Format) -> (Vec<(usize, Comment)>, Vec<BadLine>) {
        let mut ok = Vec::new();
        let mut bad = Vec::new();
        for r in comments(s.as_bytes(), f).unwrap() {
            match r {
                Ok(x) => ok.push(x),
                Err(b) => bad.push(b),
            }
        }
        (ok, bad)
    }

    #[test]
    fn sniffs_and_reads_each_format() {
        let (ok, _) =
            read("{\"text\":\"链接呢\",\"user\":\"a\",\"ts\":1700000000}\n\n{\"content\":\"多少钱\"}\n", Format::Auto);
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].1.ts, Some(1_700_000_000_000));
        assert_eq!(ok[1].0, 3);
        let (ok, _) = read("streamer_id\taudience_comment\nx\t有S码吗\n", Format::Auto);
        assert_eq!(ok[0].1.text, "有S码吗");
        let (ok, _) = read("nickname,content,time\n小王,\"多少钱,贵吗\",2024-05-01 20:00:01\n", Format::Auto);
        assert_eq!(ok[0].1.text, "多少钱,贵吗");
        assert_eq!(ok[0].1.user.as_deref(), Some("小王"));
        let (ok, _) = read("链接呢\n\n多少钱\r\n", Format::Auto);
        assert_eq!(ok.iter().map(|r| r.1.text.as_str()).collect::<Vec<_>>(), vec!["链接呢", "多少钱"]);
    }

    #[test]
    fn bad_lines_are_numbered_and_skipped() {
        let (ok, bad) = read(
            "{\"text\":\"好\"}\n{broken\n{\"x\":1}\n{\"text\":\"行\",\"kind\":\"dance\"}\n{\"text\":\"对\"}\n",
            Format::Jsonl,
        );
        assert_eq!(ok.len(), 2);
        assert_eq!(bad.iter().map(|b| b.line).collect::<Vec<_>>(), vec![2, 3, 4]);
        let bytes: &[u8] = b"ok\n\xff\xfe bad\nfine\n";
        let rows: Vec<_> = comments(bytes, Format::Text).unwrap().collect();
        assert_eq!(rows[1].as_ref().unwrap_err().line, 2);
        assert_eq!(rows.len(), 3);
    }

    #[test]
    fn fatal_inputs() {
        assert!(matches!(comments(&b""[..], Format::Auto), Err(InputError::Empty)));
        assert!(matches!(comments(&b"a,b\n1,2\n"[..], Format::Csv), Err(InputError::NoTextColumn { line: 1, .. })));
    }

    #[test]
    fn timestamps() {
        assert_eq!(parse_ts("1700000000"), Some(1_700_000_000_000));
        assert_eq!(parse_ts("1700000000123"), Some(1_700_000_000_123));
        assert_eq!(parse_ts("1970-01-02 00:00:01"), Some(86_401_000));
        assert_eq!(parse_ts("2024-05-01T20:15:03.5Z"), Some(1_714_594_503_500));
        assert_eq!(parse_ts("00:01:00"), Some(60_000));
        assert_eq!(parse_ts("yesterday"), None);
        assert_eq!(parse_ts("25:00:00"), None);
        // Past the year 9999 (or past what an i64 of ms holds) is no time, as a date would not be.
        assert_eq!(parse_ts("253402300799999"), Some(253_402_300_799_999));
        assert_eq!(parse_ts("253402300800000"), None);
        assert_eq!(parse_ts("1e300"), None);
        assert_eq!(parse_ts("99999999999999999999"), None);
    }

    #[test]
    fn reads_pairs() {
        let v: Vec<_> = pairs(&b"{\"a\":\"x\",\"b\":\"y\"}\n"[..], Format::Auto).unwrap().collect();
        assert_eq!(v[0].as_ref().unwrap().1, "x");
        let v: Vec<_> = pairs(&b"sentence1\tsentence2\tlabel\n\xe5\xa5\xbd\t\xe5\x9d\x8f\t0\n"[..], Format::Auto)
            .unwrap()
            .collect();
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].as_ref().unwrap().2, "坏");
        let v: Vec<_> = pairs(&b"text_a,text_b,label\n1,2,0\n"[..], Format::Csv).unwrap().collect();
        assert_eq!(v.len(), 1);
    }
}
