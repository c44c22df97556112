import QuestionBanks

/// The kinds of question a learner is drilled on: scenario questions generated from a content file,
/// and the drillable kinds of authored (question-bank) questions. The raw value is the `kind` field of
/// the JSON contract and, for generated kinds, the last part of an item id (`cpt:27284/vignette`).
public enum QuestionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A procedure report; pick the procedure code among four.
    case vignette
    /// The same report; type the code, with a laterality modifier where one applies.
    case vignetteEntry = "vignette-entry"
    /// Which documented finding would make an alternative (`instead`) code the right one.
    case contrast
    /// The complete code set a coder submits for a report: CPT with modifiers, then ICD-10-CM.
    case codeSet = "code-set"
    /// A report with a twist (reduced service, unusual work…); pick the modifier it calls for.
    case modifier
    /// A report documenting several services; pick the codes reported (included work left out).
    case bundling
    /// Retired: which patient is a typical candidate (it tested surgery, not coding).
    case indication
    /// Retired: which step follows a given step.
    case nextStep = "next-step"
    /// Retired: which of four steps does not belong to the procedure.
    case notIncluded = "not-included"
    /// The inpatient ICD-10-PCS code of a report (CCS-style; never tagged `cpc`).
    case pcs
    /// The ICD-10-CM code that supports the procedure, from the postoperative or pathology diagnosis.
    case diagnosis
    /// An anesthesia record; type the total anesthesia units (base + time + physical status +
    /// qualifying circumstance), a number.
    case anesthesiaUnits = "anesthesia-units"
    /// A medication administration record; type the HCPCS units billed for the dose given.
    case drugUnits = "drug-units"

    /// Authored multiple choice (GIFT `{=right ~wrong}`): pick one option.
    case choice
    /// Authored multiple answer (GIFT `{~%50%a ~%50%b ~%-100%c}`): type the letters of every right
    /// option (`a,c` or `ac`).
    case multipleAnswer = "multiple-answer"
    /// Authored true/false (GIFT `{T}`): options `A` True and `B` False.
    case trueFalse = "true-false"
    /// Authored short answer (GIFT `{=27284 =27284-RT}`): type the answer.
    case shortAnswer = "short-answer"
    /// Authored numerical (GIFT `{#92}`, `{#5:0.5}`, `{#1..10}`): type a number.
    case numerical
    /// Authored matching (GIFT `{=prompt -> answer}`): type one option letter per numbered prompt,
    /// in order (`cab`).
    case matching

    /// The kinds generated from content files, in the order a procedure's items are listed.
    public static let generated: [QuestionKind] = [
        .vignette, .vignetteEntry, .contrast, .codeSet, .modifier, .bundling, .pcs, .diagnosis, .anesthesiaUnits, .drugUnits,
    ]

    /// Kinds no longer generated: their items are retired from drills and exams (progress stays in
    /// the database), and asking for them says why.
    public static let retired: [QuestionKind] = [.indication, .nextStep, .notIncluded]

    /// The kinds authored questions are drilled as (essays and descriptions are not drilled).
    public static let authored: [QuestionKind] = [.choice, .multipleAnswer, .trueFalse, .shortAnswer, .numerical, .matching]

    /// Whether questions of this kind come from a question bank rather than a content file.
    public var isAuthored: Bool { Self.authored.contains(self) }

    /// Whether the learner types the answer instead of choosing among options (the question has no
    /// options and its `answer.label` is `nil`).
    public var isEntry: Bool { self == .vignetteEntry || self == .shortAnswer || self == .numerical || isUnitCount }

    /// Whether the learner types a number of units (`anesthesia-units`, `drug-units`).
    public var isUnitCount: Bool { self == .anesthesiaUnits || self == .drugUnits }

    /// Whether this is a retired generated kind.
    public var isRetired: Bool { Self.retired.contains(self) }

    /// The kind an authored question is drilled as, or `nil` for essays and descriptions.
    public init?(authored kind: AuthoredQuestion.Kind) {
        switch kind {
        case .multipleChoice: self = .choice
        case .multipleAnswer: self = .multipleAnswer
        case .trueFalse: self = .trueFalse
        case .shortAnswer: self = .shortAnswer
        case .numerical: self = .numerical
        case .matching: self = .matching
        case .essay, .description: return nil
        }
    }
}
