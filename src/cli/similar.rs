//! `similar`: one JSON line per pair — {"same": bool, "score": float} — the grouping decision.

use super::{CliError, CliResult, InputArgs, Skipped, flush, stdout, write_err};
use danmu_radar::{clean::clean, input, intent, similar, tokenize};
use std::io::Write;

/// Each text as the grouping reads a question: with its intent.
fn signature(text: &str) -> similar::Signature {
    let t = clean(text).text.to_lowercase();
    similar::question_signature(&t, &tokenize::cut(&t), intent::classify(&t))
}

pub fn run(args: &InputArgs) -> CliResult {
    let (reader, format) = args.open()?;
    let rows = input::pairs(reader, format).map_err(|e| CliError(format!("{}: {e}", args.name())))?;
    let mut skipped = Skipped::new(args.name());
    let mut out = stdout();
    let mut used = 0;
    for row in rows {
        match row {
            Ok((_, a, b)) => {
                let (a, b) = (signature(&a), signature(&b));
                let s = similar::score(&a, &b);
                writeln!(out, "{{\"same\":{},\"score\":{:.4}}}", s >= similar::threshold(&a, &b), s)
                    .map_err(write_err)?;
                used += 1;
            }
            Err(bad) => skipped.report(&bad),
        }
    }
    flush(out)?;
    skipped.finish(used)
}
