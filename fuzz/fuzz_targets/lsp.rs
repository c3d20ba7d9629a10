//! An editor session with `careplan lsp`: random incremental edits and
//! every request at random positions (see `tests/integration/lsp/fuzz.rs`,
//! which the regression replay and a property test share).

#![no_main]

#[path = "../../tests/integration/lsp/fuzz.rs"]
mod fuzz;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fuzz::session(data);
});
