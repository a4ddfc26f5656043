//! Structural differences between two policy versions, and the cases they change (SPEC §4).
//!
//! The comparison reads the loaded model (`Policy`), never the raw document: the loader has
//! validated every value and filled in every default, so writing a default explicitly is not a
//! change, and neither is `$comment`. Lists keyed by id (a service's materials, its stages, a
//! bundle's services) are matched by id, not position: paths name the entry as
//! `services.power.materials[load_list].required`. Conditions compare by their source text.
//!
//! Every change is `{kind, path, old, new, message}`, `old` and `new` written in the policy
//! document's shape (defaults left out); changes are sorted by path, then kind. With a case
//! file, every case is decided under both versions and the differences are listed per case.
//!
//! - `structure.rs`: the structural comparison (top level, fields, catalogue, bundles);
//! - `services.rs`: the comparison of services, their material entries and stages;
//! - `render.rs`: model values back in the document's shape, and as phrases in messages;
//! - `cases.rs`: deciding the case file under both versions.

mod cases;
mod render;
mod services;
mod structure;

use serde::Serialize;
use serde_json::Value;

use crate::authoring::cases::CaseFile;
use crate::diag::Message;
use crate::policy::Policy;

/// One structural change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub kind: &'static str,
    pub path: String,
    pub old: Value,
    pub new: Value,
    pub message: Message,
}

/// One difference in a case's decision between the two versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseChange {
    pub path: String,
    pub old: Value,
    pub new: Value,
}

/// A case whose decision changes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AffectedCase {
    pub name: String,
    pub changes: Vec<CaseChange>,
}

/// Which policy a side of the diff is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PolicyRef {
    pub id: String,
    pub version: String,
    pub fingerprint: String,
}

/// The result of [`diff`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PolicyDiff {
    pub old: PolicyRef,
    pub new: PolicyRef,
    pub changes: Vec<Change>,
    /// How many cases were decided under both versions (0 without a case file).
    pub cases_checked: usize,
    /// The cases whose decision changes, in file order.
    pub cases: Vec<AffectedCase>,
}

fn policy_ref(p: &Policy) -> PolicyRef {
    PolicyRef {
        id: p.id.clone(),
        version: p.version.clone(),
        fingerprint: p.fingerprint().to_string(),
    }
}

/// Compare two versions of a policy, and decide the cases (if any) under both.
pub fn diff(old: &Policy, new: &Policy, cases: Option<&CaseFile>) -> PolicyDiff {
    let mut changes = structure::changes(old, new);
    crate::sorting::sort_by(&mut changes, |a, b| {
        (a.path.as_str(), a.kind).cmp(&(b.path.as_str(), b.kind))
    });
    let (checked, affected) = cases::affected_cases(old, new, cases);
    PolicyDiff {
        old: policy_ref(old),
        new: policy_ref(new),
        changes,
        cases_checked: checked,
        cases: affected,
    }
}
