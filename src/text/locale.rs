//! The two locales of every user-facing message.

/// A message locale: zh-CN (the default) or en. Parsed once from a tag; every other module asks
/// [`Locale::is_en`] instead of looking at the tag again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    ZhCn,
    En,
}

impl Locale {
    /// `en` or `en-…` (any case) is English; anything else (including `zh-CN`, `zh`, the empty
    /// tag) is Chinese, the default.
    pub fn parse(tag: &str) -> Locale {
        let t = tag.as_bytes();
        let en = t.get(..2).is_some_and(|p| p.eq_ignore_ascii_case(b"en"))
            && (t.len() == 2 || t.get(2) == Some(&b'-'));
        if en {
            Locale::En
        } else {
            Locale::ZhCn
        }
    }

    pub fn is_en(self) -> bool {
        self == Locale::En
    }

    /// The canonical tag: `zh-CN` or `en`.
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }

    /// `zh` or `en` by locale.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        if self.is_en() {
            en
        } else {
            zh
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        for en in ["en", "EN", "en-US", "en-gb"] {
            assert_eq!(Locale::parse(en), Locale::En, "{en}");
        }
        for zh in ["zh-CN", "zh", "", "e", "eng", "english", "fr"] {
            assert_eq!(Locale::parse(zh), Locale::ZhCn, "{zh}");
        }
    }
}
