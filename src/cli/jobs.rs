//! Many files on every core: `--jobs`, and a pool that checks files in
//! parallel while their output is written in file order.
//!
//! Workers take the files in order (rayon's `par_bridge` hands out one at a
//! time), so the results waiting for an earlier, slower file stay few: the
//! output streams as it is ready, and nothing is held to the end.

use rayon::iter::{ParallelBridge, ParallelIterator};
use std::collections::BTreeMap;
use std::sync::mpsc;

/// The `--jobs` option of the commands that read many files.
#[derive(Clone, Copy, Debug, clap::Args)]
pub struct Jobs {
    /// How many files to work on at once [default: one per core]
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
}

impl Jobs {
    /// Runs `work` on every item, on as many threads as `--jobs` says (one
    /// per core by default), and hands each result to `done` in the items'
    /// order. With one thread, or one item, everything runs here in turn.
    pub fn in_order<T, R>(self, items: &[T], work: impl Fn(&T) -> R + Sync, mut done: impl FnMut(R))
    where
        T: Sync,
        R: Send,
    {
        let threads = self.jobs.map_or(0, usize::from);
        let pool = (items.len() > 1 && threads != 1)
            .then(|| {
                rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .build()
                    .ok()
            })
            .flatten()
            .filter(|pool| pool.current_num_threads() > 1);
        // One file, one thread (or a pool the system would not give): in turn.
        let Some(pool) = pool else {
            return items.iter().map(work).for_each(done);
        };
        let (sender, results) = mpsc::channel();
        std::thread::scope(|scope| {
            scope.spawn(|| {
                pool.install(|| {
                    items.iter().enumerate().par_bridge().for_each_with(
                        sender,
                        |sender, (index, item)| {
                            // The receiver only goes when this scope ends.
                            let _ = sender.send((index, work(item)));
                        },
                    );
                });
            });
            let mut waiting = BTreeMap::new();
            let mut next = 0;
            for (index, result) in results {
                waiting.insert(index, result);
                while let Some(result) = waiting.remove(&next) {
                    done(result);
                    next += 1;
                }
            }
        });
    }
}
