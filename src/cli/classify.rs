//! `classify`: exactly one JSON line per input comment, in input order, from the full engine (the
//! session state — new words, groups — evolves as in a live room).

use super::{CliResult, InputArgs, Skipped, analysed, flush, stdout, write_err};
use danmu_radar::{Engine, Kind};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    kind: Kind,
    is_question: bool,
    intent: Option<&'static str>,
    sentiment: &'static str,
    score: f32,
    tokens: &'a [String],
}

pub fn run(args: &InputArgs) -> CliResult {
    let rows = args.comments()?;
    let mut skipped = Skipped::new(args.name());
    let mut engine = Engine::default();
    let mut out = stdout();
    let mut tokens = Vec::new();
    let mut used = 0;
    analysed(rows, |row| {
        match row {
            Ok((c, a)) => {
                let o = engine.apply(&a, Some(&mut tokens));
                let line = Line {
                    text: &c.text,
                    kind: c.kind,
                    is_question: o.is_question,
                    intent: o.intent.map(|i| i.as_str()),
                    sentiment: o.sentiment.as_str(),
                    score: (o.score * 1000.0).round() / 1000.0,
                    tokens: &tokens,
                };
                serde_json::to_writer(&mut out, &line).map_err(|e| write_err(e.into()))?;
                out.write_all(b"\n").map_err(write_err)?;
                used += 1;
            }
            Err(bad) => skipped.report(&bad),
        }
        Ok(())
    })?;
    flush(out)?;
    skipped.finish(used)
}
