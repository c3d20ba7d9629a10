//! Any input typed at the REPL, line by line (commands that touch files
//! aside), then completion and highlighting at every point of each line.

#![no_main]

use careplan::CheckOptions;
use careplan::session::{Assembler, Session, complete, highlight};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(typed) = std::str::from_utf8(data) else {
        return;
    };
    let mut session = Session::new(CheckOptions::new(jiff::civil::date(2026, 11, 22)));
    let mut input = Assembler::default();
    for line in typed.lines() {
        // `:load` and `:save` would read and write files of the machine.
        let command = line.trim_start();
        if command.starts_with(":l") || command.starts_with(":sa") {
            continue;
        }
        for done in input.push(line) {
            session.enter(done);
        }
    }
    for done in input.finish() {
        session.enter(done);
    }
    // The prompt completes and highlights the entry being typed: each line
    // here, at every cursor position.
    for line in typed.lines() {
        for (at, _) in line.char_indices().chain([(line.len(), ' ')]) {
            let before = &line[..at];
            let completion = complete(before, &session);
            assert!(completion.start <= before.len());
            for (range, _) in highlight(before, &session) {
                assert!(before.get(range).is_some());
            }
        }
    }
});
