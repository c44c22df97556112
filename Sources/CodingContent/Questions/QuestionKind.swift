/// The kinds of scenario question generated from a content file; the raw value is the last part of
/// an item id (`cpt:27284/vignette`) and the `kind` field of the JSON contract.
public enum QuestionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// An operative-note scenario; pick the procedure code among four.
    case vignette
    /// The same scenario; type the code, with a laterality modifier where one applies.
    case vignetteEntry = "vignette-entry"
    /// Which documented finding would move the code from this procedure to a neighbour.
    case contrast
    /// Which patient is a typical candidate for the procedure.
    case indication
    /// Which step follows a given step of the procedure.
    case nextStep = "next-step"
    /// Which of four steps does not belong to the procedure.
    case notIncluded = "not-included"
    /// The inpatient ICD-10-PCS code of a sided scenario.
    case pcs
    /// The ICD-10-CM code of the scenario's diagnosis.
    case diagnosis

    /// Whether the learner types the answer instead of choosing an option.
    public var isEntry: Bool { self == .vignetteEntry }
}
