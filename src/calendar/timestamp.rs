//! Reading `submitted_at`: RFC 3339 (seconds optional, any offset, none = China time) to the
//! China civil date and second of day, strictly (no guessing at malformed text).

use super::*;

pub(super) fn bad_time(s: &str) -> CalendarError {
    CalendarError::new(
        Code::BadTime,
        "submitted_at",
        format!(
            "`{}` 不是有效的时间（例如 `2026-11-23T16:59:00+08:00`）",
            quote(s)
        ),
        format!(
            "`{}` is not a valid timestamp (e.g. `2026-11-23T16:59:00+08:00`)",
            quote(s)
        ),
    )
}

/// `YYYY-MM-DD?HH:MM:SS` with `?` one of `T`, `t`, space: the fixed-width head every accepted
/// timestamp starts with (RFC 3339 readers often accept one-digit months and signed years).
pub(super) fn has_strict_head(b: &[u8]) -> bool {
    const SHAPE: &[u8] = b"dddd-dd-dd?dd:dd:dd";
    b.len() >= SHAPE.len()
        && SHAPE.iter().zip(b).all(|(&s, &c)| match s {
            b'd' => c.is_ascii_digit(),
            b'?' => matches!(c, b'T' | b't' | b' '),
            _ => c == s,
        })
}

/// A timestamp as a China civil date and the seconds after midnight (China time).
///
/// The accepted shape is RFC 3339's (as chrono read it before this parser replaced it):
/// `YYYY-MM-DD?HH:MM:SS[.fraction][offset]`, `?` one of `T`, `t`, space; the fraction one or
/// more digits, ignored (only whole seconds matter); the offset `Z`, `z` or `±HH:MM` up to
/// ±23:59 (`-` also as U+2212 MINUS SIGN), none meaning China time. A real date and time of
/// day; second 60 (a leap second) counts as second 59. Seconds may be left out
/// (`2026-09-30T16:59`, `2026-09-30T16:59+08:00`): they are then 00.
pub(super) fn parse_china_time(s: &str) -> Result<(Date, u32), CalendarError> {
    let secs = china_seconds(s.as_bytes())
        .or_else(|| china_seconds(&with_seconds(s.as_bytes())?))
        .ok_or_else(|| bad_time(s))?;
    let date = i32::try_from(secs.div_euclid(86_400))
        .ok()
        .and_then(Date::from_days)
        .ok_or_else(|| date_out_of_range("submitted_at"))?;
    let of_day = u32::try_from(secs.rem_euclid(86_400)).map_err(|_| bad_time(s))?;
    Ok((date, of_day))
}

/// `YYYY-MM-DD?HH:MM` (what an HTML `datetime-local` input gives), with or without an offset,
/// completed with `:00` seconds; `None` for any other shape. RFC 3339 requires seconds, but a
/// portal form rarely has them, and the minute is all the cutoff needs.
pub(super) fn with_seconds(b: &[u8]) -> Option<Vec<u8>> {
    let head = b.get(..16)?;
    let rest = b.get(16..)?;
    let shape_ok = head.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        10 => matches!(c, b'T' | b't' | b' '),
        13 => *c == b':',
        _ => c.is_ascii_digit(),
    });
    let rest_ok = rest
        .first()
        .is_none_or(|c| matches!(c, b'Z' | b'z' | b'+' | b'-' | 0xE2));
    if !shape_ok || !rest_ok {
        return None;
    }
    let mut out = Vec::with_capacity(b.len() + 3);
    out.extend_from_slice(head);
    out.extend_from_slice(b":00");
    out.extend_from_slice(rest);
    Some(out)
}

/// Seconds since 1970-01-01 00:00 China time of a timestamp, `None` if it is malformed.
pub(super) fn china_seconds(b: &[u8]) -> Option<i64> {
    if !has_strict_head(b) {
        return None;
    }
    let two = |i: usize| -> Option<i64> {
        let (hi, lo) = (b.get(i)?, b.get(i + 1)?);
        Some(i64::from(hi - b'0') * 10 + i64::from(lo - b'0'))
    };
    let year = two(0)? * 100 + two(2)?;
    let (month, day) = (two(5)?, two(8)?);
    let (hour, minute, second) = (two(11)?, two(14)?, two(17)?);
    let month_u = u32::try_from(month).ok()?;
    let year_i = i32::try_from(year).ok()?;
    if !(1..=12).contains(&month_u)
        || day < 1
        || day > i64::from(crate::date::days_in_month(year_i, month_u))
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut rest = b.get(19..)?;
    if let Some((b'.', fraction)) = rest.split_first() {
        let digits = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        rest = fraction.get(digits..)?;
    }
    let offset = match rest {
        [] => i64::from(CHINA_OFFSET_SECS),
        [b'Z' | b'z'] => 0,
        [b'+', hm @ ..] => utc_offset(hm)?,
        [b'-', hm @ ..] | [0xE2, 0x88, 0x92, hm @ ..] => -utc_offset(hm)?,
        _ => return None,
    };
    let days = i64::from(crate::date::days_from_civil(
        year_i,
        month_u,
        u32::try_from(day).ok()?,
    ));
    days.checked_mul(86_400)?
        .checked_add(hour * 3600 + minute * 60 + second.min(59))?
        .checked_sub(offset)?
        .checked_add(i64::from(CHINA_OFFSET_SECS))
}

/// `HH:MM` of an offset, hours 00–23 and minutes 00–59, as seconds.
pub(super) fn utc_offset(b: &[u8]) -> Option<i64> {
    let [h1, h2, b':', m1, m2] = *b else {
        return None;
    };
    let digit = |c: u8| c.is_ascii_digit().then(|| i64::from(c - b'0'));
    let (hours, minutes) = (digit(h1)? * 10 + digit(h2)?, digit(m1)? * 10 + digit(m2)?);
    (hours <= 23 && minutes <= 59).then_some(hours * 3600 + minutes * 60)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// The reading this module had when it used chrono (kept as the reference for the parser).
    #[cfg(not(target_arch = "wasm32"))]
    fn parse_china_time_chrono(s: &str) -> Result<(Date, u32), CalendarError> {
        if !has_strict_head(s.as_bytes()) {
            return Err(bad_time(s));
        }
        let naive = if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
            let china =
                chrono::FixedOffset::east_opt(CHINA_OFFSET_SECS).ok_or_else(|| bad_time(s))?;
            dt.with_timezone(&china).naive_local()
        } else {
            let fmt = if s.as_bytes().get(10) == Some(&b' ') {
                "%Y-%m-%d %H:%M:%S%.f"
            } else {
                "%Y-%m-%dT%H:%M:%S%.f"
            };
            let normalized = s.replacen('t', "T", 1);
            chrono::NaiveDateTime::parse_from_str(&normalized, fmt).map_err(|_| bad_time(s))?
        };
        let date = naive.date();
        let d = chrono::Datelike::year(&date);
        let m = chrono::Datelike::month(&date);
        let dd = chrono::Datelike::day(&date);
        let civil = Date::from_ymd(d, m, dd).ok_or_else(|| date_out_of_range("submitted_at"))?;
        Ok((
            civil,
            chrono::Timelike::num_seconds_from_midnight(&naive.time()),
        ))
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn timestamps_read_as_chrono_read_them() {
        let mut n = 0;
        for head in [
            "2026-11-23",
            "0000-01-01",
            "0001-01-01",
            "9999-12-31",
            "2024-02-29",
            "2023-02-29",
            "2000-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-12-00",
        ] {
            for sep in ["T", "t", " ", "X"] {
                for time in [
                    "00:00:00", "23:59:60", "16:59:60", "24:00:00", "10:60:00", "17:00:00",
                    "08:59:59", "23:59:59",
                ] {
                    for frac in ["", ".", ".5", ".000", ".1234567890123", ".9x"] {
                        for off in [
                            "",
                            "Z",
                            "z",
                            "+08:00",
                            "-05:00",
                            "+23:59",
                            "-23:59",
                            "+24:00",
                            "-24:00",
                            "+00:60",
                            "+0800",
                            "\u{2212}05:00",
                            "+08:00 ",
                            " +08:00",
                            "+8:00",
                            "+08:0",
                            "+08",
                            "-00:00",
                            "+99:00",
                            "+14:00",
                            "Zz",
                            "+08:00Z",
                            "UTC",
                            "+08:5a",
                        ] {
                            let s = format!("{head}{sep}{time}{frac}{off}");
                            let a = parse_china_time(&s).map_err(|e| e.code());
                            let b = parse_china_time_chrono(&s).map_err(|e| e.code());
                            assert_eq!(a, b, "{s}");
                            n += 1;
                        }
                    }
                }
            }
        }
        assert!(n > 50_000);
    }

    #[test]
    fn strict_head() {
        assert!(has_strict_head(b"2026-11-23T16:59:00"));
        assert!(has_strict_head(b"2026-11-23 16:59:00.5+08:00"));
        assert!(!has_strict_head(b"2026-1-23T16:59:00"));
        assert!(!has_strict_head(b"2026-11-23"));
    }
}
