//! Tests of the ranking engine: design.md's worked examples, ties, the
//! cut-off, decisions, minimum sheets, warnings and properties.

mod analysis;
mod cutoff;
mod examples;
mod json;
mod props;
mod robustness;
mod sheets;
pub(crate) mod support;
mod ties;
mod voided;
