//! Typed, layered configuration: defaults, then `pathways.toml` (if present), then `PATHWAYS_*` variables.
//! Secrets are wrapped so that `Debug` never prints them. Unknown keys in the file are warned about, and a
//! bad value fails the start with a message naming the key.

use std::path::Path;

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use pathways_domain::deployment::{self, Deployment, Region};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Deserialize)]
pub struct Config {
    /// `sqlite://path` (default) or `postgres://…`. May hold a password, hence secret.
    pub database_url: SecretString,
    /// Where `serve` listens.
    pub bind: String,
    /// The public origin (`https://pathways.example.org`). When it is HTTPS, cookies are `Secure` and
    /// `__Host-` prefixed. Form posts must come from this origin (or from the request's own host when unset).
    pub public_url: Option<String>,
    /// The deployment's 24/7 access line, shown on every public page beside 988.
    pub access_line_name: String,
    pub access_line_phone: String,
    pub session_idle_minutes: i64,
    pub session_absolute_hours: i64,
    /// Password of the demo accounts made by `serve --demo`; random when unset.
    pub demo_password: Option<SecretString>,
    /// How many reverse proxies in front of Pathways append to `X-Forwarded-For` (default 0: the header is
    /// ignored). With N, the client address is the N-th entry from the right — the one the outermost trusted proxy
    /// wrote; entries further left were written by the client and are never believed.
    pub trusted_proxy_hops: u8,
    /// Deprecated: `true` means `trusted_proxy_hops = 1` (one proxy).
    pub trust_forwarded_for: bool,
    /// How many days a new API token lasts (default 90).
    pub api_token_days: i64,
    /// `json` (default) or `text`.
    pub log_format: String,
    /// How long a bed hold lasts without an admission (default 4).
    pub bed_hold_hours: i64,
    /// How old a program's bed count may be before it is flagged stale (default 8).
    pub capacity_stale_hours: i64,
    /// How often the outreach rules run for the persons whose records changed, in seconds (default 15; 0 turns
    /// the background runner off in this process, e.g. when another process on the same database runs it).
    pub outreach_every_seconds: u64,
    /// The month (1–12) the state's fiscal year starts in, for the outcome reports (default 7: July–June).
    pub fiscal_year_start_month: u32,
    /// Staff roles that must use two-factor sign-in (`two_factor_required_roles = ["admin", "supervisor",
    /// "clinician"]`, or `PATHWAYS_TWO_FACTOR_REQUIRED_ROLES=admin,supervisor,clinician`); everyone else may
    /// choose it. As written; [`Config::two_factor_required`] is what it says, checked.
    #[serde(rename = "two_factor_required_roles", deserialize_with = "roles_list")]
    two_factor_roles_settings: Vec<String>,
    /// The roles that must use two-factor sign-in.
    #[serde(skip)]
    pub two_factor_required: Vec<pathways_domain::Role>,
    /// The `[deployment]` section as written; [`Config::deployment`] is what it says, checked.
    #[serde(rename = "deployment")]
    deployment_settings: DeploymentSettings,
    /// Where Pathways is deployed: the state, its default time zone and the access line's regions (Connecticut
    /// unless configured).
    #[serde(skip)]
    pub deployment: Deployment,
    /// The age public key (`age1…`) `pathways backup` encrypts to (issue 23). Its secret half stays off the
    /// server, in `backup_identity_file` only on the machine that restores.
    #[serde(default)]
    pub backup_recipient: Option<String>,
    /// Or a passphrase `pathways backup` encrypts with (age's scrypt), for a deployment without key files. Never
    /// taken from the command line.
    #[serde(default)]
    pub backup_passphrase: Option<SecretString>,
    /// The age identity file (`AGE-SECRET-KEY-1…`, as `age-keygen` writes it) `pathways restore` decrypts with.
    #[serde(default)]
    pub backup_identity_file: Option<String>,
    /// The key of the audit trail's keyed hashes (HMAC-SHA-256), kept outside the database: whoever can write the
    /// database but doesn't hold it cannot rewrite the trail unnoticed. At least 32 characters.
    #[serde(default)]
    pub audit_key: Option<SecretString>,
    /// `[smtp]`: where password reset links are mailed from (none: links are only shown to whoever issues them).
    #[serde(default)]
    pub smtp: Option<SmtpSettings>,
    /// When set, `GET /metrics` answers only a request with `Authorization: Bearer <metrics_token>` (what
    /// Prometheus sends with `authorization: { credentials: … }`); anyone else gets 401. At least 32 characters.
    /// Unset: `/metrics` is open to whoever reaches the bind address (keep it off the reverse proxy).
    #[serde(default)]
    pub metrics_token: Option<SecretString>,
}

/// The `[smtp]` section of `pathways.toml` (or `PATHWAYS_SMTP_HOST`, `…_PORT`, `…_FROM`, `…_USERNAME`,
/// `…_PASSWORD`, `…_STARTTLS`). Mail goes out only when `host` and `from` are set.
#[derive(Clone, Debug, Deserialize)]
pub struct SmtpSettings {
    pub host: String,
    #[serde(default = "SmtpSettings::default_port")]
    pub port: u16,
    /// The sender, e.g. `Pathways <no-reply@pathways.example.org>`.
    pub from: String,
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default)]
    pub password: Option<SecretString>,
    /// Upgrade the connection with STARTTLS (default true); false only for a relay on the same machine.
    #[serde(default = "SmtpSettings::default_starttls")]
    pub starttls: bool,
}

impl SmtpSettings {
    fn default_port() -> u16 {
        587
    }

    fn default_starttls() -> bool {
        true
    }
}

const SMTP_KEYS: [&str; 6] = ["host", "port", "from", "username", "password", "starttls"];

/// The `[deployment]` section of `pathways.toml` (or `PATHWAYS_DEPLOYMENT_STATE`, `…_STATE_NAME`,
/// `…_TIME_ZONE`, `…_REGIONS`).
#[derive(Clone, Debug, Deserialize, Serialize)]
struct DeploymentSettings {
    state: String,
    state_name: String,
    time_zone: String,
    regions: Vec<RegionSettings>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
struct RegionSettings {
    name: String,
    /// Town names or ZIP codes.
    #[serde(default)]
    places: Vec<String>,
}

const DEPLOYMENT_KEYS: [&str; 4] = ["state", "state_name", "time_zone", "regions"];

impl Default for DeploymentSettings {
    fn default() -> Self {
        let d = Deployment::default();
        Self {
            state: d.state,
            state_name: d.state_name,
            time_zone: deployment::DEFAULT_TIME_ZONE_NAME.to_owned(),
            regions: d.regions.into_iter().map(|r| RegionSettings { name: r.name, places: r.places }).collect(),
        }
    }
}

impl DeploymentSettings {
    /// The checked settings; a bad value is named by its key.
    fn check(&self) -> Result<Deployment, String> {
        let bad = |key: &str, why: String| format!("configuration: deployment.{key}: {why}");
        let state = deployment::parse_state(&self.state).map_err(|e| bad("state", e))?;
        let state_name = self.state_name.trim();
        if state_name.is_empty() {
            return Err(bad("state_name", "must name the state".into()));
        }
        let time_zone = deployment::parse_time_zone(&self.time_zone).map_err(|e| bad("time_zone", e))?;
        let mut regions: Vec<Region> = Vec::new();
        for r in &self.regions {
            let name = r.name.trim();
            if name.is_empty() {
                return Err(bad("regions", "every region needs a name".into()));
            }
            if regions.iter().any(|o| o.name.eq_ignore_ascii_case(name)) {
                return Err(bad("regions", format!("{name:?} is named twice")));
            }
            let places = r.places.iter().map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()).collect();
            regions.push(Region { name: name.to_owned(), places });
        }
        Ok(Deployment { state, state_name: state_name.to_owned(), time_zone, regions })
    }
}

/// The defaults, as a serializable mirror (secrets can't be serialized on purpose).
#[derive(Serialize)]
struct Defaults {
    database_url: &'static str,
    bind: &'static str,
    access_line_name: &'static str,
    access_line_phone: &'static str,
    session_idle_minutes: i64,
    session_absolute_hours: i64,
    trusted_proxy_hops: u8,
    trust_forwarded_for: bool,
    api_token_days: i64,
    log_format: &'static str,
    bed_hold_hours: i64,
    capacity_stale_hours: i64,
    outreach_every_seconds: u64,
    fiscal_year_start_month: u32,
    two_factor_required_roles: Vec<&'static str>,
    deployment: DeploymentSettings,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://pathways-data/pathways.db";

const KNOWN_KEYS: [&str; 24] = [
    "database_url",
    "metrics_token",
    "backup_recipient",
    "backup_passphrase",
    "backup_identity_file",
    "audit_key",
    "bind",
    "public_url",
    "access_line_name",
    "access_line_phone",
    "session_idle_minutes",
    "session_absolute_hours",
    "demo_password",
    "trusted_proxy_hops",
    "trust_forwarded_for",
    "api_token_days",
    "log_format",
    "bed_hold_hours",
    "capacity_stale_hours",
    "outreach_every_seconds",
    "fiscal_year_start_month",
    "deployment",
    "smtp",
    "two_factor_required_roles",
];

impl Config {
    /// Loads the configuration from `pathways.toml` in `dir` and the environment.
    pub fn load(dir: &Path) -> Result<(Self, Vec<String>), String> {
        Self::load_file(&dir.join("pathways.toml"))
    }

    /// Loads the configuration from `file` (if present) and the environment: what `PATHWAYS_CONFIG` names, e.g.
    /// `/etc/pathways/pathways.toml` under the Debian package's systemd unit.
    pub fn load_file(file: &Path) -> Result<(Self, Vec<String>), String> {
        let mut warnings = unknown_keys_in(file);
        let figment = Figment::from(Serialized::defaults(Defaults {
            database_url: DEFAULT_DATABASE_URL,
            bind: "127.0.0.1:8080",
            access_line_name: "Connecticut DMHAS Access Line",
            access_line_phone: "1-800-563-4086",
            session_idle_minutes: 15,
            session_absolute_hours: 12,
            trusted_proxy_hops: 0,
            trust_forwarded_for: false,
            api_token_days: 90,
            log_format: "json",
            bed_hold_hours: 4,
            capacity_stale_hours: 8,
            outreach_every_seconds: 15,
            fiscal_year_start_month: pathways_domain::outcomes::DEFAULT_FISCAL_YEAR_START_MONTH,
            two_factor_required_roles: pathways_domain::two_factor::DEFAULT_REQUIRED_ROLES.map(|r| r.as_str()).to_vec(),
            deployment: DeploymentSettings::default(),
        }))
        .merge(Toml::file(file))
        .merge(Env::prefixed("PATHWAYS_").only(&KNOWN_KEYS))
        .merge(
            Env::prefixed("PATHWAYS_DEPLOYMENT_")
                .only(&DEPLOYMENT_KEYS)
                .map(|k| format!("deployment.{}", k.as_str()).into()),
        )
        .merge(Env::prefixed("PATHWAYS_SMTP_").only(&SMTP_KEYS).map(|k| format!("smtp.{}", k.as_str()).into()));
        let mut config: Config = figment.extract().map_err(|e| format!("configuration: {e}"))?;
        if config.trust_forwarded_for {
            warnings.push(
                "configuration: trust_forwarded_for is deprecated; it now means trusted_proxy_hops = 1 (set \
                 trusted_proxy_hops to the number of proxies in front of Pathways instead)"
                    .into(),
            );
            config.trusted_proxy_hops = config.trusted_proxy_hops.max(1);
        }
        config.check()?;
        config.deployment = config.deployment_settings.check()?;
        config.two_factor_required = two_factor_roles(&config.two_factor_roles_settings)?;
        Ok((config, warnings))
    }

    fn check(&self) -> Result<(), String> {
        if self.session_idle_minutes < 1 || self.session_absolute_hours < 1 {
            return Err("configuration: session_idle_minutes and session_absolute_hours must be at least 1".into());
        }
        if !(1..=72).contains(&self.bed_hold_hours) || !(1..=168).contains(&self.capacity_stale_hours) {
            return Err("configuration: bed_hold_hours must be 1 to 72 and capacity_stale_hours 1 to 168".into());
        }
        if self.outreach_every_seconds > 3600 {
            return Err("configuration: outreach_every_seconds must be 0 (off) to 3600".into());
        }
        if !self.access_line_phone.chars().any(|c| c.is_ascii_digit()) {
            return Err("configuration: access_line_phone must be a phone number".into());
        }
        if let Some(url) = &self.public_url {
            url::Url::parse(url).map_err(|e| format!("configuration: public_url: {e}"))?;
        }
        if !(1..=366).contains(&self.api_token_days) {
            return Err("configuration: api_token_days must be 1 to 366".into());
        }
        if !(1..=12).contains(&self.fiscal_year_start_month) {
            return Err("configuration: fiscal_year_start_month must be 1 to 12".into());
        }
        if !matches!(self.log_format.as_str(), "json" | "text") {
            return Err("configuration: log_format must be json or text".into());
        }
        for (key, secret) in [("audit_key", &self.audit_key), ("metrics_token", &self.metrics_token)] {
            if secret.as_ref().is_some_and(|s| s.expose_secret().len() < 32) {
                return Err(format!(
                    "configuration: {key} must be at least 32 characters (e.g. `openssl rand -hex 32`)"
                ));
            }
        }
        if let Some(smtp) = &self.smtp {
            crate::mail::Mailer::new(smtp).map_err(|e| format!("configuration: smtp: {e}"))?;
        }
        Ok(())
    }

    pub fn database_url(&self) -> &str {
        self.database_url.expose_secret()
    }

    /// Whether cookies must be `Secure` (the deployment is served over HTTPS).
    pub fn secure_cookies(&self) -> bool {
        self.public_url.as_deref().is_some_and(|u| u.starts_with("https://"))
    }

    /// The site's own origin, against which every redirect target is resolved (a placeholder origin when no
    /// public URL is configured: a path resolves the same way against any origin).
    pub fn public_origin(&self) -> url::Url {
        self.public_url
            .as_deref()
            .and_then(|u| url::Url::parse(u).ok())
            .unwrap_or_else(|| url::Url::parse("http://pathways.invalid/").expect("a fixed URL parses"))
    }

    /// Whether to send `Strict-Transport-Security`: the public URL is HTTPS.
    pub fn hsts(&self) -> bool {
        self.secure_cookies()
    }

    /// A warning for `serve` when Pathways listens beyond this machine without HTTPS in front of it: sign-in
    /// passwords and health records would cross the network in the clear.
    pub fn transport_warning(&self) -> Option<String> {
        let host = self.bind.rsplit_once(':').map_or(self.bind.as_str(), |(h, _)| h);
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let loopback =
            host.eq_ignore_ascii_case("localhost") || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback());
        (!loopback && !self.secure_cookies()).then(|| {
            format!(
                "Pathways is listening on {} (beyond this machine) but public_url is not an https:// address: \
                 passwords and health records must not cross a network unencrypted. Put Pathways behind a proxy that \
                 terminates TLS and set public_url = \"https://…\", or bind to 127.0.0.1.",
                self.bind
            )
        })
    }

    /// The access line number as a `tel:` target: digits with a leading `+1` for North American numbers.
    pub fn access_line_tel(&self) -> String {
        let digits: String = self.access_line_phone.chars().filter(char::is_ascii_digit).collect();
        match digits.len() {
            10 => format!("+1{digits}"),
            11 if digits.starts_with('1') => format!("+{digits}"),
            _ => digits,
        }
    }

    /// A configuration for tests and tools: defaults with the given database.
    pub fn for_database(url: &str) -> Self {
        Self {
            database_url: SecretString::from(url.to_owned()),
            bind: "127.0.0.1:0".into(),
            public_url: None,
            access_line_name: "Connecticut DMHAS Access Line".into(),
            access_line_phone: "1-800-563-4086".into(),
            session_idle_minutes: 15,
            session_absolute_hours: 12,
            demo_password: None,
            trusted_proxy_hops: 0,
            trust_forwarded_for: false,
            api_token_days: 90,
            log_format: "json".into(),
            bed_hold_hours: 4,
            capacity_stale_hours: 8,
            outreach_every_seconds: 15,
            fiscal_year_start_month: pathways_domain::outcomes::DEFAULT_FISCAL_YEAR_START_MONTH,
            two_factor_roles_settings: pathways_domain::two_factor::DEFAULT_REQUIRED_ROLES
                .map(|r| r.as_str().to_owned())
                .to_vec(),
            two_factor_required: pathways_domain::two_factor::DEFAULT_REQUIRED_ROLES.to_vec(),
            deployment_settings: DeploymentSettings::default(),
            deployment: Deployment::default(),
            smtp: None,
            backup_recipient: None,
            backup_passphrase: None,
            backup_identity_file: None,
            audit_key: None,
            metrics_token: None,
        }
    }

    /// This configuration deployed elsewhere (tests and tools).
    pub fn with_deployment(mut self, deployment: Deployment) -> Self {
        self.deployment_settings = DeploymentSettings {
            state: deployment.state.clone(),
            state_name: deployment.state_name.clone(),
            time_zone: deployment.time_zone.name().to_owned(),
            regions: deployment
                .regions
                .iter()
                .map(|r| RegionSettings { name: r.name.clone(), places: r.places.clone() })
                .collect(),
        };
        self.deployment = deployment;
        self
    }

    /// This configuration with other roles required to use two-factor sign-in (tests and tools).
    pub fn with_two_factor_required(mut self, roles: &[pathways_domain::Role]) -> Self {
        self.two_factor_roles_settings = roles.iter().map(|r| r.as_str().to_owned()).collect();
        self.two_factor_required = roles.to_vec();
        self
    }

    /// How long a bed hold lasts.
    pub fn bed_hold(&self) -> chrono::Duration {
        chrono::Duration::hours(self.bed_hold_hours)
    }

    /// How old a bed count may be before it is stale.
    pub fn capacity_stale_after(&self) -> chrono::Duration {
        chrono::Duration::hours(self.capacity_stale_hours)
    }
}

/// Keys in the file that Pathways does not know (likely typos): warned about, not fatal.
fn unknown_keys_in(file: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(file) else { return Vec::new() };
    let Ok(value) = Figment::from(Toml::string(&text)).extract::<figment::value::Dict>() else { return Vec::new() };
    let mut unknown: Vec<String> = value
        .keys()
        .filter(|k| !KNOWN_KEYS.contains(&k.as_str()))
        .map(|k| format!("pathways.toml: unknown key {k:?} is ignored"))
        .collect();
    if let Some(section) = value.get("deployment").and_then(figment::value::Value::as_dict) {
        unknown.extend(
            section
                .keys()
                .filter(|k| !DEPLOYMENT_KEYS.contains(&k.as_str()))
                .map(|k| format!("pathways.toml: unknown key \"deployment.{k}\" is ignored")),
        );
    }
    if let Some(section) = value.get("smtp").and_then(figment::value::Value::as_dict) {
        unknown.extend(
            section
                .keys()
                .filter(|k| !SMTP_KEYS.contains(&k.as_str()))
                .map(|k| format!("pathways.toml: unknown key \"smtp.{k}\" is ignored")),
        );
    }
    unknown
}

/// `two_factor_required_roles` as a list (the file) or as one comma-separated string (the environment; empty for
/// none).
fn roles_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Roles {
        List(Vec<String>),
        Text(String),
    }
    Ok(match Roles::deserialize(d)? {
        Roles::List(list) => list,
        Roles::Text(text) => text.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect(),
    })
}

/// The roles named, checked: an unknown one fails the start (a typo must not silently turn a requirement off).
fn two_factor_roles(names: &[String]) -> Result<Vec<pathways_domain::Role>, String> {
    let mut roles = Vec::new();
    for name in names {
        let role = name
            .trim()
            .to_lowercase()
            .parse::<pathways_domain::Role>()
            .map_err(|_| format!("configuration: two_factor_required_roles: {name:?} is not a staff role"))?;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    Ok(roles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_prints_secrets() {
        let mut c = Config::for_database("postgres://pathways:hunter2-secret@db/pathways");
        c.demo_password = Some(SecretString::from("demo-secret-password".to_owned()));
        c.backup_passphrase = Some(SecretString::from("backup-secret-phrase".to_owned()));
        c.audit_key = Some(SecretString::from("audit-secret-key-0123456789abcdef0123".to_owned()));
        let shown = format!("{c:?}");
        assert!(!shown.contains("hunter2-secret"), "{shown}");
        assert!(!shown.contains("demo-secret-password"), "{shown}");
        assert!(!shown.contains("backup-secret-phrase") && !shown.contains("audit-secret-key"), "{shown}");
    }

    #[test]
    fn listening_beyond_this_machine_without_https_is_warned_about() {
        let at = |bind: &str, public: Option<&str>| {
            let mut c = Config::for_database("sqlite://x");
            c.bind = bind.into();
            c.public_url = public.map(str::to_owned);
            c.transport_warning()
        };
        assert_eq!(at("127.0.0.1:8080", None), None);
        assert_eq!(at("[::1]:8080", None), None);
        assert_eq!(at("localhost:8080", None), None);
        assert!(at("0.0.0.0:8080", None).is_some_and(|w| w.contains("0.0.0.0:8080") && w.contains("https")));
        assert!(at("[::]:8080", Some("http://pathways.example.org")).is_some());
        assert_eq!(at("0.0.0.0:8080", Some("https://pathways.example.org")), None);
    }

    #[test]
    #[expect(clippy::result_large_err, reason = "figment's Jail fixes the closure's error type")]
    fn the_old_forwarded_for_switch_means_one_proxy_and_is_warned_about() {
        let dir = tempfile::tempdir().expect("dir");
        figment::Jail::expect_with(|jail| {
            let (c, warnings) = Config::load(dir.path()).map_err(|e| e.to_string())?;
            assert_eq!((c.trusted_proxy_hops, c.api_token_days), (0, 90));
            assert!(warnings.is_empty());
            jail.set_env("PATHWAYS_TRUST_FORWARDED_FOR", "true");
            let (c, warnings) = Config::load(dir.path()).map_err(|e| e.to_string())?;
            assert_eq!(c.trusted_proxy_hops, 1);
            assert!(warnings.iter().any(|w| w.contains("trusted_proxy_hops")), "{warnings:?}");
            jail.set_env("PATHWAYS_TRUSTED_PROXY_HOPS", "2");
            assert_eq!(Config::load(dir.path()).map_err(|e| e.to_string())?.0.trusted_proxy_hops, 2);
            jail.set_env("PATHWAYS_API_TOKEN_DAYS", "0");
            assert!(Config::load(dir.path()).expect_err("0 days").contains("api_token_days"));
            Ok(())
        });
    }

    #[test]
    #[expect(clippy::result_large_err, reason = "figment's Jail fixes the closure's error type")]
    fn the_fiscal_year_starts_in_july_unless_set_to_another_month() {
        let dir = tempfile::tempdir().expect("dir");
        figment::Jail::expect_with(|jail| {
            assert_eq!(Config::load(dir.path()).map_err(|e| e.to_string())?.0.fiscal_year_start_month, 7);
            jail.set_env("PATHWAYS_FISCAL_YEAR_START_MONTH", "10");
            assert_eq!(Config::load(dir.path()).map_err(|e| e.to_string())?.0.fiscal_year_start_month, 10);
            jail.set_env("PATHWAYS_FISCAL_YEAR_START_MONTH", "13");
            assert!(Config::load(dir.path()).expect_err("13").contains("fiscal_year_start_month"));
            Ok(())
        });
    }

    #[test]
    #[expect(clippy::result_large_err, reason = "figment's Jail fixes the closure's error type")]
    fn smtp_settings_come_from_the_file_and_the_environment_and_hide_the_password() {
        let dir = tempfile::tempdir().expect("dir");
        std::fs::write(
            dir.path().join("pathways.toml"),
            "[smtp]\nhost = \"mail.example.org\"\nfrom = \"Pathways <no-reply@example.org>\"\nusername = \"pathways\"\n",
        )
        .expect("write");
        figment::Jail::expect_with(|jail| {
            jail.set_env("PATHWAYS_SMTP_PASSWORD", "smtp-secret-password");
            let (c, warnings) = Config::load(dir.path()).map_err(|e| e.to_string())?;
            assert!(warnings.is_empty(), "{warnings:?}");
            let smtp = c.smtp.clone().expect("smtp");
            assert_eq!((smtp.host.as_str(), smtp.port, smtp.starttls), ("mail.example.org", 587, true));
            assert_eq!(
                smtp.password.as_ref().map(|p| p.expose_secret().to_owned()).as_deref(),
                Some("smtp-secret-password")
            );
            assert!(!format!("{c:?}").contains("smtp-secret-password"));
            Ok(())
        });
        std::fs::write(
            dir.path().join("pathways.toml"),
            "[smtp]\nhost = \"mail.example.org\"\nfrom = \"not an address\"\n",
        )
        .expect("write");
        figment::Jail::expect_with(|_| {
            let err = Config::load(dir.path()).expect_err("a bad sender is refused at start");
            assert!(err.contains("smtp"), "{err}");
            Ok(())
        });
    }

    #[test]
    #[expect(clippy::result_large_err, reason = "figment's Jail fixes the closure's error type")]
    fn two_factor_roles_default_to_those_reaching_records_and_are_configurable() {
        use pathways_domain::Role;
        let dir = tempfile::tempdir().expect("dir");
        figment::Jail::expect_with(|_| {
            let (c, _) = Config::load(dir.path()).map_err(|e| e.to_string())?;
            assert_eq!(c.two_factor_required, [Role::Admin, Role::Supervisor, Role::Clinician]);
            Ok(())
        });
        figment::Jail::expect_with(|jail| {
            jail.set_env("PATHWAYS_TWO_FACTOR_REQUIRED_ROLES", "admin, coach");
            let (c, _) = Config::load(dir.path()).map_err(|e| e.to_string())?;
            assert_eq!(c.two_factor_required, [Role::Admin, Role::Coach]);
            Ok(())
        });
        std::fs::write(dir.path().join("pathways.toml"), "two_factor_required_roles = []\n").expect("write");
        figment::Jail::expect_with(|_| {
            let (c, _) = Config::load(dir.path()).map_err(|e| e.to_string())?;
            assert!(c.two_factor_required.is_empty());
            Ok(())
        });
        std::fs::write(dir.path().join("pathways.toml"), "two_factor_required_roles = [\"admn\"]\n").expect("write");
        figment::Jail::expect_with(|_| {
            let err = Config::load(dir.path()).expect_err("unknown role");
            assert!(err.contains("two_factor_required_roles") && err.contains("admn"), "{err}");
            Ok(())
        });
    }

    #[test]
    fn access_line_becomes_a_tel_target() {
        assert_eq!(Config::for_database("sqlite://x").access_line_tel(), "+18005634086");
    }

    #[test]
    #[expect(clippy::result_large_err, reason = "figment's Jail fixes the closure's error type")]
    fn file_then_environment_override_defaults_and_unknown_keys_warn() {
        let dir = tempfile::tempdir().expect("dir");
        std::fs::write(dir.path().join("pathways.toml"), "bind = \"0.0.0.0:9000\"\nsesion_idle_minutes = 5\n")
            .expect("write");
        figment::Jail::expect_with(|jail| {
            jail.set_env("PATHWAYS_ACCESS_LINE_PHONE", "1-860-555-0100");
            let (c, warnings) = Config::load(dir.path()).map_err(|e| e.to_string())?;
            assert_eq!(c.bind, "0.0.0.0:9000");
            assert_eq!(c.access_line_phone, "1-860-555-0100");
            assert_eq!(c.database_url(), DEFAULT_DATABASE_URL);
            assert_eq!(warnings.len(), 1);
            assert!(warnings[0].contains("sesion_idle_minutes"));
            Ok(())
        });
    }

    #[test]
    #[expect(clippy::result_large_err, reason = "figment's Jail fixes the closure's error type")]
    fn connecticut_unless_another_deployment_is_configured() {
        let dir = tempfile::tempdir().expect("dir");
        figment::Jail::expect_with(|_| {
            let (c, _) = Config::load(dir.path()).map_err(|e| e.to_string())?;
            assert_eq!(c.deployment, Deployment::default());
            Ok(())
        });
        std::fs::write(
            dir.path().join("pathways.toml"),
            "[deployment]\nstate = \"az\"\nstate_name = \"Arizona\"\ntime_zone = \"America/Phoenix\"\n\
             regions = [{ name = \"Central\", places = [\"Phoenix\", \"85004\"] }]\ncolour = 1\n",
        )
        .expect("write");
        figment::Jail::expect_with(|jail| {
            jail.set_env("PATHWAYS_DEPLOYMENT_STATE_NAME", "State of Arizona");
            let (c, warnings) = Config::load(dir.path()).map_err(|e| e.to_string())?;
            assert_eq!((c.deployment.state.as_str(), c.deployment.state_name.as_str()), ("AZ", "State of Arizona"));
            assert_eq!(c.deployment.time_zone, chrono_tz::America::Phoenix);
            assert_eq!(c.deployment.region_of("85004").map(|r| r.name.as_str()), Some("Central"));
            assert_eq!(warnings.len(), 1, "{warnings:?}");
            assert!(warnings[0].contains("deployment.colour"));
            Ok(())
        });
    }

    #[test]
    #[expect(clippy::result_large_err, reason = "figment's Jail fixes the closure's error type")]
    fn a_bad_deployment_value_names_its_key() {
        let dir = tempfile::tempdir().expect("dir");
        for (toml, key) in [
            ("[deployment]\ntime_zone = \"Mountain\"\n", "deployment.time_zone"),
            ("[deployment]\nstate = \"Arizona\"\n", "deployment.state"),
            ("[deployment]\nregions = [{ name = \" \" }]\n", "deployment.regions"),
        ] {
            std::fs::write(dir.path().join("pathways.toml"), toml).expect("write");
            figment::Jail::expect_with(|_| {
                let err = Config::load(dir.path()).expect_err("bad value");
                assert!(err.contains(key), "{err}");
                Ok(())
            });
        }
    }

    #[test]
    #[expect(clippy::result_large_err, reason = "figment's Jail fixes the closure's error type")]
    fn a_bad_value_names_its_key() {
        let dir = tempfile::tempdir().expect("dir");
        std::fs::write(dir.path().join("pathways.toml"), "session_idle_minutes = \"soon\"\n").expect("write");
        figment::Jail::expect_with(|_| {
            let err = Config::load(dir.path()).expect_err("bad value");
            assert!(err.contains("session_idle_minutes"), "{err}");
            Ok(())
        });
    }
}
