//! careplan: parse, interpret, check and render plain-text treatment plans.
//!
//! The data flows one way: text → [`parse()`] → [`ast::Document`] →
//! [`interpret()`] → [`interpret::Record`] → [`check()`] → diagnostics.
//!
//! ```
//! use careplan::{check, CheckOptions};
//! let today = jiff::civil::date(2026, 11, 22);
//! let analysis = check("plan \"Low mood\"\n  opened 2026-09-01\n", &CheckOptions::new(today));
//! assert!(analysis.diagnostics.iter().all(|d| d.rule.name() != "syntax"));
//! ```

#![warn(missing_docs)]

// pest_derive without its `std` feature refers to `alloc` from the crate root.
extern crate alloc;

pub mod analytics;
pub mod ast;
pub mod catalogue;
pub mod check;
pub mod config;
pub mod diagnostic;
pub mod export;
pub mod fix;
pub mod interpret;
pub mod note;
pub mod parse;
pub mod rule;
pub mod rules;
pub mod server;
pub mod session;
pub mod span;
pub mod suggest;
pub mod summary;
pub mod suppress;
pub mod template;
pub mod vocabulary;
pub mod words;

pub use check::{Analysis, CheckOptions, Fixed, autofix, check, check_parsed};
pub use diagnostic::{Diagnostic, Severity};
pub use interpret::interpret;
pub use parse::{Parsed, parse};
pub use rule::Rule;
pub mod emit;
pub mod format;
pub mod workspace;
