//! The command-line front end: argument types, input opening and bad-line reporting shared by the
//! commands. Each command is one file.

#[cfg(target_os = "linux")]
pub mod alloc;
pub mod analyze;
pub mod classify;
mod pipeline;
pub mod similar;
pub mod tokenize;

use danmu_radar::input::{self, BadLine, Format};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};

#[derive(clap::Args, Clone)]
pub struct InputArgs {
    /// A log file, or - (or nothing) for standard input.
    pub file: Option<String>,
    /// auto (by extension, then by content), jsonl, csv, tsv or text (one comment per line).
    #[arg(long, default_value = "auto", value_parser = parse_format)]
    pub input_format: Format,
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::parse(s).ok_or_else(|| format!("unknown format '{s}' (auto, jsonl, csv, tsv, text)"))
}

/// A CLI failure: the message names the file.
#[derive(Debug)]
pub struct CliError(pub String);

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub type CliResult = Result<(), CliError>;

impl InputArgs {
    pub fn name(&self) -> &str {
        match self.file.as_deref() {
            None | Some("-") => "<stdin>",
            Some(p) => p,
        }
    }

    pub fn open(&self) -> Result<(Box<dyn BufRead + Send>, Format), CliError> {
        let reader: Box<dyn BufRead + Send> = match self.file.as_deref() {
            None | Some("-") => Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
            Some(p) => {
                let f = File::open(p).map_err(|e| CliError(format!("{p}: {e}")))?;
                if f.metadata().is_ok_and(|m| m.is_dir()) {
                    return Err(CliError(format!("{p}: is a directory")));
                }
                Box::new(BufReader::with_capacity(1 << 16, f))
            }
        };
        let format = match (self.input_format, self.file.as_deref()) {
            (Format::Auto, Some(p)) if p != "-" => Format::from_path(p),
            (f, _) => f,
        };
        Ok((reader, format))
    }

    pub fn comments(&self) -> Result<input::Rows<'static>, CliError> {
        let (reader, format) = self.open()?;
        input::comments(reader, format).map_err(|e| CliError(format!("{}: {e}", self.name())))
    }
}

pub use pipeline::analysed;

/// Reports bad lines on stderr (the first few in full, then a count) without stopping the run.
pub struct Skipped<'a> {
    name: &'a str,
    pub count: u64,
}

const SHOWN: u64 = 20;

impl<'a> Skipped<'a> {
    pub fn new(name: &'a str) -> Self {
        Skipped { name, count: 0 }
    }

    pub fn report(&mut self, bad: &BadLine) {
        self.count += 1;
        if self.count <= SHOWN {
            eprintln!("{}:{}: skipped: {}", self.name, bad.line, bad.reason);
        }
    }

    /// Final word: how many were skipped; an error when nothing at all was usable.
    pub fn finish(&self, used: u64) -> CliResult {
        if self.count > SHOWN {
            eprintln!("{}: … {} more bad lines not shown", self.name, self.count - SHOWN);
        }
        if self.count > 0 {
            eprintln!("{}: skipped {} bad line(s), used {}", self.name, self.count, used);
        }
        if used == 0 && self.count > 0 {
            return Err(CliError(format!("{}: no usable line", self.name)));
        }
        if used == 0 {
            return Err(CliError(format!("{}: the input is empty", self.name)));
        }
        Ok(())
    }
}

/// Writing to a closed pipe (`| head`) ends the run quietly.
pub fn write_err(e: io::Error) -> CliError {
    if e.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    CliError(format!("writing output: {e}"))
}

pub fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::with_capacity(1 << 16, io::stdout().lock())
}

pub fn flush(mut w: impl Write) -> CliResult {
    w.flush().map_err(write_err)
}
