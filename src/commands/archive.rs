//! `podium archive FILE -o forum.zip`: everything for the records in one
//! zip. A reader: never locks, never writes FILE.

use std::path::Path;

use chrono::Utc;

use crate::cli::{ArchiveArgs, MinutesFormat};
use crate::domain::{Lang, Method, ranking};
use crate::report::{self, archive::Entry};
use crate::storage::{self, output::Privacy};
use crate::words::output as words;

use super::{Failure, Outcome, minutes, output};

pub fn run(flag: Option<Lang>, args: &ArchiveArgs) -> Outcome {
    let loaded = output::load(flag, &args.file, false)?;
    // The archive holds every ranking: a sealed session is refused, not
    // archived without them.
    super::seal::refuse_if_sealed(&loaded, &args.file)?;
    let lang = loaded.lang;
    let (state, journal) =
        storage::output::raw_files(&args.file).map_err(|e| Failure::one(lang, e.message(lang)))?;
    let name = args.file.file_name().map_or_else(
        || "session.json".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut entries = vec![
        Entry::new(name.clone(), state),
        Entry::new(format!("{name}.journal"), journal),
    ];
    let cx = loaded.context();
    for method in Method::ALL {
        let ranking = ranking::rank(&loaded.session, method);
        let id = method.id();
        entries.push(Entry::new(
            format!("results/{id}.json"),
            report::json(&ranking),
        ));
        entries.push(Entry::new(
            format!("results/{id}.csv"),
            report::csv(&ranking, &cx),
        ));
        if method == loaded.session.settings.method {
            entries.push(Entry::new("results.html", report::page(&ranking, &cx)));
        }
    }
    for (format, file) in [
        (MinutesFormat::Md, "minutes.md"),
        (MinutesFormat::Html, "minutes.html"),
    ] {
        entries.push(Entry::new(
            file,
            minutes::render(&loaded, &args.file, format)?,
        ));
    }
    let now = Utc::now().with_timezone(&loaded.offset);
    let made = now.format("%Y-%m-%d %H:%M:%S").to_string();
    let manifest = report::archive::manifest(&cx, &entries, &made, storage::digest::line_digest);
    entries.insert(0, Entry::new("MANIFEST.txt", manifest));
    let bytes = report::archive::zip(&entries, now.naive_local()).map_err(|e| {
        Failure::one(
            lang,
            words::cannot_write(&args.output, &e.to_string(), lang),
        )
    })?;
    // The session itself is inside: owner only.
    output::write(
        &args.file,
        Some(Path::new(&args.output)),
        &bytes,
        Privacy::OwnerOnly,
        lang,
    )
}
