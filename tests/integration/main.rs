//! careplan's integration tests: one test binary, one module per area.

mod cli;
mod config;
mod docs;
mod editors;
mod export;
mod fixtures;
mod fmt;
mod formats;
mod generate;
mod guarantees;
mod harness;
mod integrity;
mod jobs;
mod layers;
mod ledger;
mod lsp;
mod new;
mod note;
mod one_mistake;
mod parser;
mod real;
mod repl;
mod robustness;
mod summary;
mod summary_site;
mod test;
