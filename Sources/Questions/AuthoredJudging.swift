import Foundation
import QuestionBanks

/// Judging of the authored kinds; `Question.judge(response:)` dispatches here.
extension Question {
    func judgeAuthoredChoice(_ response: String) -> Judgement {
        let trimmed = TypedAnswer.plain(response)
        if let option = options.first(where: { $0.label == trimmed.uppercased() })
            ?? options.first(where: { TypedAnswer.matches(trimmed, $0.text) })
        {
            return Judgement(correct: option.correct, response: option.label, chosenLabel: option.label)
        }
        return .unrecognised(trimmed)
    }

    func judgeTrueFalse(_ response: String) -> Judgement {
        let word: String? =
            switch TypedAnswer.plain(response).lowercased() {
            case "t", "true": "True"
            case "f", "false": "False"
            default: nil
            }
        if let word, let option = options.first(where: { $0.text == word }) {
            return Judgement(correct: option.correct, response: option.label, chosenLabel: option.label)
        }
        return judgeAuthoredChoice(response)
    }

    func judgeSelection(_ response: String) -> Judgement {
        let trimmed = TypedAnswer.plain(response)
        guard let labels = letters(in: trimmed) else { return .unrecognised(trimmed) }
        let chosen = Set(labels)
        let given = options.map(\.label).filter(chosen.contains).joined(separator: ",")
        let right = Set(options.filter(\.correct).map(\.label))
        return Judgement(correct: chosen == right, response: given, chosenLabel: given)
    }

    func judgeMatching(_ response: String) -> Judgement {
        let trimmed = TypedAnswer.plain(response)
        let expected = (answer.label ?? "").split(separator: ",").map(String.init)
        guard let given = letters(in: trimmed), given.count == expected.count else { return .unrecognised(trimmed) }
        let text = Dictionary(options.map { ($0.label, $0.text) }, uniquingKeysWith: { first, _ in first })
        var wrong: [String] = []
        for (index, (label, right)) in zip(given, expected).enumerated() where label != right {
            wrong.append("\(index + 1) goes with \(right) (\(text[right] ?? "")), not \(label)")
        }
        let joined = given.joined(separator: ",")
        return Judgement(
            correct: wrong.isEmpty, response: joined, chosenLabel: joined,
            feedback: wrong.isEmpty ? nil : wrong.joined(separator: "; ") + ".")
    }

    /// The option labels typed in `text`, in order, ignoring spaces, commas and semicolons; `nil` when
    /// nothing is typed or a character is not one of the question's labels.
    private func letters(in text: String) -> [String]? {
        let labels = Set(options.map(\.label))
        var result: [String] = []
        for character in text.uppercased() where !(character.isWhitespace || character == "," || character == ";") {
            let label = String(character)
            guard labels.contains(label) else { return nil }
            result.append(label)
        }
        return result.isEmpty ? nil : result
    }

    func judgeShortAnswer(_ response: String) -> Judgement {
        let trimmed = TypedAnswer.plain(response)
        guard !trimmed.isEmpty else { return .unrecognised(trimmed) }
        let understood = TypedAnswer.normalised(trimmed, like: answer.text)
        guard let hit = (grading ?? []).first(where: { $0.text.map { TypedAnswer.matches(trimmed, $0) } ?? false }) else {
            return Judgement(correct: false, response: understood)
        }
        return Judgement(correct: hit.isFullCredit, response: understood, feedback: hit.feedback.isEmpty ? nil : hit.feedback)
    }

    func judgeNumber(_ response: String) -> Judgement {
        let trimmed = TypedAnswer.plain(response)
        guard let number = Double(trimmed), number.isFinite else { return .unrecognised(trimmed) }
        let graded = grading ?? []
        let hit = graded.first { $0.accepts(number) } ?? graded.first(where: \.isAnyOther)
        let feedback = hit.flatMap { $0.feedback.isEmpty ? nil : $0.feedback }
        return Judgement(correct: hit?.isFullCredit == true, response: BankText.number(number), feedback: feedback)
    }
}

/// How typed answers are compared with the answers an author wrote.
enum TypedAnswer {
    /// `text` trimmed, with every run of whitespace read as one space.
    static func plain(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether `text` looks like a code (`27284-RT`, `S93.401D`, `H25.13`): one word of letters,
    /// digits, dots and hyphens with at least one digit. Such answers are compared as `CodeEntry`.
    static func isCodeLike(_ text: String) -> Bool {
        !text.isEmpty && text.contains(where: \.isNumber)
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
    }

    /// `expected` read as a code, and the length of its code part (to split a typed `27284RT`).
    private static func code(_ expected: String) -> CodeEntry {
        CodeEntry(parsing: expected, codeLength: Int.max)
    }

    /// Whether a typed response means the author's answer `expected`.
    static func matches(_ typed: String, _ expected: String) -> Bool {
        let response = plain(typed)
        if response.caseInsensitiveCompare(plain(expected)) == .orderedSame { return true }
        guard isCodeLike(expected) else { return false }
        let wanted = code(expected)
        return CodeEntry(parsing: response, codeLength: wanted.code.count).text == wanted.text
    }

    /// A typed response as understood: normalised like a code when `reference` (the expected answer)
    /// is code-like, else trimmed.
    static func normalised(_ typed: String, like reference: String) -> String {
        let response = plain(typed)
        guard isCodeLike(reference) else { return response }
        return CodeEntry(parsing: response, codeLength: code(reference).code.count).text
    }
}
