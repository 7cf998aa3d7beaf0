//! Field-level validation shared by the record types: every problem names its field, so a form can put the
//! message beside the right input and an importer can report line and field.

use serde::Serialize;

/// One problem with one field. `code` is stable (a message key on pages, a value in JSON errors).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: &'static str,
    pub code: &'static str,
}

impl FieldError {
    pub const fn new(field: &'static str, code: &'static str) -> Self {
        Self { field, code }
    }
}

/// Trims a required text field and checks its length and characters.
pub fn required_text(field: &'static str, raw: &str, max_chars: usize) -> Result<String, FieldError> {
    match optional_text(field, raw, max_chars)? {
        Some(s) => Ok(s),
        None => Err(FieldError::new(field, "required")),
    }
}

/// Trims an optional text field; blank becomes `None`.
pub fn optional_text(field: &'static str, raw: &str, max_chars: usize) -> Result<Option<String>, FieldError> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if s.chars().count() > max_chars {
        return Err(FieldError::new(field, "too-long"));
    }
    if s.chars().any(|c| c.is_control()) {
        return Err(FieldError::new(field, "invalid-characters"));
    }
    Ok(Some(s.to_owned()))
}

/// Like [`optional_text`], for text that may span lines (notes): line breaks and tabs are kept.
pub fn optional_multiline(field: &'static str, raw: &str, max_chars: usize) -> Result<Option<String>, FieldError> {
    let s = raw.replace("\r\n", "\n").replace('\r', "\n");
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if s.chars().count() > max_chars {
        return Err(FieldError::new(field, "too-long"));
    }
    if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(FieldError::new(field, "invalid-characters"));
    }
    Ok(Some(s.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_bounded() {
        assert_eq!(required_text("name", "  Ana  ", 10), Ok("Ana".into()));
        assert_eq!(required_text("name", "   ", 10), Err(FieldError::new("name", "required")));
        assert_eq!(optional_text("name", "", 10), Ok(None));
        assert_eq!(optional_text("name", "ñandú ñandú", 11), Ok(Some("ñandú ñandú".into())));
        assert_eq!(optional_text("name", "abcdefghijk", 10), Err(FieldError::new("name", "too-long")));
        assert_eq!(optional_text("name", "a\u{0}b", 10), Err(FieldError::new("name", "invalid-characters")));
        assert_eq!(optional_multiline("notes", " a\r\nb\tc ", 10), Ok(Some("a\nb\tc".into())));
        assert_eq!(optional_multiline("notes", "a\u{7}", 10), Err(FieldError::new("notes", "invalid-characters")));
    }
}
