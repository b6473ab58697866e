use crate::cli::ResultsArgs;
use crate::domain::Lang;

use super::{Outcome, coming};

pub fn run(flag: Option<Lang>, _args: &ResultsArgs) -> Outcome {
    coming(
        flag,
        "`results` arrive bientôt.",
        "`results` is coming soon.",
    )
}
