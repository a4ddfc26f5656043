//! Positions in JSON text: one scan maps every path (`services.power.stages[0].limit`) to the
//! line and UTF-16 column of its value and of its key, and finds duplicate keys, which
//! serde_json silently collapses (the last one wins).
//!
//! Lines and columns are 1-based; columns count UTF-16 code units, as JS strings and browser
//! editors do (a Chinese character is one unit, an emoji two).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A position in the text: 1-based line, 1-based UTF-16 column, and the byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
    pub offset: usize,
}

impl Pos {
    pub const START: Pos = Pos {
        line: 1,
        column: 1,
        offset: 0,
    };
}

/// The path of member `key` of the object at `parent`: `parent.key`, or `parent["key"]` when
/// the key has characters outside `[A-Za-z0-9_-]`.
pub fn key_path(parent: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    // Built by hand, not with `format!`: the loader makes one path per node (hot when loading).
    if plain {
        let mut out = String::with_capacity(parent.len() + 1 + key.len());
        out.push_str(parent);
        if !parent.is_empty() {
            out.push('.');
        }
        out.push_str(key);
        out
    } else {
        let quoted = serde_json::to_string(key).unwrap_or_else(|_| format!("\"{key}\""));
        let mut out = String::with_capacity(parent.len() + 2 + quoted.len());
        out.push_str(parent);
        out.push('[');
        out.push_str(&quoted);
        out.push(']');
        out
    }
}

/// A path the loader descends along, written out as text ([`key_path`], [`index_path`]) only
/// when an issue is reported: a link per step on the stack instead of a string per node.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    /// A path given as text (`""` for the root, `effective.from`).
    Text(&'a str),
    /// Member `key` of the object at the first path.
    Key(&'a Path<'a>, &'a str),
    /// Element `i` of the array at the first path.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The document itself.
    pub const ROOT: Path<'static> = Path::Text("");

    /// The path of member `key` of the object here.
    pub fn key<'b>(&'b self, key: &'b str) -> Path<'b> {
        Path::Key(self, key)
    }

    /// The path of element `i` of the array here.
    pub fn index(&self, i: usize) -> Path<'_> {
        Path::Index(self, i)
    }

    /// The path as text, exactly as [`key_path`] and [`index_path`] write it.
    pub fn render(&self) -> String {
        match self {
            Path::Text(s) => (*s).to_string(),
            Path::Key(parent, key) => key_path(&parent.render(), key),
            Path::Index(parent, i) => index_path(&parent.render(), *i),
        }
    }
}

/// The path of element `i` of the array at `parent`.
pub fn index_path(parent: &str, i: usize) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(parent.len() + 4);
    out.push_str(parent);
    // Writing to a String cannot fail.
    let _ = write!(out, "[{i}]");
    out
}

/// Every value's and key's position, by path.
#[derive(Debug, Default, Clone)]
pub struct Locations {
    values: HashMap<String, Pos>,
    keys: HashMap<String, Pos>,
    /// Keys that repeat an earlier key of the same object: (path, key, position of the
    /// repeat).
    pub duplicates: Vec<(String, String, Pos)>,
}

impl Locations {
    /// The position of the value at `path`, or of the nearest enclosing value that has one.
    pub fn value(&self, path: &str) -> Pos {
        let mut p = path;
        loop {
            if let Some(pos) = self.values.get(p) {
                return *pos;
            }
            match parent(p) {
                Some(up) => p = up,
                None => return Pos::START,
            }
        }
    }

    /// The position of the key of the member at `path` (its value's when it is an array
    /// element or the root).
    pub fn key(&self, path: &str) -> Pos {
        self.keys
            .get(path)
            .copied()
            .unwrap_or_else(|| self.value(path))
    }

    /// The position `offset` bytes into the decoded string value at `path`, mapped through
    /// the raw string literal (escapes included) in `text`.
    pub fn in_string(&self, text: &str, path: &str, offset: usize) -> Pos {
        let start = self.value(path);
        string_offset(text, start, offset)
    }
}

/// The enclosing path: `a.b[2]` → `a.b`, `a.b` → `a`, `a` → ``; `None` for the root.
fn parent(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    if path.ends_with(']') {
        // `[...]` may be a quoted key containing `[`: find the `[` that opens this segment.
        let bytes = path.as_bytes();
        let mut cut = None;
        if path.ends_with("\"]") {
            // A quoted key: scan back for `["` preceded by an unescaped context.
            let mut i = path.len().saturating_sub(2);
            while i > 0 {
                i -= 1;
                if bytes.get(i) == Some(&b'"')
                    && i >= 1
                    && bytes.get(i - 1) == Some(&b'[')
                    && !is_escaped(bytes, i)
                {
                    cut = Some(i - 1);
                    break;
                }
            }
        } else {
            cut = path.rfind('[');
        }
        return Some(path.get(..cut.unwrap_or(0)).unwrap_or(""));
    }
    match path.rfind(['.', ']']) {
        Some(i) if path.as_bytes().get(i) == Some(&b']') => path.get(..=i),
        Some(i) => path.get(..i),
        None => Some(""),
    }
}

fn is_escaped(bytes: &[u8], i: usize) -> bool {
    let mut n = 0;
    let mut j = i;
    while j > 0 && bytes.get(j - 1) == Some(&b'\\') {
        n += 1;
        j -= 1;
    }
    n % 2 == 1
}

/// How many UTF-16 units the UTF-8 byte `b` starts (0 for continuation bytes).
fn utf16_units(b: u8) -> u32 {
    if b < 0x80 || (0xC0..0xF0).contains(&b) {
        1
    } else if b >= 0xF0 {
        2
    } else {
        0
    }
}

/// The UTF-16 column of byte `offset` on a line starting at byte `line_start`.
pub fn column_of(text: &str, line_start: usize, offset: usize) -> u32 {
    let bytes = text.as_bytes();
    let mut col = 1u32;
    for b in bytes.get(line_start..offset).unwrap_or(&[]) {
        col += utf16_units(*b);
    }
    col
}

/// Line and UTF-16 column from serde_json's (line, byte column) of a syntax error.
pub fn from_serde_position(text: &str, line: usize, byte_column: usize) -> Pos {
    let mut line_start = 0usize;
    let mut current = 1usize;
    if line > 1 {
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                current += 1;
                if current == line {
                    line_start = i + 1;
                    break;
                }
            }
        }
    }
    let mut end = (line_start + byte_column).min(text.len());
    // The reported column counts the offending character; land on a boundary before it ends.
    while end > line_start && !text.is_char_boundary(end) {
        end += 1;
        if end >= text.len() {
            end = text.len();
            break;
        }
    }
    let units: u32 = text
        .as_bytes()
        .get(line_start..end)
        .unwrap_or(&[])
        .iter()
        .map(|b| utf16_units(*b))
        .sum();
    Pos {
        line: u32::try_from(line.max(1)).unwrap_or(u32::MAX),
        column: units.max(1),
        offset: end.saturating_sub(1).max(line_start),
    }
}

/// Map a byte offset inside the decoded string whose literal starts (at its opening quote) at
/// `start` to the position in the raw text.
pub fn string_offset(text: &str, start: Pos, offset: usize) -> Pos {
    let bytes = text.as_bytes();
    if bytes.get(start.offset) != Some(&b'"') {
        return start;
    }
    let mut i = start.offset + 1;
    let mut col = start.column + 1;
    let mut decoded = 0usize;
    while decoded < offset {
        let Some(&b) = bytes.get(i) else { break };
        if b == b'"' {
            break;
        }
        if b == b'\\' {
            let esc = bytes.get(i + 1).copied().unwrap_or(b'"');
            if esc == b'u' {
                let unit = hex4(bytes, i + 2);
                let is_high = matches!(unit, Some(0xD800..=0xDBFF));
                let next_low = bytes.get(i + 6) == Some(&b'\\')
                    && bytes.get(i + 7) == Some(&b'u')
                    && matches!(hex4(bytes, i + 8), Some(0xDC00..=0xDFFF));
                if is_high && next_low {
                    decoded += 4;
                    i += 12;
                    col += 12;
                } else {
                    let len = unit
                        .and_then(char::from_u32)
                        .map(char::len_utf8)
                        .unwrap_or(3);
                    decoded += len;
                    i += 6;
                    col += 6;
                }
            } else {
                decoded += 1;
                i += 2;
                col += 2;
            }
            continue;
        }
        let len = match b {
            0x00..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        if decoded + len > offset {
            break;
        }
        decoded += len;
        col += utf16_units(b);
        i += len;
    }
    Pos {
        line: start.line,
        column: col,
        offset: i,
    }
}

fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let s = bytes.get(at..at + 4)?;
    let s = std::str::from_utf8(s).ok()?;
    u32::from_str_radix(s, 16).ok()
}

/// The deepest nesting of `text` if it exceeds `max`: the position of the first bracket that
/// goes deeper. Scans bytes only (strings skipped), so it is safe before parsing.
pub fn too_deep(text: &str, max: usize) -> Option<Pos> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut in_str = false;
    let mut escaped = false;
    let mut line = 1u32;
    let mut col = 1u32;
    let mut line_start = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        if in_str {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_str = false;
            }
        } else {
            match b {
                b'"' => in_str = true,
                b'{' | b'[' => {
                    depth += 1;
                    if depth > max {
                        col = column_of(text, line_start, i);
                        return Some(Pos {
                            line,
                            column: col,
                            offset: i,
                        });
                    }
                }
                b'}' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        if b == b'\n' {
            line = line.saturating_add(1);
            line_start = i + 1;
        }
    }
    let _ = col;
    None
}

enum Frame {
    Obj {
        path: String,
        seen: HashSet<String>,
        first: bool,
    },
    Arr {
        path: String,
        next: usize,
        first: bool,
    },
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    i: usize,
    line: u32,
    col: u32,
}

impl Scanner<'_> {
    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.col,
            offset: self.i,
        }
    }
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.i).copied()
    }
    fn bump(&mut self) {
        if let Some(&b) = self.bytes.get(self.i) {
            if b == b'\n' {
                self.line = self.line.saturating_add(1);
                self.col = 1;
            } else {
                self.col += utf16_units(b);
            }
            self.i += 1;
        }
    }
    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }
    /// At an opening quote: skip the string literal, returning its raw text (quotes included).
    fn skip_string(&mut self) -> &str {
        let start = self.i;
        self.bump();
        let mut escaped = false;
        while let Some(b) = self.peek() {
            self.bump();
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                break;
            }
        }
        self.text.get(start..self.i).unwrap_or("")
    }
    fn skip_scalar(&mut self) -> bool {
        let start = self.i;
        while let Some(b) = self.peek() {
            if matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                break;
            }
            self.bump();
        }
        self.i > start
    }
}

/// The text a policy was loaded from, with its [`Locations`] computed on first use: only lint
/// needs them for a valid policy, and the scan (a path string and two map entries per node) is
/// a noticeable part of loading. A built-in pack's text is the binary's own (`'static`), so
/// holding it costs no memory.
#[derive(Debug, Default)]
pub struct LazyLocations {
    text: std::borrow::Cow<'static, str>,
    locs: OnceLock<Locations>,
}

impl LazyLocations {
    pub fn new(text: &str) -> LazyLocations {
        LazyLocations::from_cow(std::borrow::Cow::Owned(text.to_string()))
    }

    /// Holds `text` itself (an owned `String`, or a `'static` text without a copy).
    pub fn from_cow(text: std::borrow::Cow<'static, str>) -> LazyLocations {
        LazyLocations {
            text,
            locs: OnceLock::new(),
        }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The positions, scanned on the first call.
    pub fn get(&self) -> &Locations {
        self.locs.get_or_init(|| scan(&self.text))
    }
}

/// Scan valid JSON text once (call it after serde_json accepted the text; on anything else it
/// stops early and returns what it found).
pub fn scan(text: &str) -> Locations {
    let mut locs = Locations::default();
    let mut s = Scanner {
        text,
        bytes: text.as_bytes(),
        i: 0,
        line: 1,
        col: 1,
    };
    let mut stack: Vec<Frame> = Vec::new();
    let mut pending: Option<String> = Some(String::new());
    loop {
        if let Some(path) = pending.take() {
            s.skip_ws();
            locs.values.insert(path.clone(), s.pos());
            match s.peek() {
                Some(b'{') => {
                    s.bump();
                    stack.push(Frame::Obj {
                        path,
                        seen: HashSet::new(),
                        first: true,
                    });
                }
                Some(b'[') => {
                    s.bump();
                    stack.push(Frame::Arr {
                        path,
                        next: 0,
                        first: true,
                    });
                }
                Some(b'"') => {
                    s.skip_string();
                }
                None => break,
                Some(_) => {
                    if !s.skip_scalar() {
                        break;
                    }
                }
            }
            continue;
        }
        s.skip_ws();
        let Some(top) = stack.last_mut() else { break };
        match s.peek() {
            Some(b'}' | b']') => {
                s.bump();
                stack.pop();
                continue;
            }
            None => break,
            _ => {}
        }
        let first = match top {
            Frame::Obj { first, .. } | Frame::Arr { first, .. } => std::mem::replace(first, false),
        };
        if !first {
            if s.peek() != Some(b',') {
                break;
            }
            s.bump();
            s.skip_ws();
        }
        match top {
            Frame::Obj { path, seen, .. } => {
                if s.peek() != Some(b'"') {
                    break;
                }
                let kpos = s.pos();
                let raw = s.skip_string();
                let key: String = serde_json::from_str(raw).unwrap_or_default();
                s.skip_ws();
                if s.peek() != Some(b':') {
                    break;
                }
                s.bump();
                let child = key_path(path, &key);
                if seen.contains(&key) {
                    locs.duplicates.push((child.clone(), key, kpos));
                } else {
                    seen.insert(key);
                }
                locs.keys.insert(child.clone(), kpos);
                pending = Some(child);
            }
            Frame::Arr { path, next, .. } => {
                pending = Some(index_path(path, *next));
                *next += 1;
            }
        }
    }
    locs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(key_path("", "a"), "a");
        assert_eq!(key_path("a", "b-c_1"), "a.b-c_1");
        assert_eq!(key_path("a", "b.c"), "a[\"b.c\"]");
        assert_eq!(key_path("", "$schema"), "[\"$schema\"]");
        assert_eq!(parent("a.b[2]"), Some("a.b"));
        assert_eq!(parent("a.b"), Some("a"));
        assert_eq!(parent("a"), Some(""));
        assert_eq!(parent("a[\"x.[y\"]"), Some("a"));
        assert_eq!(parent("a[\"x\"].b"), Some("a[\"x\"]"));
        assert_eq!(parent(""), None);
    }

    #[test]
    fn positions_count_utf16() {
        let text = "{\"t\": {\"zh-CN\": \"中文😀\", \"x\": 1},\n \"a\": [true, \"q\"], \"a\": 2}";
        let l = scan(text);
        assert_eq!(
            l.value("t.x"),
            Pos {
                line: 1,
                column: 30,
                offset: 35
            }
        );
        assert_eq!(l.key("a").line, 2);
        assert_eq!(l.duplicates.len(), 1);
        assert_eq!(l.duplicates.first().map(|d| d.2.column), Some(20));
    }

    #[test]
    fn string_offsets_map_through_escapes() {
        let text = r#"{"c": "a \"b\" 中 \u00e9x"}"#;
        let l = scan(text);
        let start = l.value("c");
        assert_eq!(start.column, 7);
        // decoded: a␠"b"␠中␠éx — `x` is at byte 12 (中 is 3 bytes, é 2)
        let p = string_offset(text, start, 12);
        assert_eq!(p.column, 24);
        assert_eq!(string_offset(text, start, 6).column, 16);
        assert_eq!(string_offset(text, start, 0).column, 8);
    }
}
