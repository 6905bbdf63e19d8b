//! CSV and TSV logs: a header names the columns (text, user, time, kind, platform).

use super::{
    BadLine, InputError, KIND_COLUMNS, PLATFORM_COLUMNS, Rows, TEXT_COLUMNS, TS_COLUMNS, USER_COLUMNS, time::parse_ts,
};
use crate::comment::{Comment, Kind};
use std::io::BufRead;

fn find_col(headers: &[String], names: &[&str]) -> Option<usize> {
    headers.iter().position(|h| names.contains(&h.trim().to_lowercase().as_str()))
}

pub(super) fn delimited<'a, R: BufRead + Send + 'a>(reader: R, sep: u8) -> Result<Rows<'a>, InputError> {
    let mut rdr = csv::ReaderBuilder::new().delimiter(sep).flexible(true).has_headers(false).from_reader(reader);
    let mut header = csv::ByteRecord::new();
    loop {
        match rdr.read_byte_record(&mut header) {
            Ok(false) => return Err(InputError::Empty),
            Ok(true) if header.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) => continue,
            Ok(true) => break,
            Err(e) => return Err(InputError::Header { line: 1, reason: e.to_string() }),
        }
    }
    let header_line = header.position().map_or(1, |p| p.line() as usize);
    let headers: Vec<String> = header
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let s = String::from_utf8_lossy(f).to_string();
            if i == 0 { s.trim_start_matches('\u{FEFF}').to_string() } else { s }
        })
        .collect();
    let text = find_col(&headers, TEXT_COLUMNS)
        .ok_or_else(|| InputError::NoTextColumn { line: header_line, expected: TEXT_COLUMNS.join(", ") })?;
    let (user, ts, kind, platform) = (
        find_col(&headers, USER_COLUMNS),
        find_col(&headers, TS_COLUMNS),
        find_col(&headers, KIND_COLUMNS),
        find_col(&headers, PLATFORM_COLUMNS),
    );
    let mut rec = csv::ByteRecord::new();
    Ok(Box::new(std::iter::from_fn(move || {
        loop {
            match rdr.read_byte_record(&mut rec) {
                Ok(false) => return None,
                Ok(true) => {
                    let line = rec.position().map_or(0, |p| p.line() as usize);
                    if rec.len() == 1 && rec[0].is_empty() {
                        continue; // blank line
                    }
                    return Some(row_to_comment(&rec, line, text, user, ts, kind, platform).map(|c| (line, c)));
                }
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line() as usize);
                    if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                        return Some(Err(BadLine { line, reason: format!("read error: {e}") }));
                    }
                    return Some(Err(BadLine { line, reason: e.to_string() }));
                }
            }
        }
    })))
}

fn row_to_comment(
    rec: &csv::ByteRecord,
    line: usize,
    text: usize,
    user: Option<usize>,
    ts: Option<usize>,
    kind: Option<usize>,
    platform: Option<usize>,
) -> Result<Comment, BadLine> {
    let field = |i: usize| -> Result<Option<&str>, BadLine> {
        match rec.get(i) {
            None => Ok(None),
            Some(b) => std::str::from_utf8(b)
                .map(|s| Some(s.trim()).filter(|s| !s.is_empty()))
                .map_err(|_| BadLine { line, reason: format!("column {} is not valid UTF-8", i + 1) }),
        }
    };
    let Some(t) = field(text)? else {
        return Err(BadLine { line, reason: format!("no text in column {}", text + 1) });
    };
    let mut c = Comment::text(t);
    c.user = user.map(field).transpose()?.flatten().map(str::to_string);
    c.platform = platform.map(field).transpose()?.flatten().map(str::to_string);
    if let Some(raw) = ts.map(field).transpose()?.flatten() {
        c.ts = Some(parse_ts(raw).ok_or_else(|| BadLine { line, reason: format!("unreadable time '{raw}'") })?);
    }
    if let Some(raw) = kind.map(field).transpose()?.flatten() {
        c.kind = Kind::parse(raw).ok_or_else(|| BadLine { line, reason: format!("unknown kind '{raw}'") })?;
    }
    Ok(c)
}
