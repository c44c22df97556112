/// The kinds about the operation's steps: `next-step`, `not-included`.
extension QuestionGenerator {
    func nextStep(_ i: Int, _ rng: inout SplitMix64) -> Draft {
        let e = index.entries[i]
        let p = e.procedure
        let steps = p.steps
        let lower = steps.map { $0.text.lowercased() }
        // Ask about a step whose successor reads differently from it.
        let askable = (0..<(steps.count - 1)).filter { lower[$0] != lower[$0 + 1] }
        let s = askable.isEmpty ? 0 : rng.element(of: askable)
        let answer = s + 1
        let stem = "In \(p.system.rawValue) \(p.code) (\(p.title)), the operative note has just described this step:\n“\(steps[s].text)”\nWhich step comes next?"
        let because = "In \(p.code), step \(answer + 1) comes right after step \(s + 1)."
        var choices = [Choice(text: steps[answer].text, correct: true, rationale: because)]

        // Own steps nearest the answer make the best wrong options; foreign steps fill the rest.
        var seen: Set<String> = [lower[s], lower[answer]]
        let own = steps.indices.filter { $0 != s && $0 != answer }
            .sorted { (abs($0 - answer), $0) < (abs($1 - answer), $1) }
            .filter { seen.insert(lower[$0]).inserted }
        let ownPicked = rng.sample(min(2, own.count), from: Array(own.prefix(4)))
        for j in ownPicked {
            choices.append(Choice(
                text: steps[j].text, correct: false,
                rationale: "Part of \(p.code), but it is step \(j + 1); step \(answer + 1) comes right after step \(s + 1)."))
        }
        let foreign = e.foreignSteps.filter { !seen.contains(index.entries[$0.procedure].procedure.steps[$0.step].text.lowercased()) }
        for f in pick(3 - ownPicked.count, must: [], ranked: foreign, &rng) {
            choices.append(Choice(
                text: index.entries[f.procedure].procedure.steps[f.step].text, correct: false,
                rationale: "Not part of \(p.code): it is a step of \(named(f.procedure))."))
        }
        return Draft(stem: stem, choices: choices, rationale: because)
    }

    func notIncluded(_ i: Int, _ rng: inout SplitMix64) -> Draft {
        let e = index.entries[i]
        let p = e.procedure
        var seen: Set<String> = []
        let distinct = p.steps.indices.filter { seen.insert(p.steps[$0].text.lowercased()).inserted }
        let foreign = rng.element(of: Array(e.foreignKeySteps.prefix(4)))
        let owner = index.entries[foreign.procedure].procedure
        let stem = "Which of these steps is NOT part of \(p.system.rawValue) \(p.code) (\(p.title))?"
        let because = "This step belongs to \(named(foreign.procedure)), not to \(p.code)."
        var choices = [Choice(text: owner.steps[foreign.step].text, correct: true, rationale: because)]
        for j in rng.sample(3, from: distinct) {
            let role = p.steps[j].isKey ? ", a key step that decides the code" : ""
            choices.append(Choice(text: p.steps[j].text, correct: false, rationale: "Step \(j + 1) of \(p.code)\(role)."))
        }
        return Draft(stem: stem, choices: choices, rationale: because)
    }
}
