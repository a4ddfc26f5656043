//! Every size limit the product enforces on its inputs, in one place. Inputs beyond them are
//! refused with a structured `too_large` (or `too_deep`) diagnostic, never a panic or a hang:
//! a policy may come from a browser workbench, so loading must stay bounded on any input.

/// Largest policy document accepted, in bytes of UTF-8 JSON text (4 MiB).
pub const MAX_POLICY_BYTES: usize = 4 * 1024 * 1024;

/// Largest policy-set text accepted (`PolicySet.fromJson` / `fromObject`), in bytes (8 MiB);
/// each version within it is still held to [`MAX_POLICY_BYTES`].
pub const MAX_POLICY_SET_BYTES: usize = 8 * 1024 * 1024;

/// Deepest JSON nesting (objects and arrays) accepted in a policy document. A real policy
/// nests about eight levels deep; serde_json's own limit (128) is never reached.
pub const MAX_JSON_DEPTH: usize = 64;

/// Most form fields in one policy.
pub const MAX_FIELDS: usize = 1_000;

/// Most catalogue materials in one policy.
pub const MAX_MATERIALS: usize = 2_000;

/// Most services in one policy.
pub const MAX_SERVICES: usize = 500;

/// Most stages in one service.
pub const MAX_STAGES_PER_SERVICE: usize = 200;

/// Most bundles in one policy.
pub const MAX_BUNDLES: usize = 500;

/// Most regions in one policy (SPEC §7.8).
pub const MAX_REGIONS: usize = 500;

/// Most entries in any other list (materials of a service, rejects, enum values, holidays,
/// `after`, `limit_if`, pauses, the services of a bundle, `$comment` lines).
pub const MAX_LIST_ENTRIES: usize = 1_000;

/// Longest label text, in characters (`char`s).
pub const MAX_LABEL_CHARS: usize = 2_000;

/// Longest id of a field, material, service, stage or bundle, in characters.
pub const MAX_ID_CHARS: usize = 64;

/// Longest policy `id` and `version`, in characters.
pub const MAX_POLICY_ID_CHARS: usize = 128;

/// Most diagnostics returned by one load; the rest (after sorting) are dropped, so a
/// pathological document cannot produce an unbounded error list.
pub const MAX_ISSUES: usize = 1_000;

/// Largest JSON text of one calendar argument (the options of `Calendar.builtin`, the
/// overrides of `withOverrides`, the arrangement of `withYear`, the period and the pauses of
/// `due`), in bytes (64 KiB). Their lists (holidays, workdays, pauses) hold at most
/// [`MAX_LIST_ENTRIES`] entries each.
pub const MAX_CALENDAR_ARG_BYTES: usize = 64 * 1024;

/// The wasm binding's default ceiling on the memory it holds (1 GiB; JS `setMemoryLimit`
/// changes it): an operation whose estimated need would pass it is refused with `too_large`
/// before it starts, instead of growing the wasm memory until an allocation traps.
pub const MEMORY_CEILING: usize = 1 << 30;
