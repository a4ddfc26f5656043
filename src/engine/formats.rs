//! String formats of form fields (`"format": "uscc"` …): pure checks, one function per format.
//!
//! Every check works on the exact text sent: nothing is trimmed, case-folded (except where a
//! standard allows it) or normalised, so what is accepted is what is stored. Each function
//! returns `false` rather than panicking on any input: empty, huge, non-ASCII (a full-width
//! `１` is not a digit here).
//!
//! Architecture invariant: imports nothing from the crate but `date` and the `StringFormat`
//! enum; never reads the clock.

use crate::date::Date;
use crate::policy::model::StringFormat;

/// Whether `s` is valid for `format`.
///
/// # Example
///
/// ```
/// use intake_rules::engine::formats::check;
/// use intake_rules::policy::StringFormat;
///
/// assert!(check(StringFormat::Uscc, "91350100M000100Y43"));
/// assert!(!check(StringFormat::CnPostcode, "10000"));
/// ```
pub fn check(format: StringFormat, s: &str) -> bool {
    match format {
        StringFormat::Uscc => uscc(s),
        StringFormat::CnResidentId => cn_resident_id(s),
        StringFormat::CnMobile => cn_mobile(s),
        StringFormat::CnPostcode => cn_postcode(s),
        StringFormat::Email => email(s),
    }
}

/// The format's name in words, `(zh-CN, en)`, for messages.
pub fn describe(format: StringFormat) -> (&'static str, &'static str) {
    match format {
        StringFormat::Uscc => ("统一社会信用代码", "unified social credit code"),
        StringFormat::CnResidentId => ("居民身份证号码", "resident identity card number"),
        StringFormat::CnMobile => ("手机号码", "mobile phone number"),
        StringFormat::CnPostcode => ("邮政编码", "postal code"),
        StringFormat::Email => ("电子邮箱地址", "email address"),
    }
}

/// What a valid value looks like, `(zh-CN, en)`, for the message of a value that is not one:
/// the rule the applicant can check the text against, never the format's name again
/// (“统一社会信用代码格式不正确（应为 18 位…）”, not “…不是有效的统一社会信用代码”).
pub fn rule(format: StringFormat) -> (&'static str, &'static str) {
    match format {
        StringFormat::Uscc => (
            "应为 18 位数字或大写英文字母，不含 I、O、S、V、Z，末位为校验码",
            "18 digits or capital letters other than I, O, S, V and Z, the last one a check character",
        ),
        StringFormat::CnResidentId => (
            "应为 18 位，前 17 位为数字，末位为校验码（数字或 X）",
            "18 characters: 17 digits, then a check character that is a digit or X",
        ),
        StringFormat::CnMobile => (
            "应为 11 位数字，以 13 至 19 开头",
            "11 digits starting with 13 to 19",
        ),
        StringFormat::CnPostcode => ("应为 6 位数字", "6 digits"),
        StringFormat::Email => (
            "应为电子邮箱地址，例如 name@example.com",
            "an email address such as name@example.com",
        ),
    }
}

/// The 31 characters of a unified social credit code, in value order (0–30): digits and upper
/// case letters without I, O, Z, S and V.
const USCC_CHARS: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weights of positions 1–17: 3^(i-1) mod 31.
const USCC_WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Registration authority codes (登记管理部门代码) of GB 32100-2015 and its amendment:
/// 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商 (市场监管),
/// A 中央军委改革和编制办公室, N 农业, Y 其他.
const USCC_AUTHORITIES: &[u8] = b"123456789ANY";

fn uscc_value(c: u8) -> Option<u32> {
    USCC_CHARS
        .iter()
        .position(|&x| x == c)
        .and_then(|p| u32::try_from(p).ok())
}

/// The check character of the first 17 characters of a unified social credit code, or `None`
/// when `body` is not 17 characters of the code's alphabet.
///
/// GB 32100-2015 §4 (ISO 7064 MOD 31-3 style): `C18 = 31 − (Σ Ci × Wi mod 31)`, with
/// `Wi = 3^(i−1) mod 31` and 31 written as `0`.
pub fn uscc_check_char(body: &str) -> Option<char> {
    let b = body.as_bytes();
    if b.len() != 17 {
        return None;
    }
    let mut sum = 0u32;
    for (&c, w) in b.iter().zip(USCC_WEIGHTS) {
        sum += uscc_value(c)? * w;
    }
    let check = (31 - sum % 31) % 31;
    USCC_CHARS
        .get(usize::try_from(check).ok()?)
        .map(|&c| char::from(c))
}

/// 统一社会信用代码, the unified social credit code of legal persons and other organisations,
/// GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》.
///
/// Checked: exactly 18 characters from `0-9 A-H J-N P-R T U W-Y` (no I, O, Z, S or V);
/// upper case only (the standard defines upper-case letters, and a lower-case code is not the
/// code as issued); position 1 a registration authority code (`1`–`9`, `A`, `N`, `Y`);
/// positions 3–8 digits (the GB/T 2260 administrative division of the registering authority);
/// position 18 the check character computed by [`uscc_check_char`].
///
/// Not checked: that the division code exists, the category code at position 2 against its
/// authority, and the GB 11714 check character inside positions 9–17 (codes issued in the
/// field are not all consistent with it, and rejecting a real code is worse than accepting a
/// mistyped one that the check character lets through).
///
/// # Example
///
/// ```
/// use intake_rules::engine::formats::uscc;
///
/// assert!(uscc("91350100M000100Y43"));
/// assert!(!uscc("91350100M000100Y44")); // wrong check character
/// assert!(!uscc("91350100m000100y43")); // lower case
/// ```
pub fn uscc(s: &str) -> bool {
    let b = s.as_bytes();
    let Some((&check, body)) = b.split_last() else {
        return false;
    };
    if b.len() != 18 {
        return false;
    }
    let authority_ok = body.first().is_some_and(|c| USCC_AUTHORITIES.contains(c));
    let division_ok = body
        .get(2..8)
        .is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if !authority_ok || !division_ok {
        return false;
    }
    // `body` is ASCII if it is in the alphabet; `uscc_check_char` checks the alphabet.
    let Ok(body) = std::str::from_utf8(body) else {
        return false;
    };
    uscc_check_char(body).is_some_and(|c| u32::from(c) == u32::from(check))
}

/// Weights of positions 1–17 of a resident id: 2^(18−i) mod 11.
const ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character by `Σ mod 11`.
const ID_CHECK: &[u8; 11] = b"10X98765432";

/// The check character of the first 17 digits of a resident identity card number, or `None`
/// when `body` is not 17 ASCII digits.
///
/// GB 11643-1999 §8.2, ISO 7064:1983 MOD 11-2: `Σ ai × Wi mod 11` indexes `10X98765432`.
pub fn cn_resident_id_check_char(body: &str) -> Option<char> {
    let b = body.as_bytes();
    if b.len() != 17 {
        return None;
    }
    let mut sum = 0u32;
    for (&c, w) in b.iter().zip(ID_WEIGHTS) {
        if !c.is_ascii_digit() {
            return None;
        }
        sum += u32::from(c - b'0') * w;
    }
    ID_CHECK
        .get(usize::try_from(sum % 11).ok()?)
        .map(|&c| char::from(c))
}

/// 公民身份号码 on the 居民身份证, GB 11643-1999 《公民身份号码》 (18 characters; the old
/// 15-digit numbers are not accepted).
///
/// Checked: 17 ASCII digits then the check character (a digit or `X`; a lower-case `x` is
/// accepted as well, since people type it); the ISO 7064 MOD 11-2 check character of
/// [`cn_resident_id_check_char`]; an address code (positions 1–6) not starting with `0`; a
/// birth date (positions 7–14, `YYYYMMDD`) that is a real calendar date with year ≥ 1900.
///
/// Not checked: that the address code exists, and that the birth date is not in the future —
/// the product never reads the clock, so a caller that needs that compares the date with the
/// request's received day.
///
/// # Example
///
/// ```
/// use intake_rules::engine::formats::cn_resident_id;
///
/// assert!(cn_resident_id("11010519491231002X"));
/// assert!(cn_resident_id("11010519491231002x"));
/// assert!(!cn_resident_id("110105199902300015")); // 1999-02-30 does not exist
/// ```
pub fn cn_resident_id(s: &str) -> bool {
    let b = s.as_bytes();
    let Some((&check, body)) = b.split_last() else {
        return false;
    };
    if b.len() != 18 || body.first().is_none_or(|&c| c == b'0') {
        return false;
    }
    let Ok(body) = std::str::from_utf8(body) else {
        return false;
    };
    let Some(expected) = cn_resident_id_check_char(body) else {
        return false;
    };
    if u32::from(expected) != u32::from(check.to_ascii_uppercase()) {
        return false;
    }
    let Some(birth) = body.as_bytes().get(6..14) else {
        return false;
    };
    let mut n = 0u32;
    for &c in birth {
        // Already known to be digits.
        n = n * 10 + u32::from(c.wrapping_sub(b'0'));
    }
    let (y, m, d) = (n / 10_000, n / 100 % 100, n % 100);
    y >= 1900 && i32::try_from(y).is_ok_and(|y| Date::from_ymd(y, m, d).is_some())
}

/// A mainland-China mobile number (手机号码), numbering plan of the Ministry of Industry and
/// Information Technology (MIIT): 11 digits, `1` then `3`–`9` then 9 digits.
///
/// The country code may be written in front: `+86` or `86`, optionally followed by one space
/// or one `-` (`+86 13800138000`, `86-13800138000`). Nothing else is accepted: no `0086`, no
/// spaces or dashes inside the number (`138 0013 8000`), no full-width digits. Because the
/// number itself starts with `1`, a leading `86` is never ambiguous.
///
/// # Example
///
/// ```
/// use intake_rules::engine::formats::cn_mobile;
///
/// assert!(cn_mobile("13800138000"));
/// assert!(cn_mobile("+86 13800138000"));
/// assert!(!cn_mobile("12800138000"));
/// ```
pub fn cn_mobile(s: &str) -> bool {
    let rest = s
        .strip_prefix("+86")
        .or_else(|| s.strip_prefix("86"))
        .map(|r| {
            r.strip_prefix(' ')
                .or_else(|| r.strip_prefix('-'))
                .unwrap_or(r)
        })
        .unwrap_or(s);
    let b = rest.as_bytes();
    b.len() == 11
        && b.first() == Some(&b'1')
        && b.get(1).is_some_and(|c| (b'3'..=b'9').contains(c))
        && b.iter().all(u8::is_ascii_digit)
}

/// A mainland-China postal code (邮政编码), GB/T 17720 《邮政编码编制规则》: exactly 6 ASCII
/// digits.
///
/// No stricter rule is applied (such as the province prefix of the first two digits): the
/// codes in use are not a closed, published list, and `999077`-style codes for Hong Kong and
/// Macao are in everyday use on mainland forms.
///
/// # Example
///
/// ```
/// use intake_rules::engine::formats::cn_postcode;
///
/// assert!(cn_postcode("350001"));
/// assert!(!cn_postcode("35000"));
/// ```
pub fn cn_postcode(s: &str) -> bool {
    s.len() == 6 && s.bytes().all(|c| c.is_ascii_digit())
}

/// Characters allowed in an unquoted local part (RFC 5322 `atext`), besides letters and digits.
const ATEXT_SPECIALS: &[u8] = b"!#$%&'*+-/=?^_`{|}~";

/// A pragmatic email address check, after RFC 5321 / RFC 5322 (`dot-atom@domain`).
///
/// Checked: ASCII only, at most 254 characters in all, exactly one `@`; a local part of 1–64
/// characters of letters, digits, `!#$%&'*+-/=?^_`{|}~` and dots, not starting or ending with a
/// dot and without two dots in a row; a domain of at least two dot-separated labels, each 1–63
/// letters, digits or hyphens, not starting or ending with a hyphen, the last label not all
/// digits.
///
/// Not accepted, on purpose: quoted local parts, comments, IP-address literals, and non-ASCII
/// addresses (internationalised local parts or domains, RFC 6531); a portal that needs an IDN
/// domain should ask for its punycode (`xn--…`) form, which is accepted.
///
/// # Example
///
/// ```
/// use intake_rules::engine::formats::email;
///
/// assert!(email("zhang.san+intake@example.com.cn"));
/// assert!(!email("zhang san@example.com"));
/// assert!(!email("张三@example.com"));
/// ```
pub fn email(s: &str) -> bool {
    if s.is_empty() || s.len() > 254 || !s.is_ascii() {
        return false;
    }
    let mut parts = s.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    email_local(local) && email_domain(domain)
}

fn email_local(local: &str) -> bool {
    !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'.' || ATEXT_SPECIALS.contains(&c))
}

fn email_domain(domain: &str) -> bool {
    let mut labels = 0usize;
    let mut last_all_digits = true;
    for label in domain.split('.') {
        let ok = !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-');
        if !ok {
            return false;
        }
        labels += 1;
        last_all_digits = label.bytes().all(|c| c.is_ascii_digit());
    }
    labels >= 2 && !last_all_digits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_powers() {
        let mut w = 1u32;
        for x in USCC_WEIGHTS {
            assert_eq!(x, w);
            w = w * 3 % 31;
        }
        for (i, x) in ID_WEIGHTS.iter().enumerate() {
            assert_eq!(*x, 2u32.pow(17 - i as u32) % 11);
        }
    }

    #[test]
    fn every_format_has_a_name() {
        for (_, f) in StringFormat::ALL {
            let (zh, en) = describe(f);
            assert!(!zh.is_empty() && !en.is_empty());
        }
    }
}
