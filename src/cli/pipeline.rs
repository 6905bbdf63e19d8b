//! The commands' pipeline: rows are read on one thread, analysed on one worker per core, and folded
//! in input order on the caller's thread, so the stateless half of the engine (`analyze`) runs in
//! parallel and overlaps the stateful half (`Engine::fold`).

use danmu_radar::Comment;
use danmu_radar::analysis::{Analysis, Analyzer};
use danmu_radar::input::{self, BadLine};
use danmu_radar::prefetch::prefetch;
use danmu_radar::sketch::hash64;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use super::{CliError, CliResult};

/// One input row, read and analysed, or the reason it could not be.
pub type Analysed = Result<(Comment, Analysis), BadLine>;

type Row = Result<(usize, Comment), BadLine>;

/// Rows read before they are handed out.
const CHUNK: usize = 512;
/// Analysis threads at most (a route names its worker in a byte; the fold marks them in an array).
const MAX_WORKERS: usize = 8;
/// Chunks queued per worker, each way: with more threads than cores, a worker or the fold that is
/// descheduled for a moment should not stall the others (2 left cores idle ~10% of the time).
const QUEUE: usize = 8;
/// Texts each worker's `Analyzer` remembers. A text goes to the worker its hash picks, so a repeat
/// (扣1, 666 from many viewers) always finds the worker that read it first: on the bench's 500k real
/// comments (LRU simulation) two workers of 4,096 texts each caught 28.7% of rows when chunks went
/// round-robin, 31.7% routed by text, and 33.1% routed with 8,192 each (peak memory of `classify`
/// 67.7 → 69.0 MB; callgrind: 1% fewer instructions per comment).
const MEMORY: usize = 8192;

/// Calls `fold` on every row, in input order, with its analysis. Each chunk of rows is split
/// among the workers by text; the chunk's route (which worker has each row) goes to the fold, which
/// takes each worker's part of the chunk and puts the rows back in order.
pub fn analysed(rows: input::Rows<'static>, mut fold: impl FnMut(Analysed) -> CliResult) -> CliResult {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, MAX_WORKERS);
    let (route_tx, route_rx) = sync_channel::<Vec<u8>>(QUEUE * workers);
    let (mut inputs, mut outputs, mut threads) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..workers {
        let (tx_in, rx_in) = sync_channel::<Vec<Row>>(QUEUE);
        let (tx_out, rx_out) = sync_channel::<Vec<Analysed>>(QUEUE);
        threads.push(std::thread::spawn(move || analyse(rx_in, tx_out)));
        inputs.push(tx_in);
        outputs.push(rx_out);
    }
    threads.push(std::thread::spawn(move || split(rows, inputs, route_tx)));
    let mut result = Ok(());
    let mut parts: Vec<std::vec::IntoIter<Analysed>> = (0..workers).map(|_| Vec::new().into_iter()).collect();
    let mut chunk = Vec::with_capacity(CHUNK);
    'chunks: for route in route_rx {
        let mut has = [false; MAX_WORKERS];
        route.iter().for_each(|&w| has[w as usize] = true);
        for (w, part) in parts.iter_mut().enumerate().filter(|(w, _)| has[*w]) {
            let Ok(rows) = outputs[w].recv() else { break 'chunks };
            *part = rows.into_iter();
        }
        chunk.extend(route.iter().map(|&w| parts[w as usize].next().expect("a worker returns each row it got")));
        let mut rest = chunk.drain(..);
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

/// A worker: analyses each part it is given, in order.
fn analyse(parts: Receiver<Vec<Row>>, done: SyncSender<Vec<Analysed>>) {
    let mut analyzer = Analyzer::remembering(MEMORY);
    for part in parts {
        let rows = part.into_iter().map(|row| {
            row.map(|(_, c)| {
                let a = analyzer.analyze(&c);
                (c, a)
            })
        });
        if done.send(rows.collect()).is_err() {
            return; // the fold stopped (an error it reports)
        }
    }
}

/// The reader: cuts the rows into chunks and each chunk into the workers' parts, by text.
fn split(rows: input::Rows<'static>, inputs: Vec<SyncSender<Vec<Row>>>, routes: SyncSender<Vec<u8>>) {
    let workers = inputs.len();
    let mut parts: Vec<Vec<Row>> = (0..workers).map(|_| Vec::with_capacity(CHUNK)).collect();
    let mut route = Vec::with_capacity(CHUNK);
    // A chunk's parts go out before its route, so the fold never waits on a part not yet sent.
    let send = |parts: &mut Vec<Vec<Row>>, route: &mut Vec<u8>| {
        for (w, part) in parts.iter_mut().enumerate().filter(|(_, p)| !p.is_empty()) {
            if inputs[w].send(std::mem::replace(part, Vec::with_capacity(CHUNK))).is_err() {
                return false;
            }
        }
        routes.send(std::mem::replace(route, Vec::with_capacity(CHUNK))).is_ok()
    };
    for row in rows {
        let w = match &row {
            Ok((_, c)) => (hash64(c.text.as_str()) % workers as u64) as usize,
            Err(_) => 0,
        };
        route.push(w as u8);
        parts[w].push(row);
        if route.len() == CHUNK && !send(&mut parts, &mut route) {
            return;
        }
    }
    if !route.is_empty() {
        send(&mut parts, &mut route);
    }
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
