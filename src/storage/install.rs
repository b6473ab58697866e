//! Files shipped inside the binary, copied into a folder (the demo forum).

use std::io::Write;
use std::path::Path;

/// Write `files` (name, content) into `dir`, creating it. Unless `reset`,
/// nothing is written when the first file is already there (the user's
/// copy is kept). Each file is written to a temporary file in `dir`, then
/// renamed over its name. Returns whether the files were written.
pub fn install(dir: &Path, files: &[(&str, &[u8])], reset: bool) -> std::io::Result<bool> {
    let Some((first, _)) = files.first() else {
        return Ok(false);
    };
    if !reset && dir.join(first).exists() {
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
    fn keeps_a_copy_unless_reset() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("demo");
        let files: &[(&str, &[u8])] = &[("a.json", b"one"), ("a.json.journal", b"j")];
        assert!(install(&target, files, false).unwrap());
        std::fs::write(target.join("a.json"), b"mine").unwrap();
        assert!(!install(&target, files, false).unwrap());
        assert_eq!(std::fs::read(target.join("a.json")).unwrap(), b"mine");
        assert!(install(&target, files, true).unwrap());
        assert_eq!(std::fs::read(target.join("a.json")).unwrap(), b"one");
        assert_eq!(std::fs::read(target.join("a.json.journal")).unwrap(), b"j");
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
