import CodingContent


/// The options and rationales of every kind, written once per library so that generating a
/// question only picks, shuffles and concatenates.
///
/// Rationale policy: the right option names what decides it (key steps, the listed indication,
/// the crosswalk and side); a wrong code is explained by the contrast between the two codes when
/// the author wrote one ("27286 would be reported only if …; the note says: …"), else by what the
/// other code describes and which of its key steps the note lacks.
struct PreparedChoices: Sendable {
    /// "Report 27284 …": why the procedure's own code is right.
    var rightCode = ""
    /// The notes as one string starting with a space, or empty.
    var notes = ""
    /// Wrong codes, aligned with `codeNeighbours`.
    var codes: [Choice] = []
    /// Per own clause: the right finding and the ranked wrong findings.
    var contrasts: [(right: Choice, wrong: [Choice])] = []
    /// Why the listed indication is right.
    var rightIndication = ""
    /// Wrong indications, aligned with `foreignIndications`.
    var indications: [Choice] = []
    /// Wrong next steps from other procedures, aligned with `foreignSteps`.
    var foreignSteps: [Choice] = []
    /// Right answers of `not-included`, aligned with `foreignKeySteps`.
    var notIncluded: [Choice] = []
    /// Per own step: the wrong option of `not-included` that step makes.
    var ownSteps: [Choice] = []
    /// Per crosswalk entry: the right code, the side, the codes always offered (other sides) and the ranked rest.
    var pcs: [(right: Choice, side: Side?, must: [Choice], ranked: [Choice])] = []
    /// Per diagnosis: the right code, the code always offered (same condition, other side) and the ranked rest.
    var diagnoses: [(right: Choice, must: [Choice], ranked: [Choice])] = []
    /// The question lines and fixed stems, written once.
    var vignetteQuestion = "", entryQuestion = "", indicationStem = "", notIncludedStem = ""
    /// Per own clause: the contrast question line.
    var contrastQuestions: [String] = []
    /// Per step `s` (but the last): the next-step stem quoting it, and why step `s + 1` is right.
    var nextStepStems: [String] = [], nextStepRationales: [String] = []
    /// The steps a next-step question may quote: those whose successor reads differently.
    var askableSteps: [Int] = []
    /// Per step `s` (but the last): own steps that may be wrong options, nearest the answer first,
    /// none reading like step `s` or `s + 1` or like each other.
    var nextStepOwn: [[Int]] = []
}

extension LibraryIndex {
    /// `code (title)` of procedure `i`.
    func named(_ i: ProcedureID) -> String { self[i].procedure.code + " (" + self[i].procedure.title + ")" }

    /// The options and rationales of procedure `i`, written on first use.
    func choices(_ i: ProcedureID) -> PreparedChoices {
        self[i].choices { makeChoices(i) }
    }

    private func makeChoices(_ i: ProcedureID) -> PreparedChoices {
        let e = self[i]
        let p = e.procedure
        var prepared = PreparedChoices()
        prepared.rightCode = e.decidingSteps.isEmpty
            ? "\(named(i)) is correct: the note documents this procedure's steps."
            : "\(named(i)) is correct: the note documents the steps that decide it: \(e.decidingSteps)."
        prepared.notes = p.notes.isEmpty ? "" : " " + p.notes.joined(separator: " ")
        prepared.codes = e.codeNeighbours.map { Choice(text: self[$0].code, correct: false, rationale: wrongCodeRationale(answer: i, wrong: $0)) }

        prepared.contrasts = e.clauses.map { id in
            let right = self[id]
            let target = self[right.to].code
            var because = "\(named(right.to)) is reported instead of \(p.code) when \(right.when)."
            if let quote = right.rulesOutQuote { because += " A note of \(p.code) rules it out, e.g. “\(quote)”." }
            let candidates = wrongFindings(i, for: id)
            let ranked = candidates.filter { self[$0].from == i } + candidates.filter { self[$0].from != i }
            let wrong = ranked.map { w in
                let c = self[w]
                let why: String
                if c.from == i {
                    why = "That finding would change the code to \(named(c.to)), not to \(target)."
                } else if c.to == i {
                    why = "That finding is what separates \(p.code) from \(self[c.from].code): it supports \(p.code) itself and would not lead to \(target)."
                } else {
                    why = "That finding moves a coder from \(self[c.from].code) to \(named(c.to)); it does not lead from \(p.code) to \(target)."
                }
                return Choice(text: c.option, correct: false, rationale: why)
            }
            return (Choice(text: right.option, correct: true, rationale: because), wrong)
        }

        prepared.rightIndication = "A typical candidate for \(named(i)): it is one of the procedure's indications."
        prepared.indications = e.foreignIndications.map { w in
            Choice(text: self[w.procedure].indicationSentences[w.step], correct: false,
                   rationale: "A typical candidate for \(named(w.procedure)), a procedure of another family; it is not an indication for \(p.code).")
        }
        prepared.foreignSteps = e.foreignSteps.map { f in
            Choice(text: self[f.procedure].procedure.steps[f.step].text, correct: false,
                   rationale: "Not part of \(p.code): it is a step of \(named(f.procedure)).")
        }
        prepared.notIncluded = e.foreignKeySteps.map { f in
            Choice(text: self[f.procedure].procedure.steps[f.step].text, correct: true,
                   rationale: "This step belongs to \(named(f.procedure)), not to \(p.code).")
        }
        prepared.ownSteps = p.steps.indices.map { j in
            let role = p.steps[j].isKey ? ", a key step that decides the code" : ""
            return Choice(text: p.steps[j].text, correct: false, rationale: "Step \(j + 1) of \(p.code)\(role).")
        }
        let system = p.system.rawValue
        let subject = "\(system) \(p.code) (\(p.title))"
        prepared.vignetteQuestion = "Which \(system) code should be reported?"
        prepared.entryQuestion = "Enter the \(system) code for this procedure, with a laterality modifier if one applies."
        prepared.indicationStem = "Which of these patients is a typical candidate for \(subject)?"
        prepared.notIncludedStem = "Which of these steps is NOT part of \(subject)?"
        prepared.contrastQuestions = e.clauses.map {
            "As documented, this note supports \(system) \(p.code). What would the note have to show for the code to be \(self[self[$0].to].code) instead?"
        }
        prepared.nextStepStems = p.steps.dropLast().map {
            "In \(subject), the operative note has just described this step:\n“\($0.text)”\nWhich step comes next?"
        }
        prepared.nextStepRationales = p.steps.indices.dropLast().map { "In \(p.code), step \($0 + 2) comes right after step \($0 + 1)." }
        let keys = e.stepKeys
        prepared.askableSteps = p.steps.indices.dropLast().filter { keys[$0] != keys[$0 + 1] }
        prepared.nextStepOwn = p.steps.indices.dropLast().map { s in
            let answer = s + 1
            var seen = [keys[s], keys[answer]]
            return p.steps.indices.filter { $0 != s && $0 != answer }
                .sorted { (abs($0 - answer), $0) < (abs($1 - answer), $1) }
                .filter { j in
                    guard !seen.contains(keys[j]) else { return false }
                    seen.append(keys[j])
                    return true
                }
        }
        prepared.pcs = p.pcs.map { preparePCS(i, answer: $0) }
        prepared.diagnoses = p.diagnoses.indices.map { prepareDiagnosis(i, answer: $0) }
        return prepared
    }

    /// Why code `wrong` does not fit a note of `answer`, from the contrast between them when there is one.
    func wrongCodeRationale(answer i: ProcedureID, wrong j: ProcedureID) -> String {
        if let id = self[i].clauses.first(where: { self[$0].to == j }) {
            let c = self[id]
            let evidence = c.rulesOutQuote.map { "the note says: “\($0)”." } ?? "the note documents nothing of the kind."
            return "\(named(j)) would be reported only if \(c.when); " + evidence
        }
        if let id = self[i].clausesTo.first(where: { self[$0].from == j }) {
            return "\(named(j)) does not fit: the note shows that \(self[id].when), which makes it \(self[i].code)."
        }
        let example = self[j].exampleStep.map { ", such as " + $0 } ?? ""
        return "\(named(j)) is a different procedure: the note documents none of its key steps\(example)."
    }

    private static func phrase(_ side: Side?, on: Bool) -> String {
        guard let side else { return "" }
        if side == .bilateral { return on ? " on both sides" : " for both sides" }
        return on ? " on the \(side.rawValue) side" : " for the \(side.rawValue) side"
    }

    /// 0 for the opposite side of `side`, 1 for other sides, 2 for unsided codes.
    private static func distance(_ candidate: Side?, from side: Side?) -> Int {
        guard let candidate else { return 2 }
        switch (side, candidate) {
        case (.right, .left), (.left, .right): return 0
        default: return 1
        }
    }

    /// The crosswalk question for one of procedure `i`'s PCS codes: the other side's code always,
    /// then family members' codes for this side, then the rest of the ranked pool.
    private func preparePCS(_ i: ProcedureID, answer: PCSCode) -> (right: Choice, side: Side?, must: [Choice], ranked: [Choice]) {
        let e = self[i]
        let side = answer.side
        let because = "\(answer.code) is the ICD-10-PCS crosswalk for \(named(i))\(Self.phrase(side, on: true))."
        let pool = e.pcsPool.filter { $0.code != answer.code }
        let own = pool.filter { $0.owner == i }.sorted { Self.distance($0.side, from: side) < Self.distance($1.side, from: side) }
        let others = pool.filter { $0.owner != i }
        let family = Set(e.codeNeighbours.prefix(e.familyCount))
        let sameSide = others.filter { family.contains($0.owner) && $0.side == side }
        let ranked = sameSide + others.filter { !(family.contains($0.owner) && $0.side == side) }
        let must = own.map { w in
            let scenario = side.map { " this note documents surgery" + Self.phrase($0, on: true) + "." } ?? " it does not match this scenario."
            return Choice(text: w.code, correct: false, rationale: "\(w.code) is the code\(w.side == nil ? " without a side" : Self.phrase(w.side, on: false));" + scenario)
        }
        let rest = ranked.map { w in
            var why = "\(w.code) is the crosswalk for \(named(w.owner))\(Self.phrase(w.side, on: false))"
            if let id = e.clauses.first(where: { self[$0].to == w.owner }) {
                why += ", which would need that \(self[id].when)."
            } else {
                why += ", a different procedure."
            }
            return Choice(text: w.code, correct: false, rationale: why)
        }
        return (Choice(text: answer.code, correct: true, rationale: because), side, must, rest)
    }

    /// The diagnosis question for procedure `i`'s diagnosis `k`: the same condition on the other
    /// side always (an own code of the opposite side sharing the most characters), then the rest.
    private func prepareDiagnosis(_ i: ProcedureID, answer k: Int) -> (right: Choice, must: [Choice], ranked: [Choice]) {
        let e = self[i]
        let right = e.procedure.diagnoses[k]
        let (code, dotted, key) = (e.diagnosisCodes[k].code, e.diagnosisCodes[k].dotted, e.diagnosisCodes[k].key)
        let pool = e.diagnosisPool.filter { $0.code != code && $0.key != key }
        var counterpart: PooledDiagnosis?
        if let side = right.side, side != .bilateral {
            let opposite: Side = side == .right ? .left : .right
            var best = 2
            for candidate in pool where candidate.owner == i && candidate.side == opposite {
                let shared = zip(candidate.code.utf8, code.utf8).prefix { $0 == $1 }.count
                if shared > best {
                    best = shared
                    counterpart = candidate
                }
            }
        }
        let because = "\(dotted) is \(right.text): the documented preoperative diagnosis."
        let must = counterpart.map { w in
            [Choice(text: w.dotted, correct: false,
                    rationale: "\(w.dotted) is \(w.text): the other side; this note documents the \(right.side!.rawValue) side.")]
        } ?? []
        let ranked = pool.filter { $0.code != counterpart?.code }.map { w in
            Choice(text: w.dotted, correct: false, rationale: w.owner == i
                ? "\(w.dotted) is \(w.text), a different condition from the one documented."
                : "\(w.dotted) is \(w.text), typical for \(named(w.owner)), not the condition documented.")
        }
        return (Choice(text: dotted, correct: true, rationale: because), must, ranked)
    }
}
