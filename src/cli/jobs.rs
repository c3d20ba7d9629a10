//! Many files on every core: `--jobs`, and threads that check files in
//! parallel while their output is written in file order.
//!
//! Each thread takes the next file in order from a shared counter, so the
//! results waiting for an earlier, slower file stay few: the output streams
//! as it is ready, and nothing is held to the end. The calling thread is
//! one of the workers, and writes what is ready between its own files
//! without waiting on the others: two threads on two cores, rather than a
//! pool's plus one woken for every result (which cost a third more work
//! in context switches over 5,000 files).

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
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
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let threads = self.jobs.map_or(cores, usize::from).min(items.len());
        if threads <= 1 {
            return items.iter().map(work).for_each(done);
        }
        let taken = AtomicUsize::new(0);
        let take = || {
            let index = taken.fetch_add(1, Ordering::Relaxed);
            Some(index).zip(items.get(index))
        };
        let work = &work;
        let (sender, results) = mpsc::channel();
        std::thread::scope(|scope| {
            for _ in 1..threads {
                let sender = sender.clone();
                scope.spawn(move || {
                    while let Some((index, item)) = take() {
                        // The receiver only goes when this scope ends.
                        let _ = sender.send((index, work(item)));
                    }
                });
            }
            drop(sender);
            let mut waiting = BTreeMap::new();
            let mut next = 0;
            let mut ready = |waiting: &mut BTreeMap<usize, R>| {
                while let Some(result) = waiting.remove(&next) {
                    done(result);
                    next += 1;
                }
            };
            while let Some((index, item)) = take() {
                waiting.insert(index, work(item));
                waiting.extend(results.try_iter());
                ready(&mut waiting);
            }
            for (index, result) in results {
                waiting.insert(index, result);
                ready(&mut waiting);
            }
        });
    }
}
