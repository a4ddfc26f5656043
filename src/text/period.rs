//! The one wording of a period per locale: `5 个工作日` / `5 working days`,
//! `3 个自然日` / `3 natural days`, `2 个月` / `2 months`.

use super::Locale;

/// The unit of a period, as the text layer knows it (the calendar's `Period` maps onto it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    WorkingDays,
    NaturalDays,
    Months,
}

/// `n` units in words; zero working days is "the same day" (当日).
pub fn words(unit: Unit, n: u32, locale: Locale) -> String {
    let s = if n == 1 { "" } else { "s" };
    match (unit, locale.is_en()) {
        (Unit::WorkingDays, false) if n == 0 => "当日".to_string(),
        (Unit::WorkingDays, true) if n == 0 => "the same day".to_string(),
        (Unit::WorkingDays, false) => format!("{n} 个工作日"),
        (Unit::NaturalDays, false) => format!("{n} 个自然日"),
        (Unit::Months, false) => format!("{n} 个月"),
        (Unit::WorkingDays, true) => format!("{n} working day{s}"),
        (Unit::NaturalDays, true) => format!("{n} natural day{s}"),
        (Unit::Months, true) => format!("{n} month{s}"),
    }
}

/// The unit named by its JSON key (`working_days`, `natural_days`, `months`).
pub fn unit_of_key(key: &str) -> Option<Unit> {
    match key {
        "working_days" => Some(Unit::WorkingDays),
        "natural_days" => Some(Unit::NaturalDays),
        "months" => Some(Unit::Months),
        _ => None,
    }
}

/// The unit alone (`个工作日` / `working days`), for sentences that place the number themselves.
pub fn unit_words(unit: Unit, locale: Locale) -> &'static str {
    match (unit, locale.is_en()) {
        (Unit::WorkingDays, false) => "个工作日",
        (Unit::NaturalDays, false) => "个自然日",
        (Unit::Months, false) => "个月",
        (Unit::WorkingDays, true) => "working days",
        (Unit::NaturalDays, true) => "natural days",
        (Unit::Months, true) => "months",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wording() {
        assert_eq!(words(Unit::WorkingDays, 5, Locale::ZhCn), "5 个工作日");
        assert_eq!(words(Unit::NaturalDays, 1, Locale::En), "1 natural day");
        assert_eq!(words(Unit::Months, 2, Locale::En), "2 months");
    }
}
