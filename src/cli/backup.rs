//! `pathways backup` and `pathways restore` (issue 23): encrypted backups, and a restore that checks the copy
//! before it replaces the live database.
//!
//! A backup is an [age](https://age-encryption.org/v1) file — to the configured recipient's public key
//! (`backup_recipient`; its secret half stays on the machine that restores) or with the configured passphrase
//! (`backup_passphrase`), never a key given on the command line (it would sit in the shell's history and in `ps`).
//! Readable with the `age` tool too. SQLite: a consistent online copy (`VACUUM INTO`, into the private data folder)
//! encrypted as it is read. PostgreSQL: `pg_dump --format=custom` piped through the encryption, so no plain
//! dump touches the disk.
//!
//! `restore` decrypts into a new database (a new file beside the live one; a new PostgreSQL database through
//! `pg_restore`), checks it (SQLite's `integrity_check`, the audit chain, migrations this build knows) and only
//! then swaps it in, keeping the old database under a new name.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use age::secrecy::{ExposeSecret as _, SecretString};
use anyhow::{Context as _, bail};
use pathways_store::files::{self, create_private_file, sqlite_file};
use pathways_store::sea_orm::{ConnectionTrait as _, Database};
use pathways_store::{Store, audit, restore};
use pathways_web::Config;

use super::connect;

/// The key (or passphrase) backups are encrypted with.
fn encryptor(config: &Config) -> anyhow::Result<age::Encryptor> {
    if let Some(r) = config.backup_recipient.as_deref() {
        let recipient: age::x25519::Recipient = r
            .trim()
            .parse()
            .map_err(|e| anyhow::anyhow!("configuration: backup_recipient is not an age public key (age1…): {e}"))?;
        return Ok(age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))?);
    }
    if let Some(p) = &config.backup_passphrase {
        return Ok(age::Encryptor::with_user_passphrase(SecretString::from(p.expose_secret().to_owned())));
    }
    bail!(
        "backups are encrypted, and no key is configured. Set backup_recipient = \"age1…\" (the public key \
         `age-keygen` prints; keep its secret half off this machine, for restoring) or backup_passphrase, in \
         pathways.toml or as PATHWAYS_BACKUP_RECIPIENT / PATHWAYS_BACKUP_PASSPHRASE"
    )
}

/// The identities a backup can be decrypted with.
fn identities(config: &Config) -> anyhow::Result<Vec<Box<dyn age::Identity>>> {
    let mut out: Vec<Box<dyn age::Identity>> = Vec::new();
    if let Some(path) = config.backup_identity_file.as_deref() {
        let file = age::IdentityFile::from_file(path.to_owned())
            .with_context(|| format!("configuration: backup_identity_file {path}"))?;
        out.extend(file.into_identities().with_context(|| format!("configuration: backup_identity_file {path}"))?);
    }
    if let Some(p) = &config.backup_passphrase {
        out.push(Box::new(age::scrypt::Identity::new(SecretString::from(p.expose_secret().to_owned()))));
    }
    if out.is_empty() {
        bail!(
            "no key to decrypt the backup with: set backup_identity_file (the age identity file whose public key \
             is backup_recipient) or backup_passphrase, in pathways.toml or as PATHWAYS_BACKUP_IDENTITY_FILE / \
             PATHWAYS_BACKUP_PASSPHRASE"
        )
    }
    Ok(out)
}

/// Encrypts everything `input` gives into the new file `to` (0600); on any failure the partial file is removed.
fn encrypt_into(encryptor: age::Encryptor, input: &mut dyn Read, to: &Path) -> anyhow::Result<u64> {
    let out = create_private_file(to).with_context(|| format!("cannot create {}", to.display()))?;
    let written = (|| -> io::Result<u64> {
        let mut w = encryptor.wrap_output(BufWriter::new(out))?;
        let n = io::copy(input, &mut w)?;
        let mut inner = w.finish()?;
        inner.flush()?;
        inner.into_inner().map_err(io::IntoInnerError::into_error)?.sync_all()?;
        Ok(n)
    })();
    written.map_err(|e| {
        let _ = std::fs::remove_file(to);
        anyhow::anyhow!("cannot write the backup {}: {e}", to.display())
    })
}

/// A reader of the decrypted backup.
fn decrypt(config: &Config, from: &Path) -> anyhow::Result<impl Read> {
    let ids = identities(config)?;
    let file = File::open(from).with_context(|| format!("cannot open {}", from.display()))?;
    let d = age::Decryptor::new_buffered(BufReader::new(file))
        .with_context(|| format!("{} is not an encrypted Pathways backup (age)", from.display()))?;
    d.decrypt(ids.iter().map(|i| i.as_ref() as &dyn age::Identity))
        .with_context(|| format!("cannot decrypt {} with the configured key", from.display()))
}

pub(super) async fn backup(config: Config, to: &Path) -> anyhow::Result<ExitCode> {
    let encryptor = encryptor(&config)?;
    if to.exists() {
        bail!("{} already exists; choose a new file", to.display());
    }
    let store = connect(&config).await?;
    let bytes = match sqlite_file(config.database_url()) {
        Some(db) => {
            // The plain copy stays inside the private data folder, and only until it is encrypted.
            let tmp = files::data_dir(&db).join(format!(".backup-{}.db", uuid::Uuid::now_v7().simple()));
            store.backup_sqlite(&tmp).await?;
            store.close().await?;
            let result = File::open(&tmp)
                .with_context(|| format!("cannot read {}", tmp.display()))
                .and_then(|f| encrypt_into(encryptor, &mut BufReader::new(f), to));
            let _ = std::fs::remove_file(&tmp);
            result?
        }
        None => {
            check_pg_tools(&store, "pg_dump").await?;
            store.close().await?;
            let mut child = pg_command("pg_dump", config.database_url())?
                .arg("--format=custom")
                .stdout(Stdio::piped())
                .spawn()
                .context("cannot run pg_dump (install the PostgreSQL client tools)")?;
            let mut dump = child.stdout.take().context("pg_dump's output")?;
            let result = encrypt_into(encryptor, &mut dump, to);
            let status = child.wait()?;
            if !status.success() {
                let _ = std::fs::remove_file(to);
                bail!("pg_dump failed ({status}); no backup was written");
            }
            result?
        }
    };
    println!("Backed up {bytes} bytes, encrypted, to {}.", to.display());
    Ok(ExitCode::SUCCESS)
}

pub(super) async fn restore(config: Config, from: &Path) -> anyhow::Result<ExitCode> {
    let stamp = chrono::Utc::now().format("%y%m%d%H%M%S").to_string();
    match sqlite_file(config.database_url()) {
        Some(live) => restore_sqlite(&config, from, &live, &stamp).await,
        None => restore_postgres(&config, from, &stamp).await,
    }
}

async fn restore_sqlite(config: &Config, from: &Path, live: &Path, stamp: &str) -> anyhow::Result<ExitCode> {
    let dir = files::data_dir(live);
    files::check_private_dir(&dir).map_err(anyhow::Error::msg)?;
    files::create_private_dir(&dir)?;
    let with_suffix = |suffix: &str| {
        let mut s = live.as_os_str().to_owned();
        s.push(suffix);
        PathBuf::from(s)
    };
    let candidate = with_suffix(&format!(".restoring-{stamp}"));
    let mut plain = decrypt(config, from)?;
    let copied = (|| -> anyhow::Result<()> {
        let mut out = BufWriter::new(create_private_file(&candidate)?);
        io::copy(&mut plain, &mut out).context("cannot decrypt the backup (damaged or cut short?)")?;
        out.into_inner().map_err(io::IntoInnerError::into_error)?.sync_all()?;
        Ok(())
    })();
    let remove_candidate = || {
        for f in files::sqlite_files(&candidate) {
            let _ = std::fs::remove_file(f);
        }
    };
    if let Err(e) = copied {
        remove_candidate();
        return Err(e.context("the backup was not restored; the live database is unchanged"));
    }
    let url = format!("sqlite://{}", candidate.display());
    if let Err(e) = check_candidate(&url).await {
        remove_candidate();
        return Err(e.context("the backup was not restored; the live database is unchanged"));
    }
    // The swap: the live database's files move aside together (a WAL stays with its database), then the checked
    // copy takes the live name.
    let kept = with_suffix(&format!(".before-restore-{stamp}"));
    if live.exists() {
        for (a, b) in files::sqlite_files(live).iter().zip(files::sqlite_files(&kept)) {
            if a.exists() {
                std::fs::rename(a, &b).with_context(|| format!("cannot move {} aside", a.display()))?;
            }
        }
    }
    for (a, b) in files::sqlite_files(&candidate).iter().zip(files::sqlite_files(live)) {
        if a.exists() {
            std::fs::rename(a, &b).with_context(|| format!("cannot move the restored copy to {}", b.display()))?;
        }
    }
    println!("Restored {} into {}.", from.display(), live.display());
    if kept.exists() {
        println!("The previous database is kept as {}.", kept.display());
    }
    Ok(ExitCode::SUCCESS)
}

async fn restore_postgres(config: &Config, from: &Path, stamp: &str) -> anyhow::Result<ExitCode> {
    let live_url = url::Url::parse(config.database_url()).context("database_url")?;
    let live = live_url.path().trim_start_matches('/').to_owned();
    if live.is_empty() || !live.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        bail!("restore needs a database name of letters, digits and _ in database_url (found {live:?})");
    }
    let (new, old) = (format!("{live}_new{stamp}"), format!("{live}_old{stamp}"));
    if old.len() > 63 {
        bail!("the database name {live:?} is too long to keep the old copy beside it (PostgreSQL's limit is 63)");
    }
    let on = |db: &str| {
        let mut u = live_url.clone();
        u.set_path(&format!("/{db}"));
        u.to_string()
    };
    let live_store = connect(config).await?;
    check_pg_tools(&live_store, "pg_restore").await?;
    live_store.close().await?;
    let admin = Database::connect(on("postgres")).await.context("cannot connect to the server's postgres database")?;
    admin.execute_unprepared(&format!("CREATE DATABASE \"{new}\"")).await?;
    let drop_new = async || {
        let _ = admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{new}\" WITH (FORCE)")).await;
    };
    let loaded = (|| -> anyhow::Result<()> {
        let mut plain = decrypt(config, from)?;
        let mut child = pg_command("pg_restore", &on(&new))?
            .args(["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"])
            .stdin(Stdio::piped())
            .spawn()
            .context("cannot run pg_restore (install the PostgreSQL client tools)")?;
        let mut stdin = child.stdin.take().context("pg_restore's input")?;
        let copied = io::copy(&mut plain, &mut stdin);
        drop(stdin);
        let status = child.wait()?;
        copied.context("cannot decrypt the backup (damaged or cut short?)")?;
        if !status.success() {
            bail!("pg_restore failed ({status})");
        }
        Ok(())
    })();
    if let Err(e) = loaded {
        drop_new().await;
        return Err(e.context("the backup was not restored; the live database is unchanged"));
    }
    if let Err(e) = check_candidate(&on(&new)).await {
        drop_new().await;
        return Err(e.context("the backup was not restored; the live database is unchanged"));
    }
    admin.execute_unprepared(&format!("ALTER DATABASE \"{live}\" RENAME TO \"{old}\"")).await.with_context(|| {
        format!(
            "cannot rename the live database (stop every Pathways server first); the checked restored copy is \
             kept as {new}"
        )
    })?;
    admin.execute_unprepared(&format!("ALTER DATABASE \"{new}\" RENAME TO \"{live}\"")).await?;
    admin.close().await.ok();
    println!("Restored {} into {live}.", from.display());
    println!("The previous database is kept as {old}.");
    Ok(ExitCode::SUCCESS)
}

/// Opens the restored copy without migrating it and checks it: SQLite's integrity check, migrations this build
/// knows, the audit chain. Prints what it holds.
async fn check_candidate(url: &str) -> anyhow::Result<()> {
    let store = Store::connect(url).await.context("cannot open the restored copy")?;
    let result = async {
        restore::integrity_check(&store)
            .await?
            .map_err(|e| anyhow::anyhow!("the restored copy fails SQLite's integrity check: {e}"))?;
        let m = restore::migration_state(&store).await?;
        if !m.unknown.is_empty() {
            bail!(
                "the backup comes from a newer Pathways (migrations this build does not know: {}); restore it \
                 with that version",
                m.unknown.join(", ")
            );
        }
        let v = audit::verify(store.reader(), audit::key()).await?;
        if let Some(broken) = v.broken {
            bail!("the restored copy's audit trail is broken after {} intact events: {broken}", v.checked);
        }
        let tables = restore::fingerprint(store.reader()).await?;
        println!(
            "Checked the restored copy: integrity ok, {} migrations ({} to apply at the next start), audit trail \
             intact ({} events), {} tables, {} rows.",
            m.applied,
            m.pending.len(),
            v.checked,
            tables.len(),
            tables.iter().map(|t| t.rows).sum::<u64>()
        );
        Ok(())
    }
    .await;
    store.close().await.ok();
    result
}

/// `pg_dump`/`pg_restore` for `url`, the password passed in the environment (`PGPASSWORD`), never on the command
/// line where any account could read it.
fn pg_command(program: &str, url: &str) -> anyhow::Result<Command> {
    let mut u = url::Url::parse(url).context("database_url")?;
    let mut c = Command::new(program);
    if let Some(p) = u.password() {
        let p = url::form_urlencoded::parse(format!("p={p}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default();
        c.env("PGPASSWORD", p);
        let _ = u.set_password(None);
    }
    c.arg(format!("--dbname={u}"));
    Ok(c)
}

/// Refuses a `pg_dump`/`pg_restore` older than the server: an older client cannot read a newer server's schema.
async fn check_pg_tools(store: &Store, program: &str) -> anyhow::Result<()> {
    let out = Command::new(program)
        .arg("--version")
        .output()
        .with_context(|| format!("cannot run {program} (install the PostgreSQL client tools)"))?;
    let said = String::from_utf8_lossy(&out.stdout);
    let client: u32 = said
        .split_whitespace()
        .find_map(|w| w.split('.').next().and_then(|m| m.parse().ok()))
        .with_context(|| format!("cannot read {program}'s version from {said:?}"))?;
    let row = store
        .reader()
        .query_one_raw(pathways_store::sea_orm::Statement::from_string(
            store.backend(),
            "SELECT current_setting('server_version_num')::int / 10000",
        ))
        .await?
        .context("the server's version")?;
    let server: i32 = row.try_get_by_index(0)?;
    if i64::from(client) < i64::from(server) {
        bail!("{program} is version {client} but the server is {server}: install the PostgreSQL {server} client tools");
    }
    Ok(())
}
