//! The command-line front end: argument types, input opening and bad-line reporting shared by the
//! commands. Each command is one file.

#[cfg(target_os = "linux")]
pub mod alloc;
pub mod analyze;
pub mod classify;
pub mod similar;
pub mod tokenize;

use danmu_radar::Comment;
use danmu_radar::analysis::{Analysis, Analyzer};
use danmu_radar::input::{self, BadLine, Format};
use danmu_radar::prefetch::prefetch;
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

/// One input row, read and analysed, or the reason it could not be.
pub type Analysed = Result<(Comment, Analysis), BadLine>;

/// Reads rows on one thread and analyses them on one worker per core while `fold` applies them in
/// input order on this one: the stateless half of the engine (`analyze`) runs in parallel and
/// overlaps the stateful half (`Engine::apply`). Chunk `k` goes to worker `k % workers`, so reading
/// the workers' results round-robin restores the input order.
pub fn analysed(rows: input::Rows<'static>, mut fold: impl FnMut(Analysed) -> CliResult) -> CliResult {
    use std::sync::mpsc::sync_channel;
    const CHUNK: usize = 512;
    // Chunks queued per worker, each way: with more threads than cores, a worker or the fold that
    // is descheduled for a moment should not stall the others (2 left cores idle ~10% of the time).
    const QUEUE: usize = 8;
    type Row = Result<(usize, Comment), BadLine>;
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let (mut inputs, mut outputs, mut threads) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..workers {
        let (tx_in, rx_in) = sync_channel::<Vec<Row>>(QUEUE);
        let (tx_out, rx_out) = sync_channel::<Vec<Analysed>>(QUEUE);
        threads.push(std::thread::spawn(move || {
            let mut analyzer = Analyzer::default();
            for chunk in rx_in {
                let done = chunk.into_iter().map(|row| {
                    row.map(|(_, c)| {
                        let a = analyzer.analyze(&c);
                        (c, a)
                    })
                });
                if tx_out.send(done.collect()).is_err() {
                    return; // the consumer stopped (an error it reports)
                }
            }
        }));
        inputs.push(tx_in);
        outputs.push(rx_out);
    }
    threads.push(std::thread::spawn(move || {
        let mut chunk = Vec::with_capacity(CHUNK);
        let mut k = 0;
        for row in rows {
            chunk.push(row);
            if chunk.len() == CHUNK {
                if inputs[k % workers].send(std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK))).is_err() {
                    return;
                }
                k += 1;
            }
        }
        let _ = inputs[k % workers].send(chunk);
    }));
    let mut result = Ok(());
    'chunks: for k in 0.. {
        let Ok(chunk) = outputs[k % workers].recv() else { break };
        let mut rest = chunk.into_iter();
        while let Some(row) = rest.next() {
            prefetch_ahead(rest.as_slice());
            if let Err(e) = fold(row) {
                result = Err(e);
                break 'chunks;
            }
        }
    }
    drop(outputs);
    for t in threads {
        t.join().map_err(|_| CliError("an analysis thread failed".into()))?;
    }
    result
}

/// Asks the cache for the rows the fold reads next. A row was analysed on another core, so the fold's
/// first read of it waited on a transfer between the cores' caches (one load in `Engine::fold` held
/// 38% of that function's samples); fetched a few rows ahead, it is there when needed: CPU −2 to −3%
/// in interleaved runs. The analysis first (three rows ahead), then the buffers it points to (one
/// row ahead, once its pointers have arrived).
fn prefetch_ahead(rest: &[Analysed]) {
    if let Some(Ok((_, a))) = rest.get(3) {
        let t: &danmu_radar::analysis::TextAnalysis = a;
        prefetch(std::ptr::from_ref(t).cast(), size_of_val(t));
    }
    if let Some(Ok((c, a))) = rest.get(1) {
        prefetch(c.text.as_ptr(), c.text.len());
        prefetch(a.text.as_ptr(), a.text.len());
        prefetch(a.spans.as_ptr().cast(), size_of_val(a.spans.as_slice()));
        if let Some(sig) = &a.signature {
            prefetch(sig.words.as_ptr().cast(), size_of_val(sig.words.as_slice()));
        }
    }
}

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
