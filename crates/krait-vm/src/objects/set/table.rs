//! The table of `set` and `frozenset`: CPython's open addressing, with the
//! same hash values, initial size, linear probes, perturbation and resize
//! rule, so that a set iterates in the same order as CPython's does.
//!
//! The table never runs Python code. A probe that meets a key with the
//! same hash whose equality needs Python's `__eq__` stops and reports it;
//! the VM compares with no borrow held and resumes the probe, passing the
//! positions already known to differ.

use crate::value::Value;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
pub enum SetEntry {
    Unused,
    Dummy,
    Active(i64, Value),
}

#[derive(Clone)]
pub struct SetTable {
    table: Vec<SetEntry>,
    fill: usize,
    used: usize,
    /// Where `pop` starts looking.
    finger: usize,
    /// Bumped on every change of the table's layout or contents.
    version: u64,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable::new()
    }
}

/// What a probe for a key found.
pub enum Probe {
    /// The key is present at this position.
    Found(usize),
    /// The key is absent; it would go at this position.
    Absent(usize),
    /// The entry at this position has the same hash and needs a Python
    /// comparison to decide.
    NeedsEq(usize),
}

/// Equality decided without running Python code: `Some` for identical
/// objects and for pairs of built-in immutable values whose equality is
/// known; `None` when `__eq__` must decide.
pub type QuickEq = fn(&Value, &Value) -> Option<bool>;

impl SetTable {
    pub fn new() -> SetTable {
        SetTable {
            table: vec![SetEntry::Unused; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    pub fn version(&self) -> u64 {
        self.version
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Looks for `key`; `unequal` lists positions already compared unequal.
    pub fn probe(&self, hash: i64, key: &Value, quick: QuickEq, unequal: &[usize]) -> Probe {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.table[j] {
                    SetEntry::Unused => return Probe::Absent(freeslot.unwrap_or(j)),
                    SetEntry::Active(h, k) if *h == hash => {
                        if unequal.contains(&j) {
                            continue;
                        }
                        match quick(k, key) {
                            Some(true) => return Probe::Found(j),
                            Some(false) => {}
                            None => return Probe::NeedsEq(j),
                        }
                    }
                    SetEntry::Dummy => {
                        if freeslot.is_none() {
                            freeslot = Some(j);
                        }
                    }
                    SetEntry::Active(..) => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Stores a key at the position a probe reported absent.
    pub fn insert_at(&mut self, pos: usize, hash: i64, key: Value) {
        let was_unused = matches!(self.table[pos], SetEntry::Unused);
        self.table[pos] = SetEntry::Active(hash, key);
        self.used += 1;
        self.version = self.version.wrapping_add(1);
        if was_unused {
            self.fill += 1;
            if self.fill * 5 >= self.mask() * 3 {
                let target = if self.used > 50000 {
                    self.used * 2
                } else {
                    self.used * 4
                };
                self.resize(target);
            }
        }
    }

    /// Removes the key at a position a probe found.
    pub fn remove_at(&mut self, pos: usize) -> Value {
        let old = std::mem::replace(&mut self.table[pos], SetEntry::Dummy);
        self.used -= 1;
        self.version = self.version.wrapping_add(1);
        match old {
            SetEntry::Active(_, k) => k,
            _ => Value::None,
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![SetEntry::Unused; newsize]);
        self.fill = self.used;
        for e in old {
            if let SetEntry::Active(h, k) = e {
                self.insert_clean(h, k);
            }
        }
        self.version = self.version.wrapping_add(1);
    }

    /// Inserts into a table known to hold no equal key and no dummies.
    fn insert_clean(&mut self, hash: i64, key: Value) {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if matches!(self.table[i], SetEntry::Unused) {
                self.table[i] = SetEntry::Active(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in i + 1..=i + LINEAR_PROBES {
                    if matches!(self.table[j], SetEntry::Unused) {
                        self.table[j] = SetEntry::Active(hash, key);
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Prepares for merging `incoming` more keys, as CPython's `set_merge`
    /// and dict update resize once up front.
    pub fn reserve_for_merge(&mut self, incoming: usize) {
        if (self.fill + incoming) * 5 >= self.mask() * 3 {
            self.resize((self.used + incoming) * 2);
        }
    }

    /// `set(other_set)` into an empty table: CPython copies the layout
    /// directly when the sizes match, or re-inserts cleanly.
    pub fn merge_into_empty(&mut self, other: &SetTable) {
        debug_assert!(self.fill == 0);
        self.reserve_for_merge(other.used);
        if self.table.len() == other.table.len() && other.fill == other.used {
            self.table = other.table.clone();
            self.fill = other.fill;
            self.used = other.used;
        } else {
            self.fill = other.used;
            self.used = other.used;
            for e in &other.table {
                if let SetEntry::Active(h, k) = e {
                    self.insert_clean(*h, k.clone());
                }
            }
        }
        self.version = self.version.wrapping_add(1);
    }

    /// The key at a position a probe reported.
    pub fn iter_at(&self, pos: usize) -> Value {
        match &self.table[pos] {
            SetEntry::Active(_, k) => k.clone(),
            _ => Value::Null,
        }
    }

    pub fn fill(&self) -> usize {
        self.fill
    }

    /// Active entries in table order (iteration order).
    pub fn iter(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.table.iter().filter_map(|e| match e {
            SetEntry::Active(h, k) => Some((*h, k)),
            _ => None,
        })
    }

    /// The active entry at or after slot `pos`, and its slot.
    pub fn next_from(&self, mut pos: usize) -> Option<(usize, &Value)> {
        while pos < self.table.len() {
            if let SetEntry::Active(_, k) = &self.table[pos] {
                return Some((pos, k));
            }
            pos += 1;
        }
        None
    }

    /// `set.pop()`: from the finger onwards, wrapping around.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let n = self.table.len();
        let mut i = self.finger & (n - 1);
        while !matches!(self.table[i], SetEntry::Active(..)) {
            i = (i + 1) % n;
        }
        self.finger = i + 1;
        Some(self.remove_at(i))
    }

    pub fn clear(&mut self) {
        *self = SetTable {
            version: self.version.wrapping_add(1),
            ..SetTable::new()
        };
    }
}
