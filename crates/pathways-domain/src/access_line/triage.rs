//! A suggested level of care from a call's answers. The rules are few and written out so the operator can see
//! why (each suggestion carries its reasons); the operator decides, and may choose any level. This is not a
//! clinical assessment: it points the call at the kind of bed to look for first.
//!
//! The rules, in order (the first that applies decides the level):
//! 1. An emergency sign (a seizure now, unconscious or hard to wake, chest pain or trouble breathing, an overdose
//!    now): call 911; no bed is suggested.
//! 2. Alcohol or sedatives (benzodiazepines) with withdrawal signs and a severe sign (hallucinations, confusion,
//!    a history of withdrawal seizures or delirium tremens): 4-WM, a hospital's medically managed withdrawal.
//! 3. Alcohol or sedatives with withdrawal signs, or used in the last three days with a history of withdrawal
//!    seizures: 3.7-WM, medically monitored withdrawal.
//! 4. Opioids with withdrawal signs, or any of alcohol, sedatives or opioids used in the last three days:
//!    3.2-WM, residential withdrawal management (and, for opioids, an opioid treatment program as another path).
//! 5. Otherwise, with substance use and no stable housing or a recent return to use after treatment: 3.5
//!    residential; else 2.1 intensive outpatient.
//!
//! Apart from the level, a safety answer (thoughts of suicide or of harming others) always adds crisis guidance:
//! 988 for the person, 911 when there is danger now.

use serde::Serialize;

use super::LevelOfCare;

/// A substance the caller names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Substance {
    Alcohol,
    Opioids,
    Sedatives,
    Stimulants,
    Cannabis,
    Other,
}

impl Substance {
    pub const ALL: [Substance; 6] = [
        Substance::Alcohol,
        Substance::Opioids,
        Substance::Sedatives,
        Substance::Stimulants,
        Substance::Cannabis,
        Substance::Other,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Substance::Alcohol => "alcohol",
            Substance::Opioids => "opioids",
            Substance::Sedatives => "sedatives",
            Substance::Stimulants => "stimulants",
            Substance::Cannabis => "cannabis",
            Substance::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s.trim())
    }

    /// Withdrawal from these can be dangerous without medical care.
    const fn risky_withdrawal(self) -> bool {
        matches!(self, Substance::Alcohol | Substance::Sedatives)
    }
}

/// What the operator asked and heard.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct CallAnswers {
    pub substances: Vec<Substance>,
    /// Hours since the last use, if the caller knows.
    pub hours_since_last_use: Option<u32>,
    /// Shaking, sweating, nausea or vomiting, anxiety, aches: signs of withdrawal now.
    pub withdrawal_signs: bool,
    /// Seeing or hearing things, confusion.
    pub hallucinations_or_confusion: bool,
    /// Withdrawal seizures or delirium tremens before.
    pub history_of_withdrawal_seizures: bool,
    /// A seizure now, unconscious or hard to wake, chest pain, trouble breathing, an overdose now.
    pub emergency_sign: bool,
    /// Thoughts of suicide or of harming others.
    pub safety_concern: bool,
    /// Danger right now (a plan and the means, or harm under way).
    pub danger_now: bool,
    pub unstably_housed: bool,
    /// A return to use after treatment in the past month.
    pub recent_return_to_use: bool,
}

/// Why a suggestion was made, for the page's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    EmergencySign,
    SevereWithdrawalRisk,
    RiskyWithdrawalSigns,
    SeizureHistoryRecentUse,
    OpioidWithdrawalSigns,
    RecentUse,
    UnstableHousing,
    RecentReturnToUse,
    NoWithdrawalRisk,
    SafetyConcern,
    DangerNow,
}

/// Crisis guidance the console shows at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Crisis {
    /// Call 911 now.
    Call911,
    /// Connect the person with 988.
    Offer988,
}

/// What the rules suggest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// The level to look for a bed at first; `None` when the call is an emergency.
    pub level: Option<LevelOfCare>,
    /// Another path worth offering (an opioid treatment program for opioid withdrawal).
    pub also: Option<LevelOfCare>,
    pub reasons: Vec<Reason>,
    pub crisis: Vec<Crisis>,
}

/// Three days, in hours: use this recent means withdrawal may still come.
const RECENT_HOURS: u32 = 72;

/// The suggestion for a call (the rules are in the module's documentation).
pub fn suggest(a: &CallAnswers) -> Suggestion {
    let mut crisis = Vec::new();
    let mut extra = Vec::new();
    if a.emergency_sign || a.danger_now {
        crisis.push(Crisis::Call911);
    }
    if a.safety_concern || a.danger_now {
        crisis.push(Crisis::Offer988);
        extra.push(if a.danger_now { Reason::DangerNow } else { Reason::SafetyConcern });
    }
    let with = |level: Option<LevelOfCare>, also: Option<LevelOfCare>, mut reasons: Vec<Reason>| {
        reasons.extend(extra.iter().copied());
        Suggestion { level, also, reasons, crisis: crisis.clone() }
    };
    if a.emergency_sign {
        return with(None, None, vec![Reason::EmergencySign]);
    }
    let risky = a.substances.iter().any(|s| s.risky_withdrawal());
    let opioids = a.substances.contains(&Substance::Opioids);
    let recent = a.hours_since_last_use.is_some_and(|h| h <= RECENT_HOURS);
    if risky && a.withdrawal_signs && (a.hallucinations_or_confusion || a.history_of_withdrawal_seizures) {
        return with(Some(LevelOfCare::MedicallyManagedWithdrawal), None, vec![Reason::SevereWithdrawalRisk]);
    }
    if risky && a.withdrawal_signs {
        return with(Some(LevelOfCare::MedicallyMonitoredWithdrawal), None, vec![Reason::RiskyWithdrawalSigns]);
    }
    if risky && recent && a.history_of_withdrawal_seizures {
        return with(Some(LevelOfCare::MedicallyMonitoredWithdrawal), None, vec![Reason::SeizureHistoryRecentUse]);
    }
    let otp = opioids.then_some(LevelOfCare::OpioidTreatmentProgram);
    if opioids && a.withdrawal_signs {
        return with(Some(LevelOfCare::ResidentialWithdrawal), otp, vec![Reason::OpioidWithdrawalSigns]);
    }
    if recent && (risky || opioids) {
        return with(Some(LevelOfCare::ResidentialWithdrawal), otp, vec![Reason::RecentUse]);
    }
    let mut reasons = Vec::new();
    if a.unstably_housed {
        reasons.push(Reason::UnstableHousing);
    }
    if a.recent_return_to_use {
        reasons.push(Reason::RecentReturnToUse);
    }
    if !reasons.is_empty() && !a.substances.is_empty() {
        return with(Some(LevelOfCare::ResidentialHighIntensity), otp, reasons);
    }
    with(Some(LevelOfCare::IntensiveOutpatient), otp, vec![Reason::NoWithdrawalRisk])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(substances: &[Substance]) -> CallAnswers {
        CallAnswers { substances: substances.to_vec(), ..CallAnswers::default() }
    }

    use LevelOfCare as L;
    use Substance::{Alcohol, Cannabis, Opioids, Sedatives, Stimulants};

    /// A row of the table: its name, the answers, the level, the other path and the first reason.
    type Case = (&'static str, CallAnswers, Option<L>, Option<L>, Reason);

    /// The rules as a table.
    #[test]
    fn the_rules_as_a_table() {
        let cases: Vec<Case> = vec![
            (
                "seizure now",
                CallAnswers { emergency_sign: true, withdrawal_signs: true, ..call(&[Alcohol]) },
                None,
                None,
                Reason::EmergencySign,
            ),
            (
                "alcohol, shaking and confused",
                CallAnswers { withdrawal_signs: true, hallucinations_or_confusion: true, ..call(&[Alcohol]) },
                Some(L::MedicallyManagedWithdrawal),
                None,
                Reason::SevereWithdrawalRisk,
            ),
            (
                "sedatives, signs, seizures before",
                CallAnswers { withdrawal_signs: true, history_of_withdrawal_seizures: true, ..call(&[Sedatives]) },
                Some(L::MedicallyManagedWithdrawal),
                None,
                Reason::SevereWithdrawalRisk,
            ),
            (
                "alcohol, shaking",
                CallAnswers { withdrawal_signs: true, ..call(&[Alcohol, Cannabis]) },
                Some(L::MedicallyMonitoredWithdrawal),
                None,
                Reason::RiskyWithdrawalSigns,
            ),
            (
                "alcohol yesterday, seizures before, no signs yet",
                CallAnswers {
                    hours_since_last_use: Some(20),
                    history_of_withdrawal_seizures: true,
                    ..call(&[Alcohol])
                },
                Some(L::MedicallyMonitoredWithdrawal),
                None,
                Reason::SeizureHistoryRecentUse,
            ),
            (
                "opioids, withdrawal signs",
                CallAnswers { withdrawal_signs: true, ..call(&[Opioids]) },
                Some(L::ResidentialWithdrawal),
                Some(L::OpioidTreatmentProgram),
                Reason::OpioidWithdrawalSigns,
            ),
            (
                "opioids and alcohol within 3 days, no signs",
                CallAnswers { hours_since_last_use: Some(72), ..call(&[Opioids, Alcohol]) },
                Some(L::ResidentialWithdrawal),
                Some(L::OpioidTreatmentProgram),
                Reason::RecentUse,
            ),
            (
                "alcohol 4 days ago, no signs, housed",
                CallAnswers { hours_since_last_use: Some(96), ..call(&[Alcohol]) },
                Some(L::IntensiveOutpatient),
                None,
                Reason::NoWithdrawalRisk,
            ),
            (
                "stimulants, no home",
                CallAnswers { unstably_housed: true, ..call(&[Stimulants]) },
                Some(L::ResidentialHighIntensity),
                None,
                Reason::UnstableHousing,
            ),
            (
                "stimulants, returned to use after treatment",
                CallAnswers { recent_return_to_use: true, hours_since_last_use: Some(5), ..call(&[Stimulants]) },
                Some(L::ResidentialHighIntensity),
                None,
                Reason::RecentReturnToUse,
            ),
            (
                "a family member asking, nothing known",
                CallAnswers::default(),
                Some(L::IntensiveOutpatient),
                None,
                Reason::NoWithdrawalRisk,
            ),
        ];
        for (name, answers, level, also, reason) in cases {
            let s = suggest(&answers);
            assert_eq!((s.level, s.also, s.reasons.first().copied()), (level, also, Some(reason)), "{name}");
        }
    }

    #[test]
    fn safety_answers_always_bring_crisis_guidance() {
        let s = suggest(&CallAnswers { safety_concern: true, ..call(&[Cannabis]) });
        assert_eq!(s.crisis, [Crisis::Offer988]);
        assert_eq!(s.level, Some(L::IntensiveOutpatient), "the level rules still apply");
        assert!(s.reasons.contains(&Reason::SafetyConcern));
        let danger = suggest(&CallAnswers { danger_now: true, withdrawal_signs: true, ..call(&[Alcohol]) });
        assert_eq!(danger.crisis, [Crisis::Call911, Crisis::Offer988]);
        assert!(danger.reasons.contains(&Reason::DangerNow));
        let emergency = suggest(&CallAnswers { emergency_sign: true, ..call(&[Opioids]) });
        assert_eq!(emergency.crisis, [Crisis::Call911]);
        assert!(suggest(&call(&[Alcohol])).crisis.is_empty());
    }

    #[test]
    fn substances_read_their_codes() {
        for s in Substance::ALL {
            assert_eq!(Substance::parse(s.as_str()), Some(s));
        }
        assert_eq!(Substance::parse("heroin"), None);
    }
}
