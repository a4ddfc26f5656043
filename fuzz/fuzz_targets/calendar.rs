//! Calendar arithmetic on arbitrary dates, counts, periods and pauses: results or errors,
//! never a panic, and the working-day identities hold whenever both sides succeed.
#![no_main]
use intake_rules::{BeyondCoverage, Calendar, Date, Pause, Period};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 13 {
        return;
    }
    let word = |i: usize| u32::from_le_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]);
    let beyond = if data[0] & 1 == 0 { BeyondCoverage::Error } else { BeyondCoverage::WeekendsOnly };
    let Ok(cal) = Calendar::builtin("cn-mainland", beyond) else { return };
    // Days around the coverage, and occasionally anywhere in years 1–9999.
    let day = |w: u32| -> Option<Date> {
        if w & 0x8000_0000 != 0 {
            Date::from_days((w % 3_700_000) as i32 - 719_162)
        } else {
            Date::from_days(17_000 + (w % 4_000) as i32)
        }
    };
    let (Some(d), Some(e)) = (day(word(1)), day(word(5))) else { return };
    let n = word(9) >> (data[0] >> 1 & 31);
    if let Ok(r) = cal.add_working_days(d, n) {
        if n > 0 {
            assert!(cal.is_working_day(r).unwrap_or(true));
            if let Ok(k) = cal.working_days_between(d, r) {
                assert_eq!(k, i64::from(n));
            }
        }
    }
    let _ = cal.working_days_between(d, e);
    let period = match data[0] % 3 {
        0 => Period::WorkingDays(n),
        1 => Period::NaturalDays(n),
        _ => Period::Months(n),
    };
    let pauses = [Pause { from: d.min(e), to: d.max(e) }];
    let _ = cal.due(d, period, &pauses);
    let s: String = data[1..].iter().map(|b| (b % 96 + 32) as char).collect();
    let _ = cal.received_on(&s, intake_rules::TimeOfDay::DEFAULT_CUTOFF);
});
