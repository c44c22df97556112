import Foundation

/// A contrast whose code is in the library: "from `from`, the coder moves to `to` when `when`".
struct Clause: Sendable {
    /// Index of the procedure that states it.
    var from: Int
    /// Index of the procedure it leads to.
    var to: Int
    /// The clause.
    var when: String
    /// The sentence showing that `to` does not apply to a note of `from`, if usable in stems.
    var rulesOut: String?
    /// Lower-case words of `when`, for comparing clauses.
    var key: String
    /// Distinctive phrases of `when`.
    var phrases: Set<String>
}

/// A step of some procedure in the library.
struct StepRef: Sendable, Hashable {
    /// Procedure index.
    var procedure: Int
    /// Step index.
    var step: Int
}

/// Everything about one procedure that question generation needs, computed once per library.
struct ProcedureEntry: Sendable {
    var procedure: Procedure
    /// The family, or a key unique to the code when it has none.
    var familyKey: String
    /// Content-word ids of all steps.
    var words: [Int]
    /// Content-word ids of each step.
    var stepWords: [[Int]]
    /// Per step: may appear in a scenario stem (it names no library code and not the title).
    var narratable: [Bool]
    /// Per step: the sentence lower-cased after a connective, when its first word allows it.
    var loweredSteps: [String?]
    /// Indications that may appear in a scenario stem.
    var stemIndications: [Int] = []
    /// Global ids of this procedure's clauses, in content-file order.
    var clauses: [Int] = []
    /// Global ids of clauses that lead to this procedure.
    var clausesTo: [Int] = []
    /// `rules_out` sentences usable in this procedure's stems, in contrast order.
    var rulesOut: [String] = []
    /// Sides a scenario of this procedure may be on (empty when it is not sided).
    var sides: [Side] = []
    /// Ranked distractor codes of the same system: family first, then contrast-linked, same section,
    /// same area, the rest; each tier by step overlap.
    var codeNeighbours: [Int] = []
    /// How many of `codeNeighbours` are family members (they come first).
    var familyCount = 0
    /// How many of `codeNeighbours` are family members or contrast-linked codes (they come first).
    var mustCount = 0
    /// Ranked procedures of other families that are not contrast-linked (indications, foreign steps).
    var otherFamilies: [Int] = []
    /// Candidate wrong answers for `indication` questions.
    var foreignIndications: [StepRef] = []
    /// Candidate foreign steps for `next-step` questions (unlike any of this procedure's steps).
    var foreignSteps: [StepRef] = []
    /// Candidate foreign steps for `not-included` questions (other families, unlike any own step).
    var foreignKeySteps: [StepRef] = []
    /// Ranked clause ids that may serve as wrong findings for this procedure's `contrast` questions.
    var clauseCandidates: [Int] = []
    /// Own clause ids that have at least one wrong finding to go with them.
    var askableClauses: [Int] = []
    /// Per own clause (aligned with `clauses`): steps that may be narrated in its contrast stem.
    var contrastSteps: [[Bool]] = []
    /// Per own clause (aligned with `clauses`): indications that may open its contrast stem.
    var contrastIndications: [[Int]] = []
    /// The key steps quoted, for the rationale of the right code.
    var decidingSteps = ""
    /// Distinct ICD-10-PCS codes that may serve as wrong answers, ranked (own, family, neighbours).
    var pcsPool: [(code: String, side: Side?, owner: Int)] = []
    /// Distinct ICD-10-CM codes (normalised) that may serve as wrong answers, ranked.
    var diagnosisPool: [(code: String, text: String, owner: Int)] = []
    /// Available question kinds, in `QuestionKind.generated` order.
    var kinds: [QuestionKind] = []
    /// Why each unavailable kind is unavailable.
    var missing: [QuestionKind: String] = [:]

    var code: String { procedure.code }
}

/// How many ranked candidates are kept per procedure; generation samples from the first few.
let neighbourLimit = 12

/// Builds the per-procedure indexes of a library.
struct LibraryIndex: Sendable {
    var entries: [ProcedureEntry] = []
    var clauses: [Clause] = []
    var byPrefix: [String: Int] = [:]

    init(procedures input: [Procedure]) {
        // One procedure per item prefix: the first by path wins (the linter reports duplicates).
        var seen: Set<String> = []
        let procedures = input.enumerated().sorted { ($0.element.path, $0.offset) < ($1.element.path, $1.offset) }
            .map(\.element).filter { seen.insert($0.itemPrefix).inserted }
        var byCode: [String: Int] = [:]
        for (index, procedure) in procedures.enumerated() {
            byPrefix[procedure.itemPrefix] = index
            if byCode[procedure.code] == nil { byCode[procedure.code] = index }
        }

        // Every code a stem must not mention.
        var libraryCodes: Set<String> = []
        for p in procedures {
            libraryCodes.insert(p.code.uppercased())
            for c in p.pcs { libraryCodes.insert(c.code.uppercased()) }
            for d in p.diagnoses { libraryCodes.insert(d.normalizedCode) }
        }
        func mentionsCode(_ text: String) -> Bool {
            var word = ""
            for ch in text.uppercased() + " " {
                if ch.isLetter || ch.isNumber || ch == "." {
                    word.append(ch)
                } else if !word.isEmpty {
                    if libraryCodes.contains(word.replacingOccurrences(of: ".", with: "")) { return true }
                    word = ""
                }
            }
            return false
        }

        var vocabulary = Vocabulary()
        entries = procedures.map { p in
            let title = p.title.lowercased()
            let stepWords = p.steps.map { vocabulary.contentIDs([$0.text]) }
            return ProcedureEntry(
                procedure: p, familyKey: p.family.map { "family:" + $0 } ?? "code:" + p.itemPrefix,
                words: vocabulary.contentIDs(p.steps.map(\.text)), stepWords: stepWords,
                narratable: p.steps.map { !mentionsCode($0.text) && !$0.text.lowercased().contains(title) },
                loweredSteps: p.steps.map { Wording.lowercasedOpening($0.text) })
        }

        // Clauses: contrasts naming a library code, first per (from, to).
        for (from, p) in procedures.enumerated() {
            var targets: Set<Int> = []
            for contrast in p.contrasts {
                guard let to = byCode[contrast.code], to != from, targets.insert(to).inserted else { continue }
                let id = clauses.count
                clauses.append(Clause(
                    from: from, to: to, when: Wording.clause(contrast.when), rulesOut: contrast.rulesOut.map(Wording.sentence),
                    key: Wording.tokens(contrast.when).joined(separator: " "), phrases: Wording.distinctivePhrases(contrast.when)))
                entries[from].clauses.append(id)
                entries[to].clausesTo.append(id)
            }
        }

        for i in entries.indices { buildSentences(i, mentionsCode: mentionsCode) }
        for i in entries.indices { buildNeighbours(i) }
        for i in entries.indices { buildCandidates(i) }
        for i in entries.indices { decideKinds(i) }
    }

    /// Stem material: indications and `rules_out` sentences that name no code, not the title, and
    /// quote no clause that leads to this procedure (unless its own steps say the same).
    private mutating func buildSentences(_ i: Int, mentionsCode: (String) -> Bool) {
        let p = entries[i].procedure
        let title = p.title.lowercased()
        var stepPhrases: Set<String> = []
        for step in p.steps { stepPhrases.formUnion(Wording.distinctivePhrases(step.text)) }
        var leaks: Set<String> = []
        for id in entries[i].clausesTo { leaks.formUnion(clauses[id].phrases) }
        leaks.subtract(stepPhrases)
        func usable(_ text: String) -> Bool {
            !mentionsCode(text) && !text.lowercased().contains(title) && Wording.distinctivePhrases(text).isDisjoint(with: leaks)
        }
        entries[i].stemIndications = p.indications.indices.filter { usable(p.indications[$0]) }
        for id in entries[i].clauses {
            if let sentence = clauses[id].rulesOut, usable(sentence) {
                entries[i].rulesOut.append(sentence)
            } else {
                clauses[id].rulesOut = nil
            }
        }
        entries[i].contrastSteps = entries[i].clauses.map { id in
            p.steps.indices.map { s in
                entries[i].narratable[s] && Wording.distinctivePhrases(p.steps[s].text).isDisjoint(with: clauses[id].phrases)
            }
        }
        entries[i].contrastIndications = entries[i].clauses.map { id in
            entries[i].stemIndications.filter { Wording.distinctivePhrases(p.indications[$0]).isDisjoint(with: clauses[id].phrases) }
        }
        let keys = p.steps.filter(\.isKey).map { "“" + Wording.clause($0.text) + "”" }
        entries[i].decidingSteps = keys.joined(separator: "; ")
        var sides: [Side] = []
        for side in Side.allCases where p.pcs.contains(where: { $0.side == side }) || p.diagnoses.contains(where: { $0.side == side }) {
            sides.append(side)
        }
        entries[i].sides = sides
    }

    /// Whether `j` is linked to `i` by a contrast in either direction.
    private func linked(_ i: Int, _ j: Int) -> Bool {
        entries[i].clauses.contains { clauses[$0].to == j } || entries[i].clausesTo.contains { clauses[$0].from == j }
    }

    /// The best `limit` candidates by (tier, step overlap with `i` descending, code); `tier` returns
    /// `nil` to exclude. Overlap is computed only for tiers that can make the cut.
    private func rank(_ i: Int, limit: Int, tier: (Int) -> Int?) -> [Int] {
        var tiers: [(Int, Int)] = []
        var counts: [Int: Int] = [:]
        for j in entries.indices where j != i {
            if let t = tier(j) {
                tiers.append((j, t))
                counts[t, default: 0] += 1
            }
        }
        var cutoff = Int.max, total = 0
        for t in counts.keys.sorted() {
            total += counts[t]!
            if total >= limit { cutoff = t; break }
        }
        let words = entries[i].words
        let scored = tiers.filter { $0.1 <= cutoff }.map { j, t in (j, t, Wording.overlap(words, entries[j].words)) }
            .sorted { a, b in
                if a.1 != b.1 { return a.1 < b.1 }
                if a.2 != b.2 { return a.2 > b.2 }
                return (entries[a.0].code, a.0) < (entries[b.0].code, b.0)
            }
        return scored.prefix(limit).map(\.0)
    }

    private mutating func buildNeighbours(_ i: Int) {
        let me = entries[i]
        let p = me.procedure
        let area = p.area
        let codeNeighbours = rank(i, limit: neighbourLimit) { j in
            let q = entries[j].procedure
            guard q.system == p.system, q.code != p.code else { return nil }
            // Near-identical steps could make the neighbour correct too.
            if Wording.jaccard(me.words, entries[j].words) >= 0.9 { return nil }
            if entries[j].familyKey == me.familyKey { return 0 }
            if linked(i, j) { return 1 }
            if q.section == p.section { return 2 }
            return q.area == area ? 3 : 4
        }
        entries[i].codeNeighbours = codeNeighbours
        entries[i].familyCount = codeNeighbours.prefix { entries[$0].familyKey == me.familyKey }.count
        entries[i].mustCount = codeNeighbours.prefix { entries[$0].familyKey == me.familyKey || linked(i, $0) }.count
        let otherFamilies = rank(i, limit: neighbourLimit) { j in
            let q = entries[j].procedure
            guard entries[j].familyKey != me.familyKey, q.code != p.code, !linked(i, j) else { return nil }
            if q.section == p.section { return 0 }
            return q.area == area ? 1 : 2
        }
        entries[i].otherFamilies = otherFamilies
    }

    /// Whether step text `words` is too close to one of procedure `i`'s own steps to be called foreign.
    private func resemblesOwnStep(_ i: Int, _ text: String, _ words: [Int]) -> Bool {
        let me = entries[i]
        return me.procedure.steps.indices.contains { s in
            me.procedure.steps[s].text.caseInsensitiveCompare(text) == .orderedSame || Wording.jaccard(me.stepWords[s], words) >= 0.5
        }
    }

    private mutating func buildCandidates(_ i: Int) {
        let me = entries[i]
        let ownIndications = Set(me.procedure.indications.map { $0.lowercased() })
        var indications: [StepRef] = []
        var seenIndications = ownIndications
        var keySteps: [StepRef] = []
        var seenKeySteps: Set<String> = []
        for j in me.otherFamilies {
            let q = entries[j].procedure
            let fresh = q.indications.indices.filter { seenIndications.insert(q.indications[$0].lowercased()).inserted }
            indications += fresh.prefix(2).map { StepRef(procedure: j, step: $0) }
            let keys = q.steps.indices.filter { q.steps[$0].isKey }
            let pool = keys.isEmpty ? Array(q.steps.indices) : keys
            keySteps += pool.filter { !resemblesOwnStep(i, q.steps[$0].text, entries[j].stepWords[$0]) && seenKeySteps.insert(q.steps[$0].text.lowercased()).inserted }
                .prefix(2).map { StepRef(procedure: j, step: $0) }
        }
        entries[i].foreignIndications = Array(indications.prefix(neighbourLimit))
        entries[i].foreignKeySteps = Array(keySteps.prefix(neighbourLimit))

        var steps: [StepRef] = []
        var seenSteps: Set<String> = []
        for j in me.codeNeighbours + me.otherFamilies where steps.count < neighbourLimit {
            let q = entries[j].procedure
            let ordered = q.steps.indices.filter { q.steps[$0].isKey } + q.steps.indices.filter { !q.steps[$0].isKey }
            steps += ordered.filter { !resemblesOwnStep(i, q.steps[$0].text, entries[j].stepWords[$0]) && seenSteps.insert(q.steps[$0].text.lowercased()).inserted }
                .prefix(2).map { StepRef(procedure: j, step: $0) }
        }
        entries[i].foreignSteps = Array(steps.prefix(neighbourLimit))

        // Wrong findings: own other contrasts, findings that lead here, then family and neighbours'.
        var candidates: [Int] = []
        var taken: Set<Int> = []
        func add(_ ids: [Int]) {
            for id in ids where candidates.count < neighbourLimit + 4 && taken.insert(id).inserted { candidates.append(id) }
        }
        add(me.clauses)
        add(me.clausesTo)
        for j in me.codeNeighbours + me.otherFamilies { add(entries[j].clauses) }
        entries[i].clauseCandidates = candidates
        let askable = me.clauses.filter { !wrongFindings(i, for: $0).isEmpty }
        entries[i].askableClauses = askable

        // Code pools: own codes first (the other side), then family, neighbours, other families.
        var pcs: [(code: String, side: Side?, owner: Int)] = []
        var diagnoses: [(code: String, text: String, owner: Int)] = []
        var seenPCS: Set<String> = []
        var seenDiagnoses: Set<String> = []
        for j in [i] + me.codeNeighbours + me.otherFamilies {
            for c in entries[j].procedure.pcs where seenPCS.insert(c.code).inserted { pcs.append((c.code, c.side, j)) }
            for d in entries[j].procedure.diagnoses where seenDiagnoses.insert(d.normalizedCode).inserted {
                diagnoses.append((d.normalizedCode, d.text, j))
            }
        }
        entries[i].pcsPool = pcs
        entries[i].diagnosisPool = diagnoses
    }

    /// Wrong findings for the contrast `clause` of procedure `i`: other clauses that do not lead to
    /// the same code and do not say the same thing, in rank order.
    func wrongFindings(_ i: Int, for clause: Int) -> [Int] {
        let right = clauses[clause]
        var keys: Set<String> = [right.key]
        return entries[i].clauseCandidates.filter { id in
            let c = clauses[id]
            return c.to != right.to && keys.insert(c.key).inserted
        }
    }

    private mutating func decideKinds(_ i: Int) {
        let e = entries[i]
        let p = e.procedure
        let hasScenario = e.narratable.contains(true)
        var missing: [QuestionKind: String] = [:]
        if !hasScenario {
            let reason = "every step names a code or the title, so no scenario can be narrated"
            missing[.vignette] = reason
            missing[.vignetteEntry] = reason
        } else if e.codeNeighbours.isEmpty {
            missing[.vignette] = "the library has no other \(p.system.rawValue) code to offer as a wrong option"
        }
        if e.clauses.isEmpty {
            missing[.contrast] = "it has no contrast naming a code in the library"
        } else if e.askableClauses.isEmpty {
            missing[.contrast] = "no other contrast in the library can serve as a wrong finding"
        }
        if e.foreignIndications.isEmpty {
            missing[.indication] = "no procedure of another family has an indication to offer as a wrong option"
        }
        if p.steps.count < 3 { missing[.nextStep] = "it has fewer than three steps" }
        if e.foreignKeySteps.isEmpty || p.steps.isEmpty {
            missing[.notIncluded] = "no procedure of another family has a step unlike this one's"
        }
        if p.pcs.isEmpty {
            missing[.pcs] = "it has no ICD-10-PCS crosswalk"
        } else if e.pcsPool.count < 2 || !hasScenario {
            missing[.pcs] = "the library has no other ICD-10-PCS code to offer as a wrong option"
        }
        if p.diagnoses.isEmpty {
            missing[.diagnosis] = "it lists no diagnoses"
        } else if e.diagnosisPool.count < 2 || !hasScenario {
            missing[.diagnosis] = "the library has no other ICD-10-CM code to offer as a wrong option"
        }
        entries[i].missing = missing
        entries[i].kinds = QuestionKind.generated.filter { missing[$0] == nil }
    }
}
