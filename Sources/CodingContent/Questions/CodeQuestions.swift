/// The kinds whose answer is a code: `vignette`, `vignette-entry`, `pcs`, `diagnosis`.
extension QuestionGenerator {
    func vignette(_ i: Int, entry: Bool, _ rng: inout SplitMix64) -> Draft {
        let e = index.entries[i]
        let p = e.procedure
        let side = e.sides.isEmpty ? nil : rng.element(of: e.sides)
        let patient = drawPatient(p, side: side, &rng)
        let reason = stemIndication(e, among: e.stemIndications, &rng)
        let question = entry
            ? "Enter the \(p.system.rawValue) code for this procedure, with a laterality modifier if one applies."
            : "Which \(p.system.rawValue) code should be reported?"
        let stem = scenarioStem(e, patient: patient, label: "Indication", reason: reason, allowed: e.narratable,
                                findings: e.rulesOut, question: question, &rng)
        var rationale = rightCodeRationale(i)
        if entry {
            var expected = p.code
            if let side, p.system != .icd10pcs {
                let modifier = CodeEntry.modifier(for: side)
                expected += "-" + modifier
                rationale += side == .bilateral
                    ? " Both sides were operated on, so report it with modifier 50: \(expected)."
                    : " The operation was on the \(side.rawValue) side, so report it with modifier \(modifier): \(expected)."
            }
            if !p.notes.isEmpty { rationale += " " + p.notes.joined(separator: " ") }
            return Draft(stem: stem, choices: [], rationale: rationale, entryAnswer: expected)
        }
        // Family members and contrast-linked codes always (a seeded three when there are more),
        // then the closest codes by section and step overlap.
        let must = Array(e.codeNeighbours.prefix(e.mustCount))
        let wrong = must.count >= 3
            ? rng.sample(3, from: Array(must.prefix(5)))
            : pick(3, must: must, ranked: Array(e.codeNeighbours.dropFirst(e.mustCount)), &rng)
        var choices = [Choice(text: p.code, correct: true, rationale: rationale)]
        choices += wrong.map { Choice(text: index.entries[$0].code, correct: false, rationale: wrongCodeRationale(answer: i, wrong: $0)) }
        if !p.notes.isEmpty { rationale += " " + p.notes.joined(separator: " ") }
        return Draft(stem: stem, choices: choices, rationale: rationale)
    }

    /// Why the procedure's own code is right: the key steps the note documents.
    func rightCodeRationale(_ i: Int) -> String {
        let e = index.entries[i]
        if e.decidingSteps.isEmpty { return "\(named(i)) is correct: the note documents this procedure's steps." }
        return "\(named(i)) is correct: the note documents the steps that decide it: \(e.decidingSteps)."
    }

    /// Why code `wrong` does not fit a note of `answer`, from the contrast between them when there is one.
    func wrongCodeRationale(answer i: Int, wrong j: Int) -> String {
        let clauses = index.clauses
        if let id = index.entries[i].clauses.first(where: { clauses[$0].to == j }) {
            let c = clauses[id]
            let evidence = c.rulesOut.map { "the note says: “\(Wording.clause($0))”." } ?? "the note documents nothing of the kind."
            return "\(named(j)) would be reported only if \(c.when); " + evidence
        }
        if let id = index.entries[i].clausesTo.first(where: { clauses[$0].from == j }) {
            return "\(named(j)) does not fit: the note shows that \(clauses[id].when), which makes it \(index.entries[i].code)."
        }
        let other = index.entries[j].procedure
        let shown = other.steps.first(where: \.isKey) ?? other.steps.first
        let example = shown.map { ", such as “\(Wording.clause($0.text))”" } ?? ""
        return "\(named(j)) is a different procedure: the note documents none of its key steps\(example)."
    }

    func pcs(_ i: Int, _ rng: inout SplitMix64) -> Draft {
        let e = index.entries[i]
        let p = e.procedure
        let right = p.pcs[rng.below(p.pcs.count)]
        let side = right.side ?? (e.sides.isEmpty ? nil : rng.element(of: e.sides))
        let patient = drawPatient(p, side: side, &rng)
        let reason = stemIndication(e, among: e.stemIndications, &rng)
        let stem = scenarioStem(
            e, patient: patient, label: "Indication", reason: reason, allowed: e.narratable, findings: e.rulesOut,
            question: "The patient is an inpatient. Which ICD-10-PCS code should be reported for the procedure?", &rng)

        let pool = e.pcsPool.filter { $0.code != right.code }
        // The other side's code always; then family members' codes for this side, then the rest.
        let own = pool.filter { $0.owner == i }.sorted { rank(of: $0.side, against: side) < rank(of: $1.side, against: side) }
        let others = pool.filter { $0.owner != i }
        let family = Set(e.codeNeighbours.prefix(e.familyCount))
        let ranked = others.filter { family.contains($0.owner) && $0.side == side } + others.filter { !(family.contains($0.owner) && $0.side == side) }
        let wrong = pick(3, must: own, ranked: ranked, &rng)

        let sideText = side.map { $0 == .bilateral ? " on both sides" : " on the \($0.rawValue) side" } ?? ""
        let because = "\(right.code) is the ICD-10-PCS crosswalk for \(named(i))\(right.side == nil ? "" : sideText)."
        var choices = [Choice(text: right.code, correct: true, rationale: because)]
        for w in wrong {
            var why: String
            if w.owner == i {
                let whose = w.side.map { $0 == .bilateral ? "for both sides" : "for the \($0.rawValue) side" } ?? "without a side"
                why = "\(w.code) is the code \(whose); this note documents surgery\(sideText.isEmpty ? " of another kind" : sideText)."
            } else {
                let whose = w.side.map { $0 == .bilateral ? " for both sides" : " for the \($0.rawValue) side" } ?? ""
                why = "\(w.code) is the crosswalk for \(named(w.owner))\(whose)"
                if let id = e.clauses.first(where: { index.clauses[$0].to == w.owner }) {
                    why += ", which would need that \(index.clauses[id].when)."
                } else {
                    why += ", a different procedure."
                }
            }
            choices.append(Choice(text: w.code, correct: false, rationale: why))
        }
        return Draft(stem: stem, choices: choices, rationale: because)
    }

    /// 0 for the opposite side of `side`, 1 for other sides, 2 for unsided codes.
    private func rank(of candidate: Side?, against side: Side?) -> Int {
        guard let candidate else { return 2 }
        switch (side, candidate) {
        case (.right, .left), (.left, .right): return 0
        default: return 1
        }
    }

    func diagnosis(_ i: Int, _ rng: inout SplitMix64) -> Draft {
        let e = index.entries[i]
        let p = e.procedure
        let right = p.diagnoses[rng.below(p.diagnoses.count)]
        let code = right.normalizedCode
        let side = right.side ?? (e.sides.isEmpty ? nil : rng.element(of: e.sides))
        let patient = drawPatient(p, side: side, &rng)
        let stem = scenarioStem(
            e, patient: patient, label: "Preoperative diagnosis", reason: right.text, allowed: e.narratable, findings: [],
            question: "Which ICD-10-CM code should be reported for the preoperative diagnosis?", &rng)

        let text = right.text.lowercased()
        let pool = e.diagnosisPool.filter { $0.code != code && $0.text.lowercased() != text }
        // The same condition on the other side: an own code of the opposite side sharing the most characters.
        var counterpart: (code: String, text: String, owner: Int)?
        if let side = right.side, side != .bilateral {
            let opposite: Side = side == .right ? .left : .right
            var best = 2
            for candidate in pool where candidate.owner == i {
                let shared = zip(candidate.code, code).prefix { $0 == $1 }.count
                if shared > best, p.diagnoses.contains(where: { $0.normalizedCode == candidate.code && $0.side == opposite }) {
                    best = shared
                    counterpart = candidate
                }
            }
        }
        let ranked = pool.filter { $0.code != counterpart?.code }
        let wrong = pick(3, must: counterpart.map { [$0] } ?? [], ranked: ranked, &rng)

        let dotted = ICD10.dotted(code)
        let because = "\(dotted) is \(right.text): the documented preoperative diagnosis."
        var choices = [Choice(text: dotted, correct: true, rationale: because)]
        for w in wrong {
            let why: String
            if w.code == counterpart?.code, let side {
                why = "\(ICD10.dotted(w.code)) is \(w.text): the other side; this note documents the \(side.rawValue) side."
            } else if w.owner == i {
                why = "\(ICD10.dotted(w.code)) is \(w.text), a different condition from the one documented."
            } else {
                why = "\(ICD10.dotted(w.code)) is \(w.text), typical for \(named(w.owner)), not the condition documented."
            }
            choices.append(Choice(text: ICD10.dotted(w.code), correct: false, rationale: why))
        }
        return Draft(stem: stem, choices: choices, rationale: because)
    }
}
