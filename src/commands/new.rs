use crate::cli::NewArgs;
use crate::domain::Lang;

use super::{Outcome, coming};

pub fn run(flag: Option<Lang>, _args: &NewArgs) -> Outcome {
    coming(flag, "`new` arrive bientôt.", "`new` is coming soon.")
}
