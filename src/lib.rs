//! 弹幕雷达 Danmu Radar — the analysis engine.
//!
//! Comments go in (`Engine::push`), a `Snapshot` comes out: hot questions, mood, demand, keywords and
//! a local summary. The core is pure Rust with no platform dependencies; `bindings` (wasm32 only) is
//! the one thin layer the browser sees. Start reading at `engine/mod.rs`.

pub mod alerts;
pub mod analysis;
pub mod catalog;
pub mod clean;
pub mod comment;
pub mod complaints;
pub mod demand;
pub mod engine;
pub mod floods;
pub mod groups;
pub mod input;
pub mod intent;
pub mod jeers;
pub mod keywords;
pub mod llm;
pub mod newwords;
pub mod phrases;
pub mod poll;
pub mod praise;
pub mod prefetch;
pub mod question;
pub mod report;
pub mod selling;
pub mod sentiment;
pub mod similar;
pub mod sketch;
pub mod snapshot;
pub mod summary;
pub mod timeline;
pub mod tokenize;

#[cfg(target_arch = "wasm32")]
pub mod bindings;

pub use comment::{Comment, Kind};
pub use engine::{Config, Engine, Outcome};
pub use report::Report;
pub use snapshot::Snapshot;
