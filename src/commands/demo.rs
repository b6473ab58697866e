use crate::cli::DemoArgs;
use crate::domain::Lang;

use super::{Outcome, coming};

pub fn run(flag: Option<Lang>, _args: &DemoArgs) -> Outcome {
    coming(
        flag,
        "Le forum de démonstration et l'interface en direct arrivent bientôt.",
        "The demo forum and the live interface are coming soon.",
    )
}
