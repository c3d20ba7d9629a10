//! `careplan lsp`: a language server over the Language Server Protocol,
//! for editors. It shows the checker's findings as the clinician types,
//! and answers quick fixes, hover, go to definition, references, rename,
//! outline, folding, formatting, semantic tokens, inlay hints, code
//! lenses and completion, all from the library: nothing here
//! knows the language beyond what the library tells it.
//!
//! One thread does everything: it applies every queued message, then checks
//! again each document that changed once the queue is empty, and publishes
//! its findings with the document's version. A handler that panics is
//! answered with an error and the server carries on. It never logs a
//! document's text (nor anything else: it writes only protocol messages).
//!
//! ```no_run
//! // What `careplan lsp` does:
//! let (connection, io) = lsp_server::Connection::stdio();
//! careplan::server::run(connection).ok();
//! io.join().ok();
//! ```

mod actions;
mod annotations;
mod completion;
mod connection;
mod diagnostics;
mod documents;
mod formatting;
mod hover;
mod navigation;
mod positions;
mod symbols;
mod tokens;

pub use connection::{ServerError, run};
pub use positions::{Encoding, Lines};

use crate::session::Session;
use crate::span::Span;
use documents::Document;
use lsp_types::{Position, Range, Uri};

/// Why a request got no answer but an error: a message for the person.
#[derive(Debug)]
pub(crate) struct Refusal(pub String);

impl Refusal {
    fn not_open(uri: &Uri) -> Refusal {
        Refusal(format!("{} is not open in the editor", uri.as_str()))
    }
}

/// An open document with its current check, for a request about it.
pub(crate) struct Open<'a> {
    /// The document.
    pub document: &'a Document,
    /// Its check (of exactly its text).
    pub session: &'a Session,
    /// The negotiated position encoding.
    pub encoding: Encoding,
}

impl Open<'_> {
    /// The document's text.
    pub fn text(&self) -> &str {
        self.document.text()
    }

    /// The byte offset of `position`.
    pub fn offset(&self, position: Position) -> usize {
        self.document
            .lines()
            .offset(self.text(), position, self.encoding)
    }

    /// The byte span of `range`.
    pub fn span(&self, range: Range) -> Span {
        self.document
            .lines()
            .span(self.text(), range, self.encoding)
    }

    /// The range of `span`.
    pub fn range(&self, span: Span) -> Range {
        self.document
            .lines()
            .range(self.text(), span, self.encoding)
    }
}
