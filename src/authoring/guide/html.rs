//! The printable HTML page of a guide.

use super::*;

/// Escape text for HTML content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

pub(super) const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif;
       color: #111; background: #fff; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.55; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid #333; padding-bottom: .2rem; margin-top: 1.8rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.meta { color: #444; font-size: .9rem; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid #888; padding: .35rem .5rem; vertical-align: top; text-align: left; }
th { background: #eee; }
td.num { text-align: center; white-space: nowrap; }
.basis { color: #333; font-size: .85rem; }
.basis::before { content: "\2696\FE0E  "; }
ul { margin: .3rem 0 .8rem; padding-left: 1.4rem; }
.tag { display: inline-block; border: 1px solid #555; border-radius: .2rem; padding: 0 .3rem; font-size: .8rem; margin: 0 .2rem .1rem 0; }
footer { margin-top: 2rem; font-size: .8rem; color: #555; border-top: 1px solid #aaa; padding-top: .5rem; word-break: break-all; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table { page-break-inside: auto; }
  tr, .service { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .8em; word-break: break-all; }
  .no-print { display: none !important; }
}
"#;

pub(super) struct Html {
    out: String,
    pub(super) en: bool,
}

impl Html {
    pub(super) fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }
    pub(super) fn text(&mut self, s: &str) {
        self.out.push_str(&escape_html(s));
    }
    pub(super) fn t(&self, zh: &'static str, en: &'static str) -> &'static str {
        if self.en {
            en
        } else {
            zh
        }
    }
    /// `<tag>text</tag>`.
    fn el(&mut self, tag: &str, s: &str) {
        self.raw("<");
        self.raw(tag);
        self.raw(">");
        self.text(s);
        self.raw("</");
        self.raw(tag.split(' ').next().unwrap_or(tag));
        self.raw(">");
    }
    fn basis(&mut self, b: &Option<BasisOut>) {
        let Some(b) = b else { return };
        let label = self.t("依据：", "Basis: ");
        self.raw("<div class=\"basis\">");
        self.text(label);
        match &b.url {
            Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
                self.raw("<a href=\"");
                self.text(u);
                self.raw("\" rel=\"noopener noreferrer\">");
                self.text(&b.label);
                self.raw("</a>");
            }
            Some(u) => {
                self.text(&b.label);
                self.raw(" (");
                self.text(u);
                self.raw(")");
            }
            None => self.text(&b.label),
        }
        self.raw("</div>");
    }
    fn yes_no(&mut self, b: bool) {
        let s = match (self.en, b) {
            (false, true) => "是",
            (false, false) => "否",
            (true, true) => "Yes",
            (true, false) => "No",
        };
        self.text(s);
    }
}

/// Render a guide as a complete HTML page.
pub fn render_html(g: &Guide) -> String {
    let mut h = Html {
        out: String::with_capacity(16 * 1024),
        en: g.locale == "en",
    };
    h.raw("<!DOCTYPE html>\n<html lang=\"");
    h.raw(g.locale);
    h.raw("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let title = format!("{} — {}", g.title, h.t("办事指南", "Service guide"));
    h.el("title", &title);
    h.raw("\n<style>");
    h.raw(STYLE);
    h.raw("</style>\n</head>\n<body>\n<main class=\"guide\">\n");
    h.el("h1", &g.title);
    h.raw("\n<p class=\"meta\">");
    h.text(h.t("办事指南", "Service guide"));
    h.raw(" · ");
    h.text(&g.policy.title);
    h.raw(" · ");
    h.text(h.t("版本 ", "version "));
    h.text(&g.policy.version);
    let eff = match (g.policy.effective_from, g.policy.effective_until, h.en) {
        (Some(f), Some(u), false) => Some(format!("{f} 至 {u} 有效")),
        (Some(f), None, false) => Some(format!("自 {f} 起施行")),
        (None, Some(u), false) => Some(format!("有效至 {u}")),
        (Some(f), Some(u), true) => Some(format!("in force {f} to {u}")),
        (Some(f), None, true) => Some(format!("in force from {f}")),
        (None, Some(u), true) => Some(format!("in force until {u}")),
        (None, None, _) => None,
    };
    if let Some(e) = eff {
        h.raw(" · ");
        h.text(&e);
    }
    h.raw("</p>\n");
    h.basis(&g.basis);

    // 1. Services: who may apply, not accepted.
    h.raw("\n<section id=\"services\">\n");
    h.el(
        "h2",
        h.t("一、办理事项与申请条件", "1. Services and who may apply"),
    );
    for s in &g.services {
        h.raw("\n<div class=\"service\">");
        h.el("h3", &s.name);
        h.raw("<table class=\"kv\"><tbody>");
        if let Some(d) = &s.department {
            h.raw("<tr><th scope=\"row\">");
            h.text(h.t("实施部门", "Department"));
            h.raw("</th><td>");
            h.text(d);
            h.raw("</td></tr>");
        }
        h.raw("<tr><th scope=\"row\">");
        h.text(h.t("申请条件", "Who may apply"));
        h.raw("</th><td>");
        h.text(&s.who_may_apply);
        h.raw("</td></tr>");
        h.raw("</tbody></table>");
        h.basis(&s.basis);
        if !s.rejects.is_empty() {
            h.el("h4", h.t("不予受理情形", "Not accepted"));
            h.raw("<ul>");
            for r in &s.rejects {
                h.raw("<li>");
                h.text(&r.when);
                h.text(h.t("：", ": "));
                h.text(&r.reason);
                if let Some(to) = &r.redirect {
                    h.raw("<div class=\"redirect\" data-redirect=\"");
                    h.text(&to.target);
                    h.raw("\">");
                    h.text(&to.text);
                    h.raw("</div>");
                }
                h.basis(&r.basis);
                h.raw("</li>");
            }
            h.raw("</ul>");
        }
        h.raw("</div>\n");
    }
    h.raw("</section>\n");

    // 2. Materials.
    h.raw("\n<section id=\"materials\">\n");
    h.el("h2", h.t("二、申请材料", "2. Materials"));
    h.raw("<table class=\"materials\"><thead><tr>");
    let heads: [(&str, &str); 7] = [
        ("序号", "No."),
        ("材料名称", "Material"),
        ("提交要求", "When required"),
        ("免提交（电子证照）", "Electronic licence (免提交)"),
        ("告知承诺", "Commitment (告知承诺)"),
        ("容缺受理", "Tolerance (容缺)"),
        ("设定依据", "Basis"),
    ];
    for (zh, en) in heads {
        h.raw("<th scope=\"col\">");
        h.text(if h.en { en } else { zh });
        h.raw("</th>");
    }
    h.raw("</tr></thead><tbody>\n");
    for (i, m) in g.materials.iter().enumerate() {
        h.raw("<tr data-material=\"");
        h.text(&m.id);
        h.raw("\"><td class=\"num\">");
        h.text(&(i + 1).to_string());
        h.raw("</td><td>");
        h.text(&m.name);
        if let Some(d) = &m.description {
            h.raw("<div class=\"basis\" style=\"\">");
            h.text(d);
            h.raw("</div>");
        }
        if g.kind == "bundle" {
            h.raw("<div>");
            for u in &m.uses {
                h.raw("<span class=\"tag\">");
                h.text(&u.service_name);
                h.raw("</span>");
            }
            h.raw("</div>");
        }
        h.raw("</td><td>");
        h.text(&m.required_text);
        h.raw("</td><td class=\"num\">");
        h.yes_no(m.electronic);
        h.raw("</td><td class=\"num\">");
        h.yes_no(m.commitment);
        if let Some(v) = &m.verification {
            h.raw("<div class=\"basis\" data-verification=\"");
            h.text(v.method);
            h.raw("\">");
            h.text(&v.text);
            h.raw("</div>");
        }
        h.raw("</td><td>");
        let tol: Vec<String> = m
            .uses
            .iter()
            .filter_map(|u| {
                u.tolerable.as_ref().map(|t| {
                    let within = if h.en {
                        format!("supplement within {}", t.text)
                    } else {
                        format!("{}内补齐", t.text)
                    };
                    if g.kind == "bundle" && !h.en {
                        format!("{}：{within}", u.service_name)
                    } else if g.kind == "bundle" {
                        format!("{}: {within}", u.service_name)
                    } else {
                        within
                    }
                })
            })
            .collect();
        if tol.is_empty() {
            h.yes_no(false);
        } else {
            h.text(&tol.join(if h.en { "; " } else { "；" }));
        }
        h.raw("</td><td>");
        let mut seen: Vec<&BasisOut> = Vec::new();
        for u in &m.uses {
            if let Some(b) = &u.basis {
                if !seen.contains(&b) {
                    seen.push(b);
                }
            }
        }
        if let Some(b) = &m.catalogue_basis {
            if !seen.contains(&b) {
                seen.push(b);
            }
        }
        for b in seen {
            h.basis(&Some(b.clone()));
        }
        h.raw("</td></tr>\n");
    }
    h.raw("</tbody></table>\n");
    let tolerances: Vec<(&str, &GuideTolerance)> = g
        .services
        .iter()
        .filter_map(|s| s.tolerance.as_ref().map(|t| (s.name.as_str(), t)))
        .collect();
    if !tolerances.is_empty() {
        h.el("h3", h.t("容缺受理规则", "Tolerance rules"));
        h.raw("<ul>");
        for (name, t) in tolerances {
            h.raw("<li>");
            if g.kind == "bundle" {
                h.text(name);
                h.text(h.t("：", ": "));
            }
            h.text(&t.text);
            h.basis(&t.basis);
            h.raw("</li>");
        }
        h.raw("</ul>\n");
    }
    h.raw("</section>\n");

    // 3. Time limits.
    h.raw("\n<section id=\"limits\">\n");
    h.el("h2", h.t("三、办理环节与时限", "3. Stages and time limits"));
    h.raw("<table class=\"limits\"><thead><tr>");
    let heads: [(&str, &str); 6] = [
        ("事项", "Service"),
        ("环节", "Stage"),
        ("时限", "Limit"),
        ("情形变化", "Other cases"),
        ("不计入时限", "Not counted"),
        ("依据", "Basis"),
    ];
    for (zh, en) in heads {
        h.raw("<th scope=\"col\">");
        h.text(if h.en { en } else { zh });
        h.raw("</th>");
    }
    h.raw("</tr></thead><tbody>\n");
    let phase_row = |h: &mut Html, p: &GuidePhase| {
        h.raw("<tr><td>—</td><td>");
        h.text(&p.name);
        h.raw("</td><td class=\"num\">");
        h.text(&p.limit.text);
        h.raw("</td><td></td><td></td><td></td></tr>\n");
    };
    if let Some(p) = g.bundle.as_ref().and_then(|b| b.intake.as_ref()) {
        phase_row(&mut h, p);
    }
    for s in &g.services {
        for st in &s.stages {
            h.raw("<tr><td>");
            h.text(&s.name);
            h.raw("</td><td>");
            h.text(&st.name);
            h.raw("</td><td class=\"num\">");
            h.text(&st.limit.text);
            h.raw("</td><td>");
            for l in &st.limit_if {
                h.raw("<div>");
                let s = if h.en {
                    format!("{}: {}", l.when, l.limit.text)
                } else {
                    format!("{}：{}", l.when, l.limit.text)
                };
                h.text(&s);
                h.raw("</div>");
            }
            h.raw("</td><td>");
            super::clock::applicant_note(&mut h, st.by);
            for p in &st.pauses {
                h.raw("<div>");
                let mut s = format!("{} ({})", p.name, p.length.text);
                if !h.en {
                    s = format!("{}（{}）", p.name, p.length.text);
                }
                if let Some(w) = &p.when {
                    s.push_str(&if h.en {
                        format!(", when {w}")
                    } else {
                        format!("，{w}时")
                    });
                }
                h.text(&s);
                h.basis(&p.basis);
                h.raw("</div>");
            }
            h.raw("</td><td>");
            h.basis(&st.basis);
            h.raw("</td></tr>\n");
        }
        let svc_limit = |h: &mut Html, zh: &'static str, en: &'static str, l: &GuideLimit| {
            h.raw("<tr class=\"total\"><td>");
            h.text(&s.name);
            h.raw("</td><td>");
            h.text(h.t(zh, en));
            h.raw("</td><td class=\"num\">");
            h.text(&l.text);
            h.raw("</td><td></td><td></td><td>");
            h.basis(&s.basis);
            h.raw("</td></tr>\n");
        };
        if let Some(l) = &s.promise {
            svc_limit(&mut h, "承诺时限", "Promised limit", l);
        }
        if let Some(l) = &s.legal {
            svc_limit(&mut h, "法定时限", "Statutory limit", l);
        }
        super::clock::routes_html(&mut h, &s.name, &s.routes);
    }
    if let Some(p) = g.bundle.as_ref().and_then(|b| b.finish.as_ref()) {
        phase_row(&mut h, p);
    }
    if g.bundle.is_some() {
        super::clock::routes_html(&mut h, &g.title, &g.routes);
    }
    h.raw("</tbody></table>\n");
    if g.promise.is_some() || g.legal.is_some() {
        h.raw("<table class=\"kv totals\"><tbody>");
        for (zh, en, l) in [
            ("承诺办结时限", "Promised limit", &g.promise),
            ("法定办结时限", "Statutory limit", &g.legal),
        ] {
            if let Some(l) = l {
                h.raw("<tr><th scope=\"row\">");
                h.text(h.t(zh, en));
                h.raw("</th><td>");
                h.text(&l.text);
                h.raw("</td></tr>");
            }
        }
        h.raw("</tbody></table>\n");
        h.basis(&g.basis);
    }
    let note = h.t(
        "时限按工作日计算的，不含法定节假日，以收件日的次日起算；停止计时的期间不计入时限。",
        "Working-day limits exclude public holidays and count from the day after the received day; pauses are not counted.",
    );
    h.el("p class=\"meta\"", note);
    h.raw("</section>\n");

    // 4. Form fields.
    if !g.fields.is_empty() {
        h.raw("\n<section id=\"fields\">\n");
        h.el("h2", h.t("四、申请表填写项", "4. Form fields"));
        h.raw("<table class=\"fields\"><thead><tr>");
        for (zh, en) in [
            ("填写项", "Field"),
            ("是否必填", "Required"),
            ("可选值", "Values"),
        ] {
            h.raw("<th scope=\"col\">");
            h.text(if h.en { en } else { zh });
            h.raw("</th>");
        }
        h.raw("</tr></thead><tbody>\n");
        for f in &g.fields {
            h.raw("<tr><td>");
            h.text(&f.label);
            let by = match f.source {
                "office" => Some(h.t("（由窗口填写）", " (filled in by the office)")),
                "shared_data" => Some(h.t("（通过数据共享获取）", " (taken from shared data)")),
                _ => None,
            };
            if let Some(by) = by {
                h.raw("<span class=\"source\">");
                h.text(by);
                h.raw("</span>");
            }
            h.raw("</td><td>");
            match &f.required_when {
                Some(w) => {
                    let s = if h.en {
                        format!("when {w}")
                    } else {
                        format!("{w}时必填")
                    };
                    h.text(&s);
                }
                None => h.yes_no(f.required),
            }
            h.raw("</td><td>");
            let vals: Vec<&str> = f.values.iter().map(|v| v.label.as_str()).collect();
            h.text(&vals.join(if h.en { ", " } else { "、" }));
            h.raw("</td></tr>\n");
        }
        h.raw("</tbody></table>\n</section>\n");
    }

    h.raw("\n<footer>");
    let foot = if h.en {
        format!(
            "Generated from policy {} version {} ({}); the same rules decide applications.",
            g.policy.id, g.policy.version, g.policy.fingerprint
        )
    } else {
        format!(
            "本指南由策略 {} 版本 {} 自动生成（{}），与受理判定使用同一规则。",
            g.policy.id, g.policy.version, g.policy.fingerprint
        )
    };
    h.text(&foot);
    h.raw("</footer>\n</main>\n</body>\n</html>\n");
    h.out
}
