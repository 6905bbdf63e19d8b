//! The bindings in a real browser (headless Chromium through wasm-bindgen-test-runner):
//! `cargo test --target wasm32-unknown-unknown --no-default-features --test wasm`.
#![cfg(target_arch = "wasm32")]

use danmu_radar::Snapshot;
use danmu_radar::bindings::{RadarEngine, parse_log, warm_up};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("valid JSON in the test")
}

fn rust<T: serde::de::DeserializeOwned>(v: &JsValue) -> T {
    let s: String = js_sys::JSON::stringify(v).unwrap().into();
    serde_json::from_str(&s).unwrap()
}

fn rows(texts: &[(&str, &str)], t0: i64) -> JsValue {
    let v: Vec<serde_json::Value> = texts
        .iter()
        .enumerate()
        .map(|(i, (u, t))| serde_json::json!({"text": t, "user": u, "ts": t0 + i as i64 * 1000}))
        .collect();
    js(&serde_json::to_string(&v).unwrap())
}

#[wasm_bindgen_test]
fn batches_apply_once_and_snapshot_crosses_as_plain_data() {
    warm_up();
    let mut e = RadarEngine::new(None);
    let batch = rows(
        &[("a", "多少钱"), ("b", "什么价格"), ("c", "价格多少"), ("d", "好看"), ("e", "送出了 玫瑰")],
        1_700_000_000_000,
    );
    assert!(e.push_batch("tab-1", 1.0, batch.clone()).unwrap());
    assert!(!e.push_batch("tab-1", 1.0, batch).unwrap(), "a retried batch is ignored");
    assert_eq!(e.applied_seq("tab-1"), 1.0);
    let snap: Snapshot = rust(&e.snapshot().unwrap());
    assert_eq!(snap.totals.comments, 5);
    assert_eq!(snap.hot_questions[0].users, 3);
    assert!(snap.summary.contains("多少钱"), "{}", snap.summary);
}

#[wasm_bindgen_test]
fn json_batches_are_the_same_rows_applied_once() {
    let texts = [("a", "多少钱"), ("b", "什么价格"), ("c", "送出了 玫瑰")];
    let json: String = js_sys::JSON::stringify(&rows(&texts, 1_700_000_000_000)).unwrap().into();
    let (mut by_json, mut by_rows) = (RadarEngine::new(None), RadarEngine::new(None));
    assert!(by_json.push_batch_json("tab", 1.0, &json).unwrap());
    assert!(!by_json.push_batch_json("tab", 1.0, &json).unwrap(), "a retried batch is ignored");
    assert!(by_rows.push_batch("tab", 1.0, rows(&texts, 1_700_000_000_000)).unwrap());
    let (a, b): (Snapshot, Snapshot) = (rust(&by_json.snapshot().unwrap()), rust(&by_rows.snapshot().unwrap()));
    assert_eq!(a, b);
    let err = by_json.push_batch_json("tab", 2.0, r#"[{"user":"x"}]"#).err().expect("a row without text is rejected");
    assert_eq!(js_sys::Error::from(err).name(), "InputError");
    assert_eq!(by_json.applied_seq("tab"), 1.0, "a rejected batch is not applied");
}

#[wasm_bindgen_test]
fn event_rows_are_counted_apart() {
    let mut e = RadarEngine::new(Some("en".into()));
    e.push_rows(js(r#"[{"text":"送出了 小心心","kind":"gift"},{"text":"来了","kind":"enter"},{"text":"链接呢"}]"#))
        .unwrap();
    let snap: Snapshot = rust(&e.snapshot().unwrap());
    assert_eq!((snap.totals.comments, snap.totals.gifts, snap.totals.entries), (1, 1, 1));
    assert!(snap.summary.starts_with("1 comments"), "{}", snap.summary);
}

#[wasm_bindgen_test]
fn checkpoint_restores_the_same_state() {
    let mut e = RadarEngine::new(None);
    e.push_batch("t", 7.0, rows(&[("a", "链接呢"), ("b", "怎么买")], 1_000_000)).unwrap();
    let bytes = e.checkpoint();
    let r = RadarEngine::restore(&bytes).unwrap();
    let (a, b): (Snapshot, Snapshot) = (rust(&e.snapshot().unwrap()), rust(&r.snapshot().unwrap()));
    assert_eq!(a, b);
    assert_eq!(r.applied_seq("t"), 7.0);
    let err = RadarEngine::restore(b"nope").err().expect("garbage is rejected");
    assert_eq!(js_sys::Error::from(err).name(), "CheckpointError");
}

#[wasm_bindgen_test]
fn hot_questions_merge_by_hand() {
    let mut e = RadarEngine::new(None);
    e.push_batch("t", 1.0, rows(&[("a", "洗完会缩水吗"), ("b", "洗了会不会变小"), ("c", "洗了会不会变小")], 1_000_000))
        .unwrap();
    let snap: Snapshot = rust(&e.snapshot().unwrap());
    let id = |text: &str| snap.hot_questions.iter().find(|q| q.text == text).expect("listed").id;
    let (from, into) = (id("洗了会不会变小"), id("洗完会缩水吗"));
    assert!(e.merge_questions(from, into));
    assert!(!e.merge_questions(from, into), "merged away: no longer a hot question");
    e.push_batch("t", 2.0, rows(&[("d", "洗了会不会变小")], 1_001_000)).unwrap();
    let snap: Snapshot = rust(&e.snapshot().unwrap());
    assert_eq!(snap.hot_questions.len(), 1);
    assert_eq!((snap.hot_questions[0].id, snap.hot_questions[0].count, snap.hot_questions[0].users), (into, 4, 4));
}

#[wasm_bindgen_test]
fn a_taught_pair_groups_from_the_first_comments() {
    let mut e = RadarEngine::new(None);
    assert!(e.teach_same("洗了会不会变小", "洗完会缩水吗"));
    assert!(!e.teach_same("好看", "洗完会缩水吗"), "not a question: nothing to group");
    e.push_batch("t", 1.0, rows(&[("a", "洗完会缩水吗"), ("b", "洗了会不会变小")], 1_000_000)).unwrap();
    let snap: Snapshot = rust(&e.snapshot().unwrap());
    assert_eq!(snap.hot_questions.len(), 1);
    assert_eq!(snap.hot_questions[0].count, 2);
}

#[wasm_bindgen_test]
fn catalog_errors_are_typed_with_row_and_column() {
    let mut e = RadarEngine::new(None);
    assert_eq!(e.set_catalog("链接号,名称\n3,阔腿裤\n").unwrap(), 1);
    let err = e.set_catalog("链接号,名称\n3,阔腿裤\nx,鞋\n").unwrap_err();
    let row = js_sys::Reflect::get(&err, &"row".into()).unwrap();
    let column = js_sys::Reflect::get(&err, &"column".into()).unwrap();
    assert_eq!(js_sys::Error::from(err).name(), "CatalogError");
    assert_eq!((row.as_f64(), column.as_string().as_deref()), (Some(2.0), Some("链接号")));
}

#[wasm_bindgen_test]
fn logs_parse_in_the_browser() {
    let parsed = parse_log("{\"text\":\"好\"}\n{oops\n", "auto").unwrap();
    let v: serde_json::Value = rust(&parsed);
    assert_eq!(v["rows"].as_array().unwrap().len(), 1);
    assert_eq!(v["bad"][0]["line"], 2);
}
