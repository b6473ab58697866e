//! One juror's sheet for one team, and how the sheets are written.
//!
//! A big session holds 120,000 sheets: each is kept compact. Its key is two
//! shared ids (no allocation of its own) and its values one small sorted
//! list, read and written as the JSON object `{"criterion": value}` a map
//! would be.

use std::borrow::Borrow;
use std::collections::BTreeMap;
use std::fmt;

use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::decimal::Dec;
use super::id::{CriterionId, JurorId, TeamId};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    /// The juror left the room: no sheet for this team.
    Absent,
    /// Explicit recusal (the automatic same-organisation one is derived).
    Recused,
}

/// (team, juror)
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SheetKey {
    pub team: TeamId,
    pub juror: JurorId,
}

impl SheetKey {
    pub fn new(team: TeamId, juror: JurorId) -> SheetKey {
        SheetKey { team, juror }
    }
}

/// What one juror recorded for one team.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sheet {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<Mark>,
    #[serde(default, skip_serializing_if = "Values::is_empty")]
    pub values: Values,
    /// The juror's own addition on paper.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handwritten: Option<Dec>,
}

impl Sheet {
    pub fn is_empty(&self) -> bool {
        self.mark.is_none() && self.values.is_empty() && self.handwritten.is_none()
    }
}

/// A sheet's values by criterion: a map kept as one list sorted by the
/// criterion's id (a sheet has a handful), so it costs one allocation and
/// iterates, compares and is written in the order a `BTreeMap` would.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Values(Vec<(CriterionId, Dec)>);

impl Values {
    pub fn new() -> Values {
        Values(Vec::new())
    }

    fn find<Q>(&self, criterion: &Q) -> Result<usize, usize>
    where
        CriterionId: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.0.binary_search_by(|(c, _)| c.borrow().cmp(criterion))
    }

    pub fn get<Q>(&self, criterion: &Q) -> Option<&Dec>
    where
        CriterionId: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.find(criterion).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key<Q>(&self, criterion: &Q) -> bool
    where
        CriterionId: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.find(criterion).is_ok()
    }

    /// Set the value of `criterion`; the value it replaces, if any.
    pub fn insert(&mut self, criterion: CriterionId, value: Dec) -> Option<Dec> {
        match self.find(&criterion) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (criterion, value));
                None
            }
        }
    }

    /// Remove the value of `criterion`; the value removed, if any.
    pub fn remove<Q>(&mut self, criterion: &Q) -> Option<Dec>
    where
        CriterionId: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.find(criterion).ok().map(|i| self.0.remove(i).1)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The values with their criterion, in the criteria ids' order.
    pub fn iter(
        &self,
    ) -> impl DoubleEndedIterator<Item = (&CriterionId, &Dec)> + ExactSizeIterator {
        self.0.iter().map(|(c, v)| (c, v))
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &CriterionId> + ExactSizeIterator {
        self.0.iter().map(|(c, _)| c)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Dec> + ExactSizeIterator {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut Dec> + ExactSizeIterator {
        self.0.iter_mut().map(|(_, v)| v)
    }

    /// From pairs whose criteria are already in strictly increasing order
    /// (a reader that knows it; checked in debug builds), kept as given.
    pub(crate) fn from_sorted(pairs: Vec<(CriterionId, Dec)>) -> Values {
        debug_assert!(pairs.is_sorted_by(|a, b| a.0 < b.0));
        Values(pairs)
    }

    /// From pairs in any order; a criterion given twice keeps its last
    /// value (as a map built from them would).
    fn from_pairs(mut pairs: Vec<(CriterionId, Dec)>) -> Values {
        if !pairs.is_sorted_by(|a, b| a.0 < b.0) {
            // Stable: of equal criteria, the last given ends last.
            pairs.sort_by(|a, b| a.0.cmp(&b.0));
            let mut kept: Vec<(CriterionId, Dec)> = Vec::with_capacity(pairs.len());
            for pair in pairs {
                match kept.last_mut() {
                    Some(last) if last.0 == pair.0 => *last = pair,
                    _ => kept.push(pair),
                }
            }
            pairs = kept;
        }
        pairs.shrink_to_fit();
        Values(pairs)
    }
}

impl FromIterator<(CriterionId, Dec)> for Values {
    fn from_iter<I: IntoIterator<Item = (CriterionId, Dec)>>(pairs: I) -> Values {
        Values::from_pairs(pairs.into_iter().collect())
    }
}

impl<const N: usize> From<[(CriterionId, Dec); N]> for Values {
    fn from(pairs: [(CriterionId, Dec); N]) -> Values {
        Values::from_pairs(pairs.into())
    }
}

impl From<BTreeMap<CriterionId, Dec>> for Values {
    fn from(map: BTreeMap<CriterionId, Dec>) -> Values {
        Values(map.into_iter().collect())
    }
}

impl<'a> IntoIterator for &'a Values {
    type Item = (&'a CriterionId, &'a Dec);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (CriterionId, Dec)>,
        fn(&'a (CriterionId, Dec)) -> (&'a CriterionId, &'a Dec),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(c, v)| (c, v))
    }
}

impl IntoIterator for Values {
    type Item = (CriterionId, Dec);
    type IntoIter = std::vec::IntoIter<(CriterionId, Dec)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// The value of a criterion; panics when it has none (as a map's index).
impl<Q> std::ops::Index<&Q> for Values
where
    CriterionId: Borrow<Q>,
    Q: Ord + ?Sized,
{
    type Output = Dec;
    fn index(&self, criterion: &Q) -> &Dec {
        self.get(criterion).expect("no value for this criterion")
    }
}

/// As a map: `{"impact": 7}`, like the `BTreeMap` it replaces.
impl fmt::Debug for Values {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for Values {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (criterion, value) in &self.0 {
            map.serialize_entry(criterion, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Values {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Values, D::Error> {
        struct Pairs;
        impl<'de> Visitor<'de> for Pairs {
            type Value = Values;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of criteria to values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Values, A::Error> {
                // A sheet has a handful of criteria: room for them at once.
                let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(8).min(64));
                while let Some(pair) = map.next_entry::<CriterionId, Dec>()? {
                    pairs.push(pair);
                }
                Ok(Values::from_pairs(pairs))
            }
        }
        deserializer.deserialize_map(Pairs)
    }
}

/// The sheets map is written as a list of objects, easy to read in the file.
pub(super) mod sheet_list {
    use super::*;

    // Explicit fields rather than `flatten`: large sessions load faster.
    #[derive(Deserialize)]
    struct Row {
        team: TeamId,
        juror: JurorId,
        #[serde(default)]
        mark: Option<Mark>,
        #[serde(default)]
        values: Values,
        #[serde(default)]
        handwritten: Option<Dec>,
    }

    #[derive(Serialize)]
    struct RowRef<'a> {
        team: &'a str,
        juror: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        mark: Option<Mark>,
        #[serde(skip_serializing_if = "Values::is_empty")]
        values: &'a Values,
        #[serde(skip_serializing_if = "Option::is_none")]
        handwritten: Option<Dec>,
    }

    pub fn serialize<S: Serializer>(
        map: &BTreeMap<SheetKey, Sheet>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(map.iter().map(|(k, sheet)| RowRef {
            team: &k.team,
            juror: &k.juror,
            mark: sheet.mark,
            values: &sheet.values,
            handwritten: sheet.handwritten,
        }))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<SheetKey, Sheet>, D::Error> {
        struct Rows;
        impl<'de> Visitor<'de> for Rows {
            type Value = Vec<(SheetKey, Sheet)>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of sheets")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut rows: A) -> Result<Self::Value, A::Error> {
                let mut pairs = Vec::with_capacity(rows.size_hint().unwrap_or(0).min(1 << 16));
                while let Some(row) = rows.next_element::<Row>()? {
                    let sheet = Sheet {
                        mark: row.mark,
                        values: row.values,
                        handwritten: row.handwritten,
                    };
                    pairs.push((SheetKey::new(row.team, row.juror), sheet));
                }
                Ok(pairs)
            }
        }
        let mut pairs = deserializer.deserialize_seq(Rows)?;
        // Written in key order: the map is then built in one pass, its
        // nodes full (a file in another order is sorted first).
        if !pairs.is_sorted_by(|a, b| a.0 < b.0) {
            pairs.sort_by(|a, b| a.0.cmp(&b.0));
        }
        if let Some(twice) = pairs.windows(2).find(|w| w[0].0 == w[1].0) {
            let key = &twice[0].0;
            return Err(serde::de::Error::custom(format!(
                "sheet of team {} and juror {} written twice",
                key.team, key.juror
            )));
        }
        Ok(pairs.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Dec {
        Dec::parse(text).unwrap()
    }

    fn map(pairs: &[(&str, &str)]) -> BTreeMap<CriterionId, Dec> {
        pairs.iter().map(|(c, v)| ((*c).into(), dec(v))).collect()
    }

    fn values(pairs: &[(&str, &str)]) -> Values {
        pairs.iter().map(|(c, v)| ((*c).into(), dec(v))).collect()
    }

    #[test]
    fn values_behave_as_the_map_they_replace() {
        let given = [
            ("pitch", "4"),
            ("cost", "2.5"),
            ("impact", "7"),
            ("cost", "3"),
        ];
        let (mut list, mut tree) = (values(&given), map(&given));
        let same = |list: &Values, tree: &BTreeMap<CriterionId, Dec>| {
            let pairs: Vec<_> = list.iter().collect();
            assert_eq!(pairs, tree.iter().collect::<Vec<_>>());
            assert_eq!(list.len(), tree.len());
            assert_eq!(format!("{list:?}"), format!("{tree:?}"));
            assert_eq!(
                serde_json::to_string(list).unwrap(),
                serde_json::to_string(tree).unwrap()
            );
        };
        same(&list, &tree);
        assert_eq!(list.get("cost"), Some(&dec("3")), "the last of twice wins");
        assert_eq!(list["impact"], dec("7"));
        assert_eq!(list.get("missing"), None);
        assert!(list.contains_key("pitch") && !list.contains_key("pitc"));
        for (c, v) in [("budget", "1"), ("cost", "5"), ("zeal", "0")] {
            assert_eq!(list.insert(c.into(), dec(v)), tree.insert(c.into(), dec(v)));
            same(&list, &tree);
        }
        for c in ["impact", "impact", "nothing"] {
            assert_eq!(list.remove(c), tree.remove(c));
            same(&list, &tree);
        }
        for v in list.values_mut() {
            *v = Dec::ZERO;
        }
        assert!(list.values().all(|v| *v == Dec::ZERO));
        let keys: Vec<&str> = list.keys().map(|c| c.as_str()).collect();
        assert_eq!(keys, ["budget", "cost", "pitch", "zeal"]);
        assert!(Values::new().is_empty());
    }

    #[test]
    fn values_read_any_order_and_write_in_criteria_order() {
        let read: Values =
            serde_json::from_str(r#"{"pitch": 4, "cost": 2.5, "pitch": 6}"#).unwrap();
        assert_eq!(read, values(&[("cost", "2.5"), ("pitch", "6")]));
        assert_eq!(
            serde_json::to_string(&read).unwrap(),
            r#"{"cost":2.5,"pitch":6}"#
        );
        #[derive(Deserialize)]
        struct Sheets(#[serde(with = "sheet_list")] BTreeMap<SheetKey, Sheet>);
        let rows = r#"[{"team": "T2", "juror": "J1", "mark": "absent"},
            {"team": "T1", "juror": "J2", "values": {"c": 1}, "handwritten": 1}]"#;
        let Sheets(sheets) = serde_json::from_str(rows).unwrap();
        let keys: Vec<_> = sheets
            .keys()
            .map(|k| (k.team.as_str(), k.juror.as_str()))
            .collect();
        assert_eq!(keys, [("T1", "J2"), ("T2", "J1")], "any order, read sorted");
        assert_eq!(sheets.values().next().unwrap().handwritten, Some(dec("1")));
        let twice = r#"[{"team": "T1", "juror": "J1"}, {"team": "T1", "juror": "J1"}]"#;
        let err = serde_json::from_str::<Sheets>(twice).err().unwrap();
        assert!(
            err.to_string()
                .contains("team T1 and juror J1 written twice"),
            "{err}"
        );
        let empty: Sheet = serde_json::from_str("{}").unwrap();
        assert_eq!(serde_json::to_string(&empty).unwrap(), "{}");
    }
}
