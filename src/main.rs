//! `danmu-radar`: the engine on exported comment logs. Sellers use `analyze` after a stream; the team
//! measures quality (`classify`, `similar`) and speed (`classify` vs `tokenize`) through it.

mod cli;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

// The CLI allocates a few short strings per comment on four threads; mimalloc's thread-local heaps
// take ~8% off its CPU time against the system allocator (BENCHMARKS.md). The wasm build keeps std's.
// On Linux the large tables also get huge pages (cli/alloc.rs).
#[cfg(target_os = "linux")]
#[global_allocator]
static GLOBAL: cli::alloc::Alloc = cli::alloc::Alloc;
#[cfg(not(target_os = "linux"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "danmu-radar",
    version,
    about = "弹幕雷达: live-commerce comment analysis (hot questions, mood, demand, keywords)"
)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// One JSON line per comment: question?, intent, sentiment, score, tokens.
    Classify(cli::InputArgs),
    /// For JSONL {"a","b"} pairs (or CSV/TSV with two text columns): do they ask the same thing?
    Similar(cli::InputArgs),
    /// One line per comment: its tokens separated by spaces (cleaning + raw jieba; the speed baseline).
    Tokenize(cli::InputArgs),
    /// The report of a whole log.
    Analyze(cli::analyze::AnalyzeArgs),
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = match args.command {
        Command::Classify(a) => cli::classify::run(&a),
        Command::Similar(a) => cli::similar::run(&a),
        Command::Tokenize(a) => cli::tokenize::run(&a),
        Command::Analyze(a) => cli::analyze::run(&a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("danmu-radar: {e}");
            ExitCode::from(2)
        }
    }
}
