//! Files shipped inside the binary, copied into a folder (the demo forum).

use std::io::Write;
use std::path::Path;

/// Write `files` (name, content) into `dir`, creating it, unless one of
/// the files named in `kept_if` is already there (the user's copy: a
/// session or only its journal) — then nothing is written. Each file is
/// written to a temporary file in `dir`, then renamed over its name.
/// Returns whether the files were written.
pub fn install(dir: &Path, files: &[(&str, &[u8])], kept_if: &[&str]) -> std::io::Result<bool> {
    if kept_if
        .iter()
        .any(|name| dir.join(name).symlink_metadata().is_ok())
    {
        return Ok(false);
    }
    std::fs::create_dir_all(dir)?;
    // The journal before the state, so a reader never sees a state whose
    // journal is an older session's.
    for (name, content) in files.iter().rev() {
        let mut temp = tempfile::NamedTempFile::new_in(dir)?;
        temp.write_all(content)?;
        temp.as_file().sync_all()?;
        temp.persist(dir.join(name)).map_err(|e| e.error)?;
    }
    Ok(true)
}

/// Create `dir` (and its parents) if missing.
pub fn folder(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

/// Write `files` (name, content) into `dir`, each replacing the file there
/// (temporary file, then rename). A file there with other content is first
/// moved into `backup` (when given), never lost.
pub fn restore(dir: &Path, files: &[(&str, &[u8])], backup: Option<&Path>) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, content) in files {
        let target = dir.join(name);
        if let Some(backup) = backup
            && let Ok(old) = std::fs::read(&target)
            && old != *content
        {
            std::fs::rename(&target, backup.join(name))?;
        }
        let mut temp = tempfile::NamedTempFile::new_in(dir)?;
        temp.write_all(content)?;
        temp.as_file().sync_all()?;
        temp.persist(target).map_err(|e| e.error)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_a_copy_or_its_journal_alone() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("demo");
        let files: &[(&str, &[u8])] = &[("a.json", b"one"), ("a.json.journal", b"j")];
        let kept_if = ["a.json", "a.json.journal"];
        assert!(install(&target, files, &kept_if).unwrap());
        std::fs::write(target.join("a.json"), b"mine").unwrap();
        assert!(!install(&target, files, &kept_if).unwrap());
        assert_eq!(std::fs::read(target.join("a.json")).unwrap(), b"mine");
        // The state gone, the journal alone is the user's copy too.
        std::fs::remove_file(target.join("a.json")).unwrap();
        std::fs::write(target.join("a.json.journal"), b"my lines").unwrap();
        assert!(!install(&target, files, &kept_if).unwrap());
        assert_eq!(
            std::fs::read(target.join("a.json.journal")).unwrap(),
            b"my lines"
        );
        assert!(!target.join("a.json").exists());
    }

    #[test]
    fn restore_moves_a_changed_file_into_the_backup() {
        let dir = tempfile::tempdir().unwrap();
        let backup = dir.path().join("backup");
        std::fs::create_dir(&backup).unwrap();
        std::fs::write(dir.path().join("a.csv"), b"mine").unwrap();
        std::fs::write(dir.path().join("b.csv"), b"two").unwrap();
        let files: &[(&str, &[u8])] = &[("a.csv", b"one"), ("b.csv", b"two"), ("c.csv", b"3")];
        restore(dir.path(), files, Some(&backup)).unwrap();
        for (name, content) in files {
            assert_eq!(std::fs::read(dir.path().join(name)).unwrap(), *content);
        }
        assert_eq!(std::fs::read(backup.join("a.csv")).unwrap(), b"mine");
        assert!(!backup.join("b.csv").exists(), "unchanged: not copied");
        assert!(!backup.join("c.csv").exists());
    }
}
