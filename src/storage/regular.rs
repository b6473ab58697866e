//! Only regular files are opened as sessions and inputs: a FIFO, a
//! device or a socket in their place is refused at once (opening a FIFO
//! to read waits for a writer forever). A symbolic link is followed: a
//! session reached through a link is read and written at its target, so
//! the link stays a link.

use std::fs::{File, Metadata, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

pub use crate::words::files::NotRegular;

/// What `meta` describes when it is not a regular file.
pub fn kind_of(meta: &Metadata) -> Option<NotRegular> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some(NotRegular::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some(NotRegular::Fifo);
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Some(NotRegular::Device);
        }
        if kind.is_socket() {
            return Some(NotRegular::Socket);
        }
    }
    Some(NotRegular::Other)
}

fn refuse(kind: NotRegular) -> io::Error {
    let io_kind = match kind {
        NotRegular::Folder => io::ErrorKind::IsADirectory,
        _ => io::ErrorKind::InvalidInput,
    };
    io::Error::new(io_kind, kind)
}

/// Refuse `path` when something other than a regular file is there
/// (a missing file passes: the caller says what that means).
pub fn check(path: &Path) -> io::Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) => kind_of(&meta).map_or(Ok(()), |kind| Err(refuse(kind))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Open a regular file for reading, never waiting: checked before
/// opening, opened without blocking (a FIFO swapped in meanwhile does not
/// hang), and checked again once open.
pub fn open(path: &Path) -> io::Result<File> {
    let meta = std::fs::metadata(path)?;
    if let Some(kind) = kind_of(&meta) {
        return Err(refuse(kind));
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path)?;
    if let Some(kind) = kind_of(&file.metadata()?) {
        return Err(refuse(kind));
    }
    Ok(file)
}

/// The file a path names, through its symbolic links (a relative link
/// is read from the link's folder); the path itself when it is no link.
pub fn follow(path: &Path) -> PathBuf {
    let mut path = path.to_path_buf();
    // More than 40 links: a loop; the system will say so on opening.
    for _ in 0..40 {
        let is_link = path
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            break;
        }
        let Ok(target) = std::fs::read_link(&path) else {
            break;
        };
        path = match path.parent() {
            Some(dir) if target.is_relative() => dir.join(target),
            _ => target,
        };
    }
    path
}

/// A folder as messages name it: its real path rather than `.`.
pub fn shown(path: &Path) -> PathBuf {
    if (path.as_os_str().is_empty() || path == Path::new("."))
        && let Ok(dir) = std::env::current_dir()
    {
        return dir;
    }
    path.to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_at_once_and_a_file_opens() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("f");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.unwrap().success());
        let err = open(&fifo).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        let kind = err.get_ref().and_then(|e| e.downcast_ref::<NotRegular>());
        assert_eq!(kind, Some(&NotRegular::Fifo));
        assert!(check(&fifo).is_err());
        assert!(check(&dir.path().join("missing")).is_ok());
        assert_eq!(
            open(dir.path()).unwrap_err().kind(),
            io::ErrorKind::IsADirectory
        );
        let file = dir.path().join("a.csv");
        std::fs::write(&file, "x").unwrap();
        assert!(open(&file).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_from_their_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("real")).unwrap();
        std::os::unix::fs::symlink("real/s.json", dir.path().join("s.json")).unwrap();
        std::os::unix::fs::symlink("s.json", dir.path().join("again.json")).unwrap();
        assert_eq!(
            follow(&dir.path().join("again.json")),
            dir.path().join("real/s.json")
        );
        let plain = dir.path().join("plain.json");
        assert_eq!(follow(&plain), plain);
    }

    #[test]
    fn a_folder_is_named_by_its_real_path_never_dot() {
        use crate::domain::Lang;
        use crate::storage::{Action, StoreError};
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(shown(Path::new(".")), cwd);
        assert_eq!(shown(Path::new("")), cwd);
        assert_eq!(shown(Path::new("x")), Path::new("x"));
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        let message = StoreError::io(Path::new("."), Action::Write, denied).message(Lang::En);
        assert_eq!(
            message,
            format!("{}: cannot write (permission denied)", cwd.display())
        );
    }
}
