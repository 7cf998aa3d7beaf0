//! The database's files on disk: readable by the account Pathways runs as and nobody else (issue 23).
//!
//! A SQLite database holds every record, consent scan and password hash, and its WAL holds recent changes in the
//! clear: the folder is made `0700` and every file in it `0600`. The binary sets the process's umask to `077`
//! first, so files SQLite creates later (a new WAL, a backup's temporary copy) are private from the start; the
//! `chmod`s here cover files made by an earlier version or another tool. A folder that others can already read is
//! never "fixed" silently: [`check_private_dir`] refuses, naming the command that fixes it, because the files in
//! it may already have been copied.

use std::fs;
use std::io;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The mode of the data folder.
pub const DIR_MODE: u32 = 0o700;
/// The mode of every database, WAL, scan and backup file.
pub const FILE_MODE: u32 = 0o600;

/// The file a `sqlite:` URL names, or `None` for an in-memory database or another backend.
pub fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let (path, query) = rest.split_once('?').map_or((rest, ""), |(p, q)| (p, q));
    if path.is_empty() || path == ":memory:" || query.split('&').any(|kv| kv == "mode=memory") {
        return None;
    }
    Some(PathBuf::from(path))
}

/// The folder holding a database file (the current folder for a bare file name).
pub fn data_dir(db_file: &Path) -> PathBuf {
    match db_file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A SQLite database's files: the database, its write-ahead log and its shared-memory index.
pub fn sqlite_files(db_file: &Path) -> [PathBuf; 3] {
    let with = |suffix: &str| {
        let mut s = db_file.as_os_str().to_owned();
        s.push(suffix);
        PathBuf::from(s)
    };
    [db_file.to_path_buf(), with("-wal"), with("-shm")]
}

/// Creates `dir` (and its parents) as `0700` when missing.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.exists() {
        return Ok(());
    }
    fs::DirBuilder::new().recursive(true).mode(DIR_MODE).create(dir)
}

/// Sets a file that exists to `0600`.
pub fn make_private(file: &Path) -> io::Result<()> {
    match fs::metadata(file) {
        Ok(m) if m.permissions().mode() & 0o777 != FILE_MODE => {
            fs::set_permissions(file, fs::Permissions::from_mode(FILE_MODE))
        }
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Creates a new file (never an existing one) that only its owner can read or write.
pub fn create_private_file(path: &Path) -> io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new().write(true).create_new(true).mode(FILE_MODE).open(path)
}

/// Refuses a data folder that other accounts on the machine can read, enter or write: the message names the
/// folder, its mode and the command that fixes it. A folder that doesn't exist yet is fine (it is made `0700`).
pub fn check_private_dir(dir: &Path) -> Result<(), String> {
    let meta = match fs::metadata(dir) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("cannot read the data folder {}: {e}", dir.display())),
    };
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 == 0 {
        return Ok(());
    }
    let shown = dir.display();
    Err(format!(
        "the data folder {shown} can be read by other accounts on this machine (mode {mode:04o}): anyone with a \
         shell here could copy every record. Pathways will not run until only its own account can use it. Fix it \
         with:\n    chmod 700 {shown} && chmod 600 {shown}/*\n(and consider whether the files were already copied)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_name_their_file_and_memory_has_none() {
        assert_eq!(sqlite_file("sqlite://pathways-data/pathways.db"), Some(PathBuf::from("pathways-data/pathways.db")));
        assert_eq!(sqlite_file("sqlite:///var/lib/p/p.db?mode=rwc"), Some(PathBuf::from("/var/lib/p/p.db")));
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("sqlite://x.db?mode=memory&cache=shared"), None);
        assert_eq!(sqlite_file("postgres://db/p"), None);
        assert_eq!(data_dir(Path::new("p.db")), PathBuf::from("."));
        assert_eq!(data_dir(Path::new("d/p.db")), PathBuf::from("d"));
    }

    #[test]
    fn a_folder_others_can_read_is_refused_with_the_fix() {
        let root = tempfile::tempdir().expect("dir");
        let dir = root.path().join("data");
        assert!(check_private_dir(&dir).is_ok(), "a folder not yet made is fine");
        create_private_dir(&dir).expect("create");
        assert_eq!(fs::metadata(&dir).expect("meta").permissions().mode() & 0o777, 0o700);
        assert!(check_private_dir(&dir).is_ok());
        for mode in [0o755, 0o750, 0o701, 0o770] {
            fs::set_permissions(&dir, fs::Permissions::from_mode(mode)).expect("chmod");
            let e = check_private_dir(&dir).expect_err("refused");
            assert!(e.contains(&format!("{mode:04o}")) && e.contains("chmod 700"), "{e}");
        }
    }

    #[test]
    fn files_are_made_private_and_new_ones_are_private_from_the_start() {
        let root = tempfile::tempdir().expect("dir");
        let f = root.path().join("p.db");
        fs::write(&f, b"x").expect("write");
        fs::set_permissions(&f, fs::Permissions::from_mode(0o644)).expect("chmod");
        make_private(&f).expect("private");
        assert_eq!(fs::metadata(&f).expect("meta").permissions().mode() & 0o777, 0o600);
        make_private(&root.path().join("missing")).expect("a missing file is fine");
        let n = root.path().join("new");
        create_private_file(&n).expect("create");
        assert_eq!(fs::metadata(&n).expect("meta").permissions().mode() & 0o777, 0o600);
        assert!(create_private_file(&n).is_err(), "never over an existing file");
    }
}
