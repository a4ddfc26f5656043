//! The built-in `cn-mainland` calendar: `data/cn-mainland.json` (the State Council notices
//! 2019–2026, per year and per festival, with the days off (放假) and the make-up working days
//! (上班)) as a static table that `build.rs` generates (`OUT_DIR/cn_mainland.rs`, by
//! `table_gen.rs`), so the calendar is built with no JSON parsing at start-up. The file is
//! validated strictly when the table is generated, so that a transcription slip (a make-up day
//! also listed as a holiday, a range whose length disagrees with the notice's 共N天, a date in
//! the wrong year) fails the build instead of silently shifting due dates; the tests check the
//! table against an independent reading of the file (`data_json.rs`).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::types::CalendarError;
use crate::date::Date;
use crate::diag::Code;

#[cfg(test)]
use super::data_json::{parse, CN_MAINLAND_JSON};

/// The generated table: `ID`, `VERSION`, `START`, `END`, `YEARS`, `NOTICES`.
mod table {
    include!(concat!(env!("OUT_DIR"), "/cn_mainland.rs"));
}

/// One State Council notice, as cited in the data file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    pub title: String,
    pub number: String,
    pub signed: String,
    pub url: String,
}

/// The validated content of a calendar data file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Builtin {
    pub id: String,
    pub version: String,
    pub start: Date,
    pub end: Date,
    /// Exceptions to the weekday rule: `true` a make-up working day, `false` a holiday. Days
    /// before the coverage (the 2019 notice's end of 2018) are kept but only used once a
    /// year added with `with_year` brings them into the coverage.
    pub exceptions: BTreeMap<i64, bool>,
    /// Every notice cited, oldest year first.
    pub notices: Vec<Notice>,
}

/// The built-in calendar's content, from the generated table.
///
/// # Errors
/// `bad_value` if the table's coverage is not a range of dates (which `build.rs` rules out):
/// reported rather than panicking.
pub(crate) fn builtin() -> Result<Builtin, CalendarError> {
    let date = |x: i32| {
        Date::from_days(x).ok_or_else(|| {
            CalendarError::new(
                Code::BadValue,
                "coverage",
                "日历覆盖范围无效",
                "the calendar coverage is not valid",
            )
        })
    };
    let mut exceptions = BTreeMap::new();
    for &(_, jan1, holidays, workdays) in table::YEARS {
        let jan1 = i64::from(jan1);
        for &(first, len) in holidays {
            let first = jan1 + i64::from(first);
            for x in first..first + i64::from(len) {
                exceptions.insert(x, false);
            }
        }
        for &x in workdays {
            exceptions.insert(jan1 + i64::from(x), true);
        }
    }
    Ok(Builtin {
        id: table::ID.to_string(),
        version: table::VERSION.to_string(),
        start: date(table::START)?,
        end: date(table::END)?,
        exceptions,
        notices: table::NOTICES
            .iter()
            .map(|&[title, number, signed, url]| Notice {
                title: title.to_string(),
                number: number.to_string(),
                signed: signed.to_string(),
                url: url.to_string(),
            })
            .collect(),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// The readable file, so that the broken variants below can be made by text replacement.
    const READABLE: &str = include_str!("../../data/cn-mainland.json");

    #[test]
    fn embedded_data_parses() {
        let b = parse(CN_MAINLAND_JSON).unwrap();
        assert!(parse(READABLE).is_ok());
        assert_eq!(b.id, "cn-mainland");
        assert_eq!(b.start.to_string(), "2019-01-01");
        assert_eq!(b.end.to_string(), "2026-12-31");
        assert!(b.version.contains("国办发明电〔2025〕7号"));
        assert_eq!(b.notices.len(), 10);
        // 2020-02-01 (a cancelled make-up Saturday) is a holiday, 2024-02-09 (除夕) is absent.
        let x = |s: &str| i64::from(Date::parse(s).unwrap().days());
        assert_eq!(b.exceptions.get(&x("2020-02-01")), Some(&false));
        assert_eq!(b.exceptions.get(&x("2024-02-09")), None);
        assert_eq!(b.exceptions.get(&x("2018-12-29")), Some(&true));
        assert_eq!(b.exceptions.get(&x("2022-12-31")), Some(&false));
    }

    /// Broken variants of the data file that both the reader and the generator refuse.
    fn broken_variants() -> Vec<String> {
        [
            ("\"2019-02-02\"", "\"2019-02-05\""),
            ("\"2019-02-10\"", "\"2019-02-11\""),
            ("\"2026-01-04\"", "\"2026-01-05\""),
            ("\"2025-04-27\"", "\"2025-02-30\""),
            ("\"year\": 2024", "\"year\": 2023"),
            ("\"+08:00\"", "\"+09:00\""),
            ("\"days\": 10", "\"days\": 7"),
        ]
        .iter()
        .map(|(from, to)| READABLE.replace(from, to))
        .chain(["[]".to_string(), r#"{"id":"x"}"#.to_string()])
        .collect()
    }

    #[test]
    fn broken_data_is_an_error_not_a_panic() {
        let mut texts = broken_variants();
        texts.extend(["".to_string(), "{".to_string()]);
        for text in &texts {
            assert!(parse(text).is_err(), "{}", &text[..text.len().min(40)]);
        }
    }

    /// The table generated by `build.rs` is exactly the file as the serde reader reads it.
    #[test]
    fn static_table_equals_the_data_file() {
        let table = builtin().unwrap();
        assert_eq!(table, parse(READABLE).unwrap());
        assert_eq!(table, parse(CN_MAINLAND_JSON).unwrap());
    }

    /// `build.rs`'s generator (`table_gen.rs`) refuses what the reader refuses, so broken data
    /// fails the build; on the real file it gives the table that is compiled in.
    #[test]
    fn the_generator_refuses_broken_data() {
        mod generator {
            include!("table_gen.rs");
        }
        let value = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap();
        let generated = generator::calendar_table(&value(READABLE)).unwrap();
        assert_eq!(
            generated,
            include_str!(concat!(env!("OUT_DIR"), "/cn_mainland.rs"))
        );
        let mut texts = broken_variants();
        texts.extend([
            READABLE.replace(
                "\"workdays\": [\"2020-01-19\"]",
                "\"workdays\": [\"2020-01-19\", \"2020-01-25\"]",
            ),
            READABLE.replace(
                "\"cancelled_workdays\": [\"2020-02-01\"]",
                "\"cancelled_workdays\": [\"2020-02-08\"]",
            ),
            READABLE.replace("\"name\": \"元旦\"", "\"name\": \"元旦\", \"extra\": 1"),
        ]);
        for text in &texts {
            assert_ne!(text.as_str(), READABLE);
            assert!(
                generator::calendar_table(&value(text)).is_err(),
                "{}",
                &text[..text.len().min(40)]
            );
        }
    }
}
