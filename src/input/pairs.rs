//! Question pairs for `similar`.

use super::{BadLine, Format, InputError, lines, sniff};
use std::io::BufRead;

pub type Pairs<'a> = Box<dyn Iterator<Item = Result<(usize, String, String), BadLine>> + 'a>;

/// Pairs for `similar`: JSONL `{"a","b"}` or CSV/TSV whose first two columns are the texts (a header
/// row is detected and skipped when it names its columns).
pub fn pairs<'a, R: BufRead + Send + 'a>(mut reader: R, format: Format) -> Result<Pairs<'a>, InputError> {
    let format = match format {
        Format::Auto => match sniff(&mut reader)? {
            Format::Text => {
                let head = String::from_utf8_lossy(reader.fill_buf()?).to_string();
                if head.lines().next().is_some_and(|l| l.contains('\t')) { Format::Tsv } else { Format::Csv }
            }
            f => f,
        },
        Format::Text => return Err(InputError::Header { line: 1, reason: "pairs need JSONL, CSV or TSV".into() }),
        f => f,
    };
    if format == Format::Jsonl {
        return Ok(Box::new(lines(reader).filter_map(|r| {
            match r {
                Err(b) => Some(Err(b)),
                Ok((_, l)) if l.trim().is_empty() => None,
                Ok((n, l)) => Some(
                    (|| {
                        let v: serde_json::Value =
                            serde_json::from_str(&l).map_err(|e| format!("invalid JSON: {e}"))?;
                        let get = |k: &str| {
                            v.get(k)
                                .and_then(|x| x.as_str())
                                .map(str::to_string)
                                .ok_or(format!("missing string field \"{k}\""))
                        };
                        Ok((n, get("a")?, get("b")?))
                    })()
                    .map_err(|reason| BadLine { line: n, reason }),
                ),
            }
        })));
    }
    let sep = if format == Format::Csv { b',' } else { b'\t' };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(sep)
        .flexible(true)
        .has_headers(false)
        .quoting(sep == b',')
        .from_reader(reader);
    let mut rec = csv::ByteRecord::new();
    let mut first = true;
    Ok(Box::new(std::iter::from_fn(move || {
        loop {
            match rdr.read_byte_record(&mut rec) {
                Ok(false) => return None,
                Ok(true) => {
                    let line = rec.position().map_or(0, |p| p.line() as usize);
                    let was_first = std::mem::replace(&mut first, false);
                    if rec.len() == 1 && rec[0].is_empty() {
                        continue;
                    }
                    if rec.len() < 2 {
                        return Some(Err(BadLine { line, reason: "needs two text columns".into() }));
                    }
                    let (Ok(a), Ok(b)) = (std::str::from_utf8(&rec[0]), std::str::from_utf8(&rec[1])) else {
                        return Some(Err(BadLine { line, reason: "not valid UTF-8".into() }));
                    };
                    let is_header = |s: &str| {
                        ["a", "sentence1", "text_a", "text1", "question1", "q1"]
                            .contains(&s.trim().to_lowercase().as_str())
                    };
                    if was_first && is_header(a) {
                        continue;
                    }
                    return Some(Ok((line, a.to_string(), b.to_string())));
                }
                Err(e) => {
                    return Some(Err(BadLine {
                        line: e.position().map_or(0, |p| p.line() as usize),
                        reason: e.to_string(),
                    }));
                }
            }
        }
    })))
}
