//! `careplan lsp`: the language server on standard input and output.

use super::{Outcome, fail};

/// Serves one editor until it says `exit`.
pub fn run() -> Outcome {
    // A panic's message can quote the text it was reading: say only where
    // it happened (the server answers the request with an error and goes on).
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map_or_else(String::new, |l| format!(" at {}:{}", l.file(), l.line()));
        eprintln!("careplan lsp: internal error{at}");
    }));
    let (connection, io) = lsp_server::Connection::stdio();
    let served = careplan::server::run(connection);
    // The reader thread ends when the editor closes standard input.
    let joined = io.join();
    match (served, joined) {
        (Ok(()), _) => Outcome::Clean,
        (Err(error), _) => fail(error),
    }
}
