import Foundation

/// One line typed at an exam prompt, understood. Commands take precedence over answers, so an
/// option labelled `F` (or `N`, `P`, `L`) is chosen by typing its text instead.
public enum ExamInput: Sendable, Equatable {
    /// An answer (a letter or a code) with the learner's confidence.
    case answer(String, Confidence)
    /// `n`: the next question.
    case next
    /// `p`: the previous question.
    case previous
    /// `g 42`: question 42.
    case go(Int)
    /// `f`: flag or unflag the question on screen.
    case flag
    /// `l`: list every question with answered and flagged marks.
    case list
    /// `submit`: hand the exam in (asks to confirm when questions are unanswered).
    case submit
    /// `y`: yes, submit.
    case yes
    /// `no`: do not submit (`n` also means no while a confirmation is asked).
    case no
    /// `?` or `help`: list the commands.
    case help
    /// `q`: leave without submitting; the clock keeps running and `--resume` continues.
    case quit
    /// An empty line.
    case empty
    /// A command with a bad argument (`g`, `g x`); the message says what to type.
    case invalid(String)

    /// Reads one input line.
    public init(line: String) {
        let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = text.lowercased()
        switch lower {
        case "": self = .empty
        case "?", "h", "help": self = .help
        case "n", "next": self = .next
        case "p", "prev", "previous": self = .previous
        case "f", "flag": self = .flag
        case "l", "list": self = .list
        case "submit": self = .submit
        case "y", "yes": self = .yes
        case "no": self = .no
        case "q", "quit", "exit": self = .quit
        default:
            if let number = ExamInput.goTarget(lower) {
                self = number.map(ExamInput.go) ?? .invalid("type g and a question number, for example g 42")
            } else {
                let (answer, confidence) = Confidence.split(text)
                self = .answer(answer, confidence)
            }
        }
    }

    /// For `g 42`, `go 42`, `goto 42`: `.some(42)`; `.some(nil)` for `g` without a number or with a
    /// bad one; `nil` when the line is not a go-to command. The number must follow a space, so that
    /// a HCPCS code such as `G0105` stays an answer.
    private static func goTarget(_ lower: String) -> Int?? {
        let words = lower.split(whereSeparator: \.isWhitespace)
        guard let command = words.first, ["g", "go", "goto"].contains(command) else { return nil }
        guard words.count == 2, words[1].allSatisfy(\.isASCII), let number = Int(words[1]) else { return .some(nil) }
        return .some(number)
    }
}
