/// The kinds whose options are sentences about the patient or the note: `contrast`, `indication`.
extension QuestionGenerator {
    func contrast(_ i: Int, _ rng: inout SplitMix64) -> Draft {
        let e = index.entries[i]
        let p = e.procedure
        let id = rng.element(of: e.askableClauses)
        let k = e.clauses.firstIndex(of: id)!
        let right = index.clauses[id]
        let target = index.entries[right.to].code
        let side = e.sides.isEmpty ? nil : rng.element(of: e.sides)
        let patient = drawPatient(p, side: side, &rng)
        let reason = stemIndication(e, among: e.contrastIndications[k], &rng)
        // No rules-out sentences here: they would negate the answer in so many words.
        let stem = scenarioStem(
            e, patient: patient, label: "Indication", reason: reason, allowed: e.contrastSteps[k], findings: [],
            question: "As documented, this note supports \(p.system.rawValue) \(p.code). What would the note have to show for the code to be \(target) instead?",
            &rng)

        var because = "\(named(right.to)) is reported instead of \(p.code) when \(right.when)."
        if let rulesOut = right.rulesOut { because += " A note of \(p.code) rules it out, e.g. “\(Wording.clause(rulesOut))”." }
        var choices = [Choice(text: Wording.capitalized(right.when), correct: true, rationale: because)]
        let candidates = index.wrongFindings(i, for: id)
        let mine = candidates.filter { index.clauses[$0].from == i }
        let wrong = pick(3, must: [], ranked: mine + candidates.filter { index.clauses[$0].from != i }, &rng)
        for w in wrong {
            let c = index.clauses[w]
            let why: String
            if c.from == i {
                why = "That finding would change the code to \(named(c.to)), not to \(target)."
            } else if c.to == i {
                why = "That finding is what separates \(p.code) from \(index.entries[c.from].code): it supports \(p.code) itself and would not lead to \(target)."
            } else {
                why = "That finding moves a coder from \(index.entries[c.from].code) to \(named(c.to)); it does not lead from \(p.code) to \(target)."
            }
            choices.append(Choice(text: Wording.capitalized(c.when), correct: false, rationale: why))
        }
        return Draft(stem: stem, choices: choices, rationale: because)
    }

    func indication(_ i: Int, _ rng: inout SplitMix64) -> Draft {
        let e = index.entries[i]
        let p = e.procedure
        let right = p.indications[rng.below(p.indications.count)]
        let stem = "Which of these patients is a typical candidate for \(p.system.rawValue) \(p.code) (\(p.title))?"
        let because = "A typical candidate for \(named(i)): it is one of the procedure's indications."
        var choices = [Choice(text: Wording.sentence(right), correct: true, rationale: because)]
        for w in pick(3, must: [], ranked: e.foreignIndications, &rng) {
            let text = index.entries[w.procedure].procedure.indications[w.step]
            choices.append(Choice(
                text: Wording.sentence(text), correct: false,
                rationale: "A typical candidate for \(named(w.procedure)), a procedure of another family; it is not an indication for \(p.code)."))
        }
        return Draft(stem: stem, choices: choices, rationale: because)
    }
}
