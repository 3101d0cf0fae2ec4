//! The `dict` table: CPython's compact layout. Entries are kept in
//! insertion order in a vector; an index table (hashbrown's `HashTable`,
//! with explicit hash and equality) maps hashes to entry positions.
//!
//! The table itself never calls Python code. Lookups that need a key's
//! `__eq__` are driven from the VM: it asks for the candidate entries with
//! the same hash, compares them with no borrow held, and then checks the
//! entry it found is still there (the comparison may have changed the dict).

use crate::value::Value;
use hashbrown::HashTable;

#[derive(Clone)]
pub struct DictEntry {
    pub hash: i64,
    /// `Value::Null` for a deleted entry.
    pub key: Value,
    pub value: Value,
}

#[derive(Clone, Default)]
pub struct Dict {
    entries: Vec<DictEntry>,
    /// Hash to entry position; only kept (`indexed`) once the dict has
    /// more than `SMALL` slots: smaller ones are searched by a scan, which
    /// is faster than hashing into a table and saves its allocation.
    index: HashTable<u32>,
    indexed: bool,
    len: usize,
    /// Changes whenever a key is added or removed (not when a value is
    /// replaced): iterators and caches compare it.
    version: u64,
}

thread_local! {
    static NEXT_VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

/// A version number never handed out before: dict key sets and types
/// get one whenever they change, so a cache can tell by the number alone
/// that the thing it describes is unchanged.
pub fn fresh_version() -> u64 {
    NEXT_VERSION.with(|n| {
        let v = n.get();
        n.set(v + 1);
        v
    })
}

/// The most entry slots a dict keeps without an index table.
const SMALL: usize = 8;

/// Spreads Python's hash (small ints hash to themselves) over all bits,
/// as the index table uses the top bits to filter candidates.
#[inline]
fn spread(hash: i64) -> u64 {
    (hash as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl Dict {
    pub fn new() -> Dict {
        Dict {
            version: fresh_version(),
            ..Dict::default()
        }
    }

    pub fn with_capacity(n: usize) -> Dict {
        let indexed = n > SMALL;
        Dict {
            entries: Vec::with_capacity(n),
            index: if indexed {
                HashTable::with_capacity(n)
            } else {
                HashTable::new()
            },
            indexed,
            len: 0,
            version: fresh_version(),
        }
    }

    /// Entries, deleted ones included: the position the next key gets.
    #[inline]
    pub fn entries_len(&self) -> usize {
        self.entries.len()
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn version(&self) -> u64 {
        self.version
    }

    /// The position of the entry whose key satisfies `eq`, among those with
    /// this hash.
    #[inline]
    pub fn find(&self, hash: i64, mut eq: impl FnMut(&Value) -> bool) -> Option<usize> {
        let entries = &self.entries;
        if !self.indexed {
            return entries
                .iter()
                .position(|e| e.hash == hash && !e.key.is_null() && eq(&e.key));
        }
        self.index
            .find(spread(hash), |&i| {
                let e = &entries[i as usize];
                e.hash == hash && eq(&e.key)
            })
            .map(|&i| i as usize)
    }

    /// Positions of live entries with this hash, for comparisons that may
    /// run Python code.
    pub fn candidates(&self, hash: i64) -> Vec<usize> {
        if !self.indexed {
            return (0..self.entries.len())
                .filter(|&i| self.entries[i].hash == hash && !self.entries[i].key.is_null())
                .collect();
        }
        self.index
            .iter_hash(spread(hash))
            .map(|&i| i as usize)
            .filter(|&i| self.entries[i].hash == hash && !self.entries[i].key.is_null())
            .collect()
    }

    /// The value at entry `pos` if its key is the object `key` (a cache's
    /// hint checked without hashing).
    #[inline]
    pub fn value_if_key_at(&self, pos: usize, key: &crate::value::Obj) -> Option<&Value> {
        match self.entries.get(pos) {
            Some(DictEntry {
                key: Value::Obj(k),
                value,
                ..
            }) if k.is(key) => Some(value),
            _ => None,
        }
    }

    /// Mutable access to the value at `pos` if its key is `key`.
    #[inline]
    pub fn value_mut_if_key_at(
        &mut self,
        pos: usize,
        key: &crate::value::Obj,
    ) -> Option<&mut Value> {
        match self.entries.get_mut(pos) {
            Some(DictEntry {
                key: Value::Obj(k),
                value,
                ..
            }) if k.is(key) => Some(value),
            _ => None,
        }
    }

    #[inline]
    pub fn entry(&self, pos: usize) -> &DictEntry {
        &self.entries[pos]
    }

    #[inline]
    pub fn value_at_mut(&mut self, pos: usize) -> &mut Value {
        &mut self.entries[pos].value
    }

    /// Appends a key known not to be present.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        let pos = self.entries.len() as u32;
        if self.indexed {
            let entries = &self.entries;
            self.index
                .insert_unique(spread(hash), pos, |&i| spread(entries[i as usize].hash));
        }
        self.entries.push(DictEntry { hash, key, value });
        if !self.indexed && self.entries.len() > SMALL {
            self.indexed = true;
            self.rebuild_index();
        }
        self.len += 1;
        self.version = fresh_version();
    }

    /// Removes the entry at `pos`, returning its key and value.
    pub fn remove_at(&mut self, pos: usize) -> (Value, Value) {
        let hash = self.entries[pos].hash;
        if self.indexed {
            if let Ok(e) = self.index.find_entry(spread(hash), |&i| i as usize == pos) {
                e.remove();
            }
        }
        let key = std::mem::replace(&mut self.entries[pos].key, Value::Null);
        let value = std::mem::replace(&mut self.entries[pos].value, Value::Null);
        self.len -= 1;
        self.version = fresh_version();
        if self.len == 0 {
            self.entries.clear();
            self.index.clear();
        } else if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        (key, value)
    }

    /// Drops deleted entries and rebuilds the index.
    fn compact(&mut self) {
        self.entries.retain(|e| !e.key.is_null());
        self.rebuild_index();
    }

    /// Rebuilds the index from the entries (when it is kept).
    fn rebuild_index(&mut self) {
        self.index.clear();
        if !self.indexed {
            return;
        }
        for (i, e) in self.entries.iter().enumerate() {
            if e.key.is_null() {
                continue;
            }
            let entries = &self.entries;
            self.index.insert_unique(spread(e.hash), i as u32, |&j| {
                spread(entries[j as usize].hash)
            });
        }
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.index = HashTable::new();
        self.indexed = false;
        self.len = 0;
        self.version = fresh_version();
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &DictEntry> {
        self.entries.iter().filter(|e| !e.key.is_null())
    }

    /// The number of entry slots, deleted ones included (for iterators,
    /// which walk positions).
    pub fn slots(&self) -> usize {
        self.entries.len()
    }

    /// The live entry at or after slot `pos`, and its slot.
    pub fn next_from(&self, mut pos: usize) -> Option<(usize, &DictEntry)> {
        while pos < self.entries.len() {
            let e = &self.entries[pos];
            if !e.key.is_null() {
                return Some((pos, e));
            }
            pos += 1;
        }
        None
    }

    /// Removes and returns the last entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let pos = self.entries.iter().rposition(|e| !e.key.is_null())?;
        Some(self.remove_at(pos))
    }
}
