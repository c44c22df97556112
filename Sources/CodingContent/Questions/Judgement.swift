/// The verdict on one learner response to a question.
public struct Judgement: Sendable, Hashable, Codable {
    /// Whether the response is right. For entry questions only the code decides; the modifier is
    /// judged separately in `modifierCorrect`, so a drill can choose how strict to be.
    public var correct: Bool
    /// The response as understood: an option label (`B`) for multiple choice, or the normalised
    /// entry (`27284-RT`: upper case, no spaces or dots, modifiers after hyphens).
    public var response: String
    /// The option the response picked, or `nil` for entry questions and unrecognised responses.
    public var chosenLabel: String?
    /// For entry questions: whether the laterality modifier fits the scenario's side; `nil` when no
    /// modifier was expected and none was given.
    public var modifierCorrect: Bool?
    /// For entry questions: one sentence about the modifier, or `nil` when there is nothing to say.
    public var modifierNote: String?

    /// Creates a judgement.
    public init(correct: Bool, response: String, chosenLabel: String? = nil, modifierCorrect: Bool? = nil, modifierNote: String? = nil) {
        self.correct = correct
        self.response = response
        self.chosenLabel = chosenLabel
        self.modifierCorrect = modifierCorrect
        self.modifierNote = modifierNote
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

    /// The laterality modifiers (`RT`, `LT`, `50`) among `modifiers`.
    public var lateralityModifiers: [String] { modifiers.filter(CodeEntry.laterality.contains) }

    /// The modifiers that state a side: right, left, bilateral.
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
    /// Judges a learner's response. Multiple choice: an option label (`b`), or an option's text typed
    /// out (`27286`). Entry: the code, normalised as `CodeEntry` reads it; the code alone decides
    /// `correct`, and a laterality modifier is checked against the scenario's side and reported.
    public func judge(response: String) -> Judgement {
        kind.isEntry ? judgeEntry(response) : judgeChoice(response)
    }

    private func judgeChoice(_ response: String) -> Judgement {
        let trimmed = response.trimmingCharacters(in: .whitespaces).uppercased()
        if let option = options.first(where: { $0.label == trimmed }) {
            return Judgement(correct: option.correct, response: option.label, chosenLabel: option.label)
        }
        let typed = CodeEntry(parsing: response, codeLength: Int.max).code
        if !typed.isEmpty, let option = options.first(where: { CodeEntry(parsing: $0.text, codeLength: Int.max).code == typed }) {
            return Judgement(correct: option.correct, response: option.label, chosenLabel: option.label)
        }
        return Judgement(correct: false, response: trimmed)
    }

    private func judgeEntry(_ response: String) -> Judgement {
        let expected = CodeEntry(parsing: answer.text, codeLength: code.count)
        let given = CodeEntry(parsing: response, codeLength: expected.code.count)
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
        let others = given.modifiers.filter { !CodeEntry.laterality.contains($0) }
        if !others.isEmpty { notes.append("modifier \(others.joined(separator: ", ")) is not judged") }
        return Judgement(
            correct: given.code == expected.code, response: given.text, chosenLabel: nil,
            modifierCorrect: modifierCorrect, modifierNote: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    private static func sideName(_ modifier: String) -> String {
        switch modifier {
        case "RT": "the right side"
        case "LT": "the left side"
        default: "both sides"
        }
    }
}
