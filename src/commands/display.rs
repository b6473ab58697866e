use std::path::Path;

use crate::domain::Lang;

use super::{Outcome, coming};

pub fn run(flag: Option<Lang>, _file: &Path) -> Outcome {
    coming(
        flag,
        "L'affichage de scène arrive bientôt.",
        "The stage display is coming soon.",
    )
}
