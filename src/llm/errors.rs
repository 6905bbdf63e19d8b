//! What can go wrong with a call, as one typed kind each: the overlay shows a clear status per kind
//! and keeps the local summary. HTTP answers are classified from the status and the provider's error
//! body (OpenAI reports an empty balance as 429 `insufficient_quota`, others as 402).

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ErrorKind {
    /// 401/403: the key is wrong or lacks access → link to the options page.
    Unauthorized,
    /// 402, or a quota/balance error: top up at the provider.
    InsufficientBalance,
    /// 404, or the provider says the model does not exist.
    ModelNotFound,
    /// 429: wait `retry_after_ms` (Retry-After honoured), then back off.
    RateLimited,
    /// Another 4xx: the provider rejected the request itself.
    BadRequest,
    ServerError,
    Timeout,
    NetworkDown,
    MalformedStream,
    /// The stream ended before the reply did.
    Truncated,
    /// The reply was longer than we show; it was cut.
    TooLong,
    /// The budget (tokens per hour or ¥ per session) does not allow the call.
    BudgetExhausted,
    /// The overlay closed or a newer request replaced this one.
    Cancelled,
    /// The settings cannot work (no key, bad address); the options page says which.
    NotConfigured,
}

impl ErrorKind {
    const ALL: [ErrorKind; 14] = [
        ErrorKind::Unauthorized,
        ErrorKind::InsufficientBalance,
        ErrorKind::ModelNotFound,
        ErrorKind::RateLimited,
        ErrorKind::BadRequest,
        ErrorKind::ServerError,
        ErrorKind::Timeout,
        ErrorKind::NetworkDown,
        ErrorKind::MalformedStream,
        ErrorKind::Truncated,
        ErrorKind::TooLong,
        ErrorKind::BudgetExhausted,
        ErrorKind::Cancelled,
        ErrorKind::NotConfigured,
    ];

    /// The kind an error's `name` says; anything else (a stray exception) counts as a server fault.
    pub fn from_name(name: &str) -> ErrorKind {
        Self::ALL.into_iter().find(|k| k.name() == name).unwrap_or(ErrorKind::ServerError)
    }

    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Unauthorized => "Unauthorized",
            ErrorKind::InsufficientBalance => "InsufficientBalance",
            ErrorKind::ModelNotFound => "ModelNotFound",
            ErrorKind::RateLimited => "RateLimited",
            ErrorKind::BadRequest => "BadRequest",
            ErrorKind::ServerError => "ServerError",
            ErrorKind::Timeout => "Timeout",
            ErrorKind::NetworkDown => "NetworkDown",
            ErrorKind::MalformedStream => "MalformedStream",
            ErrorKind::Truncated => "Truncated",
            ErrorKind::TooLong => "TooLong",
            ErrorKind::BudgetExhausted => "BudgetExhausted",
            ErrorKind::Cancelled => "Cancelled",
            ErrorKind::NotConfigured => "NotConfigured",
        }
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[error("{kind:?} ({status}): {message}")]
pub struct LlmError {
    pub kind: ErrorKind,
    /// The HTTP status when there was one, else 0.
    pub status: u16,
    pub message: String,
    /// When a retry makes sense: wait at least this long.
    pub retry_after_ms: Option<u64>,
}

impl LlmError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> LlmError {
        LlmError { kind, status: 0, message: message.into(), retry_after_ms: None }
    }

    /// An HTTP error answer: status, the body (usually `{"error":{…}}`) and the Retry-After header.
    pub fn from_http(status: u16, body: &str, retry_after: Option<&str>) -> LlmError {
        #[derive(serde::Deserialize)]
        struct Wrapper {
            error: Option<super::sse::WireError>,
        }
        let (code, message) = match serde_json::from_str::<Wrapper>(body) {
            Ok(Wrapper { error: Some(e) }) => (format!("{} {}", e.code, e.kind).to_lowercase(), e.message),
            _ => (String::new(), body.chars().take(200).collect()),
        };
        let text = format!("{code} {message}").to_lowercase();
        let balance = ["insufficient_quota", "insufficient balance", "balance", "余额", "欠费", "quota", "arrearage"]
            .iter()
            .any(|w| text.contains(w));
        let model = ["model_not_found", "model not", "does not exist", "not found the model", "模型不存在"]
            .iter()
            .any(|w| text.contains(w));
        let kind = match status {
            401 | 403 => ErrorKind::Unauthorized,
            402 => ErrorKind::InsufficientBalance,
            429 if balance => ErrorKind::InsufficientBalance,
            429 => ErrorKind::RateLimited,
            404 => ErrorKind::ModelNotFound,
            400..=499 if model => ErrorKind::ModelNotFound,
            400..=499 if balance => ErrorKind::InsufficientBalance,
            400..=499 => ErrorKind::BadRequest,
            _ => ErrorKind::ServerError,
        };
        let retry_after_ms = match kind {
            ErrorKind::RateLimited | ErrorKind::ServerError => Some(parse_retry_after(retry_after).unwrap_or(0)),
            _ => None,
        };
        let message = if message.trim().is_empty() { format!("HTTP {status}") } else { message };
        LlmError { kind, status, message, retry_after_ms }
    }
}

/// Retry-After in seconds (`120`) — the HTTP-date form is rare from APIs and treated as absent.
pub fn parse_retry_after(header: Option<&str>) -> Option<u64> {
    let secs: f64 = header?.trim().parse().ok()?;
    (secs.is_finite() && secs >= 0.0).then(|| (secs.min(3600.0) * 1000.0) as u64)
}

/// The wait before the next automatic call after `failures` failures in a row: the provider's
/// Retry-After if it gave one, and never less than an exponential backoff (10 s, 20 s, 40 s … 10 min).
pub fn backoff_ms(failures: u32, retry_after_ms: Option<u64>) -> u64 {
    let exp = 10_000u64.saturating_mul(1 << failures.saturating_sub(1).min(6)).min(600_000);
    exp.max(retry_after_ms.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_provider_answers() {
        let k = |s, b| LlmError::from_http(s, b, None).kind;
        assert_eq!(
            k(401, r#"{"error":{"message":"Authentication Fails","type":"authentication_error"}}"#),
            ErrorKind::Unauthorized
        );
        assert_eq!(k(402, r#"{"error":{"message":"Insufficient Balance"}}"#), ErrorKind::InsufficientBalance);
        assert_eq!(
            k(429, r#"{"error":{"code":"insufficient_quota","message":"You exceeded your quota"}}"#),
            ErrorKind::InsufficientBalance
        );
        assert_eq!(k(429, r#"{"error":{"message":"Rate limit reached"}}"#), ErrorKind::RateLimited);
        assert_eq!(k(404, "not found"), ErrorKind::ModelNotFound);
        assert_eq!(
            k(400, r#"{"error":{"code":"model_not_found","message":"The model `x` does not exist"}}"#),
            ErrorKind::ModelNotFound
        );
        assert_eq!(
            k(400, r#"{"error":{"code":1211,"message":"模型不存在，请检查模型代码。"}}"#),
            ErrorKind::ModelNotFound
        );
        assert_eq!(k(400, r#"{"error":{"message":"bad"}}"#), ErrorKind::BadRequest);
        assert_eq!(k(503, "<html>"), ErrorKind::ServerError);
    }

    #[test]
    fn names_round_trip() {
        for k in ErrorKind::ALL {
            assert_eq!(ErrorKind::from_name(k.name()), k);
        }
        assert_eq!(ErrorKind::from_name("TypeError"), ErrorKind::ServerError);
    }

    #[test]
    fn retry_after_is_honoured_and_backoff_grows() {
        let e = LlmError::from_http(429, "", Some("7"));
        assert_eq!((e.kind, e.retry_after_ms), (ErrorKind::RateLimited, Some(7000)));
        assert_eq!(e.message, "HTTP 429");
        assert_eq!(backoff_ms(1, Some(7000)), 10_000);
        assert_eq!(backoff_ms(1, Some(40_000)), 40_000);
        assert_eq!(backoff_ms(2, None), 20_000);
        assert_eq!(backoff_ms(3, None), 40_000);
        assert_eq!(backoff_ms(30, None), 600_000);
        assert_eq!(parse_retry_after(Some("Wed, 21 Oct 2015 07:28:00 GMT")), None);
    }
}
