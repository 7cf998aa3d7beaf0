//! The middleware every request passes, outermost first:
//! 1. [`observe`]: a request id (always ours), one structured log line, and metrics — route template, status and duration,
//!    never the path's values, the query, or any body.
//! 2. [`security_headers`]: CSP, nosniff, no-referrer, no framing, HSTS over HTTPS; `no-store` unless a response
//!    says otherwise.
//! 3. [`context`]: the session, language, CSRF token and flash; afterwards, errors rendered as a page or JSON.

use std::net::SocketAddr;
use std::time::Instant;

use axum::body::Body;
use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::locale::Locale;
use pathways_domain::session::SessionState;
use pathways_store::audit::{self, AuditEntry};
use pathways_store::sessions;

use crate::auth::cookies::{self, CookieNames};
use crate::auth::secret::{random_token, token_hash};
use crate::ctx::{Caller, Ctx};
use crate::error::{ErrorInfo, WebError};
use crate::state::AppState;
use crate::views;

/// The language of an API caller's account, learnt only once its token is checked (in the extractor, after
/// this middleware has run), so that errors are rendered in it.
#[derive(Clone, Debug, Default)]
pub struct ApiLocale(pub std::sync::Arc<std::sync::OnceLock<Locale>>);

/// The request id, available to every later layer and handler.
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

static X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

pub async fn observe(mut req: Request, next: Next) -> Response {
    let started = Instant::now();
    // The request id is always ours: it goes into the audit trail, where a client must not be able to write. A
    // client's own id (a proxy's or an API client's, for tracing) is kept beside it in the log line only.
    let id = uuid::Uuid::now_v7().to_string();
    let client_id = req
        .headers()
        .get(&X_REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| (8..=64).contains(&v.len()) && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .map(str::to_owned);
    req.extensions_mut().insert(RequestId(id.clone()));
    let method = req.method().as_str().to_owned();
    let route = req.extensions().get::<MatchedPath>().map_or("unmatched", |m| m.as_str()).to_owned();
    let mut resp = next.run(req).await;
    let status = resp.status().as_u16();
    let elapsed = started.elapsed();
    if let Ok(v) = HeaderValue::from_str(&id) {
        resp.headers_mut().insert(X_REQUEST_ID.clone(), v);
    }
    crate::metrics::record_request(&method, &route, status, elapsed.as_secs_f64());
    if route != "/healthz" && route != "/metrics" {
        tracing::info!(
            request_id = %id,
            client_request_id = client_id.as_deref().unwrap_or(""),
            method = %method,
            route = %route,
            status,
            duration_ms = elapsed.as_secs_f64() * 1000.0,
            "request"
        );
    }
    resp
}

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; \
connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; manifest-src 'self'";

/// One year, subdomains included: sent only when the public URL is HTTPS (over plain HTTP browsers ignore it,
/// and sending it from a development server on localhost would pin the browser to HTTPS there).
const HSTS: &str = "max-age=31536000; includeSubDomains";

pub async fn security_headers(State(hsts): State<bool>, req: Request, next: Next) -> Response {
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    if hsts {
        h.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    }
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(HeaderName::from_static("cross-origin-opener-policy"), HeaderValue::from_static("same-origin"));
    h.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(self)"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    resp
}

/// Resolves the [`Ctx`], runs the handler, then sets the cookies the context needs and renders any error.
pub async fn context(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let names = CookieNames::new(state.config.secure_cookies());
    let request_id = req.extensions().get::<RequestId>().map_or_else(String::new, |r| r.0.clone());
    let client_addr = client_addr(&req, state.config.trusted_proxy_hops);
    let jar = cookies::read(req.headers());
    let is_api = req.uri().path().starts_with("/api/");
    let path = req.uri().path_and_query().map_or("/", |p| p.as_str()).to_owned();

    // The session: the API never accepts cookies (so it can't be driven by another site's form).
    let mut expired_session = false;
    let mut session = None;
    if !is_api && let Some(token) = jar.get(names.session) {
        match resolve_session(&state, token, &request_id, client_addr.as_deref()).await {
            Ok(Some(found)) => session = Some(found),
            Ok(None) => expired_session = true,
            Err(e) => return finish(&state, e.into_response(), &request_id, Locale::En, is_api).await,
        }
    }
    let (caller, account_locale, session_csrf) = match session {
        Some((caller, locale, csrf)) => (Some(caller), locale, Some(csrf)),
        None => (None, None, None),
    };

    let locale = account_locale
        .or_else(|| jar.get(cookies::LANG).and_then(|l| l.parse().ok()))
        .or_else(|| {
            req.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Locale::negotiate)
        })
        .unwrap_or_default();

    // Signed-in forms carry the session's token; anonymous forms (sign-in) a double-submit cookie.
    let anon_csrf = jar.get(names.csrf).filter(|t| t.len() == 43).map(str::to_owned);
    let new_anon_csrf = session_csrf.is_none() && anon_csrf.is_none();
    let csrf = session_csrf.or(anon_csrf).unwrap_or_else(random_token);
    let flash = jar.get(cookies::FLASH).and_then(views::flash_key);

    let ctx = Ctx { request_id: request_id.clone(), client_addr, locale, caller, csrf: csrf.clone(), path, flash };
    let api_locale = ApiLocale::default();
    req.extensions_mut().insert(ctx);
    req.extensions_mut().insert(api_locale.clone());
    let mut resp = next.run(req).await;
    let locale = api_locale.0.get().copied().unwrap_or(locale);

    let h = resp.headers_mut();
    if new_anon_csrf {
        cookies::set(h, &names.cookie(names.csrf, &csrf, None));
    }
    if flash.is_some()
        && !h.get_all(header::SET_COOKIE).iter().any(|v| v.as_bytes().starts_with(cookies::FLASH.as_bytes()))
    {
        cookies::set(h, &names.clear(cookies::FLASH));
    }
    if expired_session {
        cookies::set(h, &names.clear(names.session));
    }
    finish(&state, resp, &request_id, locale, is_api).await
}

/// Renders an error carried by the response (or an empty 404/405 from the router) as a page or JSON.
async fn finish(state: &AppState, resp: Response, request_id: &str, locale: Locale, is_api: bool) -> Response {
    let info = resp.extensions().get::<ErrorInfo>().cloned();
    let status = resp.status();
    let error = match info {
        Some(ErrorInfo(e)) => e,
        None if status == axum::http::StatusCode::METHOD_NOT_ALLOWED => {
            std::sync::Arc::new(WebError::BadRequest(crate::key!("error-method")))
        }
        None => return resp,
    };
    if let WebError::Internal(detail) = error.as_ref() {
        tracing::error!(request_id = %request_id, error = %detail, "internal error");
    }
    let (mut parts, _) = resp.into_parts();
    parts.extensions.remove::<ErrorInfo>();
    parts.headers.remove(header::CONTENT_TYPE);
    parts.headers.remove(header::CONTENT_LENGTH);
    let body = if is_api {
        parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        Body::from(views::error_json(&error, request_id, locale))
    } else {
        parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
        Body::from(views::error_page(state, &error, request_id, locale))
    };
    if is_api && matches!(error.as_ref(), WebError::Unauthorized) {
        parts.headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    Response::from_parts(parts, body)
}

/// The caller, their language and the session's CSRF token — or `None` when the session has ended.
async fn resolve_session(
    state: &AppState,
    token: &str,
    request_id: &str,
    client_addr: Option<&str>,
) -> Result<Option<(Caller, Option<Locale>, String)>, WebError> {
    let hash = token_hash(token);
    let Some((session, account)) = sessions::find(state.store.reader(), &hash).await? else { return Ok(None) };
    let now = pathways_store::now();
    let caller = Caller::from_account(&account, Some(hash.clone()));
    let live = state.sessions.state(session.created_at, session.last_seen_at, now);
    let Some(caller) = caller.filter(|_| live == SessionState::Active) else {
        let tx = state.store.begin().await?;
        sessions::delete(&tx, &hash).await?;
        let actor = audit::Actor {
            account: Some(pathways_domain::AccountId::from_uuid(account.id)),
            role: account.role.clone(),
            org: Some(pathways_domain::OrgId::from_uuid(account.org_id)),
            request_id: Some(request_id.to_owned()),
            client_addr: client_addr.map(str::to_owned),
        };
        let reason = match live {
            SessionState::IdleExpired => "idle",
            SessionState::AbsoluteExpired => "absolute",
            SessionState::Active => "account_disabled",
        };
        audit::append(&tx, &actor, AuditEntry::new(AuditAction::SessionExpired, AuditOutcome::Success).detail(reason))
            .await?;
        tx.commit().await?;
        return Ok(None);
    };
    if state.sessions.should_touch(session.last_seen_at, now) {
        sessions::touch(state.store.writer(), &hash, now).await?;
    }
    let locale = account.locale.as_deref().and_then(|l| l.parse().ok());
    Ok(Some((caller, locale, session.csrf_token)))
}

fn client_addr(req: &Request, trusted_proxy_hops: u8) -> Option<String> {
    let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|ci| ci.0.ip());
    client_address(req.headers(), peer, trusted_proxy_hops).map(|ip| ip.to_string())
}

/// The client's address behind `hops` trusted reverse proxies. Each proxy appends the address it received the
/// request from to `X-Forwarded-For`, so the right-most `hops` entries were written by our proxies and the
/// `hops`-th from the right is the address the outermost one saw: the client. Anything further left was written
/// by the client and proves nothing. With no proxies, or an entry that is not an address, the connection's peer.
/// With fewer entries than proxies (a request that reached an inner proxy directly), the left-most entry, which
/// one of our proxies wrote.
pub fn client_address(headers: &HeaderMap, peer: Option<std::net::IpAddr>, hops: u8) -> Option<std::net::IpAddr> {
    if hops == 0 {
        return peer;
    }
    // Several header lines are one list, in order (RFC 9110 §5.3).
    let entries: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .collect();
    let Some(index) = entries.len().checked_sub(usize::from(hops)).or((!entries.is_empty()).then_some(0)) else {
        return peer;
    };
    entries[index].parse().ok().or(peer)
}

#[cfg(test)]
mod tests {
    use std::net::IpAddr;

    use super::*;

    fn xff(lines: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for l in lines {
            h.append("x-forwarded-for", HeaderValue::from_str(l).expect("header"));
        }
        h
    }

    #[test]
    fn the_client_is_the_entry_our_outermost_proxy_wrote() {
        let peer: Option<IpAddr> = "10.0.0.2".parse().ok();
        let ip = |s: &str| s.parse::<IpAddr>().ok();
        // The client wrote "6.6.6.6" itself; one proxy appended the address it saw.
        let forged = xff(&["6.6.6.6, 203.0.113.7"]);
        assert_eq!(client_address(&forged, peer, 0), peer, "no proxies: the header is ignored");
        assert_eq!(client_address(&forged, peer, 1), ip("203.0.113.7"));
        assert_eq!(client_address(&forged, peer, 2), ip("6.6.6.6"), "two proxies: one entry further left");
        // Two header lines are one list.
        assert_eq!(client_address(&xff(&["6.6.6.6", "198.51.100.4, 10.0.0.9"]), peer, 2), ip("198.51.100.4"));
        // Fewer entries than proxies: the left-most (a proxy wrote it); none, or garbage: the peer.
        assert_eq!(client_address(&xff(&["198.51.100.4"]), peer, 2), ip("198.51.100.4"));
        assert_eq!(client_address(&HeaderMap::new(), peer, 1), peer);
        assert_eq!(client_address(&xff(&["6.6.6.6, not-an-address"]), peer, 1), peer);
        assert_eq!(client_address(&xff(&["2001:db8::1"]), peer, 1), ip("2001:db8::1"));
    }
}
