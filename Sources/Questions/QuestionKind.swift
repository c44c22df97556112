import QuestionBanks


/// The kinds of question a learner is drilled on: scenario questions generated from a content file,
/// and the drillable kinds of authored (question-bank) questions. The raw value is the `kind` field of
/// the JSON contract and, for generated kinds, the last part of an item id (`cpt:27284/vignette`).
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
        .vignette, .vignetteEntry, .contrast, .indication, .nextStep, .notIncluded, .pcs, .diagnosis,
    ]

    /// The kinds authored questions are drilled as (essays and descriptions are not drilled).
    public static let authored: [QuestionKind] = [.choice, .multipleAnswer, .trueFalse, .shortAnswer, .numerical, .matching]

    /// Whether questions of this kind come from a question bank rather than a content file.
    public var isAuthored: Bool { Self.authored.contains(self) }

    /// Whether the learner types the answer instead of choosing among options (the question has no
    /// options and its `answer.label` is `nil`).
    public var isEntry: Bool { self == .vignetteEntry || self == .shortAnswer || self == .numerical }

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
