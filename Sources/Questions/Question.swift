import Foundation

/// One rendering of an item for one seed: what a drill shows and how it is graded.
///
/// The fields are the JSON contract of `codedrill questions --format json`; nothing else is encoded.
/// `stem`, `options` and `answer` are all a front end needs to display any kind; `grading` is only
/// present for typed authored questions (short answer, numerical) and is only used by `judge`.
public struct Question: Sendable, Hashable, Codable {
    /// `item + "#" + seed` (`cpt:27284/vignette#7`).
    public var id: String
    /// The item id (`cpt:27284/vignette`).
    public var item: String
    /// The question kind.
    public var kind: QuestionKind
    /// The code of the item's procedure (for every kind, not only when it is the answer); empty for
    /// authored questions.
    public var code: String
    /// The text shown to the learner; it never contains the answer.
    public var stem: String
    /// Labelled options `A`… in display order; empty for entry questions.
    public var options: [QuestionOption]
    /// The right answer.
    public var answer: CorrectAnswer
    /// Why the answer is right.
    public var rationale: String
    /// The seed it was generated from.
    public var seed: UInt64
    /// For authored short-answer and numerical questions: every answer the author wrote, in order,
    /// with its credit and feedback, so that `judge(response:)` needs nothing else; `nil` (and not
    /// encoded) for every other question.
    public var grading: [GradedAnswer]?
    /// For `matching`: the numbered prompts in order (the learner types one option label per prompt),
    /// so a front end need not parse the stem; `nil` (not encoded) otherwise.
    public var prompts: [String]?
    /// For `multiple-answer`: `true` (type every right label); `nil` (not encoded) otherwise.
    public var multipleAnswers: Bool?

    /// Creates a question.
    public init(
        id: String, item: String, kind: QuestionKind, code: String, stem: String, options: [QuestionOption],
        answer: CorrectAnswer, rationale: String, seed: UInt64, grading: [GradedAnswer]? = nil
    ) {
        self.id = id
        self.item = item
        self.kind = kind
        self.code = code
        self.stem = stem
        self.options = options
        self.answer = answer
        self.rationale = rationale
        self.seed = seed
        self.grading = grading
    }

    /// The option labels in order: `A`, `B`, `C`, `D`, …
    public static func label(_ index: Int) -> String {
        index >= 0 && index < letters.count ? letters[index] : String(UnicodeScalar(UInt8(65 + index)))
    }

    /// `A` … `Z`, made once: building a one-letter string from a scalar went through `Character`
    /// on every option of every question.
    private static let letters: [String] = (0..<26).map { String(UnicodeScalar(UInt8(65 + $0))) }

    /// `count` option labels from `A` on, skipping every letter that is itself one of `texts` (a
    /// matching question whose prompts are 7th characters `A`, `D`, `S` must not label its options
    /// with those letters); `nil` when the alphabet runs out.
    public static func labels(count: Int, avoiding texts: [String]) -> [String]? {
        let taken = Set(texts.map { $0.trimmingCharacters(in: .whitespaces).uppercased() })
        let letters = (0..<26).map(label).filter { !taken.contains($0) }
        return letters.count >= count ? Array(letters.prefix(count)) : nil
    }
}

/// One choice of a multiple-choice question.
public struct QuestionOption: Sendable, Hashable, Codable {
    /// `A`, `B`, `C`, `D`, …
    public var label: String
    /// What the learner reads: a code, a finding, an indication, a step or an authored answer.
    public var text: String
    /// Whether choosing the option is right: true for exactly one option of a generated question;
    /// for `multiple-answer`, every option with a positive weight; for `matching`, every option that
    /// goes with some prompt (the others are distractors).
    public var correct: Bool
    /// Why this option is right, or why it is wrong.
    public var rationale: String

    /// Creates an option.
    public init(label: String, text: String, correct: Bool, rationale: String) {
        self.label = label
        self.text = text
        self.correct = correct
        self.rationale = rationale
    }
}

/// The right answer of a question.
public struct CorrectAnswer: Sendable, Hashable, Codable {
    /// The correct option's label, or `nil` for entry questions (encoded as JSON `null`). For
    /// `multiple-answer` the right labels in order, comma-separated (`A,C`); for `matching` the label
    /// for each prompt in prompt order (`C,A,B`). Giving the label as the response is always right.
    public var label: String?
    /// The correct option's text; for entry questions the full expected entry, such as `27284-RT`,
    /// or a number (`92`, `5 ± 0.5`, `1 to 10`). For `multiple-answer` the right options' texts
    /// joined by `; `; for `matching` each prompt with its answer (`FA → thumb of the left hand; …`).
    public var text: String

    /// Creates an answer.
    public init(label: String?, text: String) {
        self.label = label
        self.text = text
    }

    private enum CodingKeys: String, CodingKey { case label, text }

    /// Encodes `label` even when it is `nil`, as the contract has `"label": null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(text, forKey: .text)
    }
}

/// One answer an author wrote for a typed authored question (short answer or numerical), with the
/// credit it earns; kept on the question so that judging needs nothing else.
public struct GradedAnswer: Sendable, Hashable, Codable {
    /// The short answer to compare with (case-insensitively; codes as `CodeEntry` reads them);
    /// `nil` for numerical answers.
    public var text: String?
    /// The lowest number accepted; `nil` for short answers and for the catch-all "any other number".
    public var min: Double?
    /// The highest number accepted; `nil` for short answers and for the catch-all "any other number".
    public var max: Double?
    /// Credit in percent: 100 is right; anything less is judged wrong (codedrill grades right or wrong).
    public var credit: Double
    /// The author's feedback for a response that matches this answer (may be empty).
    public var feedback: String

    /// Creates a graded answer.
    public init(text: String? = nil, min: Double? = nil, max: Double? = nil, credit: Double, feedback: String = "") {
        self.text = text
        self.min = min
        self.max = max
        self.credit = credit
        self.feedback = feedback
    }

    /// Whether the answer earns full credit.
    public var isFullCredit: Bool { credit >= 100 - 0.0001 }

    /// Whether this is a numerical answer that accepts `number`. The bounds get a relative slack of
    /// 1e-9 so that `5:0.1` accepts 4.9 although 5 - 0.1 is not exactly 4.9 in binary.
    public func accepts(_ number: Double) -> Bool {
        guard let min, let max else { return false }
        let slack = 1e-9 * Swift.max(1, abs(min), abs(max))
        return number >= min - slack && number <= max + slack
    }

    /// Whether this is the numerical catch-all for any other number (GIFT `~#feedback`).
    public var isAnyOther: Bool { text == nil && min == nil && max == nil }
}
