//! Native benchmarks of intake-rules, on the same inputs as the Node bench (`bench/run.mjs`).
//!
//! `cargo bench --bench native` prints divan's table. With `INTAKE_BENCH_INPUTS=<file>` (written
//! by `bench/run.mjs`: `{"pack": "...", "requests": [...], "calendar": [...]}`) the inputs are
//! those; otherwise the requests of the joint-utility pack's case file. With
//! `INTAKE_BENCH_OUT=<file>` it first measures the figures `make bench` reports the same way the
//! Node bench does (every call timed: median, p99; an untimed loop for calls per second) and
//! writes them to that file as JSON; `INTAKE_BENCH_FIGURES_ONLY=1` then skips divan.
//! `INTAKE_BENCH_PROFILE=<operation>` loops one operation for a profiler instead.
//!
//! Benchmarks print figures; nothing here passes or fails on speed.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use intake_rules::engine::request::Request;
use intake_rules::{BeyondCoverage, Calendar, Date, Policy};
use serde_json::{json, Value};

struct Inputs {
    pack: String,
    requests: Vec<Request>,
    request_texts: Vec<String>,
    calendar: Vec<(Date, u32, Date)>,
}

fn pack_text() -> String {
    intake_rules::policy::builtin::PACKS
        .iter()
        .find(|(id, _)| *id == "joint-utility-connection")
        .map(|(_, t)| (*t).to_string())
        .expect("the joint-utility pack is built in")
}

fn load_inputs() -> Inputs {
    let (pack, reqs, cal): (String, Vec<Value>, Vec<Value>) = match std::env::var(
        "INTAKE_BENCH_INPUTS",
    ) {
        Ok(path) => {
            let text = std::fs::read_to_string(&path).expect("read INTAKE_BENCH_INPUTS");
            let v: Value = serde_json::from_str(&text).expect("inputs are JSON");
            (
                v["pack"].as_str().map_or_else(pack_text, str::to_string),
                v["requests"].as_array().cloned().unwrap_or_default(),
                v["calendar"].as_array().cloned().unwrap_or_default(),
            )
        }
        Err(_) => {
            let cases = include_str!("../packs/joint-utility-connection.cases.json");
            let v: Value = serde_json::from_str(cases).expect("cases are JSON");
            let reqs = v["cases"]
                .as_array()
                .expect("cases")
                .iter()
                .map(|c| c["request"].clone())
                .collect();
            let cal = (0..1000u32)
                    .map(|i| {
                        let d = Date::from_ymd(2019 + (i % 7) as i32, 1 + i % 12, 1 + i % 28)
                            .expect("date");
                        json!({"date": d.to_string(), "n": i % 251, "to": d.add_days(i64::from(i % 365)).expect("date").to_string()})
                    })
                    .collect();
            (pack_text(), reqs, cal)
        }
    };
    let request_texts: Vec<String> = reqs.iter().map(Value::to_string).collect();
    let requests = request_texts
        .iter()
        .map(|t| Request::from_json(t).expect("a usable request"))
        .collect();
    let calendar = cal
        .iter()
        .map(|c| {
            (
                Date::parse(c["date"].as_str().expect("date")).expect("date"),
                c["n"].as_u64().expect("n") as u32,
                Date::parse(c["to"].as_str().expect("to")).expect("to"),
            )
        })
        .collect();
    Inputs {
        pack,
        requests,
        request_texts,
        calendar,
    }
}

fn inputs() -> &'static Inputs {
    static I: OnceLock<Inputs> = OnceLock::new();
    I.get_or_init(load_inputs)
}

fn policy() -> &'static Policy {
    static P: OnceLock<Policy> = OnceLock::new();
    P.get_or_init(|| Policy::from_json(&inputs().pack).expect("the pack loads"))
}

fn calendar() -> &'static Calendar {
    static C: OnceLock<Calendar> = OnceLock::new();
    C.get_or_init(|| Calendar::builtin("cn-mainland", BeyondCoverage::Error).expect("calendar"))
}

// ---- figures for `make bench` ------------------------------------------------------------------

/// Median, p99 (in `unit_ns` units) and calls per second of `f` over `n` inputs: `rounds` timed
/// rounds of every input, each call timed alone; then an untimed loop for the throughput.
fn measure(n: usize, rounds: usize, unit_ns: f64, mut f: impl FnMut(usize)) -> Value {
    for i in 0..n {
        f(i); // warm-up
    }
    let mut samples: Vec<u64> = Vec::with_capacity(n * rounds);
    for _ in 0..rounds {
        for i in 0..n {
            let t = Instant::now();
            f(i);
            samples.push(t.elapsed().as_nanos() as u64);
        }
    }
    samples.sort_unstable();
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize] as f64 / unit_ns;
    let t = Instant::now();
    let mut calls = 0u64;
    while t.elapsed() < Duration::from_millis(300) || calls < n as u64 {
        for i in 0..n {
            f(i);
        }
        calls += n as u64;
    }
    let per_s = calls as f64 / t.elapsed().as_secs_f64();
    json!({"median": round3(at(0.5)), "p99": round3(at(0.99)), "calls_per_s": per_s.round(), "samples": samples.len()})
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn figures(out: &str) {
    let inp = inputs();
    let pol = policy();
    let cal = calendar();
    let n = inp.requests.len();
    let rounds = (20_000 / n.max(1)).max(5);
    let from_json = measure(1, 200, 1e6, |_| {
        black_box(Policy::from_json(black_box(&inp.pack)).is_ok());
    });
    let evaluate = measure(n, rounds, 1e3, |i| {
        black_box(pol.evaluate(&inp.requests[i]).is_ok());
    });
    let evaluate_json = measure(n, rounds, 1e3, |i| {
        black_box(intake_rules::api::evaluate_json(pol, &inp.request_texts[i]).is_ok());
    });
    let evaluate_compact = measure(n, rounds, 1e3, |i| {
        black_box(pol.evaluate_compact(&inp.requests[i]).is_ok());
    });
    let evaluate_compact_json = measure(n, rounds, 1e3, |i| {
        black_box(intake_rules::api::evaluate_compact_json(pol, &inp.request_texts[i]).is_ok());
    });
    let parse_request = measure(n, rounds, 1e3, |i| {
        black_box(Request::from_json(&inp.request_texts[i]).is_ok());
    });
    let m = inp.calendar.len();
    let add = measure(m, 5, 1.0, |i| {
        let (d, k, _) = inp.calendar[i];
        black_box(cal.add_working_days(d, k).ok());
    });
    let between = measure(m, 5, 1.0, |i| {
        let (d, _, to) = inp.calendar[i];
        black_box(cal.working_days_between(d, to).ok());
    });
    let v = json!({
        "from_json_ms": from_json,
        "evaluate_us": evaluate,
        "evaluate_json_text_us": evaluate_json,
        "evaluate_compact_us": evaluate_compact,
        "evaluate_compact_json_text_us": evaluate_compact_json,
        "request_from_json_us": parse_request,
        "add_working_days_ns": add,
        "working_days_between_ns": between,
        "requests": n,
        "calendar_args": m,
    });
    std::fs::write(out, v.to_string()).expect("write INTAKE_BENCH_OUT");
}

// ---- divan's table ---------------------------------------------------------------------------------

#[divan::bench]
fn from_json_joint_pack() -> bool {
    Policy::from_json(black_box(&inputs().pack)).is_ok()
}

/// Every input request once per iteration.
#[divan::bench]
fn evaluate_all_requests(b: divan::Bencher) {
    let (p, r) = (policy(), &inputs().requests);
    b.counter(divan::counter::ItemsCount::new(r.len()))
        .bench(|| r.iter().filter(|q| p.evaluate(q).is_ok()).count());
}

#[divan::bench]
fn evaluate_json_all_requests(b: divan::Bencher) {
    let (p, r) = (policy(), &inputs().request_texts);
    b.counter(divan::counter::ItemsCount::new(r.len()))
        .bench(|| {
            r.iter()
                .filter(|q| intake_rules::api::evaluate_json(p, q).is_ok())
                .count()
        });
}

#[divan::bench]
fn evaluate_compact_all_requests(b: divan::Bencher) {
    let (p, r) = (policy(), &inputs().requests);
    b.counter(divan::counter::ItemsCount::new(r.len()))
        .bench(|| r.iter().filter(|q| p.evaluate_compact(q).is_ok()).count());
}

#[divan::bench]
fn add_working_days_all(b: divan::Bencher) {
    let (c, a) = (calendar(), &inputs().calendar);
    b.counter(divan::counter::ItemsCount::new(a.len()))
        .bench(|| {
            a.iter()
                .filter(|(d, n, _)| c.add_working_days(*d, *n).is_ok())
                .count()
        });
}

#[divan::bench]
fn working_days_between_all(b: divan::Bencher) {
    let (c, a) = (calendar(), &inputs().calendar);
    b.counter(divan::counter::ItemsCount::new(a.len()))
        .bench(|| {
            a.iter()
                .filter(|(d, _, t)| c.working_days_between(*d, *t).is_ok())
                .count()
        });
}

/// `INTAKE_BENCH_PROFILE=evaluate|compact|compact_json|request|evaluate_json|from_json`: run one operation in a loop
/// for 5 seconds, for `perf record` (docs/performance.md).
fn profile(what: &str) {
    let inp = inputs();
    let pol = policy();
    // `INTAKE_BENCH_PASSES=n`: exactly n passes over the requests instead of 5 seconds (for
    // instruction counts under `valgrind --tool=callgrind`, which do not depend on the load).
    let passes: Option<u32> = std::env::var("INTAKE_BENCH_PASSES")
        .ok()
        .and_then(|s| s.parse().ok());
    let t = Instant::now();
    let mut done = 0u32;
    while passes.map_or(t.elapsed() < Duration::from_secs(5), |n| done < n) {
        done += 1;
        for (i, r) in inp.requests.iter().enumerate() {
            match what {
                "evaluate" => black_box(pol.evaluate(r).is_ok()),
                "compact" => black_box(pol.evaluate_compact(r).is_ok()),
                "compact_json" => black_box(
                    intake_rules::api::evaluate_compact_json(pol, &inp.request_texts[i]).is_ok(),
                ),
                "request" => black_box(Request::from_json(&inp.request_texts[i]).is_ok()),
                "evaluate_json" => {
                    black_box(intake_rules::api::evaluate_json(pol, &inp.request_texts[i]).is_ok())
                }
                _ => black_box(Policy::from_json(&inp.pack).is_ok()),
            };
        }
    }
}

fn main() {
    if let Ok(what) = std::env::var("INTAKE_BENCH_PROFILE") {
        profile(&what);
        return;
    }
    if let Ok(out) = std::env::var("INTAKE_BENCH_OUT") {
        figures(&out);
        if std::env::var_os("INTAKE_BENCH_FIGURES_ONLY").is_some() {
            return;
        }
    }
    divan::main();
}
