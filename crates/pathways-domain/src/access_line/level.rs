//! Levels of care by the ASAM Criteria's names: what a program offers and what a call is matched to.

use serde::{Deserialize, Serialize};

/// A level of care. Codes are the ASAM level numbers (`3.7-WM`), and `otp` for an opioid treatment program.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LevelOfCare {
    /// 1: outpatient.
    #[serde(rename = "1")]
    Outpatient,
    /// 2.1: intensive outpatient.
    #[serde(rename = "2.1")]
    IntensiveOutpatient,
    /// 2.5: partial hospitalization.
    #[serde(rename = "2.5")]
    PartialHospitalization,
    /// 3.1: clinically managed low-intensity residential.
    #[serde(rename = "3.1")]
    ResidentialLowIntensity,
    /// 3.3: clinically managed population-specific high-intensity residential.
    #[serde(rename = "3.3")]
    ResidentialPopulationSpecific,
    /// 3.5: clinically managed high-intensity residential.
    #[serde(rename = "3.5")]
    ResidentialHighIntensity,
    /// 3.7: medically monitored intensive inpatient.
    #[serde(rename = "3.7")]
    MedicallyMonitoredInpatient,
    /// 3.2-WM: clinically managed residential withdrawal management.
    #[serde(rename = "3.2-WM")]
    ResidentialWithdrawal,
    /// 3.7-WM: medically monitored inpatient withdrawal management.
    #[serde(rename = "3.7-WM")]
    MedicallyMonitoredWithdrawal,
    /// 4-WM: medically managed intensive inpatient withdrawal management (a hospital).
    #[serde(rename = "4-WM")]
    MedicallyManagedWithdrawal,
    /// An opioid treatment program (methadone, buprenorphine).
    #[serde(rename = "otp")]
    OpioidTreatmentProgram,
}

impl LevelOfCare {
    pub const ALL: [LevelOfCare; 11] = [
        LevelOfCare::Outpatient,
        LevelOfCare::IntensiveOutpatient,
        LevelOfCare::PartialHospitalization,
        LevelOfCare::ResidentialLowIntensity,
        LevelOfCare::ResidentialPopulationSpecific,
        LevelOfCare::ResidentialHighIntensity,
        LevelOfCare::MedicallyMonitoredInpatient,
        LevelOfCare::ResidentialWithdrawal,
        LevelOfCare::MedicallyMonitoredWithdrawal,
        LevelOfCare::MedicallyManagedWithdrawal,
        LevelOfCare::OpioidTreatmentProgram,
    ];

    /// The code kept in the database and used in the API (`?level=3.7-WM`).
    pub const fn code(self) -> &'static str {
        match self {
            LevelOfCare::Outpatient => "1",
            LevelOfCare::IntensiveOutpatient => "2.1",
            LevelOfCare::PartialHospitalization => "2.5",
            LevelOfCare::ResidentialLowIntensity => "3.1",
            LevelOfCare::ResidentialPopulationSpecific => "3.3",
            LevelOfCare::ResidentialHighIntensity => "3.5",
            LevelOfCare::MedicallyMonitoredInpatient => "3.7",
            LevelOfCare::ResidentialWithdrawal => "3.2-WM",
            LevelOfCare::MedicallyMonitoredWithdrawal => "3.7-WM",
            LevelOfCare::MedicallyManagedWithdrawal => "4-WM",
            LevelOfCare::OpioidTreatmentProgram => "otp",
        }
    }

    /// Reads a code, ignoring case and surrounding space (`3.7-wm`).
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        Self::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(s))
    }

    /// Withdrawal management ("detox"): first in the transport queue.
    pub const fn is_withdrawal_management(self) -> bool {
        matches!(
            self,
            LevelOfCare::ResidentialWithdrawal
                | LevelOfCare::MedicallyMonitoredWithdrawal
                | LevelOfCare::MedicallyManagedWithdrawal
        )
    }

    /// A level where the person stays overnight (residential or inpatient, withdrawal management included): the
    /// levels with beds to count.
    pub const fn has_beds(self) -> bool {
        self.is_withdrawal_management() || self.is_residential()
    }

    /// Residential and inpatient treatment other than withdrawal management.
    pub const fn is_residential(self) -> bool {
        matches!(
            self,
            LevelOfCare::ResidentialLowIntensity
                | LevelOfCare::ResidentialPopulationSpecific
                | LevelOfCare::ResidentialHighIntensity
                | LevelOfCare::MedicallyMonitoredInpatient
        )
    }
}

#[cfg(test)]
mod tests {
    use super::LevelOfCare;

    #[test]
    fn every_code_reads_back_and_serializes_as_itself() {
        for l in LevelOfCare::ALL {
            assert_eq!(LevelOfCare::parse(l.code()), Some(l));
            assert_eq!(LevelOfCare::parse(&format!(" {} ", l.code().to_lowercase())), Some(l));
            assert_eq!(serde_json::to_value(l).ok(), Some(serde_json::Value::from(l.code())));
        }
        assert_eq!(LevelOfCare::parse("3.6"), None);
        assert_eq!(LevelOfCare::parse(""), None);
    }

    #[test]
    fn withdrawal_management_residential_and_beds() {
        let wm: Vec<&str> =
            LevelOfCare::ALL.into_iter().filter(|l| l.is_withdrawal_management()).map(|l| l.code()).collect();
        assert_eq!(wm, ["3.2-WM", "3.7-WM", "4-WM"]);
        let beds: Vec<&str> = LevelOfCare::ALL.into_iter().filter(|l| l.has_beds()).map(|l| l.code()).collect();
        assert_eq!(beds, ["3.1", "3.3", "3.5", "3.7", "3.2-WM", "3.7-WM", "4-WM"]);
        assert!(!LevelOfCare::OpioidTreatmentProgram.has_beds());
    }
}
