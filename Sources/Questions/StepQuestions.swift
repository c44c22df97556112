import Determinism


/// The kinds about the operation's steps: `next-step`, `not-included`.
extension QuestionGenerator {
    func nextStep(_ i: ProcedureID, _ rng: inout SplitMix64) -> Draft {
        let e = index[i]
        let c = index.choices(i)
        let steps = e.procedure.steps
        let code = e.procedure.code
        let askable = c.askableSteps
        let s = askable.isEmpty ? 0 : askable[rng.below(askable.count)]
        let answer = s + 1
        let stem = c.nextStepStems[s]
        let because = c.nextStepRationales[s]
        var choices = [Choice(text: steps[answer].text, correct: true, rationale: because)]
        choices.reserveCapacity(4)

        // Own steps nearest the answer make the best wrong options; foreign steps (unlike every own
        // step by construction) fill the rest.
        let own = c.nextStepOwn[s]
        for k in rng.sortedSample(min(2, own.count), of: min(own.count, 4)) {
            let j = own[k]
            choices.append(Choice(
                text: steps[j].text, correct: false,
                rationale: "Part of \(code), but it is step \(j + 1); step \(answer + 1) comes right after step \(s + 1)."))
        }
        pick(4 - choices.count, must: [], ranked: c.foreignSteps[...], into: &choices, &rng)
        return Draft(stem: stem, choices: choices, rationale: because)
    }

    func notIncluded(_ i: ProcedureID, _ rng: inout SplitMix64) -> Draft {
        let e = index[i]
        let c = index.choices(i)
        var seen: [Int] = []
        let distinct = e.stepKeys.indices.filter { s in
            guard !seen.contains(e.stepKeys[s]) else { return false }
            seen.append(e.stepKeys[s])
            return true
        }
        let right = c.notIncluded[rng.below(min(c.notIncluded.count, 4))]
        let stem = c.notIncludedStem
        var choices = [right]
        for k in rng.sortedSample(3, of: distinct.count) { choices.append(c.ownSteps[distinct[k]]) }
        return Draft(stem: stem, choices: choices, rationale: right.rationale)
    }
}
