//! The shipped models against their training: the weights are the ones `make train` wrote, and
//! `dump_features` (ignored) is the training pipeline's featurizer, so training reads the features
//! the engine computes (scripts/train/featurize.py runs it).

use danmu_radar::analysis::analyze;
use danmu_radar::clean::clean;
use danmu_radar::{Comment, intent, question, sentiment, similar, tokenize};
use std::fmt::Write as _;
use std::io::{BufRead, Write};

/// A text's signature as the grouping reads a question: with its intent.
fn sig(text: &str) -> similar::Signature {
    let t = clean(text).text.to_lowercase();
    similar::question_signature(&t, &tokenize::cut(&t), intent::classify(&t))
}

fn ids(out: &mut String, ids: &[u32]) {
    for (k, i) in ids.iter().enumerate() {
        let _ = write!(out, "{}{i}", if k == 0 { "" } else { " " });
    }
}

/// The shipped weights are the ones `make train` wrote, scored on the features the engine computes
/// today: `src/data/model_fixture.tsv` holds the outputs training measured (scripts/train/fixture.py).
/// A feature change without retraining, or a hand-edited model file, fails here.
#[test]
fn shipped_models_match_their_training_fixture() {
    let fixture = include_str!("../src/data/model_fixture.tsv");
    let close = |want: &str, got: f32, what: &str| {
        let want: f32 = want.parse().expect("a number");
        assert!(
            (want.is_nan() && got.is_nan()) || (want - got).abs() < 2e-4 * want.abs().max(1.0),
            "{what}: trained {want}, engine {got}"
        );
    };
    let (mut texts, mut pairs) = (0, 0);
    for line in fixture.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        if f[0] == "pair" {
            close(f[3], similar::pair::logit(&sig(f[1]), &sig(f[2])), &format!("pair {} / {}", f[1], f[2]));
            pairs += 1;
            continue;
        }
        let a = analyze(&Comment::text(f[0]));
        let (norm, tokens) = (a.norm(), a.tokens().collect::<Vec<_>>());
        let (pol, live) = sentiment::logits(norm, &tokens);
        close(f[1], pol, &format!("polarity of {}", f[0]));
        for (k, want) in f[2].split(' ').enumerate() {
            close(want, live[k], &format!("live[{k}] of {}", f[0]));
        }
        close(f[3], question::logit(norm, &tokens).unwrap_or(f32::NAN), &format!("question of {}", f[0]));
        texts += 1;
    }
    assert_eq!((texts, pairs), (200, 100));
}

/// Featurizes texts (`DANMU_DUMP_MODE=text`, one per line) or pairs (`pair`, `a<TAB>b`) from
/// `DANMU_DUMP_IN` into `DANMU_DUMP_OUT`, one line each — see scripts/train/featurize.py.
#[test]
#[ignore = "run by scripts/train/ only"]
fn dump_features() {
    let (Ok(input), Ok(output)) = (std::env::var("DANMU_DUMP_IN"), std::env::var("DANMU_DUMP_OUT")) else {
        return;
    };
    let pairs = std::env::var("DANMU_DUMP_MODE").as_deref() == Ok("pair");
    let reader = std::io::BufReader::new(std::fs::File::open(input).expect("DANMU_DUMP_IN"));
    let mut w = std::io::BufWriter::new(std::fs::File::create(output).expect("DANMU_DUMP_OUT"));
    let (mut line, mut v) = (String::new(), Vec::new());
    for text in reader.lines() {
        let text = text.expect("utf-8 input");
        line.clear();
        v.clear();
        if pairs {
            let (a, b) = text.split_once('\t').expect("a<TAB>b");
            let (sa, sb) = (sig(a), sig(b));
            let dense = similar::pair::features(&sa, &sb, &mut |i| v.push(i));
            ids(&mut line, &v);
            let d: Vec<String> = dense.iter().map(|x| format!("{x}")).collect();
            let _ = write!(line, "\t{}\t{}", d.join(" "), similar::score(&sa, &sb));
        } else {
            let a = analyze(&Comment::text(text.as_str()));
            let (norm, tokens) = (a.norm(), a.tokens().collect::<Vec<_>>());
            let lex = sentiment::features::sparse(norm, &tokens, &mut |i| v.push(i))[0];
            ids(&mut line, &v);
            let (pol, live) = sentiment::logits(norm, &tokens);
            let _ = write!(line, "\t{}\t", lex);
            let core = question::ending::core(norm);
            match question::logit(norm, &tokens) {
                Some(_) => {
                    v.clear();
                    question::sparse(norm, core, &tokens, &mut |i| v.push(i));
                    ids(&mut line, &v);
                }
                None => line.push('-'),
            }
            v.clear();
            intent::sparse(norm, &mut |i| v.push(i));
            let _ = write!(line, "\t{}\t", intent::commerce(norm).map_or("-", |i| i.as_str()));
            ids(&mut line, &v);
            let ql = question::logit(norm, &tokens).map_or("nan".into(), |l| l.to_string());
            let _ = write!(line, "\t{pol} {} {} {} {ql}\t{}", live[0], live[1], live[2], tokens.join(" "));
        }
        writeln!(w, "{line}").expect("write");
    }
    w.flush().expect("flush");
}
