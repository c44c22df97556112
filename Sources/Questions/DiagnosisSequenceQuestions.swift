import CodingContent
import Determinism
import SourceText

extension Item {
    /// Creates the `diagnosis-sequence` item of an ICD-10-CM diagnosis scenario: area `ICD-10-CM`,
    /// filed under `ICD-10-CM/<chapter>`, family the scenario's folder (its chapter slug).
    public init(scenario: DiagnosisScenario) {
        id = Item.id(prefix: scenario.itemPrefix, kind: .diagnosisSequence)
        kind = .diagnosisSequence
        code = scenario.id
        system = .icd10cm
        path = scenario.path
        tags = scenario.tags
        section = [CodeSystem.icd10cm.rawValue, scenario.chapter]
        category = section
        area = CodeSystem.icd10cm.rawValue
        family = scenario.folder
    }
}

/// Questions built from ICD-10-CM diagnosis scenarios: the note as the stem, the authored key and
/// three of the authored wrong sequences (drawn by seed) as options.
public struct DiagnosisSequenceGenerator: Sendable {
    /// The scenarios, by path; when two share an id, the first is used.
    public let scenarios: [DiagnosisScenario]
    /// One `diagnosis-sequence` item per scenario, in path order.
    public let items: [Item]
    private let byItemID: [String: Int]

    /// Indexes `scenarios`.
    public init(scenarios: [DiagnosisScenario]) {
        let sorted = scenarios.sorted { $0.path < $1.path }
        var kept: [DiagnosisScenario] = []
        var byItemID: [String: Int] = [:]
        for scenario in sorted {
            let id = Item.id(prefix: scenario.itemPrefix, kind: .diagnosisSequence)
            guard byItemID[id] == nil, scenario.wrong.count >= 3 else { continue }
            byItemID[id] = kept.count
            kept.append(scenario)
        }
        self.scenarios = kept
        self.byItemID = byItemID
        items = kept.map(Item.init(scenario:))
    }

    /// The items of the scenario with id `code` (one item, or none).
    public func items(code: String) -> [Item] { items.filter { $0.code == code } }

    /// Whether `itemID` names one of these scenarios' items.
    public func has(itemID: String) -> Bool { byItemID[itemID] != nil }

    /// The question asked in every stem, by setting: one wording whatever the key's length, so that
    /// "code" or "codes" never tells how many the key has (instructor review 11939: the one
    /// single-code option under "Which code"). Where every option shown is one code, the count tells
    /// nothing and there is no sequence to ask for (instructor review 41877: "in sequence" over
    /// four single codes).
    static func question(_ setting: DiagnosisSetting, singleCodes: Bool = false) -> String {
        let visit = setting == .outpatient ? "encounter" : "admission"
        return singleCodes
            ? "Which ICD-10-CM code should be reported for this \(visit)?"
            : "Which ICD-10-CM code or codes should be reported for this \(visit), in sequence?"
    }

    /// `text` ending in a full stop (or other closing punctuation).
    static func sentence(_ text: String) -> String {
        let t = text.trimmed
        guard let last = t.last else { return t }
        return ".!?".contains(last) ? t : t + "."
    }

    /// The reason the key is right: what in the note decides and the guideline with its section.
    static func reason(_ s: DiagnosisScenario) -> String {
        "Report \(s.codes.text). \(sentence(s.decides)) Guideline \(s.guidelineSection): \(sentence(s.guidelineRule))"
    }

    /// The question's rationale: the key's reason, why each wrong option shown fails (in option
    /// order), then the Index path.
    static func rationale(_ s: DiagnosisScenario, wrongShown: [WrongSequence]) -> String {
        var text = reason(s)
        for wrong in wrongShown { text += " Not \(wrong.sequence.text): \(sentence(wrong.why))" }
        return text + " Index: \(s.indexPath)."
    }

    /// The question for `itemID` and `seed`, or `nil` when the id is not a scenario item.
    public func generate(itemID: String, seed: UInt64) -> Question? {
        guard let i = byItemID[itemID] else { return nil }
        let s = scenarios[i]
        var rng = SplitMix64(seed: seed ^ Fingerprint.value(of: itemID))
        var wrongs = s.wrong
        rng.shuffle(&wrongs)
        let shown = Array(wrongs.prefix(3))
        var choices = [Choice(text: s.codes.text, correct: true, rationale: Self.reason(s) + " Index: \(s.indexPath).")]
        for wrong in shown {
            choices.append(
                Choice(text: wrong.sequence.text, correct: false, rationale: "\(wrong.sequence.text) is wrong: \(Self.sentence(wrong.why))")
            )
        }
        rng.shuffle(&choices)
        let byText = Dictionary(shown.map { ($0.sequence.text, $0) }, uniquingKeysWith: { a, _ in a })
        let main = Self.rationale(s, wrongShown: choices.compactMap { byText[$0.text] })
        let options = choices.enumerated().map { k, choice in
            QuestionOption(label: Question.label(k), text: choice.text, correct: choice.correct, rationale: choice.rationale)
        }
        let right = options.first(where: \.correct) ?? options[0]
        return Question(
            id: QuestionGenerator.questionID(itemID, seed), item: itemID, kind: .diagnosisSequence, code: s.id,
            stem: s.note + "\n\n"
                + Self.question(s.setting, singleCodes: s.codes.codes.count == 1 && shown.allSatisfy { $0.sequence.codes.count == 1 }),
            options: options,
            answer: CorrectAnswer(label: right.label, text: right.text), rationale: main, seed: seed)
    }
}
