import Determinism


/// The kinds whose answer is a code: `vignette`, `vignette-entry`, `pcs`, `diagnosis`.
extension QuestionGenerator {
    func vignette(_ i: ProcedureID, entry: Bool, _ rng: inout SplitMix64) -> Draft {
        let e = index[i]
        let c = index.choices(i)
        let side = e.sides.isEmpty ? nil : rng.element(of: e.sides)
        let patient = drawPatient(e.procedure.patient, side: side, &rng)
        let reason = stemIndication(e, among: e.stemIndications, &rng)
        let question = entry ? c.entryQuestion : c.vignetteQuestion
        let stem = scenarioStem(e, patient: patient, label: "Indication", reason: reason, plan: e.plan,
                                findings: e.rulesOut, question: question, &rng)
        if entry {
            var expected = e.procedure.code
            var rationale = c.rightCode
            if let side, e.procedure.system != .icd10pcs {
                let modifier = CodeEntry.modifier(for: side)
                expected += "-" + modifier
                rationale += side == .bilateral
                    ? " Both sides were operated on, so report it with modifier 50: \(expected)."
                    : " The operation was on the \(side.rawValue) side, so report it with modifier \(modifier): \(expected)."
            }
            return Draft(stem: stem, choices: [], rationale: rationale + c.notes, entryAnswer: expected)
        }
        // Family members and contrast-linked codes always (a seeded three of the first five when
        // there are more), then the closest codes by section and step overlap.
        var choices = [Choice(text: e.procedure.code, correct: true, rationale: c.rightCode)]
        choices.reserveCapacity(4)
        let codes = c.codes
        if e.mustCount >= 3 {
            for k in rng.sortedSample(3, of: min(e.mustCount, 5)) { choices.append(codes[k]) }
        } else {
            pick(3, must: codes.prefix(e.mustCount), ranked: codes.dropFirst(e.mustCount), into: &choices, &rng)
        }
        return Draft(stem: stem, choices: choices, rationale: c.rightCode + c.notes)
    }

    func pcs(_ i: ProcedureID, _ rng: inout SplitMix64) -> Draft {
        let e = index[i]
        let c = index.choices(i)
        let prepared = c.pcs[rng.below(c.pcs.count)]
        let side = prepared.side ?? (e.sides.isEmpty ? nil : rng.element(of: e.sides))
        let patient = drawPatient(e.procedure.patient, side: side, &rng)
        let reason = stemIndication(e, among: e.stemIndications, &rng)
        let stem = scenarioStem(
            e, patient: patient, label: "Indication", reason: reason, plan: e.plan, findings: e.rulesOut,
            question: "The patient is an inpatient. Which ICD-10-PCS code should be reported for the procedure?", &rng)
        var choices = [prepared.right]
        pick(3, must: prepared.must[...], ranked: prepared.ranked[...], into: &choices, &rng)
        return Draft(stem: stem, choices: choices, rationale: prepared.right.rationale)
    }

    func diagnosis(_ i: ProcedureID, _ rng: inout SplitMix64) -> Draft {
        let e = index[i]
        let c = index.choices(i)
        let k = rng.below(e.procedure.diagnoses.count)
        let diagnosisSide = e.procedure.diagnoses[k].side
        let prepared = c.diagnoses[k]
        let side = diagnosisSide ?? (e.sides.isEmpty ? nil : rng.element(of: e.sides))
        let patient = drawPatient(e.procedure.patient, side: side, &rng)
        let stem = scenarioStem(
            e, patient: patient, label: "Preoperative diagnosis", reason: e.diagnosisReasons[k], plan: e.plan, findings: [],
            question: "Which ICD-10-CM code should be reported for the preoperative diagnosis?", &rng)
        var choices = [prepared.right]
        pick(3, must: prepared.must[...], ranked: prepared.ranked[...], into: &choices, &rng)
        return Draft(stem: stem, choices: choices, rationale: prepared.right.rationale)
    }
}
