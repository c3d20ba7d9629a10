//! The pest parser generated from `grammar/careplan.pest`.

#![allow(missing_docs)]

/// The careplan pest parser.
#[derive(pest_derive::Parser)]
#[grammar = "../grammar/careplan.pest"]
pub(crate) struct CareplanParser;
