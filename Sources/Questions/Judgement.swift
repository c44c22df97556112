import CodingContent
import SourceText

/// The verdict on one learner response to a question.
///
/// **Invalid input versus a wrong answer.** A response that cannot be read as an answer at all — a
/// letter the question does not have (`z` on a four-option question), garbage, an empty entry, text
/// where a number is wanted, the wrong number of letters for a matching question — gives
/// `isRecognised == false`, `correct == false` and `chosenLabel == nil`: the drill should say so and
/// ask again without recording a review. A recognised response with `correct == false` is a wrong
/// answer. For choice kinds (every kind that has options) `chosenLabel == nil` exactly when the
/// response is not recognised.
public struct Judgement: Sendable, Hashable, Codable {
    /// Whether the response is right. For `vignette-entry` questions only the code decides; the
    /// modifier is judged separately in `modifierCorrect`, so a drill can choose how strict to be.
    public var correct: Bool
    /// The response as understood: an option label (`B`) for multiple choice and true/false; the
    /// labels, comma-separated, for `multiple-answer` (`A,C`, sorted) and `matching` (`C,A,B`, in prompt
    /// order); the normalised entry for typed answers (`27284-RT`: upper case, no spaces or dots,
    /// modifiers after hyphens; plain text trimmed with single spaces; numbers as `92` or `4.5`); for
    /// an unrecognised response, the trimmed text as typed.
    public var response: String
    /// The option or options the response picked (same form as `response`), or `nil` for entry
    /// questions and unrecognised responses.
    public var chosenLabel: String?
    /// For `vignette-entry` questions: whether the laterality modifier (RT, LT, 50, or an anatomic one such as F6) fits the scenario's side; `nil`
    /// when no modifier was expected and none was given.
    public var modifierCorrect: Bool?
    /// For `vignette-entry` questions: one sentence about the modifier, or `nil` when there is nothing
    /// to say.
    public var modifierNote: String?
    /// Whether the response could be read as an answer at all; see the type's documentation.
    public var isRecognised: Bool
    /// What to tell the learner about this particular response when no option carries it: for typed
    /// authored questions, the author's feedback for the answer the response matched (or for "any
    /// other number"); for `matching`, which prompts were matched wrongly. `nil` otherwise — for choice
    /// kinds, show the chosen options' `rationale`.
    public var feedback: String?

    /// Creates a judgement.
    public init(
        correct: Bool, response: String, chosenLabel: String? = nil, modifierCorrect: Bool? = nil, modifierNote: String? = nil,
        isRecognised: Bool = true, feedback: String? = nil
    ) {
        self.correct = correct
        self.response = response
        self.chosenLabel = chosenLabel
        self.modifierCorrect = modifierCorrect
        self.modifierNote = modifierNote
        self.isRecognised = isRecognised
        self.feedback = feedback
    }

    /// A response that cannot be read as an answer: not correct, nothing chosen, `isRecognised` false.
    public static func unrecognised(_ response: String) -> Judgement {
        Judgement(correct: false, response: response, isRecognised: false)
    }
}

/// A typed code with its modifiers, as normalised for judging.
public struct CodeEntry: Sendable, Hashable {
    /// The code, upper case, without spaces or dots (`27284`, `M1611`).
    public var code: String
    /// Two-character modifiers in the order typed (`["RT"]`).
    public var modifiers: [String]

    /// The normalised text: the code, then `-` and each modifier (`27284-RT`).
    public var text: String { ([code] + modifiers).joined(separator: "-") }

    /// The laterality modifiers (`RT`, `LT`, `50`, anatomic ones such as `F6`) among `modifiers`.
    public var lateralityModifiers: [String] { modifiers.filter { AnatomicModifier.side(of: $0) != nil } }

    /// The modifiers that state a side: right, left, bilateral (anatomic ones: `AnatomicModifier.named`).
    public static let laterality = ["RT", "LT", "50"]

    /// The modifier that reports `side`.
    public static func modifier(for side: Side) -> String {
        switch side {
        case .right: "RT"
        case .left: "LT"
        case .bilateral: "50"
        }
    }

    /// Reads a typed answer: case, spaces and dots do not matter; modifiers follow a hyphen or comma
    /// (`27284-RT`, `27284 rt`, `27284RT`, `27284-50`). `codeLength` is the length of the expected
    /// code, used to split a modifier typed without a separator.
    public init(parsing raw: String, codeLength: Int) {
        var compact = ""
        for character in raw.uppercased() where !character.isWhitespace && character != "." {
            compact.append(character == "," ? "-" : character)
        }
        var parts = compact.split(separator: "-", omittingEmptySubsequences: true).map(String.init)
        var head = parts.isEmpty ? "" : parts.removeFirst()
        if head.count > codeLength, (head.count - codeLength) % 2 == 0 {
            parts.insert(String(head.dropFirst(codeLength)), at: 0)
            head = String(head.prefix(codeLength))
        }
        code = head
        modifiers = parts.flatMap(CodeEntry.pairs)
    }

    /// Splits `RT59` into `["RT", "59"]`; an odd-length run is kept whole (and never matches).
    private static func pairs(_ run: String) -> [String] {
        guard run.count > 2, run.count % 2 == 0 else { return [run] }
        var result: [String] = []
        var rest = Substring(run)
        while !rest.isEmpty {
            result.append(String(rest.prefix(2)))
            rest = rest.dropFirst(2)
        }
        return result
    }
}

extension Question {
    /// Judges a learner's response to a question of any kind.
    ///
    /// - Multiple choice (generated kinds, `choice`): an option label (`b`), or an option's text typed
    ///   out (`27286`). `true-false` also takes `t`, `f`, `true`, `false`.
    /// - `multiple-answer`: the letters of every option chosen (`a,c`, `ac`, `a c`); right when they are
    ///   exactly the options with a positive weight.
    /// - `matching`: one letter per numbered prompt, in order (`cab`, `c,a,b`); right when all match.
    /// - `vignette-entry`: the code, normalised as `CodeEntry` reads it; the code alone decides
    ///   `correct`, and a laterality modifier is checked against the scenario's side and reported.
    /// - `short-answer`: compared with each of the author's answers, ignoring case and surrounding
    ///   spaces, and for code-like answers (`S93.401D`, `27284-RT`) dots, spaces and case as `CodeEntry`;
    ///   the first match decides, right when it gives full credit.
    /// - `numerical`: a number, right when the first answer whose tolerance or range holds it gives full
    ///   credit.
    ///
    /// See `Judgement` for how invalid input is told apart from a wrong answer.
    public func judge(response: String) -> Judgement {
        switch kind {
        case .vignetteEntry: judgeEntry(response)
        case .shortAnswer: judgeShortAnswer(response)
        case .numerical, .anesthesiaUnits, .drugUnits: judgeNumber(response)
        case .multipleAnswer: judgeSelection(response)
        case .matching: judgeMatching(response)
        case .trueFalse: judgeTrueFalse(response)
        case .choice: judgeAuthoredChoice(response)
        case .vignette, .contrast, .indication, .nextStep, .notIncluded, .pcs, .diagnosis: judgeChoice(response)
        case .codeSet, .modifier, .bundling, .diagnosisSequence, .emLevel: judgeWholeOption(response)
        }
    }

    /// A label, or an option's whole text typed out (case, spaces and dots aside): options of code
    /// sets share their first code, so a typed code alone does not pick one.
    private func judgeWholeOption(_ response: String) -> Judgement {
        let trimmed = response.trimmed.uppercased()
        if let option = options.first(where: { $0.label == trimmed }) {
            return Judgement(correct: option.correct, response: option.label, chosenLabel: option.label)
        }
        func plain(_ text: String) -> String { String(text.uppercased().filter { $0 != " " && $0 != "." }) }
        let typed = plain(response)
        if let option = options.first(where: { plain($0.text) == typed }) {
            return Judgement(correct: option.correct, response: option.label, chosenLabel: option.label)
        }
        return .unrecognised(trimmed)
    }

    private func judgeChoice(_ response: String) -> Judgement {
        let trimmed = response.trimmed.uppercased()
        if let option = options.first(where: { $0.label == trimmed }) {
            return Judgement(correct: option.correct, response: option.label, chosenLabel: option.label)
        }
        let typed = CodeEntry(parsing: response, codeLength: Int.max).code
        if !typed.isEmpty, let option = options.first(where: { CodeEntry(parsing: $0.text, codeLength: Int.max).code == typed }) {
            return Judgement(correct: option.correct, response: option.label, chosenLabel: option.label)
        }
        return .unrecognised(trimmed)
    }

    private func judgeEntry(_ response: String) -> Judgement {
        let expected = CodeEntry(parsing: answer.text, codeLength: code.count)
        let given = CodeEntry(parsing: response, codeLength: expected.code.count)
        // Every code is at least three characters: a lone letter is an option letter typed by mistake.
        guard given.code.count >= 3 else { return .unrecognised(response.trimmed) }
        let wanted = expected.lateralityModifiers.first
        let sides = given.lateralityModifiers
        var modifierCorrect: Bool?
        var notes: [String] = []
        switch (wanted, sides.isEmpty) {
        case (nil, true):
            break
        case (nil, false):
            modifierCorrect = false
            notes.append("\(sides.joined(separator: ", ")) is not needed: this procedure is not reported by side")
        case (let wanted?, true):
            modifierCorrect = false
            notes.append("no laterality modifier given: the scenario is on \(Self.sideName(wanted)), so add \(wanted)")
        case (let wanted?, false):
            if sides == [wanted] {
                modifierCorrect = true
                notes.append("\(wanted) matches \(Self.sideName(wanted))")
            } else {
                modifierCorrect = false
                notes.append("\(sides.joined(separator: ", ")) does not match: the scenario is on \(Self.sideName(wanted)) (\(wanted))")
            }
        }
        // An anesthesia code's physical status (P1…P6), when the key carries one.
        func isStatus(_ m: String) -> Bool { m.count == 2 && m.first == "P" && ("1"..."6").contains(m.last!) }
        var judged = given.modifiers.filter { AnatomicModifier.side(of: $0) != nil }
        if let status = expected.modifiers.first(where: isStatus) {
            let typed = given.modifiers.filter(isStatus)
            judged += typed
            if typed == [status] {
                modifierCorrect = modifierCorrect ?? true
                notes.append("\(status) matches the documented physical status")
            } else {
                modifierCorrect = false
                notes.append(
                    typed.isEmpty
                        ? "no physical status modifier given: the record documents \(status)"
                        : "\(typed.joined(separator: ", ")) does not match: the record documents \(status)")
            }
        }
        let others = given.modifiers.filter { !judged.contains($0) }
        if !others.isEmpty { notes.append("modifier \(others.joined(separator: ", ")) is not judged") }
        return Judgement(
            correct: given.code == expected.code, response: given.text, chosenLabel: nil,
            modifierCorrect: modifierCorrect, modifierNote: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    private static func sideName(_ modifier: String) -> String {
        if let anatomic = AnatomicModifier.named[modifier] { return anatomic.site }
        switch modifier {
        case "RT": return "the right side"
        case "LT": return "the left side"
        default: return "both sides"
        }
    }
}
