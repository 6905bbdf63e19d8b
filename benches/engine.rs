//! Engine throughput next to raw jieba on the same real comments, in one run (`cargo bench`).
//! BENCHMARKS.md records the numbers; no test asserts a time.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use danmu_radar::{Comment, Engine, clean::clean, tokenize};
use std::hint::black_box;

/// Real comments: Douyin live rooms (LiveChat) and Douyu danmaku, in file order.
fn corpus() -> Vec<Comment> {
    let mut out = Vec::new();
    let douyin = std::fs::read_to_string("tests/data/live/livechat_douyin_dev.tsv").unwrap();
    for (i, l) in douyin.lines().skip(1).enumerate() {
        let mut f = l.split('\t');
        let room = f.next().unwrap();
        out.push(Comment::by(format!("{room}-{}", i % 97), f.next().unwrap(), i as i64 * 500));
    }
    let douyu = std::fs::read_to_string("tests/data/live/douyu_2018_danmaku.tsv").unwrap();
    for (i, l) in douyu.lines().skip(1).enumerate() {
        if let Some(text) = l.split('\t').nth(2) {
            out.push(Comment::by(format!("d{}", i % 997), text.trim_matches('"'), (douyin.len() + i) as i64 * 500));
        }
    }
    out
}

fn throughput(c: &mut Criterion) {
    let rows = corpus();
    let n = 20_000.min(rows.len());
    let sample = &rows[..n];
    tokenize::jieba();
    let mut g = c.benchmark_group("comments");
    g.throughput(Throughput::Elements(n as u64));
    g.sample_size(10);
    g.bench_function(BenchmarkId::new("tokenize (clean + jieba)", n), |b| {
        b.iter(|| {
            for r in sample {
                black_box(tokenize::cut(&clean(&r.text).text).len());
            }
        })
    });
    g.bench_function(BenchmarkId::new("engine push", n), |b| {
        b.iter(|| {
            let mut e = Engine::default();
            for r in sample {
                black_box(e.push(r));
            }
        })
    });
    g.finish();

    let mut e = Engine::default();
    rows.iter().for_each(|r| {
        e.push(r);
    });
    let mut g = c.benchmark_group("per call");
    g.bench_function("snapshot after 54k comments", |b| b.iter(|| black_box(e.snapshot())));
    g.bench_function("checkpoint after 54k comments", |b| b.iter(|| black_box(e.checkpoint().len())));
    g.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
