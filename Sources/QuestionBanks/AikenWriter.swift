import SourceText

/// Writes single-answer multiple-choice questions in the Aiken format, as Moodle's own Aiken
/// exporter does; every other question is skipped and listed with the reason.
///
/// Aiken keeps only the question text, the options and the correct letter: titles, ids, tags,
/// categories and feedback are lost, and line breaks in texts become spaces.
public enum AikenWriter {
    /// A question that Aiken cannot express.
    public struct Skipped: Sendable, Equatable {
        /// The question's id.
        public var id: String
        /// Why it was skipped.
        public var reason: String

        /// Creates a skipped entry.
        public init(id: String, reason: String) {
            self.id = id
            self.reason = reason
        }
    }

    /// The written text and the questions left out.
    public struct Output: Sendable, Equatable {
        /// Aiken text, one question per paragraph, paragraphs separated by blank lines.
        public var text: String
        /// Questions Aiken cannot express, in input order.
        public var skipped: [Skipped]
    }

    /// Writes the questions Aiken can express.
    public static func write(_ questions: [AuthoredQuestion]) -> Output {
        var paragraphs: [String] = []
        var skipped: [Skipped] = []
        for question in questions {
            switch paragraph(question) {
            case .success(let paragraph): paragraphs.append(paragraph)
            case .failure(let reason): skipped.append(Skipped(id: question.id, reason: reason.message))
            }
        }
        return Output(text: paragraphs.joined(separator: "\n"), skipped: skipped)
    }

    struct Unwritable: Error {
        var message: String
    }

    static func paragraph(_ question: AuthoredQuestion) -> Result<String, Unwritable> {
        guard question.kind == .multipleChoice else {
            return .failure(Unwritable(message: "Aiken has only single-answer multiple-choice questions"))
        }
        let answers = question.answers
        guard (2...26).contains(answers.count) else {
            return .failure(Unwritable(message: "Aiken needs 2 to 26 options"))
        }
        guard answers.filter(\.isFullCredit).count == 1, answers.allSatisfy({ $0.isFullCredit || $0.weight == 0 }) else {
            return .failure(Unwritable(message: "Aiken needs exactly one correct option and no partial credit"))
        }
        let stem = oneLine(question.displayText)
        guard stem.count >= 2, !looksLikeOption(stem), !stem.hasPrefix("ANSWER:") else {
            return .failure(Unwritable(message: "the question text would be read as an option or answer line"))
        }
        var lines = [stem]
        var correct: Character = "A"
        for (index, answer) in answers.enumerated() {
            let letter = Character(UnicodeScalar(UInt8(ascii: "A") + UInt8(index)))
            let option = oneLine(answer.text)
            guard !option.isEmpty else { return .failure(Unwritable(message: "an option is empty")) }
            lines.append("\(letter). \(option)")
            if answer.isFullCredit { correct = letter }
        }
        lines.append("ANSWER: \(correct)")
        return .success(lines.map { $0 + "\n" }.joined())
    }

    static func oneLine(_ text: String) -> String {
        BankText.trimmed(text.lines.map(BankText.trimmed).joined(separator: " "))
    }

    /// Whether Moodle's Aiken importer would take the line for an option (`A.` or `A)`).
    static func looksLikeOption(_ line: String) -> Bool {
        let characters = Array(line.prefix(2))
        return characters.count == 2 && characters[0].isASCII && characters[0].isUppercase
            && (characters[1] == "." || characters[1] == ")")
    }
}
