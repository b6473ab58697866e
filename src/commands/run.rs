use std::path::Path;

use crate::domain::Lang;

use super::{Outcome, coming};

pub fn run(flag: Option<Lang>, _file: &Path) -> Outcome {
    coming(
        flag,
        "L'interface en direct arrive bientôt.",
        "The live interface is coming soon.",
    )
}
