//! The CLI contract, on real comments from tests/data (never ../shared), and every bad-input case.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const LIVE: &str = "tests/data/live/livechat_douyin_dev.tsv";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_danmu-radar"))
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(input) = stdin {
        // The program may exit before reading (a bad argument): a broken pipe here is fine.
        let _ = child.stdin.take().unwrap().write_all(input);
    } else {
        drop(child.stdin.take());
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "no panics: {stderr}");
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn live_texts() -> Vec<String> {
    std::fs::read_to_string(LIVE).unwrap().lines().skip(1).map(|l| l.split('\t').nth(1).unwrap().to_string()).collect()
}

#[test]
fn classify_prints_one_json_line_per_comment_in_order() {
    let out = run(&["classify", LIVE], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let texts = live_texts();
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), texts.len());
    for (line, text) in lines.iter().zip(&texts) {
        assert_eq!(line["text"], text.as_str());
        assert_eq!(line["kind"], "comment");
        assert!(line["is_question"].is_boolean());
        assert!(["pos", "neg", "neu"].contains(&line["sentiment"].as_str().unwrap()));
        let score = line["score"].as_f64().unwrap();
        assert!((-1.0..=1.0).contains(&score));
        assert!(line["tokens"].is_array());
        assert_eq!(line["intent"].is_string(), line["is_question"] == true);
    }
}

#[test]
fn classify_reads_stdin_jsonl_with_event_rows() {
    let input = "{\"text\":\"链接呢\",\"user\":\"a\"}\n{\"text\":\"送出了 小心心\",\"kind\":\"gift\"}\n";
    let out = run(&["classify", "-"], Some(input.as_bytes()));
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["is_question"], true);
    assert_eq!(lines[0]["intent"], "link");
    assert_eq!(lines[1]["kind"], "gift");
    assert_eq!(lines[1]["is_question"], false);
}

#[test]
fn tokenize_prints_one_line_per_comment() {
    let out = run(&["tokenize", "--input-format", "text", "-"], Some("小黄车[比心]链接呢\n多少 钱\n".as_bytes()));
    assert_eq!(stdout(&out), "小黄车 [比心] 链接 呢\n多少 钱\n");
    let out = run(&["tokenize", LIVE], None);
    assert_eq!(stdout(&out).lines().count(), live_texts().len());
}

#[test]
fn similar_decides_pairs() {
    let input = "{\"a\":\"多少钱\",\"b\":\"什么价格\"}\n{\"a\":\"3号多少钱\",\"b\":\"5号多少钱\"}\n";
    let out = run(&["similar"], Some(input.as_bytes()));
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["same"], true);
    assert_eq!(lines[1]["same"], false);
    for l in &lines {
        assert!((0.0..=1.0).contains(&l["score"].as_f64().unwrap()));
    }
    let tsv = run(&["similar", "--input-format", "tsv"], Some("好看吗\t好不好看\t1\n".as_bytes()));
    assert_eq!(stdout(&tsv).lines().count(), 1);
}

#[test]
fn analyze_json_has_the_report_fields() {
    let out = run(&["analyze", LIVE], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let r: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(r["comments"], live_texts().len());
    let q = &r["hot_questions"][0];
    for key in ["text", "count", "users", "intent", "examples"] {
        assert!(!q[key].is_null(), "hot_questions[0].{key}");
    }
    for key in ["pos", "neu", "neg"] {
        assert!(r["sentiment"][key].is_number());
    }
    assert!(r["timeline"].as_array().unwrap().len() > 10);
    assert!(r["keywords"].as_array().unwrap().len() > 5);
    assert!(r["products"].is_array());
    assert!(r["summary"].as_str().unwrap().contains("评论"));
}

#[test]
fn analyze_writes_csv_and_text_to_a_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let csv = dir.join("r.csv");
    let out = run(&["analyze", LIVE, "--format", "csv", "-o", csv.to_str().unwrap()], None);
    assert!(out.status.success());
    let body = std::fs::read_to_string(&csv).unwrap();
    assert!(body.starts_with("# 热门问题"));
    let text = run(&["analyze", LIVE, "--format", "text", "--lang", "en"], None);
    assert!(stdout(&text).contains("Hot questions"));
}

#[test]
fn analyze_uses_a_catalog_and_reports_its_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let good = dir.join("good.csv");
    std::fs::write(&good, "链接号,名称,别名\n3,冰丝阔腿裤,阔腿裤\n").unwrap();
    let log = "{\"text\":\"想要阔腿裤\"}\n{\"text\":\"3号多少钱\"}\n";
    let out = run(&["analyze", "--catalog", good.to_str().unwrap(), "-"], Some(log.as_bytes()));
    let r: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(r["products"][0]["name"], "冰丝阔腿裤");
    assert_eq!(r["products"][0]["mentions"], 2);
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "链接号,名称\nx,裤子\n").unwrap();
    let out = run(&["analyze", "--catalog", bad.to_str().unwrap(), "-"], Some(log.as_bytes()));
    assert!(!out.status.success());
    assert!(stderr(&out).contains("bad.csv: catalog row 1, column 链接号"), "{}", stderr(&out));
}

#[test]
fn analyze_merges_the_questions_named_same() {
    let mut log = String::new();
    for u in 0..4 {
        log.push_str(&format!("{{\"text\":\"洗完会缩水吗\",\"user\":\"a{u}\"}}\n"));
        log.push_str(&format!("{{\"text\":\"洗了会不会变小\",\"user\":\"b{u}\"}}\n"));
    }
    let groups = |args: &[&str]| {
        let out = run(args, Some(log.as_bytes()));
        assert!(out.status.success(), "{}", stderr(&out));
        let r: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        let counts: Vec<u64> =
            r["hot_questions"].as_array().unwrap().iter().map(|q| q["count"].as_u64().unwrap()).collect();
        counts
    };
    assert_eq!(groups(&["analyze", "-"]), [4, 4], "the words the radar does not know as one: two groups");
    assert_eq!(groups(&["analyze", "--same", "洗完会缩水吗=洗了会不会变小", "-"]), [8]);
    assert_eq!(
        groups(&["analyze", "--same", "洗了会不会变小 ＝ 洗完会缩水吗", "-"]),
        [8],
        "either order, full-width ="
    );

    let refused = run(&["analyze", "--same", "好看=洗完会缩水吗", "-"], Some(log.as_bytes()));
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("--same '好看=洗完会缩水吗': '好看' is not read as a question"),
        "{}",
        stderr(&refused)
    );
    let malformed = run(&["analyze", "--same", "洗完会缩水吗", "-"], Some(log.as_bytes()));
    assert!(stderr(&malformed).contains("expected two questions as A=B"), "{}", stderr(&malformed));
}

#[test]
fn bad_lines_are_skipped_counted_and_named() {
    let mut input = b"{\"text\":\"ok\"}\n{broken json\n".to_vec();
    input.extend_from_slice(b"{\"text\":\"\xff\xfe\"}\n{\"text\":\"fine\"}\n");
    // A time no clock can show would otherwise put the whole log at the end of time.
    input.extend_from_slice(b"{\"text\":\"far\",\"ts\":1e300}\n");
    let out = run(&["classify", "--input-format", "jsonl", "-"], Some(&input));
    assert!(out.status.success());
    assert_eq!(stdout(&out).lines().count(), 2);
    let err = stderr(&out);
    assert!(err.contains("<stdin>:2: skipped: invalid JSON"), "{err}");
    assert!(err.contains("<stdin>:3: skipped: invalid UTF-8"), "{err}");
    assert!(err.contains("<stdin>:5: skipped: unreadable time 1e+300"), "{err}");
    assert!(err.contains("skipped 3 bad line(s), used 2"), "{err}");
}

#[test]
fn a_one_megabyte_line_is_analysed_and_truncated() {
    let mut input = "哈".repeat(350_000);
    input.push_str("链接呢\n好看\n");
    let out = run(&["classify", "--input-format", "text", "-"], Some(input.as_bytes()));
    assert!(out.status.success());
    assert_eq!(stdout(&out).lines().count(), 2);
}

#[test]
fn unusable_inputs_exit_non_zero_with_the_file_named() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let empty = dir.join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    let nocol = dir.join("nocol.csv");
    std::fs::write(&nocol, "a,b\n1,2\n").unwrap();
    let allbad = dir.join("allbad.jsonl");
    std::fs::write(&allbad, "{\n{\n").unwrap();
    for (args, needle) in [
        (vec!["classify", empty.to_str().unwrap()], "empty.jsonl: the input is empty"),
        (vec!["analyze", nocol.to_str().unwrap()], "nocol.csv: line 1: no text column"),
        (vec!["classify", allbad.to_str().unwrap()], "allbad.jsonl: no usable line"),
        (vec!["classify", "/no/such/file.jsonl"], "/no/such/file.jsonl: No such file"),
        (vec!["classify", dir.to_str().unwrap()], "is a directory"),
        (vec!["analyze", "--rate", "0", LIVE], "--rate must be a positive number"),
    ] {
        let out = run(&args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
    }
}
