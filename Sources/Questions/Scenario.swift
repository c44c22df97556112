import CodingContent
import Determinism

/// The patient and side of one scenario, drawn from the procedure's profile.
struct Patient {
    var age: Int
    var female: Bool
    var side: Side?
    /// "woman", "male patient", "girl", …
    var noun: String

    var possessive: String { female ? "her" : "his" }
    /// "woman", "man", "girl" or "boy", for sentences that already say "patient".
    var person: String { age < 18 ? (female ? "girl" : "boy") : (female ? "woman" : "man") }
    /// "a" or "an" before the age ("an 18-year-old", "an 81-year-old").
    var article: String { String(age).hasPrefix("8") || age == 11 || age == 18 ? "an" : "a" }
}

extension QuestionGenerator {
    /// Draws age, sex and the way the patient is named, for a scenario on `side`.
    func drawPatient(_ profile: PatientProfile, side: Side?, _ rng: inout SplitMix64) -> Patient {
        let age = rng.int(in: profile.minimumAge...max(profile.minimumAge, profile.maximumAge))
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
        return Patient(age: age, female: female, side: side, noun: noun)
    }

    static let women = ["woman", "female patient"]
    static let men = ["man", "male patient"]

    /// "0-year-old " … "120-year-old ", so ages are not formatted per question.
    static let ages: [String] = (0...120).map { "\($0)-year-old " }

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

/// Which steps a scenario stem may narrate: the allowed key steps (always told) and the allowed
/// other steps (sampled), each ascending.
struct NarrationPlan: Sendable {
    var keys: [Int]
    var others: [Int]

    init(keys: [Int], others: [Int]) {
        self.keys = keys
        self.others = others
    }

    /// The key steps, and the first step that gains access (incision, portals, scope passed) told as
    /// a key step too: a report never starts inside the joint or at the tendon sheath.
    init(steps: [Step], allowed: [Bool]) {
        let access = steps.indices.first { allowed[$0] && NarrationPlan.gainsAccess(steps[$0].text) }
        keys = steps.indices.filter { allowed[$0] && (steps[$0].isKey || $0 == access) }
        others = steps.indices.filter { allowed[$0] && !steps[$0].isKey && $0 != access }
    }

    /// Whether a step text describes how the surgeon got in.
    static func gainsAccess(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return [
            "incision", "portal", " port", "arthroscope was", "scope was passed", "scope was inserted", "scope was introduced",
            "was advanced",
        ]
        .contains { lowered.contains($0) }
    }
}
