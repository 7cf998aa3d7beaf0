//! A US `formatted_address` read into its parts.
//!
//! The Meeting Guide specification ("Geographic Fields", <https://github.com/code4recovery/spec#geographic-fields>)
//! lets a meeting give its place **either** as one `formatted_address`
//! (`"4953 W Addison St, Chicago, IL 60641, USA"`) **or** as separate `address`, `city`, `state`, `postal_code` and
//! `country` fields; an online meeting may give only an approximate one (`"Chicago, IL, USA"`,
//! `"Wicker Park, Chicago, IL, USA"`). [`parse_us_address`] splits the US form
//! `street…, town, ST ZIP, country` so that an importer can place the meeting by its ZIP code or town.

/// The parts of a formatted address; each is absent when the address does not hold it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AddressParts {
    /// Everything before the town (a street and number, or a neighbourhood), joined with ", ".
    pub street: Option<String>,
    pub city: Option<String>,
    /// A state's (or territory's) two-letter USPS code, upper case.
    pub state: Option<String>,
    /// Five digits (a ZIP+4's last four dropped).
    pub postal_code: Option<String>,
    /// `US` when the address ends with a name of the United States.
    pub country: Option<String>,
}

const US_NAMES: [&str; 5] = ["usa", "us", "u.s.a.", "united states", "united states of america"];

/// Reads `street…, town, ST ZIP[, USA]` (the ZIP may also stand alone after the state, or be missing; the
/// country may be missing). An address that names no two-letter state (`"Illinois, USA"`, a foreign address)
/// gives no parts but the country.
/// (A state is one of the USPS codes of the states, DC and the territories.)
pub fn parse_us_address(formatted: &str) -> AddressParts {
    let mut parts: Vec<&str> = formatted.split(',').map(str::trim).filter(|p| !p.is_empty()).collect();
    let mut out = AddressParts::default();
    if parts.last().is_some_and(|p| US_NAMES.contains(&p.to_ascii_lowercase().as_str())) {
        parts.pop();
        out.country = Some("US".to_owned());
    }
    // "…, CT, 06103": the ZIP code on its own after the state.
    let mut zip = None;
    if let Some(last) = parts.last()
        && let Some(z) = zip_code(last)
        && parts.len() >= 2
        && state_code(parts[parts.len() - 2]).is_some()
    {
        zip = Some(z);
        parts.pop();
    }
    let Some(last) = parts.last() else { return out };
    let (state, zip_after_state) = match last.split_once(char::is_whitespace) {
        Some((st, rest)) => match (state_code(st), zip_code(rest.trim())) {
            (Some(st), Some(z)) => (Some(st), Some(z)),
            _ => (None, None),
        },
        None => (state_code(last), None),
    };
    let Some(state) = state else { return out };
    parts.pop();
    out.state = Some(state);
    out.postal_code = zip.or(zip_after_state);
    if let Some(city) = parts.pop() {
        out.city = Some(city.to_owned());
    }
    if !parts.is_empty() {
        out.street = Some(parts.join(", "));
    }
    out
}

/// The USPS codes of the states, the District of Columbia and the territories.
const STATES: [&str; 56] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
    "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
    "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "AS", "GU", "MP", "PR", "VI",
];

fn state_code(s: &str) -> Option<String> {
    let s = s.trim().to_ascii_uppercase();
    STATES.contains(&s.as_str()).then_some(s)
}

/// `06103` or `06103-1234` → `06103`.
fn zip_code(s: &str) -> Option<String> {
    let (five, plus4) = match s.split_once('-') {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    };
    let digits = |t: &str, n: usize| t.len() == n && t.chars().all(|c| c.is_ascii_digit());
    (digits(five, 5) && plus4.is_none_or(|p| digits(p, 4))).then(|| five.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(street: Option<&str>, city: &str, state: &str, zip: Option<&str>, country: Option<&str>) -> AddressParts {
        AddressParts {
            street: street.map(str::to_owned),
            city: Some(city.to_owned()),
            state: Some(state.to_owned()),
            postal_code: zip.map(str::to_owned),
            country: country.map(str::to_owned),
        }
    }

    #[test]
    fn the_specifications_example_is_read_into_its_fields() {
        assert_eq!(
            parse_us_address("4953 W Addison St, Chicago, IL 60641, USA"),
            parts(Some("4953 W Addison St"), "Chicago", "IL", Some("60641"), Some("US"))
        );
    }

    #[test]
    fn the_zip_and_country_may_be_missing_or_written_otherwise() {
        assert_eq!(
            parse_us_address("60 Gold St, Hartford, CT 06103"),
            parts(Some("60 Gold St"), "Hartford", "CT", Some("06103"), None)
        );
        assert_eq!(
            parse_us_address(" 60 Gold St ,Hartford, ct, 06103-1234, United States "),
            parts(Some("60 Gold St"), "Hartford", "CT", Some("06103"), Some("US"))
        );
        assert_eq!(
            parse_us_address("Suite 2, 60 Gold St, Hartford, CT  06103, US"),
            parts(Some("Suite 2, 60 Gold St"), "Hartford", "CT", Some("06103"), Some("US"))
        );
    }

    #[test]
    fn approximate_addresses_give_a_town_and_state() {
        assert_eq!(parse_us_address("Hartford, CT, USA"), parts(None, "Hartford", "CT", None, Some("US")));
        assert_eq!(
            parse_us_address("Wicker Park, Chicago, IL, USA"),
            parts(Some("Wicker Park"), "Chicago", "IL", None, Some("US"))
        );
    }

    #[test]
    fn without_a_state_code_nothing_but_the_country_is_read() {
        assert_eq!(
            parse_us_address("Illinois, USA"),
            AddressParts { country: Some("US".to_owned()), ..AddressParts::default() }
        );
        assert_eq!(parse_us_address("10 Downing St, London SW1A 2AA, UK"), AddressParts::default());
        assert_eq!(parse_us_address(""), AddressParts::default());
        assert_eq!(
            parse_us_address(" , USA"),
            AddressParts { country: Some("US".to_owned()), ..AddressParts::default() }
        );
        // A ZIP code that is not five digits (or ZIP+4) is not a ZIP code: the part is not a state and ZIP.
        assert_eq!(parse_us_address("1 Main St, Hartford, CT 6103"), AddressParts::default());
    }
}
