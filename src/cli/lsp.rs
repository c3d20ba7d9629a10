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
    // The reader thread ends when the editor closes standard input; how it
    // ended adds nothing to what `run` said.
    let _ = io.join();
    match served {
        Ok(()) => Outcome::Clean,
        // The protocol asks for exit code 1 here.
        Err(careplan::server::ServerError::ExitWithoutShutdown) => Outcome::Failed,
        Err(error) => fail(error),
    }
}
