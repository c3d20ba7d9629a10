//! careplan's integration tests: one test binary, one module per area.

mod cli;
mod docs;
mod fixtures;
mod generate;
mod parser;
mod robustness;
mod test;
