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

    /// Appends the opening sentences: who, which side, and the labelled reason for surgery (an
    /// indication or a diagnosis, as a capitalised sentence; `nil` when none may be shown).
    func open(_ patient: Patient, label: String, reason: String?, into text: inout String, _ rng: inout SplitMix64) {
        let age = Self.ages[min(patient.age, Self.ages.count - 1)]
        let template = rng.below(4)
        switch template {
        case 0, 3:
            text += patient.article == "an" ? "An " : "A "
            text += age
            text += patient.noun
            text += template == 0 ? " is taken to the operating room" : " undergoes surgery"
            if let side = patient.side {
                text += side == .bilateral ? (template == 0 ? " for surgery on both sides" : " on both sides")
                    : (template == 0 ? " for surgery on the " : " on the ") + side.rawValue + " side"
            }
        case 1:
            text += "Operative note: "
            text += age
            text += patient.noun
            if let side = patient.side { text += side == .bilateral ? ", both sides" : ", " + side.rawValue + " side" }
        default:
            text += "The patient, "
            text += patient.article
            text += " "
            text += age
            text += patient.person
            text += ", has consented to surgery"
            if let side = patient.side {
                text += side == .bilateral ? " on both sides" : " on " + patient.possessive + " " + side.rawValue + " side"
            }
        }
        text += "."
        guard let reason else { return }
        if template == 3 {
            text += patient.female ? " Her surgeon records the " : " His surgeon records the "
            text += label == "Indication" ? "indication" : label.lowercased()
        } else {
            text += " "
            text += label
        }
        text += ": "
        text += reason
    }

    /// "0-year-old " … "120-year-old ", so ages are not formatted per question.
    static let ages: [String] = (0...120).map { "\($0)-year-old " }

    /// Appends the narrated steps: every key step of `plan` and a seeded sample of at least half of
    /// its other steps, in operative order, joined with seeded connectives; `findings` go before a
    /// closing non-key step. With no key step marked, every allowed step is narrated (which steps
    /// decide is unknown).
    func narrate(_ e: ProcedureEntry, plan: NarrationPlan, findings: [String], into text: inout String, _ rng: inout SplitMix64) {
        let keys = plan.keys, others = plan.others
        var needed = keys.isEmpty ? others.count : rng.int(in: (others.count + 1) / 2...others.count)
        let total = keys.count + needed
        var position = 0, k = 0, o = 0
        var previous = ""
        var findingsTold = findings.isEmpty
        while position < total {
            // Next step in operative order: a key step, or an other step kept by selection sampling.
            let s: Int
            if o < others.count, k == keys.count || others[o] < keys[k] {
                let kept = rng.below(others.count - o) < needed
                o += 1
                guard kept else { continue }
                needed -= 1
                s = others[o - 1]
            } else {
                s = keys[k]
                k += 1
            }
            let last = position == total - 1
            if last, total > 1, !findingsTold, !e.procedure.steps[s].isKey {
                appendFindings(findings, to: &text)
                findingsTold = true
            }
            var connective = position == 0 ? "" : rng.element(of: last ? Self.closingConnectives : Self.connectives)
            if connective == previous { connective = "" }  // never "Then … Then …"
            previous = connective
            text += " "
            if !connective.isEmpty, let lowered = e.loweredSteps[s] {
                text += connective
                text += lowered
            } else {
                text += e.stepSentences[s]
            }
            position += 1
        }
        if !findingsTold { appendFindings(findings, to: &text) }
    }

    private func appendFindings(_ findings: [String], to text: inout String) {
        for finding in findings {
            text += " "
            text += finding
        }
    }

    static let connectives = ["", "", "Next, ", "Then ", "After that, ", "Subsequently, "]
    static let closingConnectives = ["", "Finally, ", "Lastly, "]

    /// A full scenario stem: opener, narration and the question line.
    func scenarioStem(_ e: ProcedureEntry, patient: Patient, label: String, reason: String?, plan: NarrationPlan,
                      findings: [String], question: String, _ rng: inout SplitMix64) -> String {
        var text = ""
        text.reserveCapacity(1_024)
        open(patient, label: label, reason: reason, into: &text, &rng)
        narrate(e, plan: plan, findings: findings, into: &text, &rng)
        text += "\n\n"
        text += question
        return text
    }

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

    init(steps: [Step], allowed: [Bool]) {
        keys = steps.indices.filter { allowed[$0] && steps[$0].isKey }
        others = steps.indices.filter { allowed[$0] && !steps[$0].isKey }
    }
}
