//! `tokenize`: cleaning plus raw jieba, nothing else — the baseline the engine's speed is compared with.

use super::{CliResult, InputArgs, Skipped, flush, stdout, write_err};
use danmu_radar::{clean::clean, tokenize};
use std::io::Write;

pub fn run(args: &InputArgs) -> CliResult {
    let rows = args.comments()?;
    let mut skipped = Skipped::new(args.name());
    let mut out = stdout();
    let mut used = 0;
    for row in rows {
        match row {
            Ok((_, c)) => {
                let text = clean(&c.text).text;
                let tokens = tokenize::cut(&text);
                writeln!(out, "{}", tokens.join(" ")).map_err(write_err)?;
                used += 1;
            }
            Err(bad) => skipped.report(&bad),
        }
    }
    flush(out)?;
    skipped.finish(used)
}
