//! Civil dates (no time zone): a day number with checked arithmetic, strict `YYYY-MM-DD`
//! parsing and allocation-free formatting. Every date in the product is a China civil date;
//! offsets only exist at the edge, in `calendar::received_on`.
//!
//! Architecture invariant: imports nothing from the crate but `diag`-free std; never reads the
//! clock.

use std::fmt;

/// The first and last years the product computes with at all.
pub const MIN_YEAR: i32 = 1;
pub const MAX_YEAR: i32 = 9999;

/// A proleptic-Gregorian civil date, stored as days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

/// Days from 1970-01-01 to a civil date (Howard Hinnant's `days_from_civil`).
pub(crate) fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The earliest and latest representable dates (0001-01-01 and 9999-12-31).
    pub fn min() -> Date {
        Date(days_from_civil(MIN_YEAR, 1, 1))
    }
    pub fn max() -> Date {
        Date(days_from_civil(MAX_YEAR, 12, 31))
    }

    /// A date from its parts, or `None` if it does not exist or is outside years 1–9999.
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&y) || !(1..=12).contains(&m) {
            return None;
        }
        if d == 0 || d > days_in_month(y, m) {
            return None;
        }
        Some(Date(days_from_civil(y, m, d)))
    }

    /// Strictly `YYYY-MM-DD` (four-digit year, two-digit month and day), a real date.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = b.get(r)?;
            let mut v = 0u32;
            for &c in part {
                if !c.is_ascii_digit() {
                    return None;
                }
                v = v * 10 + u32::from(c - b'0');
            }
            Some(v)
        };
        let y = num(0..4)? as i32;
        let m = num(5..7)?;
        let d = num(8..10)?;
        Date::from_ymd(y, m, d)
    }

    pub fn from_days(days: i32) -> Option<Date> {
        let d = Date(days);
        if d < Date::min() || d > Date::max() {
            None
        } else {
            Some(d)
        }
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i32 {
        self.0
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.0 + 3).rem_euclid(7) as u32
    }

    pub fn is_weekend(self) -> bool {
        self.weekday() >= 5
    }

    /// `self + n` days, or `None` outside years 1–9999.
    pub fn add_days(self, n: i64) -> Option<Date> {
        let v = i64::from(self.0).checked_add(n)?;
        Date::from_days(i32::try_from(v).ok()?)
    }

    pub fn succ(self) -> Option<Date> {
        self.add_days(1)
    }

    /// Days from `other` to `self` (positive when `self` is later).
    pub fn since(self, other: Date) -> i64 {
        i64::from(self.0) - i64::from(other.0)
    }

    /// The same day `months` later; the month's last day where it has no such day.
    pub fn add_months(self, months: u32) -> Option<Date> {
        let (y, m, d) = self.ymd();
        let total = i64::from(y) * 12 + i64::from(m - 1) + i64::from(months);
        let ny = i32::try_from(total.div_euclid(12)).ok()?;
        let nm = (total.rem_euclid(12) + 1) as u32;
        if !(MIN_YEAR..=MAX_YEAR).contains(&ny) {
            return None;
        }
        let nd = d.min(days_in_month(ny, nm));
        Date::from_ymd(ny, nm, nd)
    }

    /// `YYYY-MM-DD` as bytes, without allocation.
    pub fn to_bytes(self) -> [u8; 10] {
        let (y, m, d) = self.ymd();
        let y = y.clamp(0, 9999) as u32;
        let mut out = *b"0000-00-00";
        let digits = [
            y / 1000,
            y / 100 % 10,
            y / 10 % 10,
            y % 10,
            10,
            m / 10,
            m % 10,
            10,
            d / 10,
            d % 10,
        ];
        for (o, v) in out.iter_mut().zip(digits) {
            if v < 10 {
                *o = b'0' + v as u8;
            }
        }
        out
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let b = self.to_bytes();
        // The bytes are ASCII digits and dashes by construction.
        f.write_str(std::str::from_utf8(&b).unwrap_or("0000-00-00"))
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let b = self.to_bytes();
        s.serialize_str(std::str::from_utf8(&b).unwrap_or("0000-00-00"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_day_of_several_centuries() {
        let mut d = Date::from_ymd(1899, 1, 1).unwrap();
        let end = Date::from_ymd(2101, 12, 31).unwrap();
        let mut prev_wd = d.weekday();
        while d < end {
            let (y, m, dd) = d.ymd();
            assert_eq!(Date::from_ymd(y, m, dd), Some(d));
            assert_eq!(Date::parse(&d.to_string()), Some(d));
            let n = d.succ().unwrap();
            assert_eq!(n.weekday(), (prev_wd + 1) % 7);
            prev_wd = n.weekday();
            d = n;
        }
    }

    #[test]
    fn parse_is_strict() {
        for bad in [
            "2026-02-30",
            "2026-2-01",
            "2026-13-01",
            "0000-01-01",
            "2026/01/01",
            "",
            "2026-01-01T",
            "２０２６-01-01",
            "+2026-01-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.to_string()),
            Some("2024-02-29".into())
        );
        assert_eq!(Date::parse("9999-12-31"), Some(Date::max()));
        assert_eq!(Date::parse("0001-01-01"), Some(Date::min()));
        assert_eq!(Date::max().succ(), None);
        assert_eq!(Date::min().add_days(-1), None);
    }

    #[test]
    fn known_weekdays() {
        assert_eq!(Date::parse("2026-11-23").unwrap().weekday(), 0); // Monday
        assert_eq!(Date::parse("2024-02-09").unwrap().weekday(), 4); // Friday
        assert_eq!(Date::parse("2020-02-02").unwrap().weekday(), 6); // Sunday
    }

    #[test]
    fn months_clamp_to_month_end() {
        let d = Date::parse("2026-01-31").unwrap();
        assert_eq!(d.add_months(1).unwrap().to_string(), "2026-02-28");
        assert_eq!(
            Date::parse("2024-01-31")
                .unwrap()
                .add_months(1)
                .unwrap()
                .to_string(),
            "2024-02-29"
        );
        assert_eq!(d.add_months(12).unwrap().to_string(), "2027-01-31");
        assert_eq!(Date::parse("9999-12-01").unwrap().add_months(1), None);
    }
}
