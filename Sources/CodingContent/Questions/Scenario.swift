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
    func drawPatient(_ p: Procedure, side: Side?, _ rng: inout SplitMix64) -> Patient {
        let age = rng.int(in: p.patient.minimumAge...max(p.patient.minimumAge, p.patient.maximumAge))
        let female: Bool
        switch p.patient.sex {
        case .female: female = true
        case .male: female = false
        case .any: female = rng.below(2) == 0
        }
        let noun: String
        if age < 18 {
            noun = female ? "girl" : "boy"
        } else {
            noun = rng.element(of: female ? ["woman", "female patient"] : ["man", "male patient"])
        }
        return Patient(age: age, female: female, side: side, noun: noun)
    }

    /// The opening sentences: who, which side, and the labelled reason for surgery (an indication or
    /// a diagnosis). `reason` is `nil` when no indication may be shown.
    func opener(_ patient: Patient, label: String, reason: String?, _ rng: inout SplitMix64) -> String {
        let who = "\(patient.age)-year-old \(patient.noun)"
        let article = Wording.capitalized(patient.article)
        let template = rng.below(4)
        var text: String
        switch template {
        case 0:
            text = "\(article) \(who) is taken to the operating room"
            if let side = patient.side { text += side == .bilateral ? " for surgery on both sides" : " for surgery on the \(side.rawValue) side" }
        case 1:
            text = "Operative note: \(who)"
            if let side = patient.side { text += side == .bilateral ? ", both sides" : ", \(side.rawValue) side" }
        case 2:
            text = "The patient, \(patient.article) \(patient.age)-year-old \(patient.person), has consented to surgery"
            if let side = patient.side { text += side == .bilateral ? " on both sides" : " on \(patient.possessive) \(side.rawValue) side" }
        default:
            text = "\(article) \(who) undergoes surgery"
            if let side = patient.side { text += side == .bilateral ? " on both sides" : " on the \(side.rawValue) side" }
        }
        text += "."
        guard let reason else { return text }
        if template == 3 {
            return text + " " + Wording.capitalized(patient.possessive) + " surgeon records the " + label.lowercased() + ": "
                + Wording.sentence(Wording.capitalized(reason))
        }
        return text + " " + label + ": " + Wording.sentence(Wording.capitalized(reason))
    }

    /// The narrated steps: every allowed key step and a seeded sample of the other allowed steps, in
    /// operative order, joined with seeded connectives; `findings` go before a closing non-key step.
    /// With no key step marked, every allowed step is narrated (which steps decide is unknown).
    func narration(_ e: ProcedureEntry, allowed: [Bool], findings: [String], _ rng: inout SplitMix64) -> String {
        let steps = e.procedure.steps
        let candidates = steps.indices.filter { allowed[$0] }
        let others = candidates.filter { !steps[$0].isKey }
        var chosen = candidates
        if others.count != candidates.count {
            let keep = rng.int(in: (others.count + 1) / 2...others.count)
            let kept = Set(rng.sortedSample(keep, of: others.count).map { others[$0] })
            chosen = candidates.filter { steps[$0].isKey || kept.contains($0) }
        }
        var sentences: [String] = []
        sentences.reserveCapacity(chosen.count + findings.count)
        var previous = ""
        for (position, s) in chosen.enumerated() {
            let connectives = position == chosen.count - 1 ? Self.closingConnectives : Self.connectives
            var connective = position == 0 ? "" : rng.element(of: connectives)
            if connective == previous { connective = "" }  // never "Then … Then …"
            previous = connective
            if !connective.isEmpty, let lowered = e.loweredSteps[s] {
                sentences.append(connective + lowered)
            } else {
                sentences.append(steps[s].text)
            }
        }
        if !findings.isEmpty {
            let closing = chosen.last.map { !steps[$0].isKey && sentences.count > 1 } ?? false
            sentences.insert(contentsOf: findings, at: closing ? sentences.count - 1 : sentences.count)
        }
        return sentences.map(Wording.sentence).joined(separator: " ")
    }

    static let connectives = ["", "", "Next, ", "Then ", "After that, ", "Subsequently, "]
    static let closingConnectives = ["", "Finally, ", "Lastly, "]

    /// A full scenario stem: opener, narration and the question line.
    func scenarioStem(_ e: ProcedureEntry, patient: Patient, label: String, reason: String?, allowed: [Bool],
                      findings: [String], question: String, _ rng: inout SplitMix64) -> String {
        opener(patient, label: label, reason: reason, &rng) + " " + narration(e, allowed: allowed, findings: findings, &rng)
            + "\n\n" + question
    }

    /// A seeded indication that may be shown in stems, or `nil`.
    func stemIndication(_ e: ProcedureEntry, among allowed: [Int], _ rng: inout SplitMix64) -> String? {
        allowed.isEmpty ? nil : e.procedure.indications[rng.element(of: allowed)]
    }

    /// `count` wrong answers: all of `must` first (up to `count`), then a seeded sample of the best
    /// `needed + 1` of `ranked`, so the strongest distractors appear most often but not always.
    func pick<T>(_ count: Int, must: [T], ranked: [T], _ rng: inout SplitMix64) -> [T] {
        let fromMust = Array(must.prefix(count))
        let rest = count - fromMust.count
        guard rest > 0 else { return fromMust }
        return fromMust + rng.sample(rest, from: Array(ranked.prefix(rest + 1)))
    }

    /// `code (title)`.
    func named(_ i: Int) -> String {
        let p = index.entries[i].procedure
        return "\(p.code) (\(p.title))"
    }
}
