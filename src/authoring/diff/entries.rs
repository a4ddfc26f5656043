//! A service's material entries, matched by `ref`: added, removed, requirement and tolerance
//! changes.

use serde_json::Value;

use super::values::*;
use super::Differ;

impl Differ<'_> {
    /// A service's material entries, matched by `ref`.
    pub(super) fn entries(&mut self, path: &str, x: &Value, y: &Value, what: (&str, &str)) {
        let ea = crate::sorting::map_of(keyed(get(x, "materials"), "ref"));
        let eb = crate::sorting::map_of(keyed(get(y, "materials"), "ref"));
        let ids = crate::sorting::set_of(ea.keys().chain(eb.keys()));
        for m in ids {
            let p = format!("{path}.materials[{m}]");
            let (mz, me) = self.name("materials", m);
            let (mz, me) = (format!("材料{mz}"), format!("material {me}"));
            match (ea.get(m), eb.get(m)) {
                (None, Some(e)) => self.push(
                    "service_material_added",
                    p,
                    Value::Null,
                    clean(e),
                    format!(
                        "{}新增{mz}，要求：{}",
                        what.0,
                        req_text(get(e, "required"), false)
                    ),
                    format!(
                        "{me} added to {}, required: {}",
                        what.1,
                        req_text(get(e, "required"), true)
                    ),
                ),
                (Some(e), None) => self.push(
                    "service_material_removed",
                    p,
                    clean(e),
                    Value::Null,
                    format!("{}删除{mz}", what.0),
                    format!("{me} removed from {}", what.1),
                ),
                (Some(ex), Some(ey)) => {
                    self.requirement(&p, ex, ey, (&mz, &me), what);
                    self.tolerable(&p, ex, ey, (&mz, &me), what);
                    self.basis(
                        &p,
                        ex,
                        ey,
                        (&format!("{}的{mz}", what.0), &format!("{me} of {}", what.1)),
                    );
                }
                (None, None) => {}
            }
        }
    }

    fn requirement(&mut self, p: &str, ex: &Value, ey: &Value, m: (&str, &str), s: (&str, &str)) {
        let rx = or(get(ex, "required"), Value::Bool(false));
        let ry = or(get(ey, "required"), Value::Bool(false));
        if rx == ry {
            return;
        }
        let kind = match (&rx, &ry) {
            (_, Value::Bool(true)) => "material_made_required",
            (_, Value::Bool(false)) => "material_made_not_required",
            (Value::String(_), Value::String(_)) => "material_condition_changed",
            _ => "material_made_conditional",
        };
        let (zh, en) = match kind {
            "material_made_required" => (
                format!(
                    "{}的{}改为必须提交（原为：{}）",
                    s.0,
                    m.0,
                    req_text(&rx, false)
                ),
                format!(
                    "{} of {} is now always required (was: {})",
                    m.1,
                    s.1,
                    req_text(&rx, true)
                ),
            ),
            "material_made_not_required" => (
                format!("{}的{}不再要求（原为：{}）", s.0, m.0, req_text(&rx, false)),
                format!(
                    "{} of {} is no longer required (was: {})",
                    m.1,
                    s.1,
                    req_text(&rx, true)
                ),
            ),
            "material_condition_changed" => (
                format!("{}的{}的要求条件：{}", s.0, m.0, arrow(&rx, &ry, false)),
                format!(
                    "the condition requiring {} of {}: {}",
                    m.1,
                    s.1,
                    arrow(&rx, &ry, true)
                ),
            ),
            _ => (
                format!("{}的{}改为有条件要求：{}", s.0, m.0, show(&ry, false)),
                format!(
                    "{} of {} is now required only if {}",
                    m.1,
                    s.1,
                    show(&ry, true)
                ),
            ),
        };
        self.push(kind, format!("{p}.required"), rx, ry, zh, en);
    }

    fn tolerable(&mut self, p: &str, ex: &Value, ey: &Value, m: (&str, &str), s: (&str, &str)) {
        let tx = clean(get(get(ex, "tolerable"), "supplement_within"));
        let ty = clean(get(get(ey, "tolerable"), "supplement_within"));
        if tx == ty {
            return;
        }
        let path = format!("{p}.tolerable");
        let (kind, zh, en) = match (tx.is_null(), ty.is_null()) {
            (true, _) => (
                "material_made_tolerable",
                format!("{}的{}改为可容缺，{}内补齐", s.0, m.0, show(&ty, false)),
                format!(
                    "{} of {} may now be missing at intake (容缺), to be supplied within {}",
                    m.1,
                    s.1,
                    show(&ty, true)
                ),
            ),
            (_, true) => (
                "material_no_longer_tolerable",
                format!(
                    "{}的{}不再可容缺（原为{}内补齐）",
                    s.0,
                    m.0,
                    show(&tx, false)
                ),
                format!(
                    "{} of {} may no longer be missing at intake (was: supply within {})",
                    m.1,
                    s.1,
                    show(&tx, true)
                ),
            ),
            _ => (
                "supplement_period_changed",
                format!("{}的{}补齐期限：{}", s.0, m.0, arrow(&tx, &ty, false)),
                format!(
                    "the supplement period of {} of {}: {}",
                    m.1,
                    s.1,
                    arrow(&tx, &ty, true)
                ),
            ),
        };
        self.push(kind, path, tx, ty, zh, en);
    }
}
