//! A whole log held in memory as text (the trial page and the extension open files this way): its
//! rows and the lines that could not be used, read by the same rules as the CLI's streaming reader.

use super::{BadLine, Format, InputError, comments};
use crate::comment::Comment;
use serde::Serialize;

#[derive(Debug, Default, Serialize)]
pub struct Log {
    pub rows: Vec<Comment>,
    pub bad: Vec<BadLine>,
}

/// Reads `text` as `format` ("jsonl", "csv", "tsv", "text"; anything else is sniffed).
pub fn read_log(text: &str, format: &str) -> Result<Log, InputError> {
    let mut log = Log::default();
    for row in comments(text.as_bytes(), Format::parse(format).unwrap_or(Format::Auto))? {
        match row {
            Ok((_, c)) => log.rows.push(c),
            Err(bad) => log.bad.push(bad),
        }
    }
    Ok(log)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_bad_lines_are_kept_apart() {
        let log = read_log("{\"text\":\"链接呢\"}\n{broken\n{\"text\":\"多少钱\",\"ts\":5}\n", "jsonl").unwrap();
        assert_eq!(log.rows.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["链接呢", "多少钱"]);
        assert_eq!(log.bad.len(), 1);
        assert_eq!(log.bad[0].line, 2);
    }

    #[test]
    fn an_unknown_format_name_is_sniffed() {
        let log = read_log("text,user\n好看,a\n", "whatever").unwrap();
        assert_eq!(log.rows.len(), 1);
        assert!(matches!(read_log("", "auto"), Err(InputError::Empty)));
    }
}
