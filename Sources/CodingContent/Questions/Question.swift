import Foundation

/// One rendering of an item for one seed: what a drill shows and how it is graded.
///
/// The fields are the JSON contract of `codedrill questions --format json`; nothing else is encoded.
public struct Question: Sendable, Hashable, Codable {
    /// `item + "#" + seed` (`cpt:27284/vignette#7`).
    public var id: String
    /// The item id (`cpt:27284/vignette`).
    public var item: String
    /// The question kind.
    public var kind: QuestionKind
    /// The code of the item's procedure (for every kind, not only when it is the answer).
    public var code: String
    /// The text shown to the learner; it never contains the answer.
    public var stem: String
    /// Labelled options `A`… in display order; empty for entry questions.
    public var options: [QuestionOption]
    /// The right answer.
    public var answer: Answer
    /// Why the answer is right.
    public var rationale: String
    /// The seed it was generated from.
    public var seed: UInt64

    /// Creates a question.
    public init(id: String, item: String, kind: QuestionKind, code: String, stem: String, options: [QuestionOption],
                answer: Answer, rationale: String, seed: UInt64) {
        self.id = id
        self.item = item
        self.kind = kind
        self.code = code
        self.stem = stem
        self.options = options
        self.answer = answer
        self.rationale = rationale
        self.seed = seed
    }

    /// The option labels in order: `A`, `B`, `C`, `D`, …
    public static func label(_ index: Int) -> String { String(UnicodeScalar(UInt8(65 + index))) }
}

/// One choice of a multiple-choice question.
public struct QuestionOption: Sendable, Hashable, Codable {
    /// `A`, `B`, `C` or `D`.
    public var label: String
    /// What the learner reads: a code, a finding, an indication or a step.
    public var text: String
    /// True for exactly one option of a question.
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
public struct Answer: Sendable, Hashable, Codable {
    /// The correct option's label, or `nil` for entry questions (encoded as JSON `null`).
    public var label: String?
    /// The correct option's text; for entry questions the full expected entry, such as `27284-RT`.
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

/// The one JSON encoder setup for questions and other command output: sorted keys, unescaped slashes.
public enum CodedrillJSON {
    /// An encoder; `pretty` for human-readable arrays, compact for one-object-per-line streams.
    public static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(CodedrillJSON.timestamp(date))
        }
        return encoder
    }

    /// `value` as JSON text.
    public static func string<T: Encodable>(_ value: T, pretty: Bool) throws -> String {
        String(decoding: try encoder(pretty: pretty).encode(value), as: UTF8.self)
    }

    /// A date as `2026-01-05T09:00:00Z` (UTC, whole seconds), the form every JSON output uses.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
