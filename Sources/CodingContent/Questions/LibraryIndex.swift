import Foundation

/// A contrast whose code is in the library: "from `from`, the coder moves to `to` when `when`".
///
/// A class so that generation reads it without copying; written only while `LibraryIndex` is built.
final class Clause: @unchecked Sendable {
    /// Index of the procedure that states it.
    var from: Int
    /// Index of the procedure it leads to.
    var to: Int
    /// The clause.
    var when: String
    /// The sentence showing that `to` does not apply to a note of `from`, if usable in stems.
    var rulesOut: String?
    /// `when` as an option: capitalised.
    var option: String
    /// `rulesOut` without its full stop, for quoting.
    var rulesOutQuote: String?
    /// Interned lower-case words of `when`, for comparing clauses.
    var key: Int
    /// Distinctive phrases of `when`.
    var phrases: Set<Int>
    /// Distinctive phrases of `rulesOut`.
    var rulesOutPhrases: Set<Int>

    init(from: Int, to: Int, when: String, rulesOut: String?, option: String, rulesOutQuote: String?, key: Int, phrases: Set<Int>,
         rulesOutPhrases: Set<Int>) {
        self.from = from
        self.to = to
        self.when = when
        self.rulesOut = rulesOut
        self.option = option
        self.rulesOutQuote = rulesOutQuote
        self.key = key
        self.phrases = phrases
        self.rulesOutPhrases = rulesOutPhrases
    }
}

/// An ICD-10-CM code of some procedure, ready to be offered as an option.
struct PooledDiagnosis: Sendable {
    /// Normalised code (`M1611`).
    var code: String
    /// Dotted code as shown (`M16.11`).
    var dotted: String
    /// The condition in the author's words.
    var text: String
    /// Interned lower-case `text`, for comparing conditions.
    var key: Int
    /// The side the code encodes.
    var side: Side?
    /// Index of the procedure that lists it.
    var owner: Int
}

/// Everything about one procedure that question generation needs, computed once per library.
///
/// A class so that generation reads it without copying dozens of arrays, hence `@unchecked Sendable`:
/// its fields are written only while `LibraryIndex` is built, each stage writing entry `i` from one
/// thread and reading only fields that earlier stages wrote; after that, only the lock-guarded
/// options (`choices(orMake:)`) change.
final class ProcedureEntry: @unchecked Sendable {
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
    /// Per step: the text as a sentence.
    var stepSentences: [String]
    /// Per step: the interned lower-cased text, for comparing steps.
    var stepKeys: [Int]
    /// Per diagnosis: the normalised code, the dotted code and the interned lower-cased text.
    var diagnosisCodes: [(code: String, dotted: String, key: Int)]
    /// Per indication: capitalised and ending in a full stop, for stems and options.
    var indicationSentences: [String]
    /// Per step: its distinctive phrases (`Vocabulary.phrases`).
    var stepPhrases: [Set<Int>] = []
    /// Per indication: its distinctive phrases.
    var indicationPhrases: [Set<Int>] = []
    /// Per diagnosis: its text capitalised and ending in a full stop, for stems.
    var diagnosisReasons: [String] = []
    /// A key step (else the first step) quoted, to say what this procedure's note would contain.
    var exampleStep: String?
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
    /// Ranked procedures of other families in the same area that are not contrast-linked (code pools
    /// and wrong findings).
    var otherFamilies: [Int] = []
    /// What a procedure report of this procedure says besides the steps.
    var report = ReportMaterial()
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
    var diagnosisPool: [PooledDiagnosis] = []
    /// Available question kinds, in `QuestionKind.generated` order.
    var kinds: [QuestionKind] = []
    /// Why each unavailable kind is unavailable.
    var missing: [QuestionKind: String] = [:]
    /// Guards `preparedChoices`: questions of one library may be generated on several threads.
    private let choicesLock = NSLock()
    /// Options and rationales, written on the first question of this procedure.
    private var preparedChoices: PreparedChoices?
    /// `code (title)`.
    var named: String { procedure.code + " (" + procedure.title + ")" }
    /// Narration plan of scenario stems: the narratable key steps and other steps.
    var plan = NarrationPlan(keys: [], others: [])
    /// Per own clause (aligned with `clauses`): the narration plan of its contrast stem.
    var contrastPlans: [NarrationPlan] = []

    var code: String { procedure.code }

    /// The options and rationales, made by `make` on first use: most procedures of a library get
    /// no question in a given session, so start-up does not write them all.
    func choices(orMake make: () -> PreparedChoices) -> PreparedChoices {
        choicesLock.lock()
        defer { choicesLock.unlock() }
        if let preparedChoices { return preparedChoices }
        let made = make()
        preparedChoices = made
        return made
    }

    init(procedure: Procedure, familyKey: String, words: [Int], stepWords: [[Int]], narratable: [Bool], loweredSteps: [String?],
         stepSentences: [String], stepKeys: [Int], diagnosisCodes: [(code: String, dotted: String, key: Int)],
         indicationSentences: [String], exampleStep: String?) {
        self.procedure = procedure
        self.familyKey = familyKey
        self.words = words
        self.stepWords = stepWords
        self.narratable = narratable
        self.loweredSteps = loweredSteps
        self.stepSentences = stepSentences
        self.stepKeys = stepKeys
        self.diagnosisCodes = diagnosisCodes
        self.indicationSentences = indicationSentences
        self.exampleStep = exampleStep
    }
}

/// Integer keys for texts, so that "the same text" is an integer comparison.
enum TextKey {
    /// The key of `text` compared case-insensitively (a 64-bit hash of its lower-cased form).
    static func of(_ text: String) -> Int { TextWords.id(of: text.lowercased()) }
}

/// How many ranked candidates are kept per procedure; generation samples from the first few.
let neighbourLimit = 12

/// Builds the per-procedure indexes of a library.
struct LibraryIndex: Sendable {
    var entries: [ProcedureEntry] = []
    var clauses: [Clause] = []
    var byPrefix: [String: Int] = [:]
    /// Code → procedure index (the first by path).
    var byCode: [String: Int] = [:]

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
        var codes: Set<String> = []
        for p in procedures {
            codes.insert(p.code.uppercased())
            for c in p.pcs { codes.insert(c.code.uppercased()) }
            for d in p.diagnoses { codes.insert(d.normalizedCode) }
        }
        let libraryCodes = codes
        // Codes are letters and digits, sometimes with a dot: compare runs of those, dots dropped.
        @Sendable func mentionsCode(_ text: String) -> Bool {
            // Codes are ASCII: scan bytes, fold case, skip dots inside a word.
            var word: [UInt8] = []
            for byte in text.utf8 + [0x20] {
                switch byte {
                case 0x30...0x39, 0x41...0x5A: word.append(byte)
                case 0x61...0x7A: word.append(byte - 0x20)
                case 0x2E: continue
                default:
                    if byte >= 0x80 { word.append(byte); continue }
                    if !word.isEmpty {
                        if libraryCodes.contains(String(decoding: word, as: UTF8.self)) { return true }
                        word.removeAll(keepingCapacity: true)
                    }
                }
            }
            return false
        }

        // Everything about one procedure that needs no other procedure is read on every core.
        entries = procedures.concurrentMap { ProcedureEntry(reading: $0, mentionsCode: mentionsCode) }
        self.byCode = byCode

        // Clauses: contrasts naming a library code, first per (from, to).
        let contrastTexts = procedures.concurrentMap { $0.contrasts.map(ContrastText.init) }
        for (from, p) in procedures.enumerated() {
            var targets: Set<Int> = []
            for (contrast, text) in zip(p.contrasts, contrastTexts[from]) {
                guard let to = byCode[contrast.code], to != from, targets.insert(to).inserted else { continue }
                let id = clauses.count
                clauses.append(Clause(
                    from: from, to: to, when: text.when, rulesOut: text.rulesOut, option: text.option, rulesOutQuote: text.rulesOutQuote,
                    key: text.key, phrases: text.phrases, rulesOutPhrases: text.rulesOutPhrases))
                entries[from].clauses.append(id)
                entries[to].clausesTo.append(id)
            }
        }

        // Each stage writes only entry `i` (and its own clauses) and reads what earlier stages wrote,
        // so entries are built on every core.
        let index = self
        DispatchQueue.concurrentPerform(iterations: entries.count) { index.buildSentences($0, mentionsCode: mentionsCode) }
        DispatchQueue.concurrentPerform(iterations: entries.count) { index.buildNeighbours($0) }
        DispatchQueue.concurrentPerform(iterations: entries.count) { index.buildCandidates($0) }
        DispatchQueue.concurrentPerform(iterations: entries.count) { index.decideKinds($0) }
    }

    /// Stem material: indications and `rules_out` sentences that name no code, not the title, and
    /// quote no clause that leads to this procedure (unless its own steps say the same).
    private func buildSentences(_ i: Int, mentionsCode: @Sendable (String) -> Bool) {
        let p = entries[i].procedure
        let title = p.title.lowercased()
        let phrasesOfStep = entries[i].stepPhrases
        let phrasesOfIndication = entries[i].indicationPhrases
        var stepPhrases: Set<Int> = []
        for phrases in phrasesOfStep { stepPhrases.formUnion(phrases) }
        var leaks: Set<Int> = []
        for id in entries[i].clausesTo { leaks.formUnion(clauses[id].phrases) }
        leaks.subtract(stepPhrases)
        func usable(_ text: String, _ phrases: Set<Int>) -> Bool {
            !mentionsCode(text) && !Wording.lowercasedContains(text, title) && phrases.isDisjoint(with: leaks)
        }
        entries[i].stemIndications = p.indications.indices.filter { usable(p.indications[$0], phrasesOfIndication[$0]) }
        for id in entries[i].clauses {
            if let sentence = clauses[id].rulesOut, usable(sentence, clauses[id].rulesOutPhrases) {
                entries[i].rulesOut.append(sentence)
            } else {
                clauses[id].rulesOut = nil
                clauses[id].rulesOutQuote = nil
            }
        }
        entries[i].contrastSteps = entries[i].clauses.map { id in
            p.steps.indices.map { s in
                entries[i].narratable[s] && phrasesOfStep[s].isDisjoint(with: clauses[id].phrases)
            }
        }
        entries[i].diagnosisReasons = p.diagnoses.map { Wording.sentence(Wording.capitalized($0.text)) }
        entries[i].plan = NarrationPlan(steps: p.steps, allowed: entries[i].narratable)
        entries[i].contrastPlans = entries[i].contrastSteps.map { NarrationPlan(steps: p.steps, allowed: $0) }
        entries[i].contrastIndications = entries[i].clauses.map { id in
            entries[i].stemIndications.filter { phrasesOfIndication[$0].isDisjoint(with: clauses[id].phrases) }
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
    private func rank(_ i: Int, limit: Int, overlaps: [Int], tier: (Int) -> Int?) -> [Int] {
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
        let scored = tiers.filter { $0.1 <= cutoff }.map { j, t in (j, t, overlaps[j]) }
            .sorted { a, b in
                if a.1 != b.1 { return a.1 < b.1 }
                if a.2 != b.2 { return a.2 > b.2 }
                return (entries[a.0].code, a.0) < (entries[b.0].code, b.0)
            }
        return scored.prefix(limit).map(\.0)
    }

    private func buildNeighbours(_ i: Int) {
        let me = entries[i]
        let p = me.procedure
        let area = p.area
        // Step-word overlap with every procedure, computed once for both rankings.
        let overlaps = entries.map { Wording.overlap(me.words, $0.words) }
        let codeNeighbours = rank(i, limit: neighbourLimit, overlaps: overlaps) { j in
            let q = entries[j].procedure
            guard q.system == p.system, q.code != p.code else { return nil }
            // Near-identical steps could make the neighbour correct too.
            if Wording.jaccard(shared: overlaps[j], me.words.count, entries[j].words.count) >= 0.9 { return nil }
            if entries[j].familyKey == me.familyKey { return 0 }
            if linked(i, j) { return 1 }
            // Never a code of another body system: a coder does not confuse a shoulder with a hip.
            guard q.area == area else { return nil }
            return q.section == p.section ? 2 : 3
        }
        entries[i].codeNeighbours = codeNeighbours
        entries[i].familyCount = codeNeighbours.prefix { entries[$0].familyKey == me.familyKey }.count
        entries[i].mustCount = codeNeighbours.prefix { entries[$0].familyKey == me.familyKey || linked(i, $0) }.count
        let otherFamilies = rank(i, limit: neighbourLimit, overlaps: overlaps) { j in
            let q = entries[j].procedure
            guard entries[j].familyKey != me.familyKey, q.code != p.code, !linked(i, j), q.area == area else { return nil }
            return q.section == p.section ? 0 : 1
        }
        entries[i].otherFamilies = otherFamilies
    }

    private func buildCandidates(_ i: Int) {
        let me = entries[i]
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
        var diagnoses: [PooledDiagnosis] = []
        var seenPCS: Set<String> = []
        var seenDiagnoses: Set<String> = []
        for j in [i] + me.codeNeighbours + me.otherFamilies {
            for c in entries[j].procedure.pcs where seenPCS.insert(c.code).inserted { pcs.append((c.code, c.side, j)) }
            for (k, d) in entries[j].procedure.diagnoses.enumerated() where seenDiagnoses.insert(entries[j].diagnosisCodes[k].code).inserted {
                let (code, dotted, key) = entries[j].diagnosisCodes[k]
                diagnoses.append(PooledDiagnosis(code: code, dotted: dotted, text: d.text, key: key, side: d.side, owner: j))
            }
        }
        entries[i].pcsPool = pcs
        entries[i].diagnosisPool = diagnoses
    }

    /// Wrong findings for the contrast `clause` of procedure `i`: other clauses that do not lead to
    /// the same code and do not say the same thing, in rank order.
    func wrongFindings(_ i: Int, for clause: Int) -> [Int] {
        let right = clauses[clause]
        var keys = [right.key]
        return entries[i].clauseCandidates.filter { id in
            let c = clauses[id]
            guard c.to != right.to, !keys.contains(c.key) else { return false }
            keys.append(c.key)
            return true
        }
    }

    private func decideKinds(_ i: Int) {
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
        for (kind, reason) in codingTaskGaps(i) { missing[kind] = reason }
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
        for kind in QuestionKind.retired {
            missing[kind] = "\(kind.rawValue) questions are retired: they tested the operation, not its coding"
        }
        entries[i].missing = missing
        entries[i].kinds = QuestionKind.generated.filter { missing[$0] == nil }
    }
}

extension ProcedureEntry {
    /// The entry of `p` with everything that needs no other procedure: words, phrases, keys and
    /// sentences. `mentionsCode` tells whether a text names a code of the library.
    convenience init(reading p: Procedure, mentionsCode: (String) -> Bool) {
        let title = p.title.lowercased()
        let stepWords = p.steps.map { TextWords($0.text) }
        let indicationWords = p.indications.map(TextWords.init)
        self.init(
            procedure: p, familyKey: p.family.map { "family:" + $0 } ?? "code:" + p.itemPrefix,
            words: TextWords.contentIDs(of: stepWords), stepWords: stepWords.map(\.contentIDs),
            narratable: p.steps.map { !mentionsCode($0.text) && !Wording.lowercasedContains($0.text, title) },
            loweredSteps: p.steps.map { Wording.lowercasedOpening($0.text).map(Wording.sentence) },
            stepSentences: p.steps.map { Wording.sentence($0.text) }, stepKeys: p.steps.map { TextKey.of($0.text) },
            diagnosisCodes: p.diagnoses.map { ($0.normalizedCode, ICD10.dotted($0.code), TextKey.of($0.text)) },
            indicationSentences: p.indications.map { Wording.sentence(Wording.capitalized($0)) },
            exampleStep: (p.steps.first(where: \.isKey) ?? p.steps.first).map { "“" + Wording.clause($0.text) + "”" })
        report = ReportMaterial(p, mentionsCode: mentionsCode)
        stepPhrases = stepWords.map(\.phrases)
        indicationPhrases = indicationWords.map(\.phrases)
    }
}

/// The wording of one contrast, read before it is known whether its code is in the library.
private struct ContrastText: Sendable {
    var when: String
    var option: String
    var rulesOut: String?
    var rulesOutQuote: String?
    var key: Int
    var phrases: Set<Int>
    var rulesOutPhrases: Set<Int>

    init(_ contrast: Contrast) {
        let words = TextWords(contrast.when)
        when = Wording.clause(contrast.when)
        option = Wording.capitalized(when)
        rulesOut = contrast.rulesOut.map(Wording.sentence)
        rulesOutQuote = contrast.rulesOut.map(Wording.clause)
        key = words.key
        phrases = words.phrases
        rulesOutPhrases = contrast.rulesOut.map { TextWords($0).phrases } ?? []
    }
}

extension Array where Element: Sendable {
    /// `map` on every core.
    func concurrentMap<T>(_ transform: @Sendable (Element) -> T) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let base = buffer.baseAddress
            DispatchQueue.concurrentPerform(iterations: count) { i in (base! + i).initialize(to: transform(self[i])) }
            initialized = count
        }
    }
}
