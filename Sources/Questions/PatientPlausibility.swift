import CodingContent

/// Which ICD-10-CM codes a patient of a procedure's profile (`patient.sex`, `patient.age`) can have,
/// for diagnosis distractors: a wrong option the patient's sex or age already rules out teaches nothing.
///
/// The ranges are blocks of the ICD-10-CM tabular list (chapter and block structure): chapter 15,
/// Pregnancy, childbirth and the puerperium (O00–O9A), with the pregnancy and delivery Z codes
/// (Z33–Z3A); chapter 16, Certain conditions originating in the perinatal period (P00–P96), with
/// Z38 (liveborn infants); the female genital blocks C51–C58, D25–D28, D39, N70–N77 and N80–N98; the
/// male genital blocks C60–C63, D29, D40 and N40–N53. The maternity ages are the Medicare Code Editor's
/// (9–64); a perinatal code needs a patient under one year.
enum PatientPlausibility {
    /// Categories only a woman can have.
    static let female: [ClosedRange<String>] = ["C51"..."C58", "D25"..."D28", "D39"..."D39", "N70"..."N77", "N80"..."N98"] + maternity
    /// Categories only a man can have.
    static let male: [ClosedRange<String>] = ["C60"..."C63", "D29"..."D29", "D40"..."D40", "N40"..."N53"]
    /// Pregnancy, childbirth and the puerperium.
    static let maternity: [ClosedRange<String>] = ["O00"..."O9A", "Z33"..."Z3A"]
    /// The perinatal period.
    static let perinatal: [ClosedRange<String>] = ["P00"..."P96", "Z38"..."Z38"]
    /// The Medicare Code Editor's maternity ages.
    static let maternityAges = 9...64

    /// Whether a patient of `profile` can have `code` (normalised or dotted).
    static func allows(_ code: String, for profile: PatientProfile) -> Bool {
        let category = String(code.prefix(3)).uppercased()
        func within(_ ranges: [ClosedRange<String>]) -> Bool { ranges.contains { $0.contains(category) } }
        if profile.sex == .male, within(female) { return false }
        if profile.sex == .female, within(male) { return false }
        if within(maternity), profile.maximumAge < maternityAges.lowerBound || profile.minimumAge > maternityAges.upperBound {
            return false
        }
        if within(perinatal), profile.minimumAge >= 1 { return false }
        return true
    }
}
