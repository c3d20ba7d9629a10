//! A list kept in insertion order and found by key in constant time: the
//! catalogue's measures, modalities and drugs, which a configuration may
//! extend by tens of thousands.

use foldhash::HashMap;

/// Items in the order added, each found by its key.
#[derive(Clone, Debug)]
pub(crate) struct Indexed<T> {
    items: Vec<T>,
    index: HashMap<String, usize>,
}

impl<T> Default for Indexed<T> {
    fn default() -> Self {
        Indexed {
            items: Vec::new(),
            index: HashMap::default(),
        }
    }
}

impl<T> Indexed<T> {
    /// The items of `items`, keyed by `key`; a later item replaces an
    /// earlier one with the same key.
    pub(crate) fn from_items(
        items: impl IntoIterator<Item = T>,
        key: impl Fn(&T) -> String,
    ) -> Self {
        let mut indexed = Indexed::default();
        for item in items {
            indexed.insert(key(&item), item);
        }
        indexed
    }

    /// The item with `key`.
    pub(crate) fn get(&self, key: &str) -> Option<&T> {
        self.index.get(key).and_then(|at| self.items.get(*at))
    }

    /// The item with `key`, to change.
    pub(crate) fn get_mut(&mut self, key: &str) -> Option<&mut T> {
        self.index.get(key).and_then(|at| self.items.get_mut(*at))
    }

    /// Whether an item has `key`.
    pub(crate) fn contains(&self, key: &str) -> bool {
        self.index.contains_key(key)
    }

    /// Adds `item` under `key`, replacing (in its place) an item with that key.
    pub(crate) fn insert(&mut self, key: String, item: T) {
        match self.index.get(&key).and_then(|at| self.items.get_mut(*at)) {
            Some(slot) => *slot = item,
            None => {
                self.index.insert(key, self.items.len());
                self.items.push(item);
            }
        }
    }

    /// Every item, in the order added.
    pub(crate) fn as_slice(&self) -> &[T] {
        &self.items
    }
}
