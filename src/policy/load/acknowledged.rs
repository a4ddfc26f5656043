//! `acknowledged`: lint findings the policy's authors have looked at and accept, each named by
//! its code and path, with the reason (`[{"code", "path", "reason": {"zh-CN", "en"}}]`).
//! The loader checks the shape and that the code exists; `lint()` applies them.

use super::*;

impl Ctx {
    pub(super) fn acknowledged(&mut self, v: Option<&Value>) -> Vec<Acknowledgement> {
        let mut out = Vec::new();
        let Some(v) = v else { return out };
        let path = Path::Text("acknowledged");
        let Some(list) = v.as_array() else {
            self.mismatch(v, &path, "列表", "a list");
            return out;
        };
        if list.len() > limits::MAX_LIST_ENTRIES {
            self.push(
                &path,
                Code::TooLarge,
                m(
                    format!(
                        "条目过多：{} 个，上限为 {}",
                        list.len(),
                        limits::MAX_LIST_ENTRIES
                    ),
                    format!(
                        "too many entries: {}, the limit is {}",
                        list.len(),
                        limits::MAX_LIST_ENTRIES
                    ),
                ),
                At::Value,
            );
            return out;
        }
        for (i, item) in list.iter().enumerate() {
            let p = path.index(i);
            let Some(obj) = self.object(item, &p, keys::ACKNOWLEDGED, &["code", "path", "reason"])
            else {
                continue;
            };
            let mut code = None;
            if let Some(c) = obj.get("code") {
                if let Some(s) = self.string(c, &p.key("code")) {
                    code = Some(s.to_string());
                    if !Code::ALL.iter().any(|k| k.as_str() == s) {
                        let help = did_you_mean(s, Code::ALL.iter().map(|k| k.as_str()));
                        self.bad_value_help(
                            &p.key("code"),
                            format!("未知的检查代码 `{}`", shown(c)),
                            format!("unknown finding code `{}`", shown(c)),
                            At::Value,
                            help,
                        );
                    }
                }
            }
            let at = obj
                .get("path")
                .and_then(|s| self.string(s, &p.key("path")))
                .map(str::to_string);
            let reason = obj
                .get("reason")
                .and_then(|r| self.label(r, &p.key("reason")));
            if let (Some(code), Some(path), Some(reason)) = (code, at, reason) {
                out.push(Acknowledgement { code, path, reason });
            }
        }
        out
    }
}
