//! Where each key and element of a case file is, for the line and column of its problems.

use std::collections::BTreeMap;

use super::join;

/// Every key and array element of a JSON text, by its path (`cases[0].expect.outcome`), with the
/// 1-based line and UTF-16 column where it starts (the key's opening quote for an object member,
/// the value for an array element). Best effort: text that is not JSON yields what was seen.
pub fn positions(text: &str) -> BTreeMap<String, (u32, u32)> {
    let mut s = Scanner {
        chars: text.chars().collect(),
        i: 0,
        line: 1,
        col: 1,
        out: BTreeMap::new(),
        depth: 0,
    };
    s.ws();
    s.value("");
    s.out
}

struct Scanner {
    chars: Vec<char>,
    i: usize,
    line: u32,
    col: u32,
    out: BTreeMap<String, (u32, u32)>,
    depth: u32,
}

impl Scanner {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).copied()
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += u32::try_from(c.len_utf16()).unwrap_or(1);
        }
        Some(c)
    }
    fn ws(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r')) {
            self.bump();
        }
    }
    fn string(&mut self) -> String {
        let mut out = String::new();
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '"' => break,
                '\\' => {
                    if let Some(e) = self.bump() {
                        match e {
                            'n' => out.push('\n'),
                            't' => out.push('\t'),
                            'u' => {
                                let hex: String = (0..4).filter_map(|_| self.bump()).collect();
                                if let Some(ch) =
                                    u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                                {
                                    out.push(ch);
                                }
                            }
                            other => out.push(other),
                        }
                    }
                }
                c => out.push(c),
            }
        }
        out
    }
    fn value(&mut self, path: &str) {
        if self.depth > 128 {
            self.i = self.chars.len();
            return;
        }
        match self.peek() {
            Some('{') => {
                self.depth += 1;
                self.bump();
                self.ws();
                while self.peek() == Some('"') {
                    let at = (self.line, self.col);
                    let key = self.string();
                    let p = join(path, &key);
                    self.out.entry(p.clone()).or_insert(at);
                    self.ws();
                    if self.peek() == Some(':') {
                        self.bump();
                    }
                    self.ws();
                    self.value(&p);
                    self.ws();
                    if self.peek() == Some(',') {
                        self.bump();
                        self.ws();
                    }
                }
                if self.peek() == Some('}') {
                    self.bump();
                }
                self.depth -= 1;
            }
            Some('[') => {
                self.depth += 1;
                self.bump();
                self.ws();
                let mut n = 0usize;
                while !matches!(self.peek(), Some(']') | None) {
                    let p = format!("{path}[{n}]");
                    self.out.entry(p.clone()).or_insert((self.line, self.col));
                    let before = self.i;
                    self.value(&p);
                    self.ws();
                    if self.peek() == Some(',') {
                        self.bump();
                        self.ws();
                    }
                    if self.i == before {
                        self.bump();
                    }
                    n += 1;
                }
                self.bump();
                self.depth -= 1;
            }
            Some('"') => {
                self.string();
            }
            Some(_) => {
                while !matches!(
                    self.peek(),
                    Some(',' | '}' | ']' | ' ' | '\n' | '\r' | '\t') | None
                ) {
                    self.bump();
                }
            }
            None => {}
        }
    }
}
