//! Outgoing mail over SMTP (`[smtp]` in `pathways.toml`), with `lettre`: STARTTLS through rustls unless the
//! relay is on the same machine. Pathways mails one thing, a password reset link, and never anything about a
//! person's health or care (42 CFR Part 2): the message says only that a link was made, the link, its code and
//! when it stops working.

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;

use crate::config::SmtpSettings;

/// A configured SMTP relay and sender.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer").field("from", &self.from.email.to_string()).finish_non_exhaustive()
    }
}

impl Mailer {
    /// The relay the settings name; a sender that is not an address is refused (at start).
    pub fn new(s: &SmtpSettings) -> Result<Self, String> {
        let from: Mailbox = s.from.parse().map_err(|e| format!("from: {e}"))?;
        if s.host.trim().is_empty() {
            return Err("host must be set".into());
        }
        let mut builder = if s.starttls {
            AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&s.host).map_err(|e| format!("host: {e}"))?
        } else {
            AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&s.host)
        };
        builder = builder.port(s.port).timeout(Some(std::time::Duration::from_secs(15)));
        if let (Some(user), Some(password)) = (&s.username, &s.password) {
            builder = builder.credentials(Credentials::new(user.clone(), password.expose_secret().to_owned()));
        }
        Ok(Self { transport: builder.build(), from })
    }

    /// Sends a plain-text message. The error says what failed, never to whom or what.
    pub async fn send(&self, to: &str, subject: &str, body: String) -> Result<(), String> {
        let to: Mailbox = to.parse().map_err(|_| "the recipient is not an address".to_owned())?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| format!("message: {e}"))?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| format!("smtp: {e}"))
    }
}
