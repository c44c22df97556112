/// A question an instructor wrote by hand in a question bank (GIFT or Aiken), as opposed to a
/// question generated from a content file.
///
/// The model follows Moodle's question types so that a bank read from GIFT can be written back
/// and imported into Moodle unchanged.
public struct AuthoredQuestion: Sendable, Equatable, Codable {
    /// The Moodle question type.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// One correct option (GIFT `=`), possibly with partial-credit options (`~%50%`).
        case multipleChoice
        /// Several options may be chosen; credit comes from `%weight%` (GIFT: `~` only, no `=`).
        case multipleAnswer
        /// A statement that is true or false; `answers` holds "True" and "False".
        case trueFalse
        /// A typed answer compared with the accepted answers.
        case shortAnswer
        /// Pairs to match; see `pairs`.
        case matching
        /// A number, accepted within a tolerance or a range.
        case numerical
        /// A free-text answer graded by a person (GIFT `{}`).
        case essay
        /// Text with no answer at all (GIFT: no braces).
        case description
    }

    /// How the question's text is marked up (GIFT `[markdown]`, `[plain]`, `[html]`, `[moodle]`).
    public enum TextFormat: String, Sendable, Equatable, Codable, CaseIterable {
        /// Moodle's auto-format, the GIFT default.
        case moodle
        /// HTML.
        case html
        /// Plain text.
        case plain
        /// Markdown.
        case markdown
    }

    /// What a numerical answer accepts.
    public enum NumericTarget: Sendable, Equatable, Codable {
        /// `value` plus or minus `tolerance` (GIFT `5:0.5`, or `5` for an exact value).
        case value(Double, tolerance: Double)
        /// Any number from `min` to `max` inclusive (GIFT `1..5`).
        case range(min: Double, max: Double)
        /// Any other answer; carries feedback for wrong numbers (GIFT `~#feedback`).
        case anyOther

        /// Whether `number` is accepted.
        public func accepts(_ number: Double) -> Bool {
            switch self {
            case .value(let value, let tolerance): abs(number - value) <= abs(tolerance)
            case .range(let min, let max): number >= min && number <= max
            case .anyOther: true
            }
        }
    }

    /// One option or accepted answer.
    public struct WeightedAnswer: Sendable, Equatable, Codable {
        /// The option's text (empty for numerical answers, whose value is in `numeric`).
        public var text: String
        /// Credit in percent, -100…100 (100 is fully correct, 0 is wrong, negative is a penalty).
        public var weight: Double
        /// Shown to the learner who chose or typed this answer: why it is right or wrong.
        public var feedback: String
        /// For numerical questions: the value this answer accepts.
        public var numeric: NumericTarget?

        /// Creates an answer.
        public init(text: String, weight: Double, feedback: String = "", numeric: NumericTarget? = nil) {
            self.text = text
            self.weight = weight
            self.feedback = feedback
            self.numeric = numeric
        }

        /// Whether the answer earns full credit.
        public var isFullCredit: Bool { weight >= 100 - 0.0001 }
    }

    /// One row of a matching question: a prompt and the answer that matches it.
    public struct MatchPair: Sendable, Equatable, Codable {
        /// The left side; empty for an extra wrong answer (a distractor).
        public var prompt: String
        /// The right side.
        public var answer: String

        /// Creates a pair.
        public init(prompt: String, answer: String) {
            self.prompt = prompt
            self.answer = answer
        }
    }

    /// Where a question was read from.
    public struct Location: Sendable, Equatable, Hashable, Codable {
        /// The file's path as given to the reader.
        public var path: String
        /// 1-based line of the question's first line (its title or text, not its comments).
        public var line: Int

        /// Creates a location.
        public init(path: String, line: Int) {
            self.path = path
            self.line = line
        }
    }

    /// Stable item id, always `gift:`-prefixed, e.g. `gift:modifiers/59-vs-xs`.
    public var id: String
    /// The GIFT `::title::`, or empty.
    public var title: String
    /// Category path from the last `$CATEGORY:` line, e.g. `["coding-rules", "modifiers"]`.
    public var category: [String]
    /// Tags from `// [tag:…]` comments, in order of first appearance.
    public var tags: [String]
    /// Where the question was read from; `nil` for questions built in code.
    public var source: Location?
    /// The question text; for a missing-word question, the text before the blank.
    public var text: String
    /// For a missing-word question, the text after the blank (the answer block sat in the middle).
    public var textAfterBlank: String?
    /// How `text` is marked up.
    public var textFormat: TextFormat
    /// The question type.
    public var kind: Kind
    /// Options or accepted answers (empty for matching, essay and description questions).
    public var answers: [WeightedAnswer]
    /// Matching pairs (matching questions only).
    public var pairs: [MatchPair]
    /// Shown after the question whatever the answer (GIFT `####`).
    public var generalFeedback: String

    /// Creates a question.
    public init(
        id: String,
        title: String = "",
        category: [String] = [],
        tags: [String] = [],
        source: Location? = nil,
        text: String,
        textAfterBlank: String? = nil,
        textFormat: TextFormat = .moodle,
        kind: Kind,
        answers: [WeightedAnswer] = [],
        pairs: [MatchPair] = [],
        generalFeedback: String = ""
    ) {
        self.id = id
        self.title = title
        self.category = category
        self.tags = tags
        self.source = source
        self.text = text
        self.textAfterBlank = textAfterBlank
        self.textFormat = textFormat
        self.kind = kind
        self.answers = answers
        self.pairs = pairs
        self.generalFeedback = generalFeedback
    }

    /// The blank Moodle shows in a missing-word question.
    public static let blank = "_____"

    /// The text as Moodle shows it: for a missing-word question, `_____` marks the answer's place.
    public var displayText: String {
        guard let after = textAfterBlank else { return text }
        return text + Self.blank + after
    }

    /// The same question without its source location (for comparing questions read from
    /// different places).
    public var withoutSource: AuthoredQuestion {
        var copy = self
        copy.source = nil
        return copy
    }
}
