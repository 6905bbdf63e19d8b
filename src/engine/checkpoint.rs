//! The engine's whole state as bytes and back: what a service worker restart survives on. A magic, a
//! version, then postcard; an unknown version is an error, not a guess.

use super::{Engine, State};
use crate::analysis::Analyzer;

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum CheckpointError {
    #[error("not a Danmu Radar checkpoint")]
    NotACheckpoint,
    #[error("checkpoint version {0} is not supported (this build reads version {VERSION})")]
    Version(u16),
    #[error("checkpoint is damaged: {0}")]
    Damaged(String),
}

const MAGIC: &[u8; 4] = b"DRCK";
/// 2 since the count of comments whose time was assumed (`Totals::untimed`) joined the state; 3 since
/// a question's signature keeps its buying intent (`similar::Signature::buying`); 4 since the room
/// tells selling from chatting (`selling.rs`); 5 since a group
/// keeps the seeds of the groups merged into it, and the room the pairs it was taught (`groups/merge.rs`); 6
/// since a question's signature keeps the aspect of the goods it asks about (`similar::Signature::aspect`).
const VERSION: u16 = 6;

impl Engine {
    /// The whole state as bytes (magic, version, postcard).
    pub fn checkpoint(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 * 1024);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        postcard::to_io(&self.s, &mut out).expect("writing to a Vec cannot fail");
        out
    }

    pub fn restore(bytes: &[u8]) -> Result<Engine, CheckpointError> {
        if bytes.len() < 6 || &bytes[..4] != MAGIC {
            return Err(CheckpointError::NotACheckpoint);
        }
        let version = u16::from_le_bytes([bytes[4], bytes[5]]);
        if version != VERSION {
            return Err(CheckpointError::Version(version));
        }
        let mut s: State = postcard::from_bytes(&bytes[6..]).map_err(|e| CheckpointError::Damaged(e.to_string()))?;
        s.newwords.after_restore();
        s.groups.after_restore();
        s.demand.after_restore();
        Ok(Engine { s, spans: Vec::new(), hashes: Vec::new(), analyzer: Analyzer::default() })
    }
}
