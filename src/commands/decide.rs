use crate::cli::DecideArgs;
use crate::domain::Lang;

use super::{Outcome, coming};

pub fn run(flag: Option<Lang>, _args: &DecideArgs) -> Outcome {
    coming(flag, "`decide` arrive bientôt.", "`decide` is coming soon.")
}
