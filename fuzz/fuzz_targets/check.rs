//! Any text, through everything a plan file reaches (see
//! `tests/integration/harness.rs`, which the regression replay shares).

#![no_main]

#[path = "../../tests/integration/harness.rs"]
#[allow(dead_code)] // each target uses one of its functions
mod harness;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        harness::check_everything(text);
    }
});
