//! The formatter's guarantees on any text it accepts: formatting twice
//! changes nothing, and the plan's meaning and comments survive.

#![no_main]

#[path = "../../tests/integration/guarantees.rs"]
mod guarantees;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        guarantees::holds("fuzz", text);
    }
});
