//! Memory held by a loaded policy, counted by a counting allocator (this thread's allocations
//! only, so parallel tests do not disturb it). Native sizes (64-bit pointers) are larger than
//! in wasm32; `make bench` reports the wasm figures.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use intake_rules::{api, Policy, PolicySet};

struct Counting;

thread_local! {
    static IN_USE: Cell<isize> = const { Cell::new(0) };
}

fn count(delta: isize) {
    // `try_with`: the allocator also runs while thread-locals are torn down.
    let _ = IN_USE.try_with(|c| c.set(c.get() + delta));
}

// SAFETY: every call is forwarded unchanged to `System`; only a counter is updated.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        count(l.size() as isize);
        System.alloc(l)
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        count(-(l.size() as isize));
        System.dealloc(p, l)
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        count(n as isize - l.size() as isize);
        System.realloc(p, l, n)
    }
}

#[global_allocator]
static A: Counting = Counting;

fn in_use() -> isize {
    IN_USE.with(Cell::get)
}

/// Bytes still held after `f` returns its value (kept alive until measured).
fn held<T>(f: impl FnOnce() -> T) -> (T, isize) {
    let before = in_use();
    let v = f();
    (v, in_use() - before)
}

const JOINT: &str = include_str!("../packs/joint-utility-connection.json");

#[test]
fn a_loaded_pack_holds_its_model_and_at_most_its_text() {
    // Warm the shared calendar data, so only the policy is counted.
    let _warm = api::builtin_policy("joint-utility-connection").unwrap();
    // Before: 526 KB natively (the parsed document and a copy of the text besides the model;
    // 361 KiB in wasm). A built-in pack's text is the binary's own: only the model is held.
    let (builtin, model) = held(|| api::builtin_policy("joint-utility-connection").unwrap());
    assert!(model < 96 * 1024, "built-in joint pack holds {model} bytes");
    // From the caller's text: the model and the text (for lint, diff, the guide).
    let (p, from_text) = held(|| Policy::from_json(JOINT).unwrap());
    let text = JOINT.len() as isize;
    assert!(
        from_text <= model + text + 1024,
        "{from_text} > {model} + {text}"
    );
    // The fingerprint (every decision carries it) is computed without keeping a parse.
    let (fp, _) = held(|| p.fingerprint().to_string());
    assert_eq!(fp, builtin.fingerprint());
    let (_, after) = held(|| p.fingerprint().len());
    assert_eq!(after, 0);
    // Dropping the text keeps the fingerprint and leaves the model alone.
    let (lean, lean_held) = held(|| Policy::from_json(JOINT).unwrap().without_source());
    assert!(lean_held <= model + 1024, "{lean_held} > {model}");
    assert_eq!(lean.fingerprint(), fp);
}

#[test]
fn a_set_hands_out_its_versions_without_copies() {
    let set = api::builtin_set("industrial-drawing-review").unwrap();
    let req = intake_rules::Request::from_json(
        r#"{"target": "joint_review", "submitted_at": "2026-03-02T10:00:00+08:00"}"#,
    )
    .unwrap();
    let (p, bytes) = held(|| set.select_shared(&req).unwrap().clone());
    assert_eq!(bytes, 0);
    assert_eq!(p.version, "2026.01");
    let (copy, _) = held(|| {
        PolicySet::from_json(include_str!(
            "../packs/industrial-drawing-review.versions.json"
        ))
        .unwrap()
    });
    assert_eq!(copy.versions(), set.versions());
}
