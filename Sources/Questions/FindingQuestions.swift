import CodingContent
import Determinism
import Foundation
import QuestionBanks

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
        Self.balanceLengths(&choices, wrong: prepared.wrong)
        return Draft(stem: stem, choices: choices, rationale: prepared.right.rationale)
    }

    /// When the key stands out by its length (`OptionLengths.keyStandsOut`: 33262's "the patient has
    /// no defibrillator yet, and a transvenous shocking lead and a generator are both implanted for
    /// the first time" beside three short ones), the shortest drawn wrong finding after the lead gives
    /// way to the longest one not drawn, when that is longer. 17 of the shipped library's contrast
    /// questions at seed 7 had the cue; the lead, the nearest alternative, always stays.
    static func balanceLengths(_ choices: inout [Choice], wrong: [Choice]) {
        guard choices.count >= 3 else { return }
        let key = choices[0].text.count
        let drawn = choices.dropFirst(2)
        guard let longest = choices.dropFirst().map(\.text.count).max(),
            OptionLengths.keyStandsOut(key: key, longestWrong: longest),
            let shortest = drawn.indices.min(by: { choices[$0].text.count < choices[$1].text.count }),
            let longer = wrong.filter({ w in !choices.contains { $0.text == w.text } }).max(by: { $0.text.count < $1.text.count }),
            longer.text.count > choices[shortest].text.count
        else { return }
        choices[shortest] = longer
    }
}
