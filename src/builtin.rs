//! The built-in policy packs, embedded in the binary (readable JSON files in `packs/`).

/// `(short id, JSON text)` of every built-in pack.
pub const PACKS: &[(&str, &str)] = &[];
