use std::path::Path;

use crate::domain::Lang;

use super::{Outcome, coming};

pub fn import(flag: Option<Lang>, _file: &Path, _csv: &Path) -> Outcome {
    coming(
        flag,
        "`scores import` arrive bientôt.",
        "`scores import` is coming soon.",
    )
}

pub fn export(flag: Option<Lang>, _file: &Path, _out: Option<&Path>) -> Outcome {
    coming(
        flag,
        "`scores export` arrive bientôt.",
        "`scores export` is coming soon.",
    )
}
