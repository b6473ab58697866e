//! Typed ids: a team's id cannot be passed where a juror's is expected.
//!
//! Each id is a string in the files, compares with `&str`, and borrows as
//! `str`, so maps keyed by ids are searched by text.
//!
//! An id is a shared string (`Arc<str>`): a clone costs a count, not an
//! allocation. Ids read inside [`sharing`] are deduplicated as they are
//! read, so the 120,000 sheets of a big session name their team, juror and
//! criteria through the roster's few thousand strings instead of holding a
//! copy each.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

thread_local! {
    /// The ids read so far inside [`sharing`] on this thread.
    static SHARED: RefCell<Option<Table>> = const { RefCell::new(None) };
}

/// The ids read so far: every one in `seen`, the latest in `recent`, a
/// cache in front of it found without hashing the text with the (slower,
/// collision-proof) hasher of the set: a session's file names the same
/// few ids over and over.
struct Table {
    seen: HashSet<Arc<str>>,
    recent: Vec<Option<Arc<str>>>,
}

/// Slots of [`Table::recent`] (a power of two).
const RECENT: usize = 1024;

impl Table {
    fn new() -> Table {
        Table {
            seen: HashSet::new(),
            recent: vec![None; RECENT],
        }
    }

    fn get(&mut self, text: &str) -> Arc<str> {
        // FNV-1a, folded to a slot: a crafted text only misses the cache.
        let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        let slot = &mut self.recent[(hash ^ (hash >> 32)) as usize % RECENT];
        if let Some(known) = slot
            && **known == *text
        {
            return Arc::clone(known);
        }
        let shared = match self.seen.get(text) {
            Some(known) => Arc::clone(known),
            None => {
                let new: Arc<str> = Arc::from(text);
                self.seen.insert(Arc::clone(&new));
                new
            }
        };
        *slot = Some(Arc::clone(&shared));
        shared
    }
}

/// Run `read` with every id deserialised on this thread meanwhile sharing
/// one allocation per distinct text (a team's id in the roster, the
/// schedule and each of its sheets is one string). Nested calls share the
/// outer one's ids; the table is dropped when the outermost call returns.
pub fn sharing<T>(read: impl FnOnce() -> T) -> T {
    struct Outermost(bool);
    impl Drop for Outermost {
        fn drop(&mut self) {
            if self.0 {
                SHARED.with(|cell| cell.borrow_mut().take());
            }
        }
    }
    let outermost = SHARED.with(|cell| {
        let mut shared = cell.borrow_mut();
        let first = shared.is_none();
        if first {
            *shared = Some(Table::new());
        }
        first
    });
    let _end = Outermost(outermost);
    read()
}

/// The shared string for `text`: the one already read inside [`sharing`],
/// else a new one (kept for the next reads when inside it).
fn shared(text: &str) -> Arc<str> {
    SHARED.with(|cell| match cell.borrow_mut().as_mut() {
        Some(table) => table.get(text),
        None => Arc::from(text),
    })
}

/// Reads an id's text (borrowed from the input when it can) into its
/// shared string.
struct Text;

impl serde::de::Visitor<'_> for Text {
    type Value = Arc<str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Arc<str>, E> {
        Ok(shared(text))
    }
}

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(Arc<str>);

        impl $name {
            pub fn new(text: impl Into<String>) -> $name {
                $name(Arc::from(text.into()))
            }

            /// The id of `text` as deserialising it would give (shared
            /// with the ids already read when inside [`sharing`]).
            pub fn read(text: &str) -> $name {
                $name(shared(text))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub fn into_string(self) -> String {
                String::from(&*self.0)
            }

            /// Whether both are the same string in memory (ids read inside
            /// [`sharing`] with the same text are).
            pub fn shares(&self, other: &$name) -> bool {
                Arc::ptr_eq(&self.0, &other.0)
            }
        }

        impl Default for $name {
            fn default() -> $name {
                $name(Arc::from(""))
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<$name, D::Error> {
                deserializer.deserialize_str(Text).map($name)
            }
        }

        impl Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        /// The text itself, padded as asked (`{:>4}` lines up columns).
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(&self.0)
            }
        }

        /// As the text's own: `"T01"`, so debug output reads as before.
        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&self.0, f)
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> $name {
                $name(Arc::from(text))
            }
        }

        impl From<String> for $name {
            fn from(text: String) -> $name {
                $name(Arc::from(text))
            }
        }

        impl From<&String> for $name {
            fn from(text: &String) -> $name {
                $name(Arc::from(text.as_str()))
            }
        }

        impl From<&$name> for $name {
            fn from(id: &$name) -> $name {
                id.clone()
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.into_string()
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                &*self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                &*self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                *self.0 == **other
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                *self == *other.0
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                **self == *other.0
            }
        }

        impl PartialEq<$name> for String {
            fn eq(&self, other: &$name) -> bool {
                **self == *other.0
            }
        }
    };
}

id!(
    /// A team's id (`T01`).
    TeamId
);
id!(
    /// A juror's id (`J1`).
    JurorId
);
id!(
    /// A criterion's id (`impact`).
    CriterionId
);
id!(
    /// An organisation's id (`somme`).
    OrgId
);
id!(
    /// Which terminal (or command) wrote an operation.
    WriterId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_inside_sharing_share_one_string_per_text() {
        let text = r#"[["T1", "J1"], ["T1", "J2"], ["T\u0031", "J1"]]"#;
        let read = || serde_json::from_str::<Vec<(TeamId, JurorId)>>(text).unwrap();
        let shared = sharing(read);
        assert!(shared[0].0.shares(&shared[1].0) && shared[0].0.shares(&shared[2].0));
        assert!(shared[0].1.shares(&shared[2].1));
        assert!(!shared[0].1.shares(&shared[1].1));
        assert_eq!(shared[2].0, "T1");
        // Outside: each read is its own string, and the table is gone.
        let apart = read();
        assert!(!apart[0].0.shares(&apart[1].0));
        assert!(!sharing(read)[0].0.shares(&shared[0].0));
        // Many ids (more than the cache in front of the table holds):
        // each reads back as its text, the same text as the same string.
        let texts: Vec<String> = (0..5000).map(|i| format!("J{}", i % 2500)).collect();
        let json = serde_json::to_string(&texts).unwrap();
        let many = sharing(|| serde_json::from_str::<Vec<JurorId>>(&json).unwrap());
        for (i, id) in many.iter().enumerate() {
            assert_eq!(id, &texts[i]);
            assert!(id.shares(&many[i % 2500]));
        }
        assert!(!many[0].shares(&many[1]));
        // Nested: the outer table is kept until the outer call ends.
        let (inner, outer) = sharing(|| (sharing(read), read()));
        assert!(inner[0].0.shares(&outer[0].0));
    }

    #[test]
    fn an_id_reads_and_writes_as_its_text() {
        let id = TeamId::new("T\"1");
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, r#""T\"1""#);
        assert_eq!(serde_json::from_str::<TeamId>(&json).unwrap(), id);
        assert_eq!(
            format!("{id:?}|{:>5}|", TeamId::from("T2")),
            r#""T\"1"|   T2|"#
        );
        assert_eq!(TeamId::default(), "");
        assert_eq!(String::from(id.clone()), "T\"1");
        assert!(id.clone().shares(&id));
        assert!(serde_json::from_str::<TeamId>("3").is_err());
    }
}
