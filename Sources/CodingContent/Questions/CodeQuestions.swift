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
        let stem = scenarioStem(e, patient: patient, label: "Indication", reason: reason, plan: e.plan,
                                findings: e.rulesOut, question: question, &rng)
        if entry {
            var expected = p.code
            var rationale = e.choices.rightCode
            if let side, p.system != .icd10pcs {
                let modifier = CodeEntry.modifier(for: side)
                expected += "-" + modifier
                rationale += side == .bilateral
                    ? " Both sides were operated on, so report it with modifier 50: \(expected)."
                    : " The operation was on the \(side.rawValue) side, so report it with modifier \(modifier): \(expected)."
            }
            return Draft(stem: stem, choices: [], rationale: rationale + e.choices.notes, entryAnswer: expected)
        }
        // Family members and contrast-linked codes always (a seeded three of the first five when
        // there are more), then the closest codes by section and step overlap.
        var choices = [Choice(text: p.code, correct: true, rationale: e.choices.rightCode)]
        choices.reserveCapacity(4)
        let codes = e.choices.codes
        if e.mustCount >= 3 {
            for k in rng.sortedSample(3, of: min(e.mustCount, 5)) { choices.append(codes[k]) }
        } else {
            pick(3, must: codes.prefix(e.mustCount), ranked: codes.dropFirst(e.mustCount), into: &choices, &rng)
        }
        return Draft(stem: stem, choices: choices, rationale: e.choices.rightCode + e.choices.notes)
    }

    func pcs(_ i: Int, _ rng: inout SplitMix64) -> Draft {
        let e = index.entries[i]
        let p = e.procedure
        let prepared = e.choices.pcs[rng.below(e.choices.pcs.count)]
        let side = prepared.side ?? (e.sides.isEmpty ? nil : rng.element(of: e.sides))
        let patient = drawPatient(p, side: side, &rng)
        let reason = stemIndication(e, among: e.stemIndications, &rng)
        let stem = scenarioStem(
            e, patient: patient, label: "Indication", reason: reason, plan: e.plan, findings: e.rulesOut,
            question: "The patient is an inpatient. Which ICD-10-PCS code should be reported for the procedure?", &rng)
        var choices = [prepared.right]
        pick(3, must: prepared.must[...], ranked: prepared.ranked[...], into: &choices, &rng)
        return Draft(stem: stem, choices: choices, rationale: prepared.right.rationale)
    }

    func diagnosis(_ i: Int, _ rng: inout SplitMix64) -> Draft {
        let e = index.entries[i]
        let p = e.procedure
        let k = rng.below(p.diagnoses.count)
        let right = p.diagnoses[k]
        let prepared = e.choices.diagnoses[k]
        let side = right.side ?? (e.sides.isEmpty ? nil : rng.element(of: e.sides))
        let patient = drawPatient(p, side: side, &rng)
        let stem = scenarioStem(
            e, patient: patient, label: "Preoperative diagnosis", reason: e.diagnosisReasons[k], plan: e.plan, findings: [],
            question: "Which ICD-10-CM code should be reported for the preoperative diagnosis?", &rng)
        var choices = [prepared.right]
        pick(3, must: prepared.must[...], ranked: prepared.ranked[...], into: &choices, &rng)
        return Draft(stem: stem, choices: choices, rationale: prepared.right.rationale)
    }
}
