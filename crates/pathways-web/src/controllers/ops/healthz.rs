//! `GET /healthz`: the process is alive (touches nothing else).

pub async fn healthz() -> &'static str {
    "ok"
}
