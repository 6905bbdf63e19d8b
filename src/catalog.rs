//! The seller's product catalog (CSV or JSON): link numbers, names, aliases, price, selling points and
//! FAQ. Product demand matches comments against it; the LLM layer grounds answers in it.
//! Import errors name the row and the column, because a seller fixes them in a spreadsheet.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Faq {
    pub q: String,
    pub a: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Product {
    /// The number the host calls it by (3号链接).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<u32>,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<String>,
    #[serde(default)]
    pub faq: Vec<Faq>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub products: Vec<Product>,
}

/// Where an import went wrong: 1-based data row (0 for the header or the file as a whole) and the
/// column's header name.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[error("catalog row {row}, column {column}: {message}")]
pub struct CatalogError {
    pub row: usize,
    pub column: String,
    pub message: String,
}

const MAX_PRODUCTS: usize = 500;

/// Header names we accept for each field (zh-CN first, as sellers' spreadsheets are).
const COLUMNS: &[(&str, &[&str])] = &[
    ("link", &["链接号", "链接", "序号", "编号", "link", "link_no", "no"]),
    ("name", &["名称", "商品名称", "商品", "品名", "name", "title"]),
    ("aliases", &["别名", "简称", "aliases", "alias"]),
    ("price", &["价格", "售价", "到手价", "price"]),
    ("points", &["卖点", "介绍", "points", "selling_points"]),
    ("faq", &["faq", "常见问题", "问答"]),
];

impl Catalog {
    /// Parses CSV or JSON; the format is sniffed from the first non-blank character.
    pub fn parse(text: &str) -> Result<Catalog, CatalogError> {
        let t = text.trim_start_matches('\u{FEFF}').trim_start();
        if t.starts_with('[') || t.starts_with('{') { Self::parse_json(t) } else { Self::parse_csv(t) }
    }

    pub fn parse_json(text: &str) -> Result<Catalog, CatalogError> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Doc {
            List(Vec<Product>),
            Wrapped(Catalog),
        }
        let doc: Doc = serde_json::from_str(text).map_err(|e| CatalogError {
            row: e.line(),
            column: format!("char {}", e.column()),
            message: format!("invalid JSON: {e}"),
        })?;
        let products = match doc {
            Doc::List(p) => p,
            Doc::Wrapped(c) => c.products,
        };
        let cat = Catalog { products };
        cat.validate()?;
        Ok(cat)
    }

    pub fn parse_csv(text: &str) -> Result<Catalog, CatalogError> {
        let mut rdr = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
        let headers = rdr.headers().map_err(|e| err(0, "header", e.to_string()))?.clone();
        let col = |field: &str| -> Option<usize> {
            let names = COLUMNS.iter().find(|(f, _)| *f == field).map(|(_, n)| *n)?;
            headers.iter().position(|h| names.contains(&h.trim().to_lowercase().as_str()))
        };
        let name_col = col("name").ok_or_else(|| err(0, "名称", "no name column (expected 名称 or name)".into()))?;
        let (link_col, alias_col, price_col, points_col, faq_col) =
            (col("link"), col("aliases"), col("price"), col("points"), col("faq"));
        let mut products = Vec::new();
        for (i, rec) in rdr.records().enumerate() {
            let row = i + 1;
            let rec = rec.map_err(|e| err(row, "*", e.to_string()))?;
            let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).map(str::trim).filter(|s| !s.is_empty());
            let Some(name) = get(Some(name_col)) else {
                if rec.iter().all(|f| f.trim().is_empty()) {
                    continue; // blank spreadsheet row
                }
                return Err(err(row, &headers[name_col], "empty product name".into()));
            };
            let link = match get(link_col) {
                None => None,
                Some(s) => Some(crate::demand::parse_number(s.trim_end_matches('号')).ok_or_else(|| {
                    err(row, &headers[link_col.expect("value came from it")], format!("'{s}' is not a link number"))
                })?),
            };
            let faq = match get(faq_col) {
                None => Vec::new(),
                Some(s) => parse_faq(s).map_err(|m| err(row, &headers[faq_col.expect("value came from it")], m))?,
            };
            products.push(Product {
                link,
                name: name.to_string(),
                aliases: get(alias_col).map(split_list).unwrap_or_default(),
                price: get(price_col).map(str::to_string),
                points: get(points_col).map(str::to_string),
                faq,
            });
        }
        let cat = Catalog { products };
        cat.validate()?;
        Ok(cat)
    }

    fn validate(&self) -> Result<(), CatalogError> {
        if self.products.len() > MAX_PRODUCTS {
            return Err(err(MAX_PRODUCTS + 1, "*", format!("more than {MAX_PRODUCTS} products")));
        }
        for (i, p) in self.products.iter().enumerate() {
            if p.name.trim().is_empty() {
                return Err(err(i + 1, "name", "empty product name".into()));
            }
            if let Some(l) = p.link {
                if let Some(j) = self.products[..i].iter().position(|q| q.link == Some(l)) {
                    return Err(err(i + 1, "link", format!("link {l} is already used by row {}", j + 1)));
                }
            }
        }
        Ok(())
    }

    pub fn by_link(&self, link: u32) -> Option<&Product> {
        self.products.iter().find(|p| p.link == Some(link))
    }
}

fn err(row: usize, column: &str, message: String) -> CatalogError {
    CatalogError { row, column: column.to_string(), message }
}

fn split_list(s: &str) -> Vec<String> {
    s.split(['|', '、', ';', '；', ',', '，', '/'])
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect()
}

/// `问:答|问:答` (full-width colons and newlines also accepted).
fn parse_faq(s: &str) -> Result<Vec<Faq>, String> {
    s.split(['|', '\n'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .map(|e| {
            let (q, a) = e
                .split_once([':', '：'])
                .ok_or_else(|| format!("FAQ entry '{e}' has no ':' between question and answer"))?;
            Ok(Faq { q: q.trim().to_string(), a: a.trim().to_string() })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_chinese_spreadsheet() {
        let csv = "链接号,名称,别名,价格,卖点,FAQ\n3,冰丝阔腿裤,阔腿裤|冰丝裤,59,凉快,有什么码：S到XL|包邮吗：包邮\n5号,小白鞋,,129,,\n";
        let c = Catalog::parse(csv).unwrap();
        assert_eq!(c.products.len(), 2);
        assert_eq!(c.products[0].aliases, vec!["阔腿裤", "冰丝裤"]);
        assert_eq!(c.products[0].faq[1], Faq { q: "包邮吗".into(), a: "包邮".into() });
        assert_eq!(c.by_link(5).unwrap().name, "小白鞋");
    }

    #[test]
    fn errors_name_row_and_column() {
        let e = Catalog::parse("链接号,名称\n3,裤子\nx3,鞋\n").unwrap_err();
        assert_eq!((e.row, e.column.as_str()), (2, "链接号"));
        let e = Catalog::parse("链接号,名称,FAQ\n1,裤子,没有冒号\n").unwrap_err();
        assert_eq!((e.row, e.column.as_str()), (1, "FAQ"));
        let e = Catalog::parse("编号,价格\n1,3\n").unwrap_err();
        assert_eq!(e.row, 0);
        let e = Catalog::parse("链接号,名称\n1,a\n1,b\n").unwrap_err();
        assert!(e.message.contains("already used"), "{e}");
    }

    #[test]
    fn parses_json() {
        let c = Catalog::parse(r#"[{"link":1,"name":"裙子","aliases":["小黑裙"],"faq":[{"q":"尺码","a":"S-L"}]}]"#)
            .unwrap();
        assert_eq!(c.products[0].aliases[0], "小黑裙");
        assert!(Catalog::parse("[{\"link\":1}]").is_err());
    }
}
