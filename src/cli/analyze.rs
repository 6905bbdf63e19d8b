//! `analyze`: the report of a whole log (json, csv, html, or text for a terminal).

use super::{CliError, CliResult, InputArgs, Skipped, analysed, write_err};
use danmu_radar::catalog::Catalog;
use danmu_radar::engine::LogFold;
use danmu_radar::groups::MAX_TAUGHT;
use danmu_radar::summary::Lang;
use danmu_radar::{Config, Engine, Report};
use std::io::Write;

#[derive(clap::Args)]
pub struct AnalyzeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Product catalog (CSV or JSON: 链接号, 名称, 别名, 价格, 卖点, FAQ).
    #[arg(long)]
    pub catalog: Option<String>,
    /// json (default), csv (tables for a spreadsheet), text (for reading in a terminal) or html (one
    /// self-contained page with charts, readable offline and printable).
    #[arg(long, default_value = "json", value_parser = ["json", "csv", "text", "html"])]
    pub format: String,
    /// Write here instead of standard output.
    #[arg(short, long)]
    pub output: Option<String>,
    /// For rows without a time: assume this many comments per minute, in file order.
    #[arg(long, default_value_t = 60.0)]
    pub rate: f64,
    /// Language of the summary: zh-CN or en.
    #[arg(long, default_value = "zh-CN", value_parser = ["zh-CN", "en"])]
    pub lang: String,
    /// Two questions that ask the same thing, as A=B (洗完会缩水吗=洗了会不会变小): their hot
    /// questions count as one, as after 并 in the overlay. Repeat for more pairs (at most 32).
    #[arg(long, value_name = "A=B")]
    pub same: Vec<String>,
}

/// The `--same` pairs, taught before the first comment so each group starts with its other wording.
fn teach(engine: &mut Engine, pairs: &[String]) -> CliResult {
    if pairs.len() > MAX_TAUGHT {
        return Err(CliError(format!("--same: at most {MAX_TAUGHT} pairs, got {}", pairs.len())));
    }
    for pair in pairs {
        let Some((a, b)) = pair.split_once(['=', '＝']).map(|(a, b)| (a.trim(), b.trim())) else {
            return Err(CliError(format!("--same '{pair}': expected two questions as A=B")));
        };
        if a.is_empty() || b.is_empty() {
            return Err(CliError(format!("--same '{pair}': expected two questions as A=B")));
        }
        if !engine.teach_same(a, b) {
            if let Some(side) = [a, b].into_iter().find(|t| !engine.groups_text(t)) {
                return Err(CliError(format!(
                    "--same '{pair}': '{side}' is not read as a question, so it has no hot question to merge"
                )));
            }
        }
    }
    Ok(())
}

pub fn run(args: &AnalyzeArgs) -> CliResult {
    if !(args.rate > 0.0 && args.rate.is_finite()) {
        return Err(CliError("--rate must be a positive number".into()));
    }
    let lang = if args.lang == "en" { Lang::En } else { Lang::Zh };
    let mut engine = Engine::new(Config { lang, ..Config::default() });
    if let Some(path) = &args.catalog {
        let text = std::fs::read_to_string(path).map_err(|e| CliError(format!("{path}: {e}")))?;
        let cat = Catalog::parse(&text).map_err(|e| CliError(format!("{path}: {e}")))?;
        engine.set_catalog(cat);
    }
    teach(&mut engine, &args.same)?;
    let rows = args.input.comments()?;
    let mut skipped = Skipped::new(args.input.name());
    let mut log = LogFold::new(args.rate);
    let mut used = 0u64;
    analysed(rows, |row| {
        match row {
            Ok((_, a)) => {
                log.row(&mut engine, a);
                used += 1;
            }
            Err(bad) => skipped.report(&bad),
        }
        Ok(())
    })?;
    let untimed = log.finish(&mut engine);
    skipped.finish(used)?;
    if untimed > 0 {
        eprintln!(
            "{}: {} row(s) had no time, or none a clock could show (a placeholder such as 0, a stray date far ahead); laid out at {} comments per minute, in file order",
            args.input.name(),
            untimed,
            args.rate
        );
    }
    let mut report = Report::from_engine(&engine);
    report.skipped = skipped.count;
    let body = match args.format.as_str() {
        "json" => report.to_json(),
        "csv" => danmu_radar::report::csv::render(&report),
        "html" => danmu_radar::report::html::render(&report, lang),
        _ => danmu_radar::report::text::render(&report, lang),
    };
    match &args.output {
        Some(p) => std::fs::write(p, body).map_err(|e| CliError(format!("{p}: {e}"))),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(body.as_bytes()).map_err(write_err)?;
            out.flush().map_err(write_err)
        }
    }
}
