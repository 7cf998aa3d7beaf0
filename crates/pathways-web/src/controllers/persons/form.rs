//! The person form, shared by "add a person" and "edit": its fields (with the choice of assigned coach), their
//! labels, hints and errors.

use askama::Template;
use pathways_domain::person::{COMMON_LANGUAGES, RawPerson};
use pathways_domain::text::FieldError;
use serde::Deserialize;

use crate::i18n::Tr;
use crate::views::{Chrome, field_error_key, field_label_key};

/// What the form posts.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PersonForm {
    pub preferred_name: String,
    pub legal_name: String,
    pub pronouns: String,
    pub date_of_birth: String,
    pub preferred_language: String,
    pub phone: String,
    pub email: String,
    pub assigned_coach: String,
}

impl PersonForm {
    pub fn raw(&self) -> RawPerson {
        RawPerson {
            preferred_name: self.preferred_name.clone(),
            legal_name: self.legal_name.clone(),
            pronouns: self.pronouns.clone(),
            date_of_birth: self.date_of_birth.clone(),
            preferred_language: self.preferred_language.clone(),
            phone: self.phone.clone(),
            email: self.email.clone(),
        }
    }

    pub fn from_raw(raw: RawPerson, coach: Option<uuid::Uuid>) -> Self {
        Self {
            preferred_name: raw.preferred_name,
            legal_name: raw.legal_name,
            pronouns: raw.pronouns,
            date_of_birth: raw.date_of_birth,
            preferred_language: raw.preferred_language,
            phone: raw.phone,
            email: raw.email,
            assigned_coach: coach.map(|c| c.to_string()).unwrap_or_default(),
        }
    }
}

pub struct FormField {
    pub id: &'static str,
    pub label: String,
    pub value: String,
    pub input_type: &'static str,
    pub autocomplete: &'static str,
    pub required: bool,
    pub hint: Option<String>,
    pub error: Option<String>,
    pub described_by: String,
    /// (value, text); a `<select>` when not empty.
    pub options: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "persons/form.html")]
pub struct PersonFormPage {
    pub chrome: Chrome,
    pub heading: String,
    pub action: String,
    pub cancel_href: String,
    pub fields: Vec<FormField>,
    /// (field id, message) for the summary at the top.
    pub errors: Vec<(&'static str, String)>,
}

pub fn build_fields(
    t: Tr,
    form: &PersonForm,
    errors: &[FieldError],
    coaches: Option<Vec<(String, String)>>,
) -> Vec<FormField> {
    let error_for = |name: &str| errors.iter().find(|e| e.field == name).map(|e| t.get(&field_error_key(e.code)));
    let field =
        |id: &'static str, value: &str, input_type: &'static str, autocomplete: &'static str, hint: Option<String>| {
            let error = error_for(id);
            let mut described = Vec::new();
            if hint.is_some() {
                described.push(format!("{id}-hint"));
            }
            if error.is_some() {
                described.push(format!("{id}-error"));
            }
            FormField {
                id,
                label: t.get(&field_label_key(id)),
                value: value.to_owned(),
                input_type,
                autocomplete,
                required: id == "preferred_name",
                hint,
                error,
                described_by: described.join(" "),
                options: Vec::new(),
            }
        };
    let mut languages = vec![(String::new(), t.get("language-not-given"))];
    languages.extend(COMMON_LANGUAGES.iter().map(|code| ((*code).to_owned(), language_name(code).to_owned())));
    let current = form.preferred_language.trim();
    if !current.is_empty() && !COMMON_LANGUAGES.contains(&current) {
        languages.push((current.to_owned(), current.to_owned()));
    }
    let mut fields = vec![
        field("preferred_name", &form.preferred_name, "text", "off", Some(t.get("hint-preferred-name"))),
        field("pronouns", &form.pronouns, "text", "off", Some(t.get("hint-pronouns"))),
        field("legal_name", &form.legal_name, "text", "off", Some(t.get("hint-legal-name"))),
        field("date_of_birth", &form.date_of_birth, "date", "off", None),
        FormField { options: languages, ..field("preferred_language", &form.preferred_language, "text", "", None) },
        field("phone", &form.phone, "tel", "off", Some(t.get("hint-phone"))),
        field("email", &form.email, "email", "off", None),
    ];
    if let Some(coaches) = coaches {
        let mut options = vec![(String::new(), t.get("coach-none"))];
        options.extend(coaches);
        fields.push(FormField { options, ..field("assigned_coach", &form.assigned_coach, "text", "", None) });
    }
    fields
}

pub fn error_summary(t: Tr, errors: &[FieldError]) -> Vec<(&'static str, String)> {
    errors
        .iter()
        .map(|e| (e.field, format!("{}: {}", t.get(&field_label_key(e.field)), t.get(&field_error_key(e.code)))))
        .collect()
}

pub use crate::views::words::language_name;
