//! `majority`: majority judgment on the sheet totals.
//!
//! The grade is the lower median. Two teams are compared by their majority
//! values (the grade, then the grade once one occurrence is removed, ...)
//! after repeating each team's totals L/n times, L = lcm(nA, nB), for this
//! pair only. The sequence is walked with two pointers over the repeated
//! sorted totals, without building it.

use std::cmp::Ordering;

use num_integer::Integer;

use super::Score;
use super::sheets::Board;

pub fn scores(board: &Board) -> Vec<Option<Score>> {
    board
        .scores_from_sorted_totals(|totals| (!totals.is_empty()).then_some(Score::Majority(totals)))
}

/// The grade: the lower median of the sorted totals.
pub fn grade(sorted: &[i128]) -> Option<i128> {
    (!sorted.is_empty()).then(|| sorted[(sorted.len() - 1) / 2])
}

/// Compare two teams' majority values (sorted ascending, non-empty):
/// `Greater` when `a` comes first.
pub fn compare(a: &[i128], b: &[i128]) -> Ordering {
    if a.is_empty() || b.is_empty() {
        return a.len().cmp(&b.len());
    }
    let l = a.len().lcm(&b.len());
    let (ra, rb) = (l / a.len(), l / b.len());
    // Remaining elements of the repeated sequence: [0, left] and [right, l).
    let mut left = ((l - 1) / 2) as isize;
    let mut right = left as usize + 1;
    for _ in 0..l {
        let remaining = (left + 1) as usize + (l - right);
        let median = (remaining - 1) / 2;
        let index = if (median as isize) <= left {
            left -= 1;
            (left + 1) as usize
        } else {
            right += 1;
            right - 1
        };
        match a[index / ra].cmp(&b[index / rb]) {
            Ordering::Equal => continue,
            other => return other,
        }
    }
    Ordering::Equal
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition, literally: build the repeated tally, remove medians.
    fn naive(a: &[i128], b: &[i128]) -> Ordering {
        let l = a.len().lcm(&b.len());
        let expand = |x: &[i128]| -> Vec<i128> {
            x.iter()
                .flat_map(|&v| std::iter::repeat_n(v, l / x.len()))
                .collect()
        };
        let (mut a, mut b) = (expand(a), expand(b));
        while !a.is_empty() {
            let (ia, ib) = ((a.len() - 1) / 2, (b.len() - 1) / 2);
            match a[ia].cmp(&b[ib]) {
                Ordering::Equal => {
                    a.remove(ia);
                    b.remove(ib);
                }
                other => return other,
            }
        }
        Ordering::Equal
    }

    #[test]
    fn two_pointer_walk_matches_the_definition() {
        let cases: Vec<Vec<i128>> = vec![
            vec![2, 4, 4],
            vec![1, 4, 5],
            vec![3, 3, 6],
            vec![10, 12],
            vec![10, 10, 14],
            vec![1],
            vec![1, 2, 3, 4],
            vec![0, 5, 5, 5, 9],
            vec![2, 2],
            vec![1, 1, 2, 2, 3, 3],
        ];
        for a in &cases {
            for b in &cases {
                assert_eq!(compare(a, b), naive(a, b), "{a:?} vs {b:?}");
            }
        }
    }

    #[test]
    fn lower_median() {
        assert_eq!(grade(&[10, 12]), Some(10));
        assert_eq!(grade(&[2, 4, 4]), Some(4));
        assert_eq!(grade(&[]), None);
    }
}
