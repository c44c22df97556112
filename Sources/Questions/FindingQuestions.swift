import CodingContent
import Determinism
import Foundation

/// The kind whose options are findings: `contrast`, asked only between alternatives (`instead`).
extension QuestionGenerator {
    func contrast(_ i: ProcedureID, _ rng: inout SplitMix64) -> Draft {
        let e = index[i]
        let c = index.choices(i)
        let id = rng.element(of: e.askableClauses)
        let k = e.clauses.firstIndex(of: id)!
        var plan = scenario(e, &rng)
        // Findings could say what the answer says; the report keeps to the steps that do not.
        plan.findings = false
        plan.findingsAreOptions = true
        let stem = reportStem(e, plan, narration: e.contrastPlans[k], question: c.contrastQuestions[k], &rng)
        let prepared = c.contrasts[k]
        var choices = [prepared.right]
        // The nearest wrong finding (the most words shared with the key's, `contrastFindings`) is
        // always offered: the closed reduction beside closed care without one (25605 beside 25600),
        // not three open fixations that leave the key the only closed treatment (instructor review
        // 15802: 25607 → 25600, 27502 → 27500).
        pick(3, must: prepared.wrong.prefix(1), ranked: prepared.wrong.dropFirst(), into: &choices, &rng)
        return Draft(stem: stem, choices: choices, rationale: prepared.right.rationale)
    }
}
