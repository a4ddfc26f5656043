//! Large lists grown from a few bytes: policy sets of up to 300,000 items, pause, holiday and
//! workday lists of up to 2,000,000 entries, requests with up to 200,000 form keys. Every
//! entry point must answer (a value or `too_large`) in time linear in the input: run with
//! `-timeout=10`, a quadratic path shows up as a timeout.
#![no_main]
use intake_rules::{api, BeyondCoverage, Calendar, PolicySet};
use libfuzzer_sys::fuzz_target;
use std::fmt::Write;
use std::sync::OnceLock;

static POLICY: OnceLock<Option<intake_rules::Policy>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let n = u32::from_le_bytes([data[0], data[1], data[2], 0]) as usize;
    let item: String = String::from_utf8_lossy(&data[4..]).chars().take(64).collect();
    let item = if serde_json::from_str::<serde_json::Value>(&item).is_ok() { item } else { "0".into() };
    match data[3] % 4 {
        0 => {
            let n = n % 300_000;
            let mut s = String::with_capacity(n * (item.len() + 1) + 16);
            s.push_str(if data[3] & 4 == 0 { "[" } else { "{\"versions\":[" });
            for i in 0..n {
                if i > 0 {
                    s.push(',');
                }
                s.push_str(&item);
            }
            s.push_str(if data[3] & 4 == 0 { "]" } else { "]}" });
            let _ = PolicySet::from_json(&s);
            let _ = api::policy_set_from_object_text(&s);
        }
        1 => {
            let Ok(cal) = Calendar::builtin("cn-mainland", BeyondCoverage::Error) else { return };
            let n = n % 2_000_000;
            let mut s = String::from("[");
            for i in 0..n {
                if i > 0 {
                    s.push(',');
                }
                let _ = write!(s, "{{\"from\":\"2026-03-{:02}\",\"to\":\"2026-03-{:02}\"}}", 1 + i % 28, 1 + (i + 3) % 28);
            }
            s.push(']');
            let _ = api::calendar_due(&cal, "2026-03-02", "{\"working_days\":5}", &s);
        }
        2 => {
            let Ok(cal) = Calendar::builtin("cn-mainland", BeyondCoverage::Error) else { return };
            let n = n % 2_000_000;
            let mut list = String::from("[");
            for i in 0..n {
                if i > 0 {
                    list.push(',');
                }
                let _ = write!(list, "\"2026-{:02}-{:02}\"", 1 + i % 12, 1 + i % 28);
            }
            list.push(']');
            let _ = api::calendar_with_overrides(&cal, &format!("{{\"holidays\":{list}}}"));
            let _ = api::calendar_with_year(&cal, 2099.0, &format!("{{\"workdays\":{list}}}"));
        }
        _ => {
            let Some(policy) = POLICY.get_or_init(|| api::builtin_policy("joint-utility-connection").ok()) else { return };
            let n = n % 200_000;
            let mut s = String::from("{\"target\":\"joint\",\"submitted_at\":\"2026-09-30T10:00:00+08:00\",\"form\":{");
            for i in 0..n {
                if i > 0 {
                    s.push(',');
                }
                let _ = write!(s, "\"k{}\":{}", i % 50_000, item);
            }
            s.push_str("}}");
            let _ = api::evaluate_json(policy, &s);
            let _ = api::evaluate_compact_json(policy, &s);
        }
    }
});
