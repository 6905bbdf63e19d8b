//! The optional LLM assistant: a rolling summary with talking points, suggested answers grounded in
//! the catalog, and an audience profile carried between summaries — from any OpenAI-compatible
//! provider, within a budget the seller sets.
//!
//! Pure Rust, no I/O and no browser types (tested natively): `session::Assistant` prepares each call
//! (`prompt` over a `digest` of the snapshot, checked against the `budget`) and digests each outcome
//! (`sse` events → `reply` sections → `answers` checked, `profile` updated, `errors` → status and
//! retry); `stream` decides what each piece of a streamed reply means. Moving the bytes is the wasm
//! edge's (`bindings`, wasm32 only).

pub mod answers;
pub mod budget;
pub mod digest;
pub mod errors;
pub mod profile;
pub mod prompt;
pub mod providers;
pub mod reply;
pub mod sanitize;
pub mod session;
pub mod sse;
pub mod stream;
pub mod view;

pub use errors::{ErrorKind, LlmError};
pub use providers::{PRESETS, Settings};
pub use session::{Assistant, Outcome, Prepared, View};

#[cfg(test)]
mod tests;
