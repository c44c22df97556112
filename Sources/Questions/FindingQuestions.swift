import Determinism


/// The kinds whose options are sentences about the patient or the note: `contrast`, `indication`.
extension QuestionGenerator {
    func contrast(_ i: ProcedureID, _ rng: inout SplitMix64) -> Draft {
        let e = index[i]
        let c = index.choices(i)
        let id = rng.element(of: e.askableClauses)
        let k = e.clauses.firstIndex(of: id)!
        let side = e.sides.isEmpty ? nil : rng.element(of: e.sides)
        let patient = drawPatient(e.procedure.patient, side: side, &rng)
        let reason = stemIndication(e, among: e.contrastIndications[k], &rng)
        // No rules-out sentences here: they would negate the answer in so many words.
        let stem = scenarioStem(
            e, patient: patient, label: "Indication", reason: reason, plan: e.contrastPlans[k], findings: [],
            question: c.contrastQuestions[k], &rng)
        let prepared = c.contrasts[k]
        var choices = [prepared.right]
        pick(3, must: [], ranked: prepared.wrong[...], into: &choices, &rng)
        return Draft(stem: stem, choices: choices, rationale: prepared.right.rationale)
    }

    func indication(_ i: ProcedureID, _ rng: inout SplitMix64) -> Draft {
        let e = index[i]
        let c = index.choices(i)
        let right = e.indicationSentences[rng.below(e.indicationSentences.count)]
        let stem = c.indicationStem
        var choices = [Choice(text: right, correct: true, rationale: c.rightIndication)]
        pick(3, must: [], ranked: c.indications[...], into: &choices, &rng)
        return Draft(stem: stem, choices: choices, rationale: c.rightIndication)
    }
}
