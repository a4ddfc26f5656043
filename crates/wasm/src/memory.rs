//! The module's memory, counted and bounded: a counting wrapper around the default allocator
//! keeps the bytes in use, and every entry point checks an estimate of what it will need
//! against a ceiling (`setMemoryLimit`, default [`intake_rules::limits::MEMORY_CEILING`])
//! *before* it starts, so running short of memory is a `too_large` error rather than a trap.
//! (Wasm memory never shrinks, and an allocation that fails aborts the instance.)

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use wasm_bindgen::prelude::*;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static CEILING: AtomicUsize = AtomicUsize::new(intake_rules::limits::MEMORY_CEILING);

/// The default allocator, counting the bytes it hands out.
struct Counting;

fn grew(by: usize) {
    let now = IN_USE.fetch_add(by, Relaxed).saturating_add(by);
    if now > PEAK.load(Relaxed) {
        PEAK.store(now, Relaxed);
    }
}

// SAFETY: every call is forwarded unchanged to `System`; only counters are updated.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        IN_USE.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            IN_USE.fetch_sub(layout.size(), Relaxed);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bytes allocated and not yet freed.
pub(crate) fn in_use() -> usize {
    IN_USE.load(Relaxed)
}

/// `Err((in_use, ceiling))` when `need` more bytes would pass the ceiling.
pub(crate) fn check(need: usize) -> Result<(), (usize, usize)> {
    let used = in_use();
    let ceiling = CEILING.load(Relaxed);
    if used.saturating_add(need) > ceiling {
        Err((used, ceiling))
    } else {
        Ok(())
    }
}

/// Set the ceiling on the module's memory in use (bytes); returns the previous one. Values
/// are clamped to 16 MiB … 4 GiB; non-numbers leave it unchanged.
#[wasm_bindgen(js_name = setMemoryLimit)]
pub fn set_memory_limit(#[wasm_bindgen(unchecked_param_type = "number")] bytes: JsValue) -> f64 {
    let before = CEILING.load(Relaxed);
    if let Some(b) = bytes.as_f64().filter(|b| !b.is_nan()) {
        let b = b.clamp(16.0 * 1024.0 * 1024.0, 4.0 * 1024.0 * 1024.0 * 1024.0 - 1.0);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        CEILING.store(b as usize, Relaxed);
    }
    before as f64
}

/// The ceiling in bytes (what `setMemoryLimit` last set). Allocates nothing, so the JS glue
/// can read it from an instance that has just trapped, to carry it over to the next one.
#[wasm_bindgen(js_name = memoryLimit)]
pub fn memory_limit() -> f64 {
    CEILING.load(Relaxed) as f64
}

/// `{in_use, peak, limit, wasm_memory}` in bytes: live allocations, their high-water mark, the
/// ceiling, and the size of the wasm memory (which never shrinks).
#[wasm_bindgen(js_name = memoryUsage, unchecked_return_type = "MemoryUsage")]
pub fn memory_usage() -> JsValue {
    let pages = core::arch::wasm32::memory_size(0);
    crate::args::from_json_text(&format!(
        "{{\"in_use\":{},\"peak\":{},\"limit\":{},\"wasm_memory\":{}}}",
        in_use(),
        PEAK.load(Relaxed),
        CEILING.load(Relaxed),
        pages.saturating_mul(65536)
    ))
}

#[wasm_bindgen(typescript_custom_section)]
const TS_MEMORY: &'static str = r#"
/** What `memoryUsage()` returns, in bytes. */
export interface MemoryUsage {
  /** Live allocations of the module. */
  in_use: number;
  /** Their high-water mark since the instance started. */
  peak: number;
  /** The ceiling set by `setMemoryLimit` (default 1 GiB): an operation whose estimated need
   *  would pass it throws `too_large` before it starts. */
  limit: number;
  /** The wasm memory's size (it grows in 64 KiB pages and never shrinks). */
  wasm_memory: number;
}
"#;
