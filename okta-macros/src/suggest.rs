//! "did you mean ..?": the closest known word to a misspelled one.

/// `" (did you mean `x`?)"` when `name` is one typo away from a known word, else `""`.
pub(crate) fn did_you_mean(name: &str, known: &[&str]) -> String {
    known
        .iter()
        .map(|k| (edit_distance(name, k), k))
        // One edit for a short word, two for a long one: `FETCH` is not a typo of `PATCH`.
        .filter(|(d, k)| *d <= (k.len() / 4).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| format!(" (did you mean `{k}`?)"))
        .unwrap_or_default()
}

/// Levenshtein distance, with a swap of two neighbours counted as one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        let keys = ["response", "paginated", "call", "crate"];
        assert_eq!(did_you_mean("respnse", &keys), " (did you mean `response`?)");
        assert_eq!(did_you_mean("pagniated", &keys), " (did you mean `paginated`?)");
        assert_eq!(did_you_mean("method", &keys), "");
        assert_eq!(did_you_mean("FETCH", &["GET", "PATCH"]), "");
        assert_eq!(did_you_mean("qurey", &["path", "query"]), " (did you mean `query`?)");
        assert_eq!(
            did_you_mean("content_typ", &["content_type"]),
            " (did you mean `content_type`?)"
        );
    }
}
