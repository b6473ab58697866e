//! An independent recount of every method's ranking (design.md, "Ranking
//! rules (normative)"), by a second, deliberately simple code path: which
//! sheets count is read again from the session's cells, marks, handwritten
//! totals and withdrawn teams; scores are direct formulas on rationals;
//! teams are put in order by plain sorting. Nothing here calls the engine
//! in `super::ranking`; [`compare`] then lists where the two disagree.

mod compare;
#[cfg(test)]
mod tests;

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{ToPrimitive, Zero};

use super::decimal::{Dec, SCALE};
use super::ranking::Figure;
use super::session::{DecisionKind, Method, Session, SheetKey, TeamId, TeamStatus};

pub use compare::{Difference, Flag, compare, differences};

/// One team's place, as recounted.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub team: TeamId,
    pub rank: usize,
    /// `None` for a team with no sheet that counts.
    pub score: Option<Figure>,
    pub sheets: usize,
    pub too_few_sheets: bool,
    pub laureate: bool,
    pub tied: bool,
    pub at_cutoff: bool,
}

/// A whole ranking, as recounted.
#[derive(Clone, Debug, PartialEq)]
pub struct Recount {
    pub method: Method,
    pub cutoff_tie: bool,
    /// In rank order; within a shared rank, in schedule order.
    pub lines: Vec<Line>,
}

/// A ranked team and the sheets of it that count.
struct Entry {
    id: TeamId,
    /// (juror index, sheet total), in juror order. A total is kept in
    /// units of 1/SCALE² (Σ weight × value on the raw decimals), so it is
    /// an integer and adding totals never reduces a fraction; a score is
    /// brought back to the ordinary unit once, in [`Score::figure`].
    totals: Vec<(usize, BigRational)>,
    /// Per criterion (session order), the raw values (units of 1/SCALE)
    /// of the sheets that count.
    values: Vec<Vec<i64>>,
}

/// SCALE², the unit of the totals of an [`Entry`].
fn total_unit() -> BigRational {
    ratio(i128::from(SCALE) * i128::from(SCALE), 1)
}

fn ratio(numer: i128, denom: i128) -> BigRational {
    BigRational::new(BigInt::from(numer), BigInt::from(denom))
}

fn mean(xs: &[BigRational]) -> BigRational {
    let sum: BigRational = xs.iter().cloned().sum();
    sum / BigRational::from_integer(BigInt::from(xs.len()))
}

/// Every team that is ranked (in the schedule, not withdrawn), in schedule
/// order, with its sheets that count: no mark, no same-organisation
/// recusal, every criterion given, the handwritten total (if any) equal to
/// the plain sum of the values.
fn entries(session: &Session) -> Vec<Entry> {
    let mut out = Vec::new();
    for slot in &session.schedule {
        let Some(id) = slot.team() else { continue };
        let Some(team) = session.teams.iter().find(|t| &t.id == id) else {
            continue;
        };
        if team.status == TeamStatus::Withdrawn {
            continue;
        }
        let mut entry = Entry {
            id: team.id.clone(),
            totals: Vec::new(),
            values: vec![Vec::new(); session.criteria.len()],
        };
        for (j, juror) in session.jurors.iter().enumerate() {
            let key = SheetKey::new(team.id.clone(), juror.id.clone());
            let Some(sheet) = session.sheets.get(&key) else {
                continue;
            };
            let recused = session.settings.recuse_same_org && team.org == juror.org;
            if sheet.mark.is_some() || recused || session.criteria.is_empty() {
                continue;
            }
            let given: Option<Vec<Dec>> = session
                .criteria
                .iter()
                .map(|c| sheet.values.get(&c.id).copied())
                .collect();
            let Some(given) = given else { continue };
            let plain: i128 = given.iter().map(|v| i128::from(v.raw())).sum();
            if sheet
                .handwritten
                .is_some_and(|h| i128::from(h.raw()) != plain)
            {
                continue;
            }
            let total: i128 = session
                .criteria
                .iter()
                .zip(&given)
                .map(|(c, v)| i128::from(c.weight.raw()) * i128::from(v.raw()))
                .sum();
            entry.totals.push((j, ratio(total, 1)));
            for (c, v) in given.iter().enumerate() {
                entry.values[c].push(v.raw());
            }
        }
        out.push(entry);
    }
    out
}

/// A team's score, as it is compared.
#[derive(Clone, Debug)]
enum Score {
    Exact(BigRational),
    Float(f64),
    /// The sheet totals, lowest first, and their majority values.
    Majority(Vec<BigRational>, Vec<BigRational>),
}

impl Score {
    fn figure(&self) -> Figure {
        match self {
            Score::Exact(r) => Figure::Exact(r.clone()),
            Score::Float(f) => Figure::Float(*f),
            Score::Majority(xs, _) => Figure::Exact(&xs[(xs.len() - 1) / 2] / total_unit()),
        }
    }
}

fn sorted_totals(e: &Entry) -> Vec<BigRational> {
    let mut xs: Vec<BigRational> = e.totals.iter().map(|(_, t)| t.clone()).collect();
    xs.sort();
    xs
}

/// Every entry's score under `method` (`None` without a sheet that counts).
fn scores(entries: &[Entry], jurors: usize, method: Method) -> Vec<Option<Score>> {
    // Each juror's totals over every ranked team, lowest first.
    let mut by_juror: Vec<Vec<BigRational>> = vec![Vec::new(); jurors];
    for e in entries {
        for (j, t) in &e.totals {
            by_juror[*j].push(t.clone());
        }
    }
    by_juror.iter_mut().for_each(|xs| xs.sort());
    let spread: Vec<Spread> = if method == Method::Normalized {
        by_juror.iter().map(|xs| spread(xs)).collect()
    } else {
        Vec::new()
    };
    entries
        .iter()
        .map(|e| {
            if e.totals.is_empty() {
                return None;
            }
            let xs = sorted_totals(e);
            Some(match method {
                Method::Mean => Score::Exact(mean(&xs) / total_unit()),
                Method::Trimmed if xs.len() >= 3 => {
                    Score::Exact(mean(&xs[1..xs.len() - 1]) / total_unit())
                }
                Method::Trimmed => Score::Exact(mean(&xs) / total_unit()),
                Method::Majority => {
                    let values = majority_values(&xs, 1);
                    Score::Majority(xs, values)
                }
                Method::Normalized => Score::Float(normalized(e, &spread)),
                Method::Borda => Score::Exact(borda(e, &by_juror)),
            })
        })
        .collect()
}

/// A juror's μ and σ (`None` where σ² = 0 or fewer than 2 sheets).
struct Spread {
    mu: BigRational,
    sigma: Option<f64>,
}

fn spread(xs: &[BigRational]) -> Spread {
    if xs.is_empty() {
        return Spread {
            mu: BigRational::zero(),
            sigma: None,
        };
    }
    // σ² = mean of the squares − the square of the mean = (nΣx² − (Σx)²)/n²:
    // the totals are integers, so this adds integers only.
    let n = BigRational::from_integer(BigInt::from(xs.len()));
    let sum: BigRational = xs.iter().cloned().sum();
    let squares: BigRational = xs.iter().map(|x| x * x).sum();
    let mu = &sum / &n;
    let variance = (&n * squares - &sum * &sum) / (&n * &n);
    let sigma = (xs.len() >= 2 && !variance.is_zero())
        .then(|| variance.to_f64().unwrap_or(f64::NAN).sqrt());
    Spread { mu, sigma }
}

fn normalized(e: &Entry, spread: &[Spread]) -> f64 {
    let mut sum = 0.0;
    for (j, total) in &e.totals {
        let Spread { mu, sigma } = &spread[*j];
        if let Some(sigma) = sigma {
            sum += (total - mu).to_f64().unwrap_or(f64::NAN) / sigma;
        }
    }
    sum / e.totals.len() as f64
}

fn borda(e: &Entry, by_juror: &[Vec<BigRational>]) -> BigRational {
    let mut earned = Vec::new();
    for (j, total) in &e.totals {
        let xs = &by_juror[*j];
        let n = xs.len();
        if n < 2 {
            continue;
        }
        // `xs` is sorted; the team's own total is one of the equal ones.
        let lower = xs.partition_point(|x| x < total);
        let equal = xs.partition_point(|x| x <= total) - lower - 1;
        earned.push(ratio((2 * lower + equal) as i128, 2 * (n as i128 - 1)));
    }
    if earned.is_empty() {
        ratio(1, 2)
    } else {
        mean(&earned)
    }
}

/// The majority values of `xs` (ascending) with each repeated `k` times:
/// the lower median, then the lower median of what remains, and so on.
fn majority_values(xs: &[BigRational], k: usize) -> Vec<BigRational> {
    let mut rest: Vec<BigRational> = xs
        .iter()
        .flat_map(|x| std::iter::repeat_n(x.clone(), k))
        .collect();
    let mut out = Vec::with_capacity(rest.len());
    while !rest.is_empty() {
        out.push(rest.remove((rest.len() - 1) / 2));
    }
    out
}

/// The index in `xs` of the `i`-th majority value of `xs` (ascending, each
/// value repeated `k` times), without building the repeated list: the
/// values are taken out from the lower median outwards, alternately on
/// each side (first below it when the list is odd, above when it is even).
/// `majority_values` is the plain definition; the tests check they agree.
fn majority_index(len: usize, k: usize, i: usize) -> usize {
    let m = len * k;
    let c = (m - 1) / 2;
    let d = i.div_ceil(2);
    let below = (i % 2 == 1) == (m % 2 == 1);
    let at = if i == 0 {
        c
    } else if below {
        c - d
    } else {
        c + d
    };
    at / k
}

/// The majority values of `a` and `b`, each repeated to the same length
/// (`ka × a.len() = kb × b.len()`), compared in order.
fn majority_cmp(a: &[BigRational], ka: usize, b: &[BigRational], kb: usize) -> Ordering {
    (0..a.len() * ka)
        .map(|i| a[majority_index(a.len(), ka, i)].cmp(&b[majority_index(b.len(), kb, i)]))
        .find(|o| o.is_ne())
        .unwrap_or(Ordering::Equal)
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// `Greater` when `a` comes first.
fn better(a: &Score, b: &Score) -> Ordering {
    match (a, b) {
        (Score::Exact(a), Score::Exact(b)) => a.cmp(b),
        (Score::Float(a), Score::Float(b)) => a.total_cmp(b),
        (Score::Majority(a, va), Score::Majority(b, vb)) if a.len() == b.len() => va.cmp(vb),
        (Score::Majority(a, _), Score::Majority(b, _)) => {
            let l = a.len() / gcd(a.len(), b.len()) * b.len();
            majority_cmp(a, l / a.len(), b, l / b.len())
        }
        _ => Ordering::Equal,
    }
}

fn equal(a: &Score, b: &Score) -> bool {
    match (a, b) {
        (Score::Float(a), Score::Float(b)) => (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
        _ => better(a, b) == Ordering::Equal,
    }
}

/// Teams (entry indices, schedule order) in order, as groups of equal
/// teams, the tie-break list applied.
fn groups(
    members: &[usize],
    scores: &[Option<Score>],
    tie_break: &[usize],
    entries: &[Entry],
) -> Vec<Vec<usize>> {
    let score = |t: usize| scores[t].as_ref().expect("a ranked team has a score");
    let mut sorted = members.to_vec();
    sorted.sort_by(|&a, &b| better(score(b), score(a)));
    let mut by_score: Vec<Vec<usize>> = Vec::new();
    for t in sorted {
        match by_score.last_mut() {
            Some(group) if equal(score(group[0]), score(t)) => group.push(t),
            _ => by_score.push(vec![t]),
        }
    }
    let key = |t: usize| -> Vec<BigRational> {
        tie_break
            .iter()
            .map(|&c| {
                let xs = &entries[t].values[c];
                let sum: i128 = xs.iter().map(|&v| i128::from(v)).sum();
                ratio(sum, xs.len() as i128)
            })
            .collect()
    };
    let mut out = Vec::new();
    for mut group in by_score {
        group.sort_unstable();
        group.sort_by_key(|&t| std::cmp::Reverse(key(t)));
        let mut current: Vec<usize> = Vec::new();
        for t in group {
            if current.first().is_some_and(|&f| key(f) != key(t)) {
                out.push(std::mem::take(&mut current));
            }
            current.push(t);
        }
        out.push(current);
    }
    out
}

/// The ranking of `session` under `method`, recounted.
pub fn recount(session: &Session, method: Method) -> Recount {
    recount_entries(session, &entries(session), method)
}

/// The ranking of `session` under every method of `Method::ALL`, recounted
/// (the sheets that count are read once).
pub fn recount_all(session: &Session) -> Vec<Recount> {
    let entries = entries(session);
    Method::ALL
        .into_iter()
        .map(|m| recount_entries(session, &entries, m))
        .collect()
}

fn recount_entries(session: &Session, entries: &[Entry], method: Method) -> Recount {
    let scores = scores(entries, session.jurors.len(), method);
    let tie_break: Vec<usize> = session
        .settings
        .tie_break
        .iter()
        .filter_map(|id| session.criteria.iter().position(|c| &c.id == id))
        .collect();
    let minimum = (session.settings.min_sheets as usize).max(1);
    let count = |t: usize| entries[t].totals.len();
    let all: Vec<usize> = (0..entries.len()).collect();
    let enough: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&t| count(t) >= minimum)
        .collect();
    let few: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&t| count(t) > 0 && count(t) < minimum)
        .collect();
    let none: Vec<usize> = all.iter().copied().filter(|&t| count(t) == 0).collect();
    let n = session.settings.laureates as usize;
    let mut lines = Vec::new();
    let mut cutoff_tie = false;
    let line = |t: usize, rank: usize, tied: bool| Line {
        team: entries[t].id.clone(),
        rank,
        score: scores[t].as_ref().map(Score::figure),
        sheets: count(t),
        too_few_sheets: count(t) < minimum,
        laureate: false,
        tied,
        at_cutoff: false,
    };
    for group in groups(&enough, &scores, &tie_break, entries) {
        let p = lines.len() + 1;
        let q = p + group.len() - 1;
        let straddles = p <= n && n < q;
        let mut ids: Vec<&TeamId> = group.iter().map(|&t| &entries[t].id).collect();
        ids.sort();
        let decision = session.decisions.iter().rev().find(|d| {
            let mut named: Vec<&TeamId> = d.teams.iter().collect();
            named.sort();
            named == ids
        });
        match decision {
            Some(d) if d.kind == DecisionKind::Order => {
                let named = d
                    .teams
                    .iter()
                    .filter_map(|id| group.iter().copied().find(|&t| &entries[t].id == id));
                for (k, t) in named.enumerate() {
                    lines.push(Line {
                        laureate: p + k <= n,
                        at_cutoff: straddles,
                        ..line(t, p + k, false)
                    });
                }
            }
            _ => {
                let admitted = decision.is_some();
                cutoff_tie |= straddles && !admitted;
                for &t in &group {
                    lines.push(Line {
                        laureate: admitted || q <= n,
                        at_cutoff: straddles,
                        ..line(t, p, group.len() >= 2)
                    });
                }
            }
        }
    }
    let mut behind = groups(&few, &scores, &tie_break, entries);
    if !none.is_empty() {
        behind.push(none);
    }
    for group in behind {
        let p = lines.len() + 1;
        for &t in &group {
            lines.push(line(t, p, group.len() >= 2));
        }
    }
    Recount {
        method,
        cutoff_tie,
        lines,
    }
}
