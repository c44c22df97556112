import CodingContent
import Determinism

/// The patient and side of one scenario, drawn from the procedure's profile.
struct Patient {
    /// The age in whole years (0 for a newborn).
    var age: Int
    var female: Bool
    var side: Side?
    /// "woman", "male patient", "girl", …
    var noun: String
    /// The age in days or months, when the file gives a newborn's or an infant's age so; a scenario
    /// that sets `age` in years sets this to `nil`.
    var young: (unit: YoungAge.Unit, value: Int)?

    var possessive: String { female ? "her" : "his" }
    /// "woman", "man", "girl" or "boy", for sentences that already say "patient".
    var person: String { age < 18 ? (female ? "girl" : "boy") : (female ? "woman" : "man") }
    /// The number told before "-year-old", "-month-old" or "-day-old".
    private var number: Int { young?.value ?? age }
    /// Whether the age reads with "an" ("an 18-year-old", "an 8-month-old", "an 11-day-old"): its
    /// first digit is 8, found by dividing rather than by formatting the number (`String(number)`
    /// and `hasPrefix` cost about 300 instructions per stem).
    var an: Bool {
        var first = number
        while first >= 10 { first /= 10 }
        return first == 8 || number == 11 || number == 18
    }
    /// "a" or "an" before the age.
    var article: String { an ? "an" : "a" }
    /// "54-year-old ", "5-month-old ", "3-day-old " (with the trailing space).
    var ageWords: String {
        switch young?.unit {
        case .days?: QuestionGenerator.dayAges[min(number, QuestionGenerator.dayAges.count - 1)]
        case .months?: QuestionGenerator.monthAges[min(number, QuestionGenerator.monthAges.count - 1)]
        case nil: QuestionGenerator.ages[min(age, QuestionGenerator.ages.count - 1)]
        }
    }
    /// Whether the age is a qualifying circumstance for anesthesia (99100): younger than one year or
    /// older than seventy.
    var extremeAge: Bool { age < 1 || age > 70 }
    /// The age in words for a rationale: "84 years old", "5 months old", "3 days old".
    var ageSpoken: String {
        switch young?.unit {
        case .days?: "\(number) day\(number == 1 ? "" : "s") old"
        case .months?: "\(number) month\(number == 1 ? "" : "s") old"
        case nil: "\(age) year\(age == 1 ? "" : "s") old"
        }
    }
}

extension QuestionGenerator {
    /// Draws age, sex and the way the patient is named, for a scenario on `side`.
    func drawPatient(_ profile: PatientProfile, side: Side?, _ rng: inout SplitMix64) -> Patient {
        let age: Int
        var young: (unit: YoungAge.Unit, value: Int)?
        if let infant = profile.youngAge {
            let value = rng.int(in: infant.range)
            young = (infant.unit, value)
            age = infant.years(value)
        } else {
            age = rng.int(in: profile.minimumAge...max(profile.minimumAge, profile.maximumAge))
        }
        let female: Bool
        switch profile.sex {
        case .female: female = true
        case .male: female = false
        case .any: female = rng.below(2) == 0
        }
        let noun: String
        if age < 18 {
            noun = female ? "girl" : "boy"
        } else {
            noun = rng.element(of: female ? Self.women : Self.men)
        }
        return Patient(age: age, female: female, side: side, noun: noun, young: young)
    }

    static let women = ["woman", "female patient"]
    static let men = ["man", "male patient"]

    /// "0-year-old " … "120-year-old ", so ages are not formatted per question.
    static let ages: [String] = (0...120).map { "\($0)-year-old " }
    /// "0-day-old " … "365-day-old ".
    static let dayAges: [String] = (0...365).map { "\($0)-day-old " }
    /// "0-month-old " … "35-month-old ".
    static let monthAges: [String] = (0...35).map { "\($0)-month-old " }

    static let connectives = ["", "", "Next, ", "Then ", "After that, ", "Subsequently, "]
    static let closingConnectives = ["", "Finally, ", "Lastly, "]

    /// A seeded indication that may be shown in stems, or `nil`.
    func stemIndication(_ e: ProcedureEntry, among allowed: [Int], _ rng: inout SplitMix64) -> String? {
        allowed.isEmpty ? nil : e.indicationSentences[rng.element(of: allowed)]
    }

    /// `count` wrong answers: all of `must` first (up to `count`), then a seeded sample of the best
    /// `needed + 1` of `ranked`, so the strongest distractors appear most often but not always.
    func pick(_ count: Int, must: ArraySlice<Choice>, ranked: ArraySlice<Choice>, into choices: inout [Choice], _ rng: inout SplitMix64) {
        let fromMust = min(count, must.count)
        choices.append(contentsOf: must.prefix(fromMust))
        let rest = count - fromMust
        guard rest > 0, !ranked.isEmpty else { return }
        for k in rng.sortedSample(rest, of: min(ranked.count, rest + 1)) { choices.append(ranked[ranked.startIndex + k]) }
    }

}

/// Which steps a scenario stem may narrate: the steps every report tells (`keys`) and the other
/// allowed steps (sampled), each ascending.
struct NarrationPlan: Sendable {
    var keys: [Int]
    var others: [Int]
    /// The closing steps, always told: the step that closes or withdraws (when it is one of the last
    /// two allowed steps) and the last allowed step. Another service is told before the first of them.
    var closing: [Int] = []

    init(keys: [Int], others: [Int], closing: [Int] = []) {
        self.keys = keys
        self.others = others
        self.closing = closing
    }

    /// The steps always told among the allowed ones: the key steps, the steps the file says every
    /// report tells (`told`, 0-based), the access step (incision, portals, scope passed: a report
    /// never starts inside the joint), and the closing steps (the last allowed step, and the last
    /// one that closes or withdraws when the last is the dressing: a report never ends with the
    /// wound open). The rest are sampled.
    ///
    /// `quotes` are the sentences a rationale may quote as what this note shows (the file's `here`s):
    /// a step that tells two content words of one of them that no always-told step tells is always
    /// told too, so a rationale never quotes work this report left out (instructor review 58009:
    /// 69632's "the eroded incus was removed" quoted from a report that never removed it).
    init(steps: [Step], allowed: [Bool], told: [Int] = [], quotes: [String] = []) {
        let access = steps.indices.first { allowed[$0] && NarrationPlan.gainsAccess(steps[$0].text) } ?? allowed.firstIndex(of: true)
        let narratable = steps.indices.filter { allowed[$0] }
        let closure = narratable.suffix(2).first { NarrationPlan.closes(steps[$0].text) }
        closing = Array(Set([closure, narratable.last].compactMap { $0 })).sorted()
        var always = Set([access].compactMap { $0 } + closing + told)
        if !quotes.isEmpty {
            func words(_ text: String) -> Set<String> { Set(Wording.tokens(text).filter(ReportMaterial.isContentWord)) }
            var shown = Set<String>()
            for s in narratable where steps[s].isKey || always.contains(s) { shown.formUnion(words(steps[s].text)) }
            let unshown = quotes.map { words($0).subtracting(shown) }.filter { $0.count >= 2 }
            for s in narratable where !steps[s].isKey && !always.contains(s) {
                let own = words(steps[s].text)
                if unshown.contains(where: { $0.intersection(own).count >= 2 }) { always.insert(s) }
            }
        }
        keys = steps.indices.filter { allowed[$0] && (steps[$0].isKey || always.contains($0)) }
        others = steps.indices.filter { allowed[$0] && !steps[$0].isKey && !always.contains($0) }
    }

    /// Whether a step text describes how the surgeon got in.
    static func gainsAccess(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return [
            "incision", "incised", "portal", " port", "arthroscope was", "scope was passed", "scope was inserted", "scope was introduced",
            "was advanced", "approach", "arthrotomy",
        ]
        .contains { lowered.contains($0) }
    }

    /// Whether a step text closes the wound or withdraws the instrument.
    static func closes(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return ["closed", "closure", "sutured", "stapled", "withdrawn", "withdrawal", "was removed and", "were removed and"].contains {
            lowered.contains($0)
        }
    }
}
