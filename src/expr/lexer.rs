//! Turns a condition into tokens. Hand-written so that every error can say exactly which byte
//! is wrong and what was probably meant (`=` → `==`, `（` → `(`).

use super::diagnostics as d;
use super::ExprError;

/// A token kind.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok<'a> {
    Num(f64),
    Str(String),
    Ident(&'a str),
    True,
    False,
    In,
    Has,
    EqEq,
    NotEq,
    Lt,
    Le,
    Gt,
    Ge,
    AndAnd,
    OrOr,
    Bang,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Eof,
}

impl Tok<'_> {
    /// How the token reads in an error message.
    pub(crate) fn describe(&self) -> String {
        match self {
            Tok::Num(n) => format!("`{n}`"),
            Tok::Str(s) => format!("`{}`", d::quote(s)),
            Tok::Ident(s) => format!("`{s}`"),
            Tok::True => "`true`".into(),
            Tok::False => "`false`".into(),
            Tok::In => "`in`".into(),
            Tok::Has => "`has`".into(),
            Tok::EqEq => "`==`".into(),
            Tok::NotEq => "`!=`".into(),
            Tok::Lt => "`<`".into(),
            Tok::Le => "`<=`".into(),
            Tok::Gt => "`>`".into(),
            Tok::Ge => "`>=`".into(),
            Tok::AndAnd => "`&&`".into(),
            Tok::OrOr => "`||`".into(),
            Tok::Bang => "`!`".into(),
            Tok::LParen => "`(`".into(),
            Tok::RParen => "`)`".into(),
            Tok::LBracket => "`[`".into(),
            Tok::RBracket => "`]`".into(),
            Tok::Comma => "`,`".into(),
            Tok::Eof => String::new(),
        }
    }
}

/// A token and the byte offset where it starts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token<'a> {
    pub tok: Tok<'a>,
    pub offset: usize,
}

/// Lexing stops collecting after this many errors: a 4 KB line of `=` is one mistake, not
/// four thousand findings worth showing.
const MAX_ERRORS: usize = 16;

/// All tokens of `src`, ending with [`Tok::Eof`], or every lexical error found.
pub(crate) fn lex(src: &str) -> Result<Vec<Token<'_>>, Vec<ExprError>> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut i = 0;
    while i < bytes.len() && errors.len() < MAX_ERRORS {
        let Some(&b) = bytes.get(i) else { break };
        let next = bytes.get(i + 1).copied();
        let start = i;
        let simple = |tok, len: usize| (Some(tok), len);
        let (tok, len) = match b {
            b' ' | b'\t' | b'\n' | b'\r' => (None, 1),
            b'(' => simple(Tok::LParen, 1),
            b')' => simple(Tok::RParen, 1),
            b'[' => simple(Tok::LBracket, 1),
            b']' => simple(Tok::RBracket, 1),
            b',' => simple(Tok::Comma, 1),
            b'=' if next == Some(b'=') => simple(Tok::EqEq, 2),
            b'!' if next == Some(b'=') => simple(Tok::NotEq, 2),
            b'<' if next == Some(b'=') => simple(Tok::Le, 2),
            b'>' if next == Some(b'=') => simple(Tok::Ge, 2),
            b'&' if next == Some(b'&') => simple(Tok::AndAnd, 2),
            b'|' if next == Some(b'|') => simple(Tok::OrOr, 2),
            b'!' => simple(Tok::Bang, 1),
            b'<' => simple(Tok::Lt, 1),
            b'>' => simple(Tok::Gt, 1),
            b'=' => {
                errors.push(d::lone_operator(start, "=", "=="));
                (None, 1)
            }
            b'&' => {
                errors.push(d::lone_operator(start, "&", "&&"));
                (None, 1)
            }
            b'|' => {
                errors.push(d::lone_operator(start, "|", "||"));
                (None, 1)
            }
            b'\'' | b'"' => match string(src, start) {
                Ok((s, len)) => (Some(Tok::Str(s)), len),
                Err((e, len)) => {
                    let fatal = e.offset == start;
                    errors.push(e);
                    if fatal {
                        // An unclosed string swallows the rest; nothing after it is a token.
                        break;
                    }
                    (None, len)
                }
            },
            b'0'..=b'9' | b'-' => match number(src, start) {
                Ok((n, len)) => (Some(Tok::Num(n)), len),
                Err((e, len)) => {
                    errors.push(e);
                    (None, len)
                }
            },
            b if b.is_ascii_alphabetic() || b == b'_' || !b.is_ascii() => {
                let len = word_len(src, start);
                let word = src.get(start..start + len).unwrap_or("");
                match word.char_indices().find(|(_, c)| !c.is_ascii()) {
                    _ if len == 0 => {
                        // A non-ASCII character that cannot be part of a word: full-width
                        // punctuation or space. Skip the whole character, never half of it.
                        let c = src.get(start..).and_then(|r| r.chars().next());
                        let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
                        errors.push(d::unexpected_char(start, c));
                        (None, c.len_utf8())
                    }
                    Some((at, c)) => {
                        errors.push(d::non_ascii(start + at, c, word));
                        (None, len)
                    }
                    None => (Some(keyword(word)), len),
                }
            }
            _ => {
                errors.push(d::unexpected_char(start, char::from(b)));
                (None, 1)
            }
        };
        if let Some(tok) = tok {
            out.push(Token { tok, offset: start });
        }
        i = start + len.max(1);
    }
    if errors.is_empty() {
        out.push(Token {
            tok: Tok::Eof,
            offset: src.len(),
        });
        Ok(out)
    } else {
        Err(errors)
    }
}

fn keyword(word: &str) -> Tok<'_> {
    match word {
        "true" => Tok::True,
        "false" => Tok::False,
        "in" => Tok::In,
        "has" => Tok::Has,
        _ => Tok::Ident(word),
    }
}

/// The length of the identifier-like run at `start`, non-ASCII characters included, so that a
/// Chinese word is reported once rather than character by character.
fn word_len(src: &str, start: usize) -> usize {
    let rest = src.get(start..).unwrap_or("");
    rest.char_indices()
        .find(|(_, c)| {
            !(c.is_ascii_alphanumeric() || *c == '_' || (!c.is_ascii() && is_wordish(*c)))
        })
        .map_or(rest.len(), |(at, _)| at)
}

/// Non-ASCII characters that continue a word; full-width punctuation and spaces do not, so
/// `（` after a name is reported on its own with its own hint.
fn is_wordish(c: char) -> bool {
    c.is_alphanumeric()
}

/// A string literal at `start` (on its quote): its text and length, or an error and how many
/// bytes to skip. An error at `start` itself means the string is never closed.
fn string(src: &str, start: usize) -> Result<(String, usize), (ExprError, usize)> {
    let rest = src.get(start..).unwrap_or("");
    let mut chars = rest.char_indices();
    let quote = chars.next().map_or('\'', |(_, c)| c);
    let mut text = String::new();
    let mut bad_escape = None;
    while let Some((at, c)) = chars.next() {
        if c == quote {
            let len = at + c.len_utf8();
            return match bad_escape {
                Some(e) => Err((e, len)),
                None => Ok((text, len)),
            };
        }
        if c == '\\' {
            match chars.next() {
                Some((_, e @ ('\\' | '\'' | '"'))) => text.push(e),
                Some((_, e)) => {
                    bad_escape.get_or_insert_with(|| d::bad_escape(start + at, e));
                }
                None => break,
            }
        } else {
            text.push(c);
        }
    }
    Err((d::unclosed_string(start), rest.len()))
}

/// A number at `start`: `-?digits(.digits)?([eE][+-]?digits)?`, finite, not followed by a
/// letter.
fn number(src: &str, start: usize) -> Result<(f64, usize), (ExprError, usize)> {
    let b = src.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let digits = |mut i: usize| {
        let s = i;
        while at(i).is_ascii_digit() {
            i += 1;
        }
        (i, i > s)
    };
    let mut i = start;
    if at(i) == b'-' {
        i += 1;
        if !at(i).is_ascii_digit() {
            return Err((d::lone_minus(start), 1));
        }
    }
    let (mut i, mut ok) = digits(i);
    if ok && at(i) == b'.' {
        let (j, frac) = digits(i + 1);
        ok = frac;
        i = j;
    }
    if ok && (at(i) == b'e' || at(i) == b'E') {
        let mut j = i + 1;
        if at(j) == b'+' || at(j) == b'-' {
            j += 1;
        }
        let (j, exp) = digits(j);
        ok = exp;
        i = j;
    }
    // Swallow a directly attached word or dot so `5kva` and `1.2.3` are one error, not three.
    let mut end = i;
    while at(end).is_ascii_alphanumeric() || at(end) == b'_' || at(end) == b'.' {
        end += 1;
        ok = false;
    }
    let text = src.get(start..end).unwrap_or("");
    if !ok {
        return Err((d::bad_number(start, text), end - start));
    }
    match text.parse::<f64>() {
        Ok(n) if n.is_finite() => Ok((n, end - start)),
        _ => Err((d::number_out_of_range(start, text), end - start)),
    }
}
