//! "Did you mean …?": the one suggestion rule of the crate, for unknown keys, ids, fields, enum
//! values, codes and regions alike. The distance is `strsim`'s optimal string alignment
//! (Levenshtein plus adjacent transpositions, `kav` for `kva`, the commonest typing slip).

/// The candidate closest to `word`, if near enough to be a plausible typo.
///
/// Case is ignored. The allowed distance grows with the word: one edit up to 5 characters, two
/// up to 8, three beyond. A candidate that extends or shortens `word` by at least 4 shared
/// characters (`capacity` → `capacity_kva`) also counts, as the weakest acceptable miss. Keys
/// starting with `$` are never suggested. Ties go to the candidate that sorts first, so the
/// answer does not depend on the order the candidates come in. Words over 64 characters are
/// not identifiers and get no suggestion.
pub fn suggest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let n = word.chars().count();
    if n > 64 || n == 0 {
        return None;
    }
    let limit = match n {
        0..=5 => 1,
        6..=8 => 2,
        _ => 3,
    };
    let lower = word.to_lowercase();
    let mut best: Option<(usize, &'a str)> = None;
    for c in candidates {
        if c == word || c.starts_with('$') || c.chars().count() > 64 {
            continue;
        }
        let cl = c.to_lowercase();
        let mut d = strsim::osa_distance(&lower, &cl);
        let shorter = lower.chars().count().min(cl.chars().count());
        if d > limit && shorter >= 4 && (cl.starts_with(&lower) || lower.starts_with(&cl)) {
            d = limit;
        }
        if d > limit || d >= cl.chars().count() {
            continue;
        }
        let better = match best {
            None => true,
            Some((bd, bc)) => d < bd || (d == bd && c < bc),
        };
        if better {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// The did-you-mean help of a diagnostic, `(zh-CN, en)`: `是否应为 `x`？` /
/// `did you mean `x`?`, or `None` when no candidate is near enough. Diagnostics carry it in
/// their own `help` field, apart from the message.
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<(String, String)>
where
    I: IntoIterator<Item = &'a str>,
{
    suggest(word, candidates).map(help_for)
}

/// The help text for the suggestion `s`, `(zh-CN, en)`.
pub fn help_for(s: &str) -> (String, String) {
    (format!("是否应为 `{s}`？"), format!("did you mean `{s}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(
            suggest("capcity_kva", ["capacity_kva", "uscc"]),
            Some("capacity_kva")
        );
        assert_eq!(suggest("zzzz", ["capacity_kva", "uscc"]), None);
        assert_eq!(
            suggest("Working_Days", ["working_days"]),
            Some("working_days")
        );
        assert_eq!(suggest("capacity", ["capacity_kva"]), Some("capacity_kva"));
        assert_eq!(suggest("kav", ["kva"]), Some("kva"));
        assert_eq!(suggest("ab", ["ba", "xy"]), Some("ba"));
        assert_eq!(suggest("$commnt", ["$comment"]), None);
        // Order-independent ties.
        assert_eq!(
            suggest("abcd", ["abce", "abcf"]),
            suggest("abcd", ["abcf", "abce"])
        );
    }
}
