//! "Did you mean …?" suggestions by edit distance.

/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), by `char`.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    let at = |i: usize, j: usize| i * w + j;
    for i in 0..=a.len() {
        if let Some(c) = d.get_mut(at(i, 0)) {
            *c = i;
        }
    }
    for j in 0..=b.len() {
        if let Some(c) = d.get_mut(at(0, j)) {
            *c = j;
        }
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let ca = a.get(i - 1);
            let cb = b.get(j - 1);
            let cost = usize::from(ca != cb);
            let get = |i: usize, j: usize, d: &Vec<usize>| d.get(at(i, j)).copied().unwrap_or(0);
            let mut v = (get(i - 1, j, &d) + 1)
                .min(get(i, j - 1, &d) + 1)
                .min(get(i - 1, j - 1, &d) + cost);
            if i > 1 && j > 1 && ca == b.get(j - 2) && a.get(i - 2) == cb {
                v = v.min(get(i - 2, j - 2, &d) + 1);
            }
            if let Some(c) = d.get_mut(at(i, j)) {
                *c = v;
            }
        }
    }
    d.get(at(a.len(), b.len())).copied().unwrap_or(usize::MAX)
}

/// The candidate closest to `word`, if it is close enough to be a plausible typo (case
/// differences count as small).
pub fn suggest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let lower = word.to_lowercase();
    let limit = (word.chars().count() / 3).max(2);
    let mut best: Option<(usize, &'a str)> = None;
    for c in candidates {
        if c == word || c.starts_with('$') {
            continue;
        }
        let d = if c.to_lowercase() == lower {
            0
        } else {
            distance(&lower, &c.to_lowercase())
        };
        if d <= limit && d < c.chars().count() && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// ` (did you mean `x`?)` / `（是否应为 `x`？）`, or empty strings.
pub fn hint<'a, I>(word: &str, candidates: I) -> (String, String)
where
    I: IntoIterator<Item = &'a str>,
{
    match suggest(word, candidates) {
        Some(s) => (
            format!("（是否应为 `{s}`？）"),
            format!(" (did you mean `{s}`?)"),
        ),
        None => (String::new(), String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("capcity_kva", "capacity_kva"), 1);
        assert_eq!(distance("ab", "ba"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(
            suggest("capcity_kva", ["capacity_kva", "uscc"]),
            Some("capacity_kva")
        );
        assert_eq!(suggest("zzzz", ["capacity_kva", "uscc"]), None);
        assert_eq!(
            suggest("Working_Days", ["working_days"]),
            Some("working_days")
        );
    }
}
