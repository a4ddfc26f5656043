//! The notice's words for days, times and lists, and the document it is written into: sections
//! numbered the way each locale numbers them (一、二、 / I. II.), numbered items inside them.
//!
//! A day is always written with its weekday, and a weekend day that the calendar makes a
//! working day says so (调休上班日), so a printed notice never leaves the applicant to look up
//! whether a due day is a Saturday the office is open.

use std::fmt::Write;

use crate::calendar::{BeyondCoverage, Calendar, TimeOfDay};
use crate::date::Date;
use crate::text::Locale;

const WEEKDAYS_ZH: [&str; 7] = [
    "星期一",
    "星期二",
    "星期三",
    "星期四",
    "星期五",
    "星期六",
    "星期日",
];
const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether `d` is a weekend day the calendar makes a working day (调休上班). Outside the
/// calendar's coverage nothing is known, so nothing is said.
pub(super) fn make_up_day(cal: &Calendar, d: Date) -> bool {
    d.is_weekend()
        && cal.covers(d)
        && cal
            .with_beyond_coverage(BeyondCoverage::Error)
            .is_working_day(d)
            .unwrap_or(false)
}

/// A day in words with its weekday: `2026年10月8日（星期四）`, `Thursday 8 October 2026`;
/// a make-up working day adds `调休上班日` / `make-up working day`.
pub(super) fn day(d: Date, cal: &Calendar, loc: Locale) -> String {
    let (y, m, dd) = d.ymd();
    let wd = d.weekday() as usize;
    let make_up = make_up_day(cal, d);
    if loc.is_en() {
        let weekday = WEEKDAYS_EN.get(wd).copied().unwrap_or("");
        let month = MONTHS_EN
            .get((m as usize).saturating_sub(1))
            .copied()
            .unwrap_or("");
        let extra = if make_up {
            " (a make-up working day)"
        } else {
            ""
        };
        format!("{weekday} {dd} {month} {y}{extra}")
    } else {
        let weekday = WEEKDAYS_ZH.get(wd).copied().unwrap_or("");
        let extra = if make_up { "，调休上班日" } else { "" };
        format!("{y}年{m}月{dd}日（{weekday}{extra}）")
    }
}

/// A time of day: `17:30`, or `16:59:59` when the seconds matter.
pub(super) fn time(secs: u32) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if s == 0 {
        format!("{h:02}:{m:02}")
    } else {
        format!("{h:02}:{m:02}:{s:02}")
    }
}

/// A cut-off time: `17:00`.
pub(super) fn cutoff(t: TimeOfDay) -> String {
    time(t.0)
}

/// Items joined as a reader lists them: `甲、乙和丙` / `A, B and C`.
pub(super) fn list(items: &[&str], loc: Locale) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => {
            let sep = loc.pick("、", ", ");
            let and = loc.pick("和", " and ");
            format!("{}{and}{last}", init.join(sep))
        }
    }
}

/// A sentence ends with one full stop: `。` after Chinese text, `.` after English (none added
/// after a closing mark that already ends it).
pub(super) fn sentence(text: &str, loc: Locale) -> String {
    let t = text.trim_end();
    let ended = t.ends_with(['。', '！', '？', '.', '!', '?']);
    if ended {
        t.to_string()
    } else {
        format!("{t}{}", loc.pick("。", "."))
    }
}

/// A section number: `一` … / `I` ….
fn numeral(n: usize, loc: Locale) -> &'static str {
    const ZH: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    const EN: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
    let table = if loc.is_en() { &EN } else { &ZH };
    table.get(n.saturating_sub(1)).copied().unwrap_or("")
}

/// The notice being written: a title block, then numbered sections of numbered items.
pub(super) struct Doc {
    pub s: String,
    pub loc: Locale,
    sections: usize,
    items: usize,
}

impl Doc {
    pub fn new(loc: Locale) -> Doc {
        Doc {
            s: String::with_capacity(1024),
            loc,
            sections: 0,
            items: 0,
        }
    }

    /// A line of text as it is.
    pub fn line(&mut self, text: &str) {
        self.s.push_str(text);
        self.s.push('\n');
    }

    /// `label：value` / `label: value`.
    pub fn field(&mut self, zh: &str, en: &str, value: &str) {
        if self.loc.is_en() {
            let _ = writeln!(self.s, "{en}: {value}");
        } else {
            let _ = writeln!(self.s, "{zh}：{value}");
        }
    }

    /// A new numbered section, after a blank line.
    pub fn section(&mut self, zh: &str, en: &str) {
        self.sections += 1;
        self.items = 0;
        let n = numeral(self.sections, self.loc);
        self.s.push('\n');
        if self.loc.is_en() {
            let _ = writeln!(self.s, "{n}. {en}");
        } else {
            let _ = writeln!(self.s, "{n}、{zh}");
        }
    }

    /// The next numbered item of the section.
    pub fn item(&mut self, text: &str) {
        self.items += 1;
        let _ = writeln!(self.s, "{}. {text}", self.items);
    }

    /// A blank line before a block that is not a numbered section.
    pub fn gap(&mut self) {
        self.s.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_with_weekday_and_make_up_days() {
        let cal = Calendar::builtin("cn-mainland", BeyondCoverage::Error).unwrap_or_else(|_| {
            unreachable!("the built-in calendar loads");
        });
        let d = |s: &str| Date::parse(s).unwrap_or(Date::min());
        assert_eq!(
            day(d("2026-10-08"), &cal, Locale::ZhCn),
            "2026年10月8日（星期四）"
        );
        // 2026-10-10 is a Saturday worked for National Day (国办发明电〔2025〕7号).
        assert_eq!(
            day(d("2026-10-10"), &cal, Locale::ZhCn),
            "2026年10月10日（星期六，调休上班日）"
        );
        assert_eq!(
            day(d("2026-10-10"), &cal, Locale::En),
            "Saturday 10 October 2026 (a make-up working day)"
        );
        // Beyond the coverage: the weekday only.
        assert_eq!(
            day(d("2027-01-09"), &cal, Locale::ZhCn),
            "2027年1月9日（星期六）"
        );
        assert_eq!(time(17 * 3600 + 30 * 60), "17:30");
        assert_eq!(time(16 * 3600 + 59 * 60 + 59), "16:59:59");
        assert_eq!(list(&["甲", "乙", "丙"], Locale::ZhCn), "甲、乙和丙");
        assert_eq!(list(&["A", "B"], Locale::En), "A and B");
    }
}
