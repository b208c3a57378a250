//! Okta's `filter`/`search` expression language, enough of it for tests:
//! `attr op "value"` with `eq ne gt ge lt le sw co ew pr`, joined by `and`/`or`, with parentheses.

use serde_json::Value;

use crate::clock;
use crate::error::{ApiError, ApiResult};

/// A parsed expression.
#[derive(Debug, Clone)]
pub(crate) enum Filter {
    Cmp { attr: String, op: Op, value: Value },
    And(Box<Filter>, Box<Filter>),
    Or(Box<Filter>, Box<Filter>),
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Op {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
    Sw,
    Co,
    Ew,
    Pr,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Str(String),
    Open,
    Close,
}

impl Filter {
    /// Parses an expression; a syntax error is Okta's 400 E0000031.
    pub(crate) fn parse(src: &str) -> ApiResult<Self> {
        let toks = tokenize(src).ok_or_else(|| invalid(src))?;
        let mut p = Parser { toks, pos: 0 };
        let f = p.or().ok_or_else(|| invalid(src))?;
        if p.pos != p.toks.len() {
            return Err(invalid(src));
        }
        Ok(f)
    }

    /// Evaluates against an object; `lookup` yields every value an attribute has
    /// (several for arrays, none when absent).
    pub(crate) fn matches(&self, lookup: &dyn Fn(&str) -> Vec<Value>) -> bool {
        match self {
            Filter::And(a, b) => a.matches(lookup) && b.matches(lookup),
            Filter::Or(a, b) => a.matches(lookup) || b.matches(lookup),
            Filter::Cmp { attr, op, value } => {
                let found = lookup(attr);
                match op {
                    Op::Pr => found.iter().any(|v| !v.is_null()),
                    Op::Ne => !found.iter().any(|v| compare(v, Op::Eq, value)),
                    _ => found.iter().any(|v| compare(v, *op, value)),
                }
            }
        }
    }

    /// The `attr eq "value"` a match requires, if any: an `and` requires what either side does.
    /// Lets a list seek an index (status, login) instead of scanning.
    pub(crate) fn required_eq(&self, attr: &str) -> Option<&str> {
        match self {
            Filter::Cmp {
                attr: a,
                op: Op::Eq,
                value: Value::String(v),
            } if a == attr => Some(v),
            Filter::And(a, b) => a.required_eq(attr).or_else(|| b.required_eq(attr)),
            _ => None,
        }
    }

    /// Matches a JSON document, attributes being dotted paths (`profile.login`).
    pub(crate) fn matches_json(&self, doc: &Value) -> bool {
        self.matches(&|attr| json_lookup(doc, attr))
    }
}

fn invalid(src: &str) -> ApiError {
    ApiError::new(400, "E0000031", "Invalid search criteria.").cause(format!("Invalid filter expression: {src}"))
}

/// Every value at a dotted path; arrays along the way are flattened.
pub(crate) fn json_lookup(doc: &Value, attr: &str) -> Vec<Value> {
    let mut current = vec![doc];
    for key in attr.split('.') {
        current = current
            .into_iter()
            .flat_map(|v| match v {
                Value::Array(items) => items.iter().filter_map(|i| i.get(key)).collect::<Vec<_>>(),
                other => other.get(key).into_iter().collect(),
            })
            .collect();
    }
    current
        .into_iter()
        .flat_map(|v| match v {
            Value::Array(items) => items.clone(),
            other => vec![other.clone()],
        })
        .collect()
}

fn compare(actual: &Value, op: Op, expected: &Value) -> bool {
    let text = |v: &Value| match v {
        Value::String(s) => s.to_lowercase(),
        other => other.to_string(),
    };
    let (a, e) = (text(actual), text(expected));
    let ordering = || match (clock::parse_rfc3339(&a), clock::parse_rfc3339(&e)) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => match (actual.as_f64(), expected.as_f64()) {
            (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal),
            _ => a.cmp(&e),
        },
    };
    match op {
        Op::Eq => a == e,
        Op::Ne => a != e,
        Op::Gt => ordering().is_gt(),
        Op::Ge => ordering().is_ge(),
        Op::Lt => ordering().is_lt(),
        Op::Le => ordering().is_le(),
        Op::Sw => a.starts_with(&e),
        Op::Co => a.contains(&e),
        Op::Ew => a.ends_with(&e),
        Op::Pr => !actual.is_null(),
    }
}

fn tokenize(src: &str) -> Option<Vec<Tok>> {
    let mut toks = Vec::new();
    let mut chars = src.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '(' => {
                chars.next();
                toks.push(Tok::Open);
            }
            ')' => {
                chars.next();
                toks.push(Tok::Close);
            }
            '"' => {
                chars.next();
                let mut s = String::new();
                loop {
                    match chars.next()? {
                        '"' => break,
                        '\\' => s.push(chars.next()?),
                        other => s.push(other),
                    }
                }
                toks.push(Tok::Str(s));
            }
            _ => {
                let mut w = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_whitespace() || c == '(' || c == ')' || c == '"' {
                        break;
                    }
                    w.push(c);
                    chars.next();
                }
                toks.push(Tok::Word(w));
            }
        }
    }
    Some(toks)
}

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
}

impl Parser {
    fn keyword(&mut self, kw: &str) -> bool {
        match self.toks.get(self.pos) {
            Some(Tok::Word(w)) if w.eq_ignore_ascii_case(kw) => {
                self.pos += 1;
                true
            }
            _ => false,
        }
    }

    fn or(&mut self) -> Option<Filter> {
        let mut left = self.and()?;
        while self.keyword("or") {
            left = Filter::Or(Box::new(left), Box::new(self.and()?));
        }
        Some(left)
    }

    fn and(&mut self) -> Option<Filter> {
        let mut left = self.primary()?;
        while self.keyword("and") {
            left = Filter::And(Box::new(left), Box::new(self.primary()?));
        }
        Some(left)
    }

    fn primary(&mut self) -> Option<Filter> {
        if self.toks.get(self.pos) == Some(&Tok::Open) {
            self.pos += 1;
            let inner = self.or()?;
            (self.toks.get(self.pos) == Some(&Tok::Close)).then_some(())?;
            self.pos += 1;
            return Some(inner);
        }
        let Some(Tok::Word(attr)) = self.toks.get(self.pos).cloned() else {
            return None;
        };
        let Some(Tok::Word(op)) = self.toks.get(self.pos + 1).cloned() else {
            return None;
        };
        self.pos += 2;
        let op = match op.to_ascii_lowercase().as_str() {
            "eq" => Op::Eq,
            "ne" => Op::Ne,
            "gt" => Op::Gt,
            "ge" => Op::Ge,
            "lt" => Op::Lt,
            "le" => Op::Le,
            "sw" => Op::Sw,
            "co" => Op::Co,
            "ew" => Op::Ew,
            "pr" => {
                return Some(Filter::Cmp {
                    attr,
                    op: Op::Pr,
                    value: Value::Null,
                });
            }
            _ => return None,
        };
        let value = match self.toks.get(self.pos)? {
            Tok::Str(s) => Value::String(s.clone()),
            Tok::Word(w) if w == "true" || w == "false" => Value::Bool(w == "true"),
            Tok::Word(w) if w == "null" => Value::Null,
            Tok::Word(w) => Value::Number(w.parse::<i64>().ok()?.into()),
            _ => return None,
        };
        self.pos += 1;
        Some(Filter::Cmp { attr, op, value })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn evaluates_combinations() {
        let doc = json!({"status": "ACTIVE", "profile": {"login": "a.b@example.com"},
            "lastUpdated": "2024-05-01T00:00:00.000Z"});
        let f = |s: &str| Filter::parse(s).map(|f| f.matches_json(&doc));
        assert_eq!(f(r#"status eq "ACTIVE""#).ok(), Some(true));
        assert_eq!(f(r#"status eq "STAGED" or profile.login sw "a.""#).ok(), Some(true));
        assert_eq!(
            f(r#"(status eq "ACTIVE") and lastUpdated gt "2024-06-01T00:00:00.000Z""#).ok(),
            Some(false)
        );
        assert_eq!(f(r#"profile.email pr"#).ok(), Some(false));
        assert!(Filter::parse(r#"status eq"#).is_err());
        assert!(Filter::parse(r#"status === "x""#).is_err());
    }
}
