/// The kinds whose options are sentences about the patient or the note: `contrast`, `indication`.
extension QuestionGenerator {
    func contrast(_ i: Int, _ rng: inout SplitMix64) -> Draft {
        let e = index.entries[i]
        let id = rng.element(of: e.askableClauses)
        let k = e.clauses.firstIndex(of: id)!
        let side = e.sides.isEmpty ? nil : rng.element(of: e.sides)
        let patient = drawPatient(e.procedure.patient, side: side, &rng)
        let reason = stemIndication(e, among: e.contrastIndications[k], &rng)
        // No rules-out sentences here: they would negate the answer in so many words.
        let stem = scenarioStem(
            e, patient: patient, label: "Indication", reason: reason, plan: e.contrastPlans[k], findings: [],
            question: e.choices.contrastQuestions[k], &rng)
        let prepared = e.choices.contrasts[k]
        var choices = [prepared.right]
        pick(3, must: [], ranked: prepared.wrong[...], into: &choices, &rng)
        return Draft(stem: stem, choices: choices, rationale: prepared.right.rationale)
    }

    func indication(_ i: Int, _ rng: inout SplitMix64) -> Draft {
        let e = index.entries[i]
        let right = e.indicationSentences[rng.below(e.indicationSentences.count)]
        let stem = e.choices.indicationStem
        var choices = [Choice(text: right, correct: true, rationale: e.choices.rightIndication)]
        pick(3, must: [], ranked: e.choices.indications[...], into: &choices, &rng)
        return Draft(stem: stem, choices: choices, rationale: e.choices.rightIndication)
    }
}
