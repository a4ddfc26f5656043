//! Property tests of the working-day calendar, against a naive day-by-day reference model.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use intake_rules::{BeyondCoverage, Calendar, Date, Pause, Period};
use proptest::prelude::*;

fn cal() -> Calendar {
    Calendar::builtin("cn-mainland", BeyondCoverage::Error).unwrap()
}

fn est() -> Calendar {
    Calendar::builtin("cn-mainland", BeyondCoverage::WeekendsOnly).unwrap()
}

fn day(x: i32) -> Date {
    Date::from_days(x).unwrap()
}

/// Day numbers well inside the coverage (2019-01-01 .. 2026-06-30), so that up to ~100
/// working days later is still covered.
fn covered() -> impl Strategy<Value = i32> {
    let lo = Date::parse("2019-01-01").unwrap().days();
    let hi = Date::parse("2026-06-30").unwrap().days();
    lo..=hi
}

/// Day numbers from 2000 to 2100: around and far beyond the coverage (estimates).
fn anywhere() -> impl Strategy<Value = i32> {
    let lo = Date::parse("2000-01-01").unwrap().days();
    let hi = Date::parse("2100-12-31").unwrap().days();
    lo..=hi
}

fn paused(p: &[Pause], d: Date) -> bool {
    p.iter().any(|q| q.from <= d && d <= q.to)
}

/// The reference: walk day by day.
fn naive_due(c: &Calendar, from: Date, period: Period, pauses: &[Pause]) -> Date {
    let free = |d: Date| c.is_working_day(d).unwrap() && !paused(pauses, d);
    let move_on = |mut d: Date| {
        while !free(d) {
            d = d.succ().unwrap();
        }
        d
    };
    match period {
        Period::WorkingDays(0) => move_on(from),
        Period::WorkingDays(n) => {
            let (mut d, mut left) = (from, n);
            while left > 0 {
                d = d.succ().unwrap();
                if free(d) {
                    left -= 1;
                }
            }
            d
        }
        Period::NaturalDays(_) | Period::Months(_) => {
            let mut end = match period {
                Period::NaturalDays(n) => from.add_days(i64::from(n)).unwrap(),
                _ => from.add_months(period.count()).unwrap(),
            };
            let mut d = from;
            while d < end {
                d = d.succ().unwrap();
                if paused(pauses, d) {
                    end = end.succ().unwrap();
                }
            }
            move_on(end)
        }
    }
}

fn pauses_near(from: i32) -> impl Strategy<Value = Vec<Pause>> {
    prop::collection::vec((-10i32..60, 0i32..12), 0..4).prop_map(move |v| {
        v.into_iter()
            .map(|(off, len)| Pause {
                from: day(from + off),
                to: day(from + off + len),
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn add_working_days_lands_on_working_days(x in covered(), n in 1u32..120) {
        let c = cal();
        let d = day(x);
        let t = c.add_working_days(d, n).unwrap();
        prop_assert!(c.is_working_day(t).unwrap());
        prop_assert_eq!(c.working_days_between(d, t).unwrap(), i64::from(n));
        prop_assert_eq!(c.working_days_between(t, d).unwrap(), -i64::from(n));
        let next = c.add_working_days(d, n + 1).unwrap();
        prop_assert!(next > t);
        prop_assert_eq!(c.add_working_days(t, 1).unwrap(), next);
        prop_assert_eq!(naive_due(&c, d, Period::WorkingDays(n), &[]), t);
    }

    #[test]
    fn zero_is_the_day_itself_or_the_next_working_day(x in covered()) {
        let c = cal();
        let d = day(x);
        let t = c.add_working_days(d, 0).unwrap();
        prop_assert!(c.is_working_day(t).unwrap());
        prop_assert_eq!(t == d, c.is_working_day(d).unwrap());
        prop_assert!(c.working_days_between(d, t).unwrap() <= 1);
    }

    #[test]
    fn between_is_antisymmetric_and_additive(a in covered(), b in covered(), m in covered()) {
        let c = cal();
        let (a, b, m) = (day(a), day(b), day(m));
        let ab = c.working_days_between(a, b).unwrap();
        prop_assert_eq!(ab, -c.working_days_between(b, a).unwrap());
        let am = c.working_days_between(a, m).unwrap();
        let mb = c.working_days_between(m, b).unwrap();
        prop_assert_eq!(ab, am + mb);
    }

    #[test]
    fn estimates_behave_the_same(x in anywhere(), y in anywhere(), n in 0u32..3000) {
        let c = est();
        let d = day(x);
        let t = c.add_working_days(d, n).unwrap();
        prop_assert!(c.is_working_day(t).unwrap());
        let expected = if n == 0 { i64::from(t != d) } else { i64::from(n) };
        prop_assert_eq!(c.working_days_between(d, t).unwrap(), expected);
        if n > 0 {
            prop_assert!(c.add_working_days(d, n + 1).unwrap() > t);
        }
        let e = day(y);
        prop_assert_eq!(
            c.working_days_between(d, e).unwrap(),
            -c.working_days_between(e, d).unwrap()
        );
    }

    #[test]
    fn estimates_match_a_walk_near_the_edges(
        x in prop_oneof![
            (Date::parse("2018-10-01").unwrap().days()..Date::parse("2019-03-01").unwrap().days()),
            (Date::parse("2026-10-01").unwrap().days()..Date::parse("2027-03-01").unwrap().days()),
        ],
        n in 0u32..60,
        kind in 0u8..3,
        pauses in pauses_near(0),
    ) {
        let c = est();
        let d = day(x);
        let pauses: Vec<Pause> = pauses
            .iter()
            .map(|p| Pause { from: day(p.from.days() + x), to: day(p.to.days() + x) })
            .collect();
        let period = match kind {
            0 => Period::WorkingDays(n),
            1 => Period::NaturalDays(n),
            _ => Period::Months(n % 4),
        };
        prop_assert_eq!(c.due(d, period, &pauses).unwrap(), naive_due(&c, d, period, &pauses));
    }

    #[test]
    fn due_matches_a_walk(
        x in covered(),
        n in 0u32..40,
        kind in 0u8..3,
        offsets in pauses_near(0),
    ) {
        let c = cal();
        let d = day(x);
        let pauses: Vec<Pause> = offsets
            .iter()
            .map(|p| Pause { from: day(p.from.days() + x), to: day(p.to.days() + x) })
            .collect();
        let period = match kind {
            0 => Period::WorkingDays(n),
            1 => Period::NaturalDays(n),
            _ => Period::Months(n % 4),
        };
        prop_assert_eq!(c.due(d, period, &pauses).unwrap(), naive_due(&c, d, period, &pauses));
    }
}
