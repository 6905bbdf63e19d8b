//! Provider presets and the seller's LLM settings. Every preset speaks OpenAI-compatible Chat
//! Completions at `{base_url}/chat/completions`; what differs is the address, a sensible default
//! model and its price. Prices are ¥ per million tokens at the time of writing and editable in the
//! options page, because providers change them more often than we release.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Preset {
    pub id: &'static str,
    pub name: &'static str,
    pub base_url: &'static str,
    pub model: &'static str,
    /// ¥ per 1M input (prompt) tokens.
    pub price_in: f64,
    /// ¥ per 1M output (completion) tokens.
    pub price_out: f64,
    /// Where the seller gets a key (shown in the options page).
    pub console: &'static str,
}

const fn p(
    id: &'static str,
    name: &'static str,
    base_url: &'static str,
    model: &'static str,
    price_in: f64,
    price_out: f64,
    console: &'static str,
) -> Preset {
    Preset { id, name, base_url, model, price_in, price_out, console }
}

pub const PRESETS: &[Preset] = &[
    p(
        "deepseek",
        "DeepSeek",
        "https://api.deepseek.com",
        "deepseek-chat",
        2.0,
        3.0,
        "https://platform.deepseek.com/api_keys",
    ),
    p(
        "dashscope",
        "通义千问 DashScope",
        "https://dashscope.aliyuncs.com/compatible-mode/v1",
        "qwen-plus",
        0.8,
        2.0,
        "https://bailian.console.aliyun.com/",
    ),
    p(
        "kimi",
        "Kimi (Moonshot)",
        "https://api.moonshot.cn/v1",
        "moonshot-v1-8k",
        2.0,
        10.0,
        "https://platform.moonshot.cn/console/api-keys",
    ),
    p(
        "zhipu",
        "智谱 GLM",
        "https://open.bigmodel.cn/api/paas/v4",
        "glm-4-air-250414",
        0.5,
        0.5,
        "https://open.bigmodel.cn/usercenter/apikeys",
    ),
    p(
        "ark",
        "豆包 / 火山方舟",
        "https://ark.cn-beijing.volces.com/api/v3",
        "doubao-1-5-pro-32k-250115",
        0.8,
        2.0,
        "https://console.volcengine.com/ark",
    ),
    p(
        "siliconflow",
        "SiliconFlow 硅基流动",
        "https://api.siliconflow.cn/v1",
        "Qwen/Qwen2.5-72B-Instruct",
        4.13,
        4.13,
        "https://cloud.siliconflow.cn/account/ak",
    ),
    p("openai", "OpenAI", "https://api.openai.com/v1", "gpt-4o-mini", 1.1, 4.4, "https://platform.openai.com/api-keys"),
    p("ollama", "Ollama（本机）", "http://localhost:11434/v1", "qwen2.5:7b", 0.0, 0.0, "https://ollama.com/library"),
    p("custom", "自定义 OpenAI 兼容接口", "", "", 0.0, 0.0, ""),
];

pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

/// What the seller chose in the options page (everything but the key, which never enters this
/// struct: it lives in the extension's IndexedDB and is handed to the transport per call).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub enabled: bool,
    pub provider: String,
    pub base_url: String,
    pub model: String,
    pub price_in: f64,
    pub price_out: f64,
    /// Minutes between automatic summaries; 0 = only on demand.
    pub interval_min: f64,
    pub tokens_per_hour: u64,
    /// ¥ per live-room session.
    pub yuan_cap: f64,
    /// Replace nicknames with 观众1, 观众2… before anything leaves the machine.
    pub mask_names: bool,
    /// "zh-CN" or "en": the language the assistant writes in.
    pub lang: String,
}

impl Default for Settings {
    fn default() -> Self {
        let d = &PRESETS[0];
        Settings {
            enabled: false,
            provider: d.id.into(),
            base_url: d.base_url.into(),
            model: d.model.into(),
            price_in: d.price_in,
            price_out: d.price_out,
            interval_min: 3.0,
            tokens_per_hour: 40_000,
            yuan_cap: 2.0,
            mask_names: true,
            lang: "zh-CN".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct SettingsError {
    pub field: &'static str,
    pub message: String,
}

impl Settings {
    /// Fills blanks from the preset and rejects what cannot work, naming the field.
    pub fn normalized(mut self) -> Result<Settings, SettingsError> {
        let bad = |field, message: &str| Err(SettingsError { field, message: message.into() });
        if let Some(p) = preset(&self.provider) {
            if self.base_url.trim().is_empty() {
                self.base_url = p.base_url.into();
            }
            if self.model.trim().is_empty() {
                self.model = p.model.into();
            }
        }
        self.base_url = self.base_url.trim().trim_end_matches('/').to_string();
        self.model = self.model.trim().to_string();
        let url = self.base_url.as_str();
        let secure = url.starts_with("https://");
        let local = ["http://localhost", "http://127.0.0.1", "http://[::1]"]
            .iter()
            .any(|h| url.strip_prefix(h).is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '/'])));
        if !(secure || local) {
            // A key sent over plain http to another machine can be read on the way.
            return bad("base_url", "must start with https:// (plain http only for localhost)");
        }
        if url.contains(['?', '#', ' ']) {
            return bad("base_url", "must be a plain base address, e.g. https://api.example.com/v1");
        }
        if self.model.is_empty() || self.model.len() > 200 {
            return bad("model", "a model name is needed");
        }
        let price_ok = |x: f64| x.is_finite() && (0.0..=10_000.0).contains(&x);
        if !price_ok(self.price_in) || !price_ok(self.price_out) {
            return bad("price", "prices are ¥ per million tokens, 0–10000");
        }
        if !self.yuan_cap.is_finite() || self.yuan_cap < 0.0 {
            return bad("yuan_cap", "must be 0 or more");
        }
        self.interval_min = if self.interval_min.is_finite() { self.interval_min.clamp(0.0, 120.0) } else { 3.0 };
        Ok(self)
    }

    pub fn endpoint(&self) -> String {
        format!("{}/chat/completions", self.base_url)
    }

    /// The origin pattern the extension needs host permission for (`https://host/*`).
    pub fn origin_pattern(&self) -> String {
        let rest = self.base_url.split_once("://").map(|(_, r)| r).unwrap_or("");
        let host = rest.split('/').next().unwrap_or("");
        let scheme = self.base_url.split("://").next().unwrap_or("https");
        format!("{scheme}://{}/*", host.split(':').next().unwrap_or(host))
    }

    pub fn zh(&self) -> bool {
        !self.lang.starts_with("en")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_are_usable_settings() {
        for p in PRESETS.iter().filter(|p| p.id != "custom") {
            let s = Settings {
                provider: p.id.into(),
                base_url: String::new(),
                model: String::new(),
                ..Settings::default()
            };
            let s = s.normalized().unwrap_or_else(|e| panic!("{}: {e}", p.id));
            assert!(s.endpoint().ends_with("/chat/completions"));
        }
    }

    #[test]
    fn rejects_plain_http_to_other_machines() {
        let s = Settings {
            provider: "custom".into(),
            base_url: "http://example.com/v1".into(),
            model: "m".into(),
            ..Settings::default()
        };
        assert_eq!(s.normalized().unwrap_err().field, "base_url");
        let s = Settings { base_url: "http://localhost.evil.com/v1".into(), ..Settings::default() };
        assert!(s.normalized().is_err());
        let s = Settings { base_url: "http://127.0.0.1:8080/v1/".into(), ..Settings::default() }.normalized().unwrap();
        assert_eq!(s.endpoint(), "http://127.0.0.1:8080/v1/chat/completions");
        assert_eq!(s.origin_pattern(), "http://127.0.0.1/*");
        let s = Settings { provider: "ollama".into(), base_url: String::new(), ..Settings::default() }
            .normalized()
            .unwrap();
        assert_eq!(s.origin_pattern(), "http://localhost/*");
    }
}
