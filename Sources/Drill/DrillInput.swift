import FSRS
import Foundation
import Questions
import SourceText

/// How sure the learner said they were, by the suffix of their answer.
public enum Confidence: String, Sendable, Codable, Equatable {
    /// No suffix.
    case plain
    /// `?` after the answer (`b?`).
    case unsure
    /// `!` after the answer (`b!`).
    case sure

    /// The suffix that states this confidence: empty, `?` or `!`.
    public var suffix: String {
        switch self {
        case .plain: ""
        case .unsure: "?"
        case .sure: "!"
        }
    }

    /// Splits a typed answer into the answer and the confidence its suffix states
    /// (`b?` → `b`, unsure; `27284 !` → `27284`, sure).
    public static func split(_ text: String) -> (answer: String, confidence: Confidence) {
        // Stored answers (`b?`) have no surrounding space: skip Foundation's trimming, a tenth of
        // the time `report items` spends naming 100,000 chosen options.
        let padded = text.first?.isWhitespace == true || text.last?.isWhitespace == true
        let text = padded ? text.trimmingCharacters(in: .whitespacesAndNewlines) : text
        for confidence in [Confidence.unsure, .sure] where text.hasSuffix(confidence.suffix) {
            return (String(text.dropLast()).trimmingCharacters(in: .whitespaces), confidence)
        }
        return (text, .plain)
    }
}

/// One line typed at a drill prompt, understood.
public enum DrillInput: Sendable, Equatable {
    /// An answer (a letter or a code) with the learner's confidence.
    case answer(String, Confidence)
    /// `?` or `help`: list the commands.
    case help
    /// `s`: skip this question without recording it.
    case skip
    /// `u`: undo the last recorded answer.
    case undo
    /// `q`: save and end the session.
    case quit
    /// An empty line.
    case empty

    /// Reads one input line.
    public init(line: String) {
        let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        switch text.lowercased() {
        case "": self = .empty
        case "?", "h", "help": self = .help
        case "s", "skip": self = .skip
        case "u", "undo": self = .undo
        case "q", "quit", "exit": self = .quit
        default:
            let (answer, confidence) = Confidence.split(text)
            self = .answer(answer, confidence)
        }
    }
}

/// The grading policy of DESIGN.md: the rating comes from the answer, not from a button.
public enum GradingPolicy {
    /// Wrong → Again; right → Good; right but unsure → Hard; right and sure → Easy.
    public static func rating(correct: Bool, confidence: Confidence) -> Rating {
        guard correct else { return .again }
        switch confidence {
        case .plain: return .good
        case .unsure: return .hard
        case .sure: return .easy
        }
    }
}

/// The one wording of "that is not an answer" for drills and exams.
public enum AnswerCheck {
    /// Why `response` cannot be taken as an answer to `question`, or `nil` when it can.
    public static func problem(question: Question, judgement: Judgement, response: String) -> InputProblem? {
        guard !judgement.isRecognised else { return nil }
        if question.kind.isEntry {
            return InputProblem(
                message:
                    "'\(Excerpt.of(response))' is not an answer: type the code or value (for example 27284, or 27284-RT with a modifier), optionally followed by ? or !"
            )
        }
        let labels = question.options.map(\.label)
        let range = labels.count > 1 ? "\(labels.first!.lowercased())–\(labels.last!.lowercased())" : (labels.first ?? "a").lowercased()
        let how =
            question.kind == .multipleAnswer
            ? "type every right letter (for example a,c)"
            : question.kind == .matching
                ? "type one letter per numbered prompt, in order (for example cab)"
                : "type a letter \(range) or the option's code"
        return InputProblem(
            message: "'\(Excerpt.of(response))' is not one of the options: \(how), optionally followed by ? (unsure) or ! (sure)")
    }
}
