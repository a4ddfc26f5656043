//! The working-day calendar (SPEC §3, §5), from the outside: the holiday data checked against an
//! independent transcription of the State Council notices, and the counting rules on tables of
//! cases.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

use intake_rules::calendar::parse_date;
use intake_rules::{BeyondCoverage, Calendar, Code, Date, Pause, Period, TimeOfDay, YearData};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap_or_else(|| panic!("bad test date {s}"))
}

fn cal() -> Calendar {
    Calendar::builtin("cn-mainland", BeyondCoverage::Error).unwrap()
}

fn est() -> Calendar {
    Calendar::builtin("cn-mainland", BeyondCoverage::WeekendsOnly).unwrap()
}

// ---------------------------------------------------------------------------------------------
// An independent transcription of every day off (放假) and every make-up working day (上班) of
// the notices 2019–2026, written out day by day from the texts (not read from the data file).
// ---------------------------------------------------------------------------------------------

#[rustfmt::skip]
const HOLIDAYS: &[(i32, &[&str])] = &[
    (
        2019,
        &[
            // 元旦 (2018-12-30 to 2019-01-01)
            "2018-12-30", "2018-12-31", "2019-01-01",
            // 春节
            "2019-02-04", "2019-02-05", "2019-02-06", "2019-02-07", "2019-02-08", "2019-02-09",
            "2019-02-10",
            // 清明节
            "2019-04-05",
            // 劳动节, as adjusted by 国办发明电〔2019〕3号
            "2019-05-01", "2019-05-02", "2019-05-03", "2019-05-04",
            // 端午节, 中秋节
            "2019-06-07", "2019-09-13",
            // 国庆节
            "2019-10-01", "2019-10-02", "2019-10-03", "2019-10-04", "2019-10-05", "2019-10-06",
            "2019-10-07",
        ],
    ),
    (
        2020,
        &[
            "2020-01-01",
            // 春节 with the extension to 2 February (国办发明电〔2020〕1号)
            "2020-01-24", "2020-01-25", "2020-01-26", "2020-01-27", "2020-01-28", "2020-01-29",
            "2020-01-30", "2020-01-31", "2020-02-01", "2020-02-02", "2020-04-04", "2020-04-05",
            "2020-04-06", "2020-05-01", "2020-05-02", "2020-05-03", "2020-05-04", "2020-05-05",
            "2020-06-25", "2020-06-26", "2020-06-27", "2020-10-01", "2020-10-02", "2020-10-03",
            "2020-10-04", "2020-10-05", "2020-10-06", "2020-10-07", "2020-10-08",
        ],
    ),
    (
        2021,
        &[
            "2021-01-01", "2021-01-02", "2021-01-03", "2021-02-11", "2021-02-12", "2021-02-13",
            "2021-02-14", "2021-02-15", "2021-02-16", "2021-02-17", "2021-04-03", "2021-04-04",
            "2021-04-05", "2021-05-01", "2021-05-02", "2021-05-03", "2021-05-04", "2021-05-05",
            "2021-06-12", "2021-06-13", "2021-06-14", "2021-09-19", "2021-09-20", "2021-09-21",
            "2021-10-01", "2021-10-02", "2021-10-03", "2021-10-04", "2021-10-05", "2021-10-06",
            "2021-10-07",
        ],
    ),
    (
        2022,
        &[
            "2022-01-01", "2022-01-02", "2022-01-03", "2022-01-31", "2022-02-01", "2022-02-02",
            "2022-02-03", "2022-02-04", "2022-02-05", "2022-02-06", "2022-04-03", "2022-04-04",
            "2022-04-05", "2022-04-30", "2022-05-01", "2022-05-02", "2022-05-03", "2022-05-04",
            "2022-06-03", "2022-06-04", "2022-06-05", "2022-09-10", "2022-09-11", "2022-09-12",
            "2022-10-01", "2022-10-02", "2022-10-03", "2022-10-04", "2022-10-05", "2022-10-06",
            "2022-10-07",
        ],
    ),
    (
        2023,
        &[
            "2022-12-31", "2023-01-01", "2023-01-02", "2023-01-21", "2023-01-22", "2023-01-23",
            "2023-01-24", "2023-01-25", "2023-01-26", "2023-01-27", "2023-04-05", "2023-04-29",
            "2023-04-30", "2023-05-01", "2023-05-02", "2023-05-03", "2023-06-22", "2023-06-23",
            "2023-06-24", "2023-09-29", "2023-09-30", "2023-10-01", "2023-10-02", "2023-10-03",
            "2023-10-04", "2023-10-05", "2023-10-06",
        ],
    ),
    (
        2024,
        &[
            "2024-01-01",
            // 春节 (除夕 2024-02-09 is NOT a holiday)
            "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15",
            "2024-02-16", "2024-02-17", "2024-04-04", "2024-04-05", "2024-04-06", "2024-05-01",
            "2024-05-02", "2024-05-03", "2024-05-04", "2024-05-05", "2024-06-10", "2024-09-15",
            "2024-09-16", "2024-09-17", "2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04",
            "2024-10-05", "2024-10-06", "2024-10-07",
        ],
    ),
    (
        2025,
        &[
            "2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01",
            "2025-02-02", "2025-02-03", "2025-02-04", "2025-04-04", "2025-04-05", "2025-04-06",
            "2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-05", "2025-05-31",
            "2025-06-01", "2025-06-02", "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04",
            "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08",
        ],
    ),
    (
        2026,
        &[
            "2026-01-01", "2026-01-02", "2026-01-03", "2026-02-15", "2026-02-16", "2026-02-17",
            "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23",
            "2026-04-04", "2026-04-05", "2026-04-06", "2026-05-01", "2026-05-02", "2026-05-03",
            "2026-05-04", "2026-05-05", "2026-06-19", "2026-06-20", "2026-06-21", "2026-09-25",
            "2026-09-26", "2026-09-27", "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04",
            "2026-10-05", "2026-10-06", "2026-10-07",
        ],
    ),
];

#[rustfmt::skip]
const MAKEUP_WORKDAYS: &[(i32, &[&str])] = &[
    (
        2019,
        &[
            "2018-12-29", "2019-02-02", "2019-02-03", "2019-04-28", "2019-05-05", "2019-09-29",
            "2019-10-12",
        ],
    ),
    // 2020-02-01 was a make-up Saturday until the Spring Festival extension.
    (
        2020,
        &[
            "2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28", "2020-09-27", "2020-10-10",
        ],
    ),
    (
        2021,
        &[
            "2021-02-07", "2021-02-20", "2021-04-25", "2021-05-08", "2021-09-18", "2021-09-26",
            "2021-10-09",
        ],
    ),
    (
        2022,
        &[
            "2022-01-29", "2022-01-30", "2022-04-02", "2022-04-24", "2022-05-07", "2022-10-08",
            "2022-10-09",
        ],
    ),
    (
        2023,
        &[
            "2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07",
            "2023-10-08",
        ],
    ),
    (
        2024,
        &[
            "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14",
            "2024-09-29", "2024-10-12",
        ],
    ),
    (
        2025,
        &[
            "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
        ],
    ),
    (
        2026,
        &[
            "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
        ],
    ),
];

fn set_of(table: &[(i32, &[&str])]) -> BTreeSet<Date> {
    table
        .iter()
        .flat_map(|(_, days)| days.iter().map(|s| d(s)))
        .collect()
}

#[test]
fn every_day_of_coverage_follows_the_notices() {
    let c = cal();
    let holidays = set_of(HOLIDAYS);
    let makeup = set_of(MAKEUP_WORKDAYS);
    assert!(holidays.is_disjoint(&makeup));
    for &m in &makeup {
        assert!(m.is_weekend(), "make-up day {m} is not a weekend day");
    }
    let (from, to) = c.coverage();
    assert_eq!((from, to), (d("2019-01-01"), d("2026-12-31")));
    let mut day = from;
    let mut checked = 0;
    let mut working_count = 0i64;
    while day <= to {
        let expected = (!day.is_weekend() && !holidays.contains(&day)) || makeup.contains(&day);
        assert_eq!(c.is_working_day(day).unwrap(), expected, "{day}");
        if expected {
            working_count += 1;
        }
        checked += 1;
        day = day.succ().unwrap();
    }
    assert_eq!(checked, 2922);
    assert_eq!(
        c.working_days_between(d("2018-12-31"), d("2026-12-31"))
            .unwrap(),
        working_count
    );
}

#[test]
fn per_year_working_day_counts_are_consistent() {
    let c = cal();
    let holidays = set_of(HOLIDAYS);
    let makeup = set_of(MAKEUP_WORKDAYS);
    for year in 2019..=2026 {
        let first = Date::from_ymd(year, 1, 1).unwrap();
        let last = Date::from_ymd(year, 12, 31).unwrap();
        let weekdays = (0..=last.since(first))
            .filter(|&i| !first.add_days(i).unwrap().is_weekend())
            .count() as i64;
        let in_year = |x: &&Date| x.year() == year;
        let off = holidays
            .iter()
            .filter(in_year)
            .filter(|x| !x.is_weekend())
            .count() as i64;
        let on = makeup.iter().filter(in_year).count() as i64;
        let before = first.add_days(-1).unwrap();
        let n = c.working_days_between(before, last).unwrap();
        assert_eq!(n, weekdays - off + on, "{year}");
    }
}

// ---------------------------------------------------------------------------------------------
// Days around the big breaks.
// ---------------------------------------------------------------------------------------------

#[test]
fn days_around_spring_festival_and_national_day() {
    let c = cal();
    // (date, working?)
    let cases: &[(&str, bool)] = &[
        ("2019-02-01", true),
        ("2019-02-02", true),
        ("2019-02-03", true),
        ("2019-02-04", false),
        ("2019-02-10", false),
        ("2019-02-11", true),
        ("2019-04-28", true),
        ("2019-05-04", false),
        ("2019-05-05", true),
        ("2019-05-06", true),
        ("2020-01-19", true),
        ("2020-01-23", true),
        ("2020-01-24", false),
        ("2020-01-31", false),
        ("2020-02-01", false),
        ("2020-02-02", false),
        ("2020-02-03", true),
        ("2022-12-30", true),
        ("2022-12-31", false),
        ("2023-01-02", false),
        ("2023-01-03", true),
        ("2024-02-04", true),
        ("2024-02-08", true),
        ("2024-02-09", true),
        ("2024-02-10", false),
        ("2024-02-17", false),
        ("2024-02-18", true),
        ("2025-01-26", true),
        ("2025-01-27", true),
        ("2025-01-28", false),
        ("2025-02-04", false),
        ("2025-02-05", true),
        ("2025-02-08", true),
        ("2026-01-01", false),
        ("2026-01-02", false),
        ("2026-01-04", true),
        ("2026-02-13", true),
        ("2026-02-14", true),
        ("2026-02-15", false),
        ("2026-02-23", false),
        ("2026-02-24", true),
        ("2026-02-28", true),
        ("2026-03-01", false),
        ("2026-09-20", true),
        ("2026-09-30", true),
        ("2026-10-01", false),
        ("2026-10-07", false),
        ("2026-10-08", true),
        ("2026-10-10", true),
        ("2026-10-11", false),
        ("2026-12-31", true),
        ("2019-01-01", false),
        ("2019-01-02", true),
    ];
    for &(s, w) in cases {
        assert_eq!(c.is_working_day(d(s)).unwrap(), w, "{s}");
    }
}

// ---------------------------------------------------------------------------------------------
// add_working_days and working_days_between.
// ---------------------------------------------------------------------------------------------

#[test]
fn add_working_days_table() {
    let c = cal();
    // (start, n, expected)
    let cases: &[(&str, u32, &str)] = &[
        ("2026-11-23", 0, "2026-11-23"),
        ("2026-11-21", 0, "2026-11-23"), // Saturday → Monday
        ("2026-10-01", 0, "2026-10-08"),
        ("2026-10-10", 0, "2026-10-10"), // make-up Saturday
        ("2026-11-23", 1, "2026-11-24"),
        ("2026-11-21", 1, "2026-11-23"), // a rest day start: the first working day after it
        ("2026-11-22", 1, "2026-11-23"),
        ("2026-11-20", 1, "2026-11-23"),
        ("2026-11-23", 20, "2026-12-21"),
        ("2026-09-30", 1, "2026-10-08"),
        ("2026-10-08", 2, "2026-10-10"),
        ("2026-10-09", 1, "2026-10-10"),
        ("2026-10-10", 1, "2026-10-12"),
        ("2026-02-13", 1, "2026-02-14"),
        ("2026-02-14", 1, "2026-02-24"),
        ("2026-02-12", 5, "2026-02-26"),
        ("2020-01-23", 1, "2020-02-03"),
        ("2024-02-08", 1, "2024-02-09"),
        ("2024-02-09", 1, "2024-02-18"),
        ("2018-12-31", 1, "2019-01-02"),
        ("2026-12-30", 1, "2026-12-31"),
    ];
    for &(start, n, want) in cases {
        assert_eq!(
            c.add_working_days(d(start), n).unwrap(),
            d(want),
            "{start} + {n}"
        );
        assert_eq!(
            c.due(d(start), Period::WorkingDays(n), &[]).unwrap(),
            d(want),
            "due {start} + {n}"
        );
    }
}

#[test]
fn working_days_between_table() {
    let c = cal();
    let cases: &[(&str, &str, i64)] = &[
        ("2026-11-23", "2026-11-23", 0),
        ("2026-11-23", "2026-11-24", 1),
        ("2026-11-24", "2026-11-23", -1),
        ("2026-11-20", "2026-11-23", 1),
        ("2026-11-21", "2026-11-22", 0),
        ("2026-09-30", "2026-10-08", 1),
        ("2026-09-30", "2026-10-10", 3),
        ("2026-11-23", "2026-12-21", 20),
        ("2026-12-21", "2026-11-23", -20),
        ("2020-01-23", "2020-02-03", 1),
    ];
    for &(a, b, want) in cases {
        assert_eq!(
            c.working_days_between(d(a), d(b)).unwrap(),
            want,
            "{a}..{b}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// received_on: cutoff and time zones.
// ---------------------------------------------------------------------------------------------

#[test]
fn received_on_table() {
    let c = cal();
    let five = TimeOfDay::DEFAULT_CUTOFF;
    // (submitted_at, cutoff, expected received day)
    let cases: &[(&str, &str, &str)] = &[
        ("2026-11-23T16:59:00", "17:00", "2026-11-23"),
        ("2026-11-23T16:59:59", "17:00", "2026-11-23"),
        ("2026-11-23T16:59:59.999999", "17:00", "2026-11-23"),
        ("2026-11-23T17:00:00", "17:00", "2026-11-24"),
        ("2026-11-23T17:00:00.000", "17:00", "2026-11-24"),
        ("2026-11-23 16:59:00", "17:00", "2026-11-23"),
        ("2026-11-23 17:00:01", "17:00", "2026-11-24"),
        ("2026-11-23T23:59:00", "17:00", "2026-11-24"),
        ("2026-11-23T00:00:00", "17:00", "2026-11-23"),
        ("2026-11-23T16:59:00+08:00", "17:00", "2026-11-23"),
        ("2026-11-23T17:00:00+08:00", "17:00", "2026-11-24"),
        // UTC: 08:59:59Z is 16:59:59 in China, 09:00:00Z is 17:00:00.
        ("2026-11-23T08:59:59Z", "17:00", "2026-11-23"),
        ("2026-11-23T09:00:00Z", "17:00", "2026-11-24"),
        // Crossing midnight China time: Sunday 16:30Z is Monday 00:30 in China.
        ("2026-11-22T16:30:00Z", "17:00", "2026-11-23"),
        // Friday 16:00Z is Saturday 00:00 in China: received Monday.
        ("2026-11-20T16:00:00Z", "17:00", "2026-11-23"),
        ("2026-11-20T15:59:59Z", "17:00", "2026-11-23"),
        ("2026-11-20T15:59:59Z", "24:00", "2026-11-20"),
        // New York: Sunday 20:00 -05:00 is Monday 09:00 in China.
        ("2026-11-22T20:00:00-05:00", "17:00", "2026-11-23"),
        ("2026-11-23T04:30:00-05:00", "17:00", "2026-11-24"),
        ("2026-11-23T03:59:59-05:00", "17:00", "2026-11-23"),
        // Tokyo is one hour ahead of China.
        ("2026-11-23T17:30:00+09:00", "17:00", "2026-11-23"),
        ("2026-11-24T00:30:00+09:00", "17:00", "2026-11-24"), // 23:30 in China: late
        ("2026-11-23T17:59:59+09:00", "17:00", "2026-11-23"),
        ("2026-11-23T18:00:00+09:00", "17:00", "2026-11-24"),
        // Rest days and make-up days.
        ("2026-10-01T10:00:00+08:00", "17:00", "2026-10-08"),
        ("2026-10-10T09:00:00+08:00", "17:00", "2026-10-10"),
        ("2026-10-09T17:00:00+08:00", "17:00", "2026-10-10"),
        ("2026-11-27 17:00:00", "17:00", "2026-11-30"),
        ("2024-02-09T10:00:00+08:00", "17:00", "2024-02-09"),
        // Other cutoffs.
        ("2026-11-23T23:59:59", "24:00", "2026-11-23"),
        ("2026-11-23T00:00:00", "00:00", "2026-11-24"),
        ("2026-11-23T11:59:59", "12:00", "2026-11-23"),
        ("2026-11-23T12:00:00", "12:00", "2026-11-24"),
    ];
    for &(at, cutoff, want) in cases {
        let cutoff = TimeOfDay::parse(cutoff).unwrap();
        assert_eq!(
            c.received_on(at, cutoff).unwrap(),
            d(want),
            "{at} {cutoff:?}"
        );
    }
    assert_eq!(
        c.received_on("2026-11-23T16:59:00", five).unwrap(),
        d("2026-11-23")
    );
}

#[test]
fn received_on_rejects_malformed_timestamps() {
    let c = cal();
    for bad in [
        "",
        "yesterday",
        "2026-11-23",
        "2026-11-23T25:00:00",
        "2026-11-23T25:00",
        "2026-11-23T16:60",
        "2026-11-23T16:60:00",
        "2026-02-30T10:00:00",
        "2026-11-23T10:00:00+8",
        "2026-11-23T10:00:00+08",
        "2026-11-23T10:00:00 +08:00",
        "2026-11-23T10:00:00+08:00 ",
        " 2026-11-23T10:00:00",
        "2026-1-23T10:00:00",
        "+2026-11-23T10:00:00",
        "2026/11/23 10:00:00",
        "2026-11-23X10:00:00",
        "2026-11-23T10:00:00.",
        "２０２６-11-23T10:00:00",
    ] {
        let e = c
            .received_on(bad, TimeOfDay::DEFAULT_CUTOFF)
            .expect_err(bad);
        assert_eq!(e.code(), Code::BadTime, "{bad}");
        assert_eq!(e.issue.path, "submitted_at", "{bad}");
    }
    let long = "x".repeat(10_000);
    let e = c.received_on(&long, TimeOfDay::DEFAULT_CUTOFF).unwrap_err();
    assert!(e.issue.message.en.len() < 300);
    assert!(c
        .received_on("2026-11-23T10:00:00", TimeOfDay(90_000))
        .is_err());
}

#[test]
fn received_on_beyond_coverage() {
    let c = cal();
    for at in ["2026-12-31T18:00:00+08:00", "2026-12-31T23:30:00-05:00"] {
        let e = c.received_on(at, TimeOfDay::DEFAULT_CUTOFF).unwrap_err();
        assert_eq!(e.code(), Code::CalendarOutOfRange, "{at}");
    }
    assert_eq!(
        est()
            .received_on("2026-12-31T18:00:00+08:00", TimeOfDay::DEFAULT_CUTOFF)
            .unwrap(),
        d("2027-01-01")
    );
    let e = est()
        .received_on("9999-12-31T23:00:00-05:00", TimeOfDay::DEFAULT_CUTOFF)
        .unwrap_err();
    assert_eq!(e.code(), Code::DateOutOfRange);
}

// ---------------------------------------------------------------------------------------------
// due: natural days, months, pauses.
// ---------------------------------------------------------------------------------------------

fn p(a: &str, b: &str) -> Pause {
    Pause {
        from: d(a),
        to: d(b),
    }
}

#[test]
fn due_table() {
    let c = cal();
    type Case = (
        &'static str,
        Period,
        &'static [(&'static str, &'static str)],
        &'static str,
    );
    let cases: &[Case] = &[
        // Natural days: ending in the National Day break → the first working day after it.
        ("2026-09-24", Period::NaturalDays(7), &[], "2026-10-08"),
        // Ending on a make-up Saturday: that is a working day.
        ("2026-10-03", Period::NaturalDays(7), &[], "2026-10-10"),
        // Ending on a Sunday.
        ("2026-11-23", Period::NaturalDays(6), &[], "2026-11-30"),
        ("2026-11-23", Period::NaturalDays(0), &[], "2026-11-23"),
        ("2026-11-22", Period::NaturalDays(0), &[], "2026-11-23"),
        ("2026-02-10", Period::NaturalDays(5), &[], "2026-02-24"),
        // Months: month-end clamp, then moved to a working day.
        ("2026-01-31", Period::Months(1), &[], "2026-02-28"), // make-up Saturday
        ("2025-01-31", Period::Months(1), &[], "2025-02-28"),
        ("2024-01-31", Period::Months(1), &[], "2024-02-29"),
        ("2026-03-31", Period::Months(1), &[], "2026-04-30"),
        ("2026-09-01", Period::Months(1), &[], "2026-10-08"),
        ("2025-12-31", Period::Months(2), &[], "2026-02-28"), // clamped onto a make-up Saturday
        ("2026-11-23", Period::Months(0), &[], "2026-11-23"),
        // Working days with pauses.
        ("2026-11-23", Period::WorkingDays(5), &[], "2026-11-30"),
        (
            "2026-11-23",
            Period::WorkingDays(5),
            &[("2026-11-25", "2026-11-26")],
            "2026-12-02",
        ),
        // Overlapping pauses merge (25–27), adjacent ones too.
        (
            "2026-11-23",
            Period::WorkingDays(5),
            &[("2026-11-25", "2026-11-26"), ("2026-11-26", "2026-11-27")],
            "2026-12-03",
        ),
        (
            "2026-11-23",
            Period::WorkingDays(5),
            &[("2026-11-26", "2026-11-27"), ("2026-11-25", "2026-11-25")],
            "2026-12-03",
        ),
        // A pause over a weekend only changes nothing.
        (
            "2026-11-23",
            Period::WorkingDays(5),
            &[("2026-11-28", "2026-11-29")],
            "2026-11-30",
        ),
        // A pause before the start, or covering the start day only, changes nothing.
        (
            "2026-11-23",
            Period::WorkingDays(5),
            &[("2026-11-01", "2026-11-23")],
            "2026-11-30",
        ),
        // N = 0 on a paused working day: the next unpaused working day.
        (
            "2026-11-23",
            Period::WorkingDays(0),
            &[("2026-11-23", "2026-11-24")],
            "2026-11-25",
        ),
        // A pause after the due day changes nothing.
        (
            "2026-11-23",
            Period::WorkingDays(5),
            &[("2026-12-01", "2026-12-10")],
            "2026-11-30",
        ),
        // Natural days with pauses: each paused day extends the period.
        ("2026-11-02", Period::NaturalDays(10), &[], "2026-11-12"),
        (
            "2026-11-02",
            Period::NaturalDays(10),
            &[("2026-11-05", "2026-11-07")],
            "2026-11-16",
        ),
        // A pause that starts inside the extended period counts too.
        (
            "2026-11-02",
            Period::NaturalDays(10),
            &[("2026-11-10", "2026-11-12"), ("2026-11-14", "2026-11-14")],
            "2026-11-16",
        ),
        // The due day may not be a paused day either.
        (
            "2026-11-02",
            Period::NaturalDays(10),
            &[("2026-11-10", "2026-11-12"), ("2026-11-16", "2026-11-16")],
            "2026-11-17",
        ),
        // Only days after the start count.
        (
            "2026-11-02",
            Period::NaturalDays(10),
            &[("2026-10-30", "2026-11-03")],
            "2026-11-13",
        ),
        // Months with a pause.
        (
            "2026-01-31",
            Period::Months(1),
            &[("2026-02-02", "2026-02-03")],
            "2026-03-02",
        ),
    ];
    for (from, period, pauses, want) in cases {
        let pauses: Vec<Pause> = pauses.iter().map(|(a, b)| p(a, b)).collect();
        assert_eq!(
            c.due(d(from), *period, &pauses).unwrap(),
            d(want),
            "{from} {period:?} {pauses:?}"
        );
    }
}

#[test]
fn due_rejects_inverted_pauses() {
    let e = cal()
        .due(
            d("2026-11-23"),
            Period::WorkingDays(5),
            &[p("2026-11-24", "2026-11-24"), p("2026-11-27", "2026-11-25")],
        )
        .unwrap_err();
    assert_eq!(e.code(), Code::BadValue);
    assert_eq!(e.issue.path, "pauses[1]");
    assert!(Pause::new(d("2026-11-27"), d("2026-11-25")).is_err());
    assert!(Pause::new(d("2026-11-25"), d("2026-11-25")).is_ok());
}

// ---------------------------------------------------------------------------------------------
// Absurd inputs and coverage.
// ---------------------------------------------------------------------------------------------

#[test]
fn absurd_counts_are_errors_not_overflows() {
    let c = cal();
    let e = est();
    let start = d("2026-11-23");
    for n in [1_000_000_000, u32::MAX] {
        assert_eq!(
            c.add_working_days(start, n).unwrap_err().code(),
            Code::CalendarOutOfRange
        );
        assert_eq!(
            e.add_working_days(start, n).unwrap_err().code(),
            Code::DateOutOfRange
        );
        for period in [
            Period::WorkingDays(n),
            Period::NaturalDays(n),
            Period::Months(n),
        ] {
            assert!(c.due(start, period, &[]).unwrap_err().is_out_of_range());
            assert_eq!(
                e.due(start, period, &[]).unwrap_err().code(),
                Code::DateOutOfRange,
                "{period:?}"
            );
        }
    }
    assert_eq!(
        e.add_working_days(Date::max(), 1).unwrap_err().code(),
        Code::DateOutOfRange
    );
    assert!(e.add_working_days(Date::min(), 1).is_ok());
    let pauses = [p("2026-11-24", "9999-12-31")];
    assert_eq!(
        e.due(start, Period::WorkingDays(1), &pauses)
            .unwrap_err()
            .code(),
        Code::DateOutOfRange
    );
    assert_eq!(
        e.due(start, Period::NaturalDays(1), &pauses)
            .unwrap_err()
            .code(),
        Code::DateOutOfRange
    );
    assert_eq!(
        e.working_days_between(Date::min(), Date::max()).unwrap(),
        e.working_days_between(Date::min(), Date::max()).unwrap()
    );
    assert!(e.working_days_between(Date::min(), Date::max()).unwrap() > 2_500_000);
}

#[test]
fn out_of_range_errors_name_the_date_and_the_coverage() {
    let c = cal();
    let cases: Vec<Result<(), intake_rules::CalendarError>> = vec![
        c.is_working_day(d("2027-01-01")).map(|_| ()),
        c.is_working_day(d("2018-12-31")).map(|_| ()),
        c.add_working_days(d("2026-12-30"), 2).map(|_| ()),
        c.add_working_days(d("2027-03-01"), 0).map(|_| ()),
        c.add_working_days(d("2018-12-01"), 1).map(|_| ()),
        c.working_days_between(d("2026-12-01"), d("2027-01-05"))
            .map(|_| ()),
        c.working_days_between(d("2027-01-05"), d("2026-12-01"))
            .map(|_| ()),
        c.working_days_between(d("2018-06-01"), d("2019-01-05"))
            .map(|_| ()),
        c.due(d("2026-12-25"), Period::NaturalDays(10), &[])
            .map(|_| ()),
        c.due(d("2026-12-25"), Period::Months(1), &[]).map(|_| ()),
        c.due(d("2026-12-25"), Period::WorkingDays(10), &[])
            .map(|_| ()),
    ];
    for (i, r) in cases.into_iter().enumerate() {
        let e = r.expect_err(&format!("case {i}"));
        assert_eq!(e.code(), Code::CalendarOutOfRange, "case {i}");
        assert!(e.is_out_of_range());
        assert_eq!(e.code().as_str(), "calendar_out_of_range");
        let en = &e.issue.message.en;
        assert!(
            en.contains("2019-01-01") && en.contains("2026-12-31"),
            "{en}"
        );
        assert!(en.contains('`'), "{en}");
        assert!(!en.ends_with('.'), "{en}");
        assert!(e.issue.message.zh.contains("2026-12-31"));
    }
    let e = c.is_working_day(d("2027-01-01")).unwrap_err();
    assert!(e.issue.message.en.contains("`2027-01-01`"));
    // Still answered when the span stays inside coverage.
    assert_eq!(
        c.add_working_days(d("2026-12-30"), 1).unwrap(),
        d("2026-12-31")
    );
    assert_eq!(
        c.working_days_between(d("2030-01-01"), d("2030-01-01"))
            .unwrap(),
        0
    );
}

#[test]
fn weekends_only_estimate() {
    let e = est();
    assert_eq!(e.coverage(), (d("2019-01-01"), d("2026-12-31")));
    assert_eq!(e.beyond_coverage(), BeyondCoverage::WeekendsOnly);
    // 2027-01-01 is a Friday: estimated as a working day (no notice yet).
    assert!(e.is_working_day(d("2027-01-01")).unwrap());
    assert!(!e.is_working_day(d("2027-01-02")).unwrap());
    // Before coverage, make-up days are not known either: 2018-12-29 is a Saturday.
    assert!(!e.is_working_day(d("2018-12-29")).unwrap());
    assert!(e.is_working_day(d("2018-12-31")).unwrap());
    assert_eq!(
        e.add_working_days(d("2026-12-30"), 2).unwrap(),
        d("2027-01-01")
    );
    assert_eq!(
        e.add_working_days(d("2026-12-31"), 2).unwrap(),
        d("2027-01-04")
    );
    assert_eq!(
        e.working_days_between(d("2026-12-31"), d("2027-01-11"))
            .unwrap(),
        7
    );
    assert_eq!(
        e.working_days_between(d("2018-12-28"), d("2019-01-03"))
            .unwrap(),
        3
    );
    assert_eq!(
        e.working_days_between(d("2019-01-03"), d("2018-12-28"))
            .unwrap(),
        -3
    );
    assert_eq!(
        e.add_working_days(d("2018-12-27"), 2).unwrap(),
        d("2018-12-31")
    );
    assert_eq!(
        e.add_working_days(d("2018-12-27"), 3).unwrap(),
        d("2019-01-02")
    );
    // Inside coverage nothing changes.
    assert_eq!(
        e.add_working_days(d("2026-09-30"), 1).unwrap(),
        d("2026-10-08")
    );
    // A whole estimated year: 2030 has 261 weekdays.
    assert_eq!(
        e.working_days_between(d("2029-12-31"), d("2030-12-31"))
            .unwrap(),
        261
    );
    assert_eq!(
        e.due(d("2026-12-25"), Period::NaturalDays(10), &[])
            .unwrap(),
        d("2027-01-04")
    );
    // Switching back.
    let c = e.with_beyond_coverage(BeyondCoverage::Error);
    assert!(c.is_working_day(d("2027-01-01")).is_err());
    assert_eq!(c.data_version(), e.data_version());
}

// ---------------------------------------------------------------------------------------------
// Built-ins, versions, overrides, added years.
// ---------------------------------------------------------------------------------------------

#[test]
fn builtin_and_version() {
    let c = cal();
    assert_eq!(Calendar::builtin_ids(), &["cn-mainland"]);
    assert_eq!(c.id(), "cn-mainland");
    assert_eq!(c.beyond_coverage(), BeyondCoverage::Error);
    assert_eq!(c.data_version(), "2026-v1 (国办发明电〔2025〕7号)");
    assert!(c
        .notices()
        .iter()
        .any(|n| n.number == "国办发明电〔2020〕1号"));
    assert!(c
        .notices()
        .iter()
        .any(|n| n.number == "国办发明电〔2019〕3号"));
    for bad in ["", "cn", "CN-MAINLAND", "hk"] {
        let e = Calendar::builtin(bad, BeyondCoverage::Error).unwrap_err();
        assert_eq!(e.code(), Code::UnknownCalendar);
        assert_eq!(e.code().as_str(), "unknown_calendar");
    }
    assert!(format!("{c:?}").contains("2019-01-01"));
}

#[test]
fn local_overrides() {
    let c = cal()
        .with_overrides(&[d("2026-11-23")], &[d("2026-11-28"), d("2026-10-05")])
        .unwrap();
    assert!(!c.is_working_day(d("2026-11-23")).unwrap());
    assert!(c.is_working_day(d("2026-11-28")).unwrap());
    assert!(c.is_working_day(d("2026-10-05")).unwrap());
    assert!(c.data_version().contains("+local"));
    assert!(c.data_version().starts_with("2026-v1"));
    assert_eq!(
        c.add_working_days(d("2026-11-20"), 1).unwrap(),
        d("2026-11-24")
    );
    assert_eq!(
        c.add_working_days(d("2026-11-27"), 1).unwrap(),
        d("2026-11-28")
    );
    // The original is untouched.
    assert!(cal().is_working_day(d("2026-11-23")).unwrap());
    // Twice: the marker once.
    let c2 = c.with_overrides(&[d("2026-11-24")], &[]).unwrap();
    assert_eq!(c2.data_version().matches("+local").count(), 1);
    assert!(!c2.is_working_day(d("2026-11-23")).unwrap());
    assert!(!c2.is_working_day(d("2026-11-24")).unwrap());

    let e = cal().with_overrides(&[d("2027-01-04")], &[]).unwrap_err();
    assert_eq!(e.code(), Code::CalendarOutOfRange);
    assert_eq!(e.issue.path, "holidays[0]");
    let e = cal().with_overrides(&[], &[d("2018-12-29")]).unwrap_err();
    assert_eq!(e.code(), Code::CalendarOutOfRange);
    let e = cal()
        .with_overrides(&[d("2026-11-23")], &[d("2026-11-23")])
        .unwrap_err();
    assert_eq!(e.code(), Code::BadValue);
}

fn year_2027() -> YearData {
    // A made-up 2027 arrangement (no notice had been published): the New Year break starts on
    // Friday 31 December 2026, with a make-up Saturday on 9 January 2027.
    YearData {
        year: 2027,
        holidays: vec![
            d("2026-12-31"),
            d("2027-01-01"),
            d("2027-01-02"),
            d("2027-01-03"),
        ],
        workdays: vec![d("2027-01-09")],
        source: "test notice 2027".into(),
    }
}

#[test]
fn with_year_extends_coverage() {
    let c = cal().with_year(year_2027()).unwrap();
    assert_eq!(c.coverage(), (d("2019-01-01"), d("2027-12-31")));
    assert!(!c.is_working_day(d("2026-12-31")).unwrap());
    assert!(!c.is_working_day(d("2027-01-01")).unwrap());
    assert!(c.is_working_day(d("2027-01-04")).unwrap());
    assert!(c.is_working_day(d("2027-01-09")).unwrap());
    assert!(c.is_working_day(d("2027-12-31")).unwrap());
    assert!(c.is_working_day(d("2028-01-03")).is_err());
    assert_eq!(
        c.add_working_days(d("2026-12-30"), 1).unwrap(),
        d("2027-01-04")
    );
    assert_eq!(
        c.working_days_between(d("2026-12-30"), d("2027-01-11"))
            .unwrap(),
        7
    );
    assert!(c.data_version().contains("+2027"));
    assert!(c.data_version().contains("test notice 2027"));
    // The original keeps its coverage.
    assert_eq!(cal().coverage().1, d("2026-12-31"));
    // Chained: 2028 is now adjacent.
    let c2 = c
        .with_year(YearData {
            year: 2028,
            holidays: vec![d("2028-01-03")],
            workdays: vec![],
            source: "test 2028".into(),
        })
        .unwrap();
    assert_eq!(c2.coverage().1, d("2028-12-31"));
    assert!(!c2.is_working_day(d("2028-01-03")).unwrap());
    // Overrides survive an added year.
    let c3 = cal()
        .with_overrides(&[d("2026-11-23")], &[])
        .unwrap()
        .with_year(year_2027())
        .unwrap();
    assert!(!c3.is_working_day(d("2026-11-23")).unwrap());
    assert!(c3.data_version().contains("+local") && c3.data_version().contains("+2027"));
}

#[test]
fn with_year_before_coverage() {
    let c = cal()
        .with_year(YearData {
            year: 2018,
            holidays: vec![d("2017-12-30"), d("2017-12-31"), d("2018-01-01")],
            workdays: vec![d("2018-12-29")],
            source: "国办发明电〔2017〕12号".into(),
        })
        .unwrap();
    assert_eq!(c.coverage(), (d("2018-01-01"), d("2026-12-31")));
    assert!(!c.is_working_day(d("2018-01-01")).unwrap());
    assert!(c.is_working_day(d("2018-01-02")).unwrap());
    assert!(c.is_working_day(d("2018-12-29")).unwrap());
    assert!(c.is_working_day(d("2017-12-29")).is_err());
    assert_eq!(
        c.add_working_days(d("2018-12-28"), 1).unwrap(),
        d("2018-12-29")
    );
    assert_eq!(
        c.add_working_days(d("2018-12-29"), 1).unwrap(),
        d("2019-01-02")
    );
}

#[test]
fn with_year_rejects_bad_years() {
    let c = cal();
    let mk = |year: i32, holidays: &[&str], workdays: &[&str], source: &str| YearData {
        year,
        holidays: holidays.iter().map(|s| d(s)).collect(),
        workdays: workdays.iter().map(|s| d(s)).collect(),
        source: source.into(),
    };
    let cases = [
        (mk(2029, &[], &[], "x"), "year"),
        (mk(2026, &[], &[], "x"), "year"),
        (mk(2020, &[], &[], "x"), "year"),
        (mk(2017, &[], &[], "x"), "year"),
        (mk(2027, &["2026-12-29"], &[], "x"), "holidays[0]"),
        (
            mk(2027, &["2027-01-01", "2028-01-01"], &[], "x"),
            "holidays[1]",
        ),
        (mk(2027, &[], &["2026-12-26"], "x"), "workdays[0]"),
        (
            mk(2027, &["2027-01-01"], &["2027-01-01"], "x"),
            "holidays[0]",
        ),
        (mk(2027, &[], &[], "  "), "source"),
    ];
    for (data, path) in cases {
        let e = c.with_year(data.clone()).expect_err(&format!("{data:?}"));
        assert_eq!(e.code(), Code::BadValue, "{data:?}");
        assert_eq!(e.issue.path, path, "{data:?}");
    }
}

#[test]
fn helpers_for_the_js_layer() {
    for bad in ["2026-02-30", "2026-2-1", "", "2026-13-01", "0000-01-01"] {
        let e = parse_date(bad, "from").unwrap_err();
        assert_eq!(e.code(), Code::BadDate);
        assert_eq!(e.issue.path, "from");
    }
    assert_eq!(parse_date("2026-02-28", "from").unwrap(), d("2026-02-28"));
    assert_eq!(
        TimeOfDay::parse_at("25:00", "cutoff").unwrap_err().code(),
        Code::BadTime
    );
    assert_eq!(
        TimeOfDay::parse_at("24:00", "cutoff").unwrap(),
        TimeOfDay(86_400)
    );
    assert_eq!(
        Period::from_parts("working_days", 20.0).unwrap(),
        Period::WorkingDays(20)
    );
    assert_eq!(
        Period::from_parts("months", 3.0).unwrap(),
        Period::Months(3)
    );
    for (unit, n) in [
        ("working_days", -1.0),
        ("working_days", 1.5),
        ("natural_days", f64::NAN),
        ("months", 1e12),
        ("weeks", 2.0),
    ] {
        assert_eq!(
            Period::from_parts(unit, n).unwrap_err().code(),
            Code::BadLimit,
            "{unit} {n}"
        );
    }
}

#[test]
fn timestamps_without_seconds_are_read_as_second_zero() {
    let cal = intake_rules::Calendar::builtin("cn-mainland", intake_rules::BeyondCoverage::Error)
        .unwrap();
    let cut = intake_rules::TimeOfDay::DEFAULT_CUTOFF;
    for (at, want) in [
        ("2026-09-30T16:59", "2026-09-30"),
        ("2026-09-30T17:00", "2026-10-08"),
        ("2026-09-30 16:59+08:00", "2026-09-30"),
        ("2026-09-30T08:59Z", "2026-09-30"),
        ("2026-09-30T09:00Z", "2026-10-08"),
    ] {
        assert_eq!(cal.received_on(at, cut).unwrap().to_string(), want, "{at}");
    }
    for bad in [
        "2026-09-30T16",
        "2026-09-30T16:5",
        "2026-09-30T1659",
        "2026-09-30T16:59:",
        "2026-09-30T16:59 ",
    ] {
        assert!(cal.received_on(bad, cut).is_err(), "{bad}");
    }
}
