//! Published policies: the validated model in a compact byte form with its fingerprint, so a
//! portal loads a policy that was checked before it was published without the loader, its
//! condition parser and checker, lint or their diagnostic texts (the portal module links none of
//! them). `Policy::publish` writes it; `Policy::from_published` reads it back into the very
//! model `Policy::from_json` built, so every answer is byte for byte the same (the conformance
//! corpus runs through a published round trip natively and in wasm).
//!
//! The bytes: the magic `IRPUB`, the format version ([`FORMAT`], one byte), the kind (policy
//! or set, one byte), the SHA-256 of the payload (32 bytes), then the payload (`crate::wire`):
//! for a policy its fingerprint and its model, the calendars as their base id, data version and
//! local overrides (rebuilt from this module's own calendar data, which must be the same
//! version); for a set, its versions. Reading checks the magic, the version, the checksum (a
//! file cut short or altered on the way is `bad_published`), every tag and length, and that the
//! model's references stay inside their lists, and never panics. What it cannot check is that
//! the publisher was honest: a published file is trusted as the portal's own code is.

use sha2::{Digest, Sha256};

use super::model::*;
use super::{Policy, PolicyError};
use crate::calendar::{BeyondCoverage, Calendar, Period, TimeOfDay};
use crate::diag::{Code, Diagnostic, Message};
use crate::engine::policy_set::PolicySet;
use crate::wire::{wire_enum, wire_struct, Bad, Reader, Wire};

/// The published format's version: changes whenever the model's encoding does.
pub const FORMAT: u8 = 1;
const MAGIC: &[u8; 5] = b"IRPUB";
const KIND_POLICY: u8 = 1;
const KIND_SET: u8 = 2;
const HEADER: usize = MAGIC.len() + 2 + 32;

// ---- the model ----------------------------------------------------------------------------------

impl Wire for Label {
    fn put(&self, w: &mut Vec<u8>) {
        let pairs: Vec<(&str, &str)> = self.iter().collect();
        crate::wire::put_u64(w, pairs.len() as u64);
        for (k, v) in pairs {
            k.to_string().put(w);
            v.to_string().put(w);
        }
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        let map: std::collections::BTreeMap<String, String> = Wire::get(r)?;
        Ok(Label::from(map))
    }
}

impl Wire for Period {
    fn put(&self, w: &mut Vec<u8>) {
        let (tag, n) = match *self {
            Period::WorkingDays(n) => (0, n),
            Period::NaturalDays(n) => (1, n),
            Period::Months(n) => (2, n),
        };
        w.push(tag);
        n.put(w);
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        let t = r.tag(3, "a period")?;
        let n = u32::get(r)?;
        Ok(match t {
            0 => Period::WorkingDays(n),
            1 => Period::NaturalDays(n),
            _ => Period::Months(n),
        })
    }
}

impl Wire for TimeOfDay {
    fn put(&self, w: &mut Vec<u8>) {
        self.0.put(w);
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        match u32::get(r)? {
            s if s <= 24 * 3600 => Ok(TimeOfDay(s)),
            _ => r.bad("a time of day"),
        }
    }
}

impl Wire for Requirement {
    fn put(&self, w: &mut Vec<u8>) {
        match self {
            Requirement::Never => w.push(0),
            Requirement::Always => w.push(1),
            Requirement::If(c) => {
                w.push(2);
                c.put(w);
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        Ok(match r.tag(3, "a requirement")? {
            0 => Requirement::Never,
            1 => Requirement::Always,
            _ => Requirement::If(Wire::get(r)?),
        })
    }
}

impl Wire for PauseLen {
    fn put(&self, w: &mut Vec<u8>) {
        let (tag, n) = match *self {
            PauseLen::NaturalDays(n) => (0, n),
            PauseLen::WorkingDays(n) => (1, n),
        };
        w.push(tag);
        n.put(w);
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        let t = r.tag(2, "a pause length")?;
        let n = u32::get(r)?;
        Ok(if t == 0 {
            PauseLen::NaturalDays(n)
        } else {
            PauseLen::WorkingDays(n)
        })
    }
}

wire_enum!(BeyondCoverage {
    Error,
    WeekendsOnly
});
wire_enum!(StringFormat {
    Uscc,
    CnResidentId,
    CnMobile,
    CnPostcode,
    Email
});
wire_enum!(FieldSource {
    Applicant,
    Office,
    SharedData
});
wire_enum!(Area {
    General,
    NationalSecurity,
    PublicSafety,
    EcologyEnvironment,
    HealthLifeProperty,
    Finance
});
wire_enum!(VerifyMethod {
    Site,
    Data,
    Documents
});
wire_enum!(StageBy { Office, Applicant });
wire_enum!(Acceptance {
    Together,
    PerService
});

wire_struct!(Basis { label, url });
wire_struct!(Cond { src, expr });
wire_struct!(Field {
    id,
    ty,
    label,
    description,
    value_labels,
    required,
    min,
    max,
    integer,
    format,
    max_length,
    source
});
wire_struct!(Verify { within, method });
wire_struct!(Material {
    id,
    name,
    electronic,
    commitment,
    verify,
    area,
    area_written,
    description,
    basis
});
wire_struct!(MaterialReq {
    material,
    required,
    tolerable,
    basis
});
wire_struct!(Reject {
    when,
    reason,
    basis,
    redirect
});
wire_struct!(Tolerance {
    max_missing,
    excluded_if,
    basis
});
wire_struct!(StagePause {
    name,
    len,
    when,
    basis
});
wire_struct!(LimitIf { when, limit });
wire_struct!(ServiceDep { service, stage, at });
wire_struct!(Extension { limit, approved_by });
wire_struct!(LegalIf {
    when,
    limit,
    extension
});
wire_struct!(TargetLimits {
    promise_if,
    legal_extension,
    legal_if
});
wire_struct!(Office {
    name,
    address,
    phone,
    hours
});
wire_struct!(RegionLimit {
    service,
    stage,
    limit
});
wire_struct!(Stage {
    id,
    name,
    after,
    after_services,
    by,
    limit,
    limit_if,
    pauses,
    basis
});
wire_struct!(Service {
    id,
    name,
    department,
    applies_if,
    rejects,
    materials,
    tolerance,
    stages,
    stage_order,
    promise,
    legal,
    limits,
    basis
});
wire_struct!(Phase { name, limit });
wire_struct!(RepeatedService { at, first, service });
wire_struct!(Bundle {
    id,
    name,
    services,
    repeated,
    intake,
    finish,
    promise,
    legal,
    limits,
    basis,
    acceptance
});
wire_struct!(CalendarInfo {
    id,
    version,
    holidays,
    workdays
});
wire_struct!(Acknowledgement { code, path, reason });

/// Why a calendar cannot be rebuilt (read while decoding, reported after it).
#[derive(Debug, Clone, PartialEq, Eq)]
struct CalendarMismatch {
    published: String,
    here: String,
}

thread_local! {
    /// The first calendar mismatch met while decoding (a `Bad` only carries static text).
    static MISMATCH: std::cell::RefCell<Option<CalendarMismatch>> =
        const { std::cell::RefCell::new(None) };
}

/// A calendar as its `{id, version, overrides}` and coverage rule, rebuilt from this module's
/// own data, which must be the version the policy was published with.
fn put_calendar(cal: &Calendar, info: &CalendarInfo, w: &mut Vec<u8>) {
    info.put(w);
    cal.beyond_coverage().put(w);
}

fn get_calendar(r: &mut Reader<'_>) -> Result<(Calendar, CalendarInfo), Bad> {
    let info = CalendarInfo::get(r)?;
    let beyond = BeyondCoverage::get(r)?;
    let Ok(mut cal) = Calendar::builtin(&info.id, beyond) else {
        return r.bad("a built-in calendar id");
    };
    if !info.holidays.is_empty() || !info.workdays.is_empty() {
        match cal.with_overrides(&info.holidays, &info.workdays) {
            Ok(c) => cal = c,
            Err(_) => return r.bad("calendar overrides inside the calendar's coverage"),
        }
    }
    if cal.data_version() != info.version {
        MISMATCH.with(|m| {
            m.borrow_mut().get_or_insert(CalendarMismatch {
                published: info.version.clone(),
                here: cal.data_version().to_string(),
            });
        });
        return r.bad("the calendar data this module has");
    }
    Ok((cal, info))
}

impl Wire for Region {
    fn put(&self, w: &mut Vec<u8>) {
        self.id.put(w);
        self.name.put(w);
        self.office.put(w);
        self.cutoff.put(w);
        match &self.calendar {
            None => w.push(0),
            Some((cal, info)) => {
                w.push(1);
                put_calendar(cal, info, w);
            }
        }
        self.promise.put(w);
        self.promise_if.put(w);
        self.limits.put(w);
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        Ok(Region {
            id: Wire::get(r)?,
            name: Wire::get(r)?,
            office: Wire::get(r)?,
            cutoff: Wire::get(r)?,
            calendar: match r.tag(2, "an option tag (0 or 1)")? {
                0 => None,
                _ => Some(get_calendar(r)?),
            },
            promise: Wire::get(r)?,
            promise_if: Wire::get(r)?,
            limits: Wire::get(r)?,
        })
    }
}

fn put_policy(p: &Policy, w: &mut Vec<u8>) {
    p.fingerprint().to_string().put(w);
    p.id.put(w);
    p.version.put(w);
    p.title.put(w);
    p.effective_from.put(w);
    p.effective_until.put(w);
    put_calendar(&p.calendar, &p.calendar_info, w);
    p.cutoff.put(w);
    p.beyond_coverage.put(w);
    p.fields.put(w);
    p.field_order.put(w);
    p.correction_notice_within.put(w);
    p.materials.put(w);
    p.services.put(w);
    p.bundles.put(w);
    p.office.put(w);
    p.regions.put(w);
    p.acknowledged.put(w);
}

fn get_policy(r: &mut Reader<'_>) -> Result<Policy, Bad> {
    let fingerprint = String::get(r)?;
    let id = Wire::get(r)?;
    let version = Wire::get(r)?;
    let title = Wire::get(r)?;
    let effective_from = Wire::get(r)?;
    let effective_until = Wire::get(r)?;
    let (calendar, calendar_info) = get_calendar(r)?;
    let p = Policy {
        id,
        version,
        title,
        effective_from,
        effective_until,
        calendar,
        calendar_info,
        cutoff: Wire::get(r)?,
        beyond_coverage: Wire::get(r)?,
        fields: Wire::get(r)?,
        field_order: Wire::get(r)?,
        correction_notice_within: Wire::get(r)?,
        materials: Wire::get(r)?,
        services: Wire::get(r)?,
        bundles: Wire::get(r)?,
        office: Wire::get(r)?,
        regions: Wire::get(r)?,
        acknowledged: Wire::get(r)?,
        fingerprint_cache: std::sync::OnceLock::from(fingerprint),
        doc: Default::default(),
        positions: false,
        source_cache: std::sync::OnceLock::new(),
    };
    if !references_hold(&p) {
        return r.bad("references inside the policy's own lists");
    }
    Ok(p)
}

/// Every index the model holds points inside its list, and the orders are permutations, as
/// the loader made them: the engine never indexes blindly, but a model with dangling indices
/// would be silently wrong rather than refused.
fn references_hold(p: &Policy) -> bool {
    let (nf, nm, ns) = (p.fields.len(), p.materials.len(), p.services.len());
    let expr_ok = |c: &Cond| {
        c.expr.fields().iter().all(|&i| i < nf) && c.expr.materials().iter().all(|&i| i < nm)
    };
    let is_permutation = |order: &[usize], n: usize| {
        let mut seen = vec![false; n];
        order.len() == n
            && order.iter().all(|&i| match seen.get_mut(i) {
                Some(s) if !*s => {
                    *s = true;
                    true
                }
                _ => false,
            })
    };
    let fields_ok = p.fields.iter().all(|f| match &f.required {
        Requirement::If(c) => expr_ok(c),
        _ => true,
    }) && p.field_order.iter().all(|&i| i < nf);
    let services_ok = p.services.iter().all(|s| {
        s.conditions().into_iter().all(expr_ok)
            && s.materials.iter().all(|m| m.material < nm)
            && is_permutation(&s.stage_order, s.stages.len())
            && s.stages.iter().all(|st| {
                st.after.iter().all(|&a| a < s.stages.len())
                    && st.after_services.iter().all(|d| {
                        p.services
                            .get(d.service)
                            .is_some_and(|o| d.stage.is_none_or(|x| x < o.stages.len()))
                    })
            })
    });
    let bundles_ok = p.bundles.iter().all(|b| {
        b.services.iter().all(|&i| i < ns)
            && b.repeated.iter().all(|r| r.service < ns)
            && b.limits.conditions().all(expr_ok)
    });
    let regions_ok = p.regions.iter().all(|r| {
        r.promise_if.iter().all(|l| expr_ok(&l.when))
            && r.limits.iter().all(|l| {
                p.services
                    .get(l.service)
                    .is_some_and(|s| l.stage < s.stages.len())
            })
    });
    fields_ok && services_ok && bundles_ok && regions_ok
}

// ---- the envelope ---------------------------------------------------------------------------------

fn envelope(kind: u8, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(MAGIC);
    out.push(FORMAT);
    out.push(kind);
    out.extend_from_slice(&Sha256::digest(payload));
    out.extend_from_slice(payload);
    out
}

fn error(code: Code, zh: String, en: String) -> PolicyError {
    PolicyError {
        issues: vec![Diagnostic::error("", code, Message::new(zh, en))],
    }
}

fn what(kind: u8) -> (&'static str, &'static str) {
    if kind == KIND_SET {
        ("已发布的策略集", "a published policy set")
    } else {
        ("已发布的策略", "a published policy")
    }
}

/// The payload of `bytes` after checking the envelope.
fn open(bytes: &[u8], kind: u8) -> Result<&[u8], PolicyError> {
    let (zh_what, en_what) = what(kind);
    let not_one = || {
        error(
            Code::BadPublished,
            format!("数据不是{zh_what}（由 publish 生成的文件）"),
            format!("the data is not {en_what} (a file written by publish)"),
        )
    };
    let (Some(magic), Some(&format), Some(&got_kind), Some(sum), Some(payload)) = (
        bytes.get(..MAGIC.len()),
        bytes.get(MAGIC.len()),
        bytes.get(MAGIC.len() + 1),
        bytes.get(MAGIC.len() + 2..HEADER),
        bytes.get(HEADER..),
    ) else {
        return Err(not_one());
    };
    if magic != MAGIC {
        return Err(not_one());
    }
    if format != FORMAT {
        return Err(error(
            Code::PublishedMismatch,
            format!("{zh_what}的格式版本为 {format}，本模块读取版本 {FORMAT}；请用本版本重新发布"),
            format!("{en_what} in format {format}; this module reads format {FORMAT}: publish it again with this release"),
        ));
    }
    if got_kind != kind {
        let (zh_got, en_got) = what(got_kind);
        return Err(error(
            Code::BadPublished,
            format!("需要{zh_what}，收到的是{zh_got}"),
            format!("expected {en_what}, got {en_got}"),
        ));
    }
    if Sha256::digest(payload).as_slice() != sum {
        return Err(error(
            Code::BadPublished,
            format!("{zh_what}已损坏（校验和不符：文件被截断或改动）"),
            format!("{en_what} is damaged (its checksum does not match: the file was cut short or altered)"),
        ));
    }
    Ok(payload)
}

/// Reads a whole payload with `f`, turning a problem into `bad_published` (or
/// `published_mismatch` for other calendar data).
fn read_all<T>(
    payload: &[u8],
    kind: u8,
    f: impl FnOnce(&mut Reader<'_>) -> Result<T, Bad>,
) -> Result<T, PolicyError> {
    MISMATCH.with(|m| m.borrow_mut().take());
    let mut r = Reader::new(payload);
    let out = f(&mut r).and_then(|v| {
        if r.done() {
            Ok(v)
        } else {
            r.bad("the end of the data")
        }
    });
    let (zh_what, en_what) = what(kind);
    out.map_err(|bad| {
        if let Some(m) = MISMATCH.with(|m| m.borrow_mut().take()) {
            return error(
                Code::PublishedMismatch,
                format!(
                    "{zh_what}使用的日历数据为 {}，本模块为 {}；请用本版本重新发布",
                    m.published, m.here
                ),
                format!(
                    "{en_what} was published with calendar data {}, this module has {}: publish it again with this release",
                    m.published, m.here
                ),
            );
        }
        let at = bad.offset.saturating_add(HEADER);
        error(
            Code::BadPublished,
            format!("{zh_what}无法读取：第 {at} 字节处应为 {}", bad.expected),
            format!("{en_what} cannot be read: expected {} at byte {at}", bad.expected),
        )
    })
}

impl Policy {
    /// The policy in its published form: the validated model and its fingerprint, for
    /// [`Policy::from_published`] (the portal module's only way to load a policy).
    pub fn publish(&self) -> Vec<u8> {
        let mut w = Vec::new();
        put_policy(self, &mut w);
        envelope(KIND_POLICY, &w)
    }

    /// A policy from its published form ([`Policy::publish`]): the same model, so the same
    /// answers, without loading, checking or linting it again.
    ///
    /// # Errors
    /// `bad_published` for bytes that are not a published policy, are cut short or altered;
    /// `published_mismatch` for another format version or other calendar data.
    pub fn from_published(bytes: &[u8]) -> Result<Policy, PolicyError> {
        let payload = open(bytes, KIND_POLICY)?;
        read_all(payload, KIND_POLICY, get_policy)
    }
}

impl PolicySet {
    /// The set in its published form: every version's, for [`PolicySet::from_published`].
    pub fn publish(&self) -> Vec<u8> {
        let mut w = Vec::new();
        crate::wire::put_u64(&mut w, self.versions.len() as u64);
        for v in &self.versions {
            put_policy(v, &mut w);
        }
        envelope(KIND_SET, &w)
    }

    /// A set from its published form ([`PolicySet::publish`]).
    ///
    /// # Errors
    /// As [`Policy::from_published`]; and the set's own checks (one id, no overlaps).
    pub fn from_published(bytes: &[u8]) -> Result<PolicySet, PolicyError> {
        let payload = open(bytes, KIND_SET)?;
        let versions = read_all(payload, KIND_SET, |r| {
            let n = r.len()?;
            let mut out = Vec::with_capacity(n);
            for _ in 0..n {
                out.push(get_policy(r)?);
            }
            Ok(out)
        })?;
        PolicySet::from_policies(versions)
    }
}
