//! Cookie names and attributes. Over HTTPS the session and CSRF cookies are `__Host-` prefixed and `Secure`
//! (the browser then refuses them from any other origin or path); all are `HttpOnly` and `SameSite`.

use std::collections::HashMap;

use axum::http::{HeaderMap, HeaderValue, header};
use cookie::{Cookie, SameSite};

pub const LANG: &str = "pathways_lang";
pub const FLASH: &str = "pathways_flash";

#[derive(Clone, Copy, Debug)]
pub struct CookieNames {
    pub secure: bool,
    pub session: &'static str,
    pub csrf: &'static str,
    /// A sign-in waiting for its second step (a code, or enrollment): short-lived.
    pub pending: &'static str,
}

impl CookieNames {
    pub fn new(secure: bool) -> Self {
        if secure {
            Self {
                secure,
                session: "__Host-pathways_session",
                csrf: "__Host-pathways_csrf",
                pending: "__Host-pathways_pending",
            }
        } else {
            Self { secure, session: "pathways_session", csrf: "pathways_csrf", pending: "pathways_pending" }
        }
    }

    /// A cookie for the whole site; `max_age` in seconds, or a browser-session cookie.
    pub fn cookie(&self, name: &str, value: &str, max_age: Option<i64>) -> String {
        let mut c = Cookie::build((name.to_owned(), value.to_owned()))
            .path("/")
            .http_only(true)
            .secure(self.secure)
            .same_site(if name == self.session { SameSite::Lax } else { SameSite::Strict });
        if let Some(secs) = max_age {
            c = c.max_age(cookie::time::Duration::seconds(secs));
        }
        c.build().to_string()
    }

    pub fn clear(&self, name: &str) -> String {
        self.cookie(name, "", Some(0))
    }
}

pub fn set(headers: &mut HeaderMap, cookie: &str) {
    if let Ok(v) = HeaderValue::from_str(cookie) {
        headers.append(header::SET_COOKIE, v);
    }
}

/// The request's cookies by name (the first of each name wins).
pub fn read(headers: &HeaderMap) -> Jar {
    let mut map = HashMap::new();
    for value in headers.get_all(header::COOKIE) {
        let Ok(s) = value.to_str() else { continue };
        for c in Cookie::split_parse(s).flatten() {
            map.entry(c.name().to_owned()).or_insert_with(|| c.value().to_owned());
        }
    }
    Jar(map)
}

pub struct Jar(HashMap<String, String>);

impl Jar {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }
}

/// The drop-in kiosk's cookie (issue 20): `__Host-` over HTTPS, like the session's.
pub fn kiosk(names: &CookieNames) -> &'static str {
    if names.secure { "__Host-pathways_kiosk" } else { "pathways_kiosk" }
}
