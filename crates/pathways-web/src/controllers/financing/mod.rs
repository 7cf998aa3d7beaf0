//! `/financing` (issue 21): the month's units and dollars by funding source and staff member, the ready-to-bill
//! list, voucher balances; a CSV per funder and a claims CSV; staff credentials and supervision
//! (`/financing/credentials`). Supervisors and administrators.

pub mod add_credential;
pub mod add_supervision;
pub mod download_claims;
pub mod download_funder;
pub mod show_credentials;
pub mod show_financing;
// Setting up financing (issue 21, second pass): payer profiles and funding sources.
pub mod add_funding_source;
pub mod add_profile;
pub mod edit_funding_source;
pub mod edit_profile;
pub mod show_funding;
pub mod update_funding_source;
pub mod update_profile;

pub use add_credential::add_credential;
pub use add_funding_source::add_funding_source;
pub use add_profile::add_profile;
pub use add_supervision::add_supervision;
pub use download_claims::download_claims;
pub use download_funder::download_funder;
pub use edit_funding_source::edit_funding_source;
pub use edit_profile::edit_profile;
pub use show_credentials::show_credentials;
pub use show_financing::show_financing;
pub use show_funding::show_funding;
pub use update_funding_source::update_funding_source;
pub use update_profile::update_profile;

use axum::body::Body;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::error::{WebError, WebResult};

/// `?month=YYYY-MM&source=<id>`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MonthQuery {
    pub month: String,
    pub source: String,
}

impl MonthQuery {
    pub fn month(&self) -> WebResult<chrono::NaiveDate> {
        crate::services::financing::parse_month(&self.month, crate::clock::today())
            .map_err(|e| WebError::Invalid(vec![e]))
    }
    pub fn source(&self) -> Option<uuid::Uuid> {
        uuid::Uuid::parse_str(self.source.trim()).ok()
    }
}

/// A CSV download written to the response as its pages come (`Body::from_stream`): the header and the first page
/// are read before the response starts — an error there, like a refusal before it, is an ordinary error page —
/// then each page is read when the one before has been handed to the connection, so the file is never held whole
/// in memory and a slow client slows the reads instead of piling them up.
///
/// `columns` is the header row; `next` reads the next page from `file` and turns it into rows (`None`: the file is complete). A read error after
/// the first byte can't change the status any more: it is logged once, with the request id, and ends the body with
/// an error, so the connection is aborted (no final chunk) and the client sees a failed download, never a file
/// silently cut short. The bytes are the `csv` crate's, as when the file was built whole: RFC 4180 quoting, `\n`
/// after each record.
pub async fn csv_pages<S, F, Fut>(
    name: &str,
    columns: &[&str],
    request_id: String,
    file: S,
    mut next: F,
) -> WebResult<Response>
where
    S: Send + 'static,
    F: FnMut(S) -> Fut + Send + 'static,
    Fut: Future<Output = WebResult<Option<(Vec<Vec<String>>, S)>>> + Send + 'static,
{
    use futures_util::StreamExt;
    let disposition =
        HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")).map_err(|_| WebError::NotFound)?;
    let mut first = vec![columns.iter().map(|h| (*h).to_owned()).collect::<Vec<String>>()];
    let rest = match next(file).await? {
        Some((rows, file)) => {
            first.extend(rows);
            Some(file)
        }
        None => None,
    };
    let first = csv_bytes(first)?;
    let pages = futures_util::stream::try_unfold(rest, move |file| {
        let page = file.map(&mut next);
        async move {
            let Some(page) = page else { return Ok::<_, WebError>(None) };
            match page.await? {
                Some((rows, file)) => Ok(Some((csv_bytes(rows)?, Some(file)))),
                None => Ok(None),
            }
        }
    });
    let body = futures_util::stream::once(async move { Ok::<_, WebError>(first) }).chain(pages).map(move |page| {
        page.map_err(|e| {
            tracing::error!(request_id = %request_id, error = %e, "a CSV file was cut short: the download is aborted");
            std::io::Error::other("the file could not be read to its end")
        })
    });
    let mut resp = Body::from_stream(body).into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    h.insert(header::CONTENT_DISPOSITION, disposition);
    Ok(resp)
}

/// Rows as CSV bytes (each record quoted as needed and ended by `\n`: records written apart are the bytes they
/// would have been in one writer).
fn csv_bytes(rows: Vec<Vec<String>>) -> WebResult<axum::body::Bytes> {
    let mut out = csv::Writer::from_writer(Vec::new());
    for r in rows {
        out.write_record(r).map_err(WebError::internal)?;
    }
    Ok(out.into_inner().map_err(WebError::internal)?.into())
}

#[cfg(test)]
mod tests {
    use axum::http::header;
    use http_body_util::BodyExt;

    use super::csv_pages;
    use crate::error::{WebError, WebResult};

    type Page = WebResult<Option<(Vec<Vec<String>>, Vec<WebResult<Vec<Vec<String>>>>)>>;

    /// A file of the given pages, each read when asked for.
    async fn next(mut pages: Vec<WebResult<Vec<Vec<String>>>>) -> Page {
        if pages.is_empty() {
            return Ok(None);
        }
        let page = pages.remove(0)?;
        Ok(Some((page, pages)))
    }

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    /// Pages arrive one after another, quoted as one writer would quote them, with no length announced.
    #[tokio::test]
    async fn pages_are_sent_as_they_come_and_quoted_as_one_file() {
        let pages = vec![Ok(vec![row(&["Ruiz, Ana", "1"])]), Ok(vec![row(&["Say \"hi\"", "2"]), row(&["", "3"])])];
        let resp = csv_pages("f.csv", &["name", "n"], "req".into(), pages, next).await.expect("a response");
        assert_eq!(resp.headers()[header::CONTENT_TYPE], "text/csv; charset=utf-8");
        assert_eq!(resp.headers()[header::CONTENT_DISPOSITION], "attachment; filename=\"f.csv\"");
        assert!(resp.headers().get(header::CONTENT_LENGTH).is_none());
        let mut body = resp.into_body();
        let mut frames = Vec::new();
        while let Some(frame) = body.frame().await {
            frames.push(frame.expect("a frame").into_data().expect("data"));
        }
        assert_eq!(frames.len(), 2, "the header with the first page, then the second page");
        let all: Vec<u8> = frames.concat();
        assert_eq!(String::from_utf8(all).expect("UTF-8"), "name,n\n\"Ruiz, Ana\",1\n\"Say \"\"hi\"\"\",2\n,3\n");
    }

    /// A read error before the first byte is an ordinary error; after it, the body ends with an error (the
    /// connection is aborted), never as a shorter file that looks whole.
    #[tokio::test]
    async fn a_read_error_after_the_first_byte_ends_the_body_with_an_error() {
        let refused = csv_pages("f.csv", &["n"], "req".into(), vec![Err(WebError::internal("down"))], next).await;
        assert!(matches!(refused, Err(WebError::Internal(_))));
        let pages = vec![Ok(vec![row(&["1"])]), Err(WebError::internal("down")), Ok(vec![row(&["3"])])];
        let resp = csv_pages("f.csv", &["n"], "req".into(), pages, next).await.expect("a response");
        let mut body = resp.into_body();
        let first = body.frame().await.expect("a frame").expect("the first page").into_data().expect("data");
        assert_eq!(&first[..], b"n\n1\n");
        assert!(body.frame().await.expect("the failed page").is_err(), "the body ends with an error");
        assert!(body.frame().await.is_none(), "and nothing after it");
    }
}
