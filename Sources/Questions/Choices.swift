import CodingContent
import Determinism
import Foundation

/// The options and rationales of every kind, written once per procedure (on its first question) so
/// that generating a question only picks, shuffles and concatenates.
///
/// Rationale policy: say what in this note decides, the rule behind it in our own words, why each
/// distractor fails, and the index path when the file gives one.
struct PreparedChoices: Sendable {
    /// Why the procedure's own code is right (deciding steps, the alternatives' rule, index path).
    var rightCode = ""
    /// The notes about CPT coding as one string starting with a space, or empty.
    var notes = ""
    /// The notes about ICD-10-PCS coding as one string starting with a space, or empty.
    var pcsNotes = ""
    /// Wrong codes: the `mustCount` first always qualify (family, alternatives, described neighbours),
    /// then the rest ranked by section and step overlap.
    var codes: [Choice] = []
    /// How many of `codes` come first.
    var mustCount = 0
    /// Indices into `codes` in the order a code set or bundling question offers them as the wrong
    /// main code: the file's own `instead` entries in file order, the first (the nearest) always
    /// first and then those with the key's approach (open, laparoscopic, arthroscopic…) ahead of
    /// the others, then the rest.
    var codeSetOrder: [Int] = []
    /// `codes` in `codeSetOrder`, and per entry the patient ages of an alternative whose own file's
    /// ages do not overlap the key's (split by age, `plausibleAlternatives`), else `nil`: made once
    /// here instead of mapping and looking each code up by string per question. With nothing split
    /// by age a question reads the array in place. With the per-procedure told inclusions/additions
    /// and one-off side flips (branch `perf2`): 36 → 34 mallocs per question, median 28,000/32,000 →
    /// 73,000/56,000 questions/s alternately with main at load 7–9 (GeneratorBenchmarks).
    var codeSetChoices: [Choice] = []
    var codeSetAges: [(minimum: Int, maximum: Int)?] = []
    /// Whether any of `codeSetAges` is split by age.
    var codeSetSplitByAge = false
    /// The wrong main codes that exist for one side only, with that side: a described alternative's
    /// `side` (32482, a bilobectomy, of the right lung) or a library code sided by one of RT/LT. A
    /// code set never shows them with another side's modifier (no 32482-LT). Empty for most files.
    var oneSided: [(code: String, side: Side)] = []
    /// Per own clause: the right finding and the ranked wrong findings.
    var contrasts: [(right: Choice, wrong: [Choice])] = []
    /// Per own clause: the content words of the `here` its contrast rationale quotes
    /// (`QuestionGenerator.quoteWords`), empty without one.
    var contrastQuoteWords: [[String]] = []
    /// Per own clause: the contrast rationale for a stem that does not tell the `here`, with
    /// "Nothing in this note documents that." in place of the quote (`nil` without one). Made here,
    /// not per question: rewriting the rationale per contrast question (`replacingOccurrences`) held
    /// the generator benchmark at 74–87k questions/s, 109–112k without it (alternating runs, load 2–3).
    var contrastUnsaid: [String?] = []
    /// Per crosswalk entry: the right code, the side, the codes always offered (other sides) and the ranked rest.
    var pcs: [(right: Choice, side: Side?, must: [Choice], ranked: [Choice])] = []
    /// Per diagnosis: the key and its wrong options.
    var diagnoses: [PreparedDiagnosis] = []
    /// The question lines, written once.
    var vignetteQuestion = "", entryQuestion = ""
    /// Per own clause: the contrast question line.
    var contrastQuestions: [String] = []
}

/// A procedure's `PreparedChoices`, shared by reference: a question reads its fields in place
/// (`c.codes`) instead of copying the whole struct.
@dynamicMemberLookup
final class SharedChoices: Sendable {
    let value: PreparedChoices
    init(_ value: PreparedChoices) { self.value = value }
    subscript<T>(dynamicMember field: KeyPath<PreparedChoices, T>) -> T { value[keyPath: field] }
    // The fields generation reads, as plain members (they win over the key-path lookup, which
    // was a generic `KeyPath` projection per read: about 3 % of generation in a `perf` profile).
    var rightCode: String { value.rightCode }
    var notes: String { value.notes }
    var pcsNotes: String { value.pcsNotes }
    var codes: [Choice] { value.codes }
    var mustCount: Int { value.mustCount }
    var codeSetOrder: [Int] { value.codeSetOrder }
    var codeSetChoices: [Choice] { value.codeSetChoices }
    var codeSetAges: [(minimum: Int, maximum: Int)?] { value.codeSetAges }
    var codeSetSplitByAge: Bool { value.codeSetSplitByAge }
    var oneSided: [(code: String, side: Side)] { value.oneSided }
    var contrasts: [(right: Choice, wrong: [Choice])] { value.contrasts }
    var contrastQuoteWords: [[String]] { value.contrastQuoteWords }
    var contrastUnsaid: [String?] { value.contrastUnsaid }
    var pcs: [(right: Choice, side: Side?, must: [Choice], ranked: [Choice])] { value.pcs }
    var diagnoses: [PreparedDiagnosis] { value.diagnoses }
    var vignetteQuestion: String { value.vignetteQuestion }
    var entryQuestion: String { value.entryQuestion }
    var contrastQuestions: [String] { value.contrastQuestions }
}

extension LibraryIndex {
    /// `code (title)` of procedure `i`.
    func named(_ i: ProcedureID) -> String { self[i].procedure.code + " (" + self[i].procedure.title + ")" }

    /// The options and rationales of procedure `i`, written on first use.
    func choices(_ i: ProcedureID) -> SharedChoices {
        self[i].choices { makeChoices(i) }
    }

    /// Whether a note talks about the content file rather than about coding.
    static func refersToTheFile(_ note: String) -> Bool {
        let lowered = note.lowercased()
        return ["this file", "file's", "front matter", "given here", "is given", "crosswalk"].contains { lowered.contains($0) }
    }

    /// Whether a note is about ICD-10-PCS.
    static func isAboutPCS(_ note: String) -> Bool {
        note.contains("ICD-10-PCS") || note.contains("PCS ") || note.contains("PCS,")
    }

    /// The operation an anesthesia record's PROCEDURE line names, as a rationale says it: the first
    /// of the file's wordings, its opening lower-cased unless it is an abbreviation ("laparoscopic
    /// cholecystectomy", "TURP"); `nil` when it has a side placeholder or there is none.
    static func operationNamed(_ p: Procedure) -> String? {
        guard let line = p.report?.procedure.first, !line.contains("{") else { return nil }
        let text = Wording.clause(line)
        let second = text.dropFirst().first
        return second.map { $0.isLowercase } == true ? text.prefix(1).lowercased() + text.dropFirst() : text
    }

    /// " Index: Arthrodesis, hip joint." or empty.
    func indexHint(_ p: Procedure) -> String {
        p.indexPath.map { " Index: " + Wording.clause($0) + "." } ?? ""
    }

    private func makeChoices(_ i: ProcedureID) -> PreparedChoices {
        let e = self[i]
        let p = e.procedure
        var prepared = PreparedChoices()
        // The deciding fact, said once in the author's words: what this note shows against its two
        // nearest alternatives (their `here`), then the rule for each ("It would be 64635 only if …").
        // Quoting the whole bold steps ("what decides in this note is “…”; “…”") pasted the note
        // back instead of teaching (instructor reviews 74453 and 39119: "rationales that quote
        // instead of teach"); the steps stay where no alternative says what this note shows.
        // A record whose deciding lines are named (a drug's ORDER and DOSE GIVEN lines) keeps saying so.
        var facts: [String] = []
        for clause in e.clauses.prefix(2) where e.decidingSteps.isEmpty || e.decidingSteps.hasPrefix("“") {
            guard let quote = self[clause].rulesOutQuote, !facts.contains(quote) else { continue }
            // Two quotes where one says the other's words and more are one fact: keep the fuller
            // (instructor review 27191, 11423: "the lesion lay on the back of the neck; the lesion lay
            // on the neck, and the excision measured 2.4 cm across").
            let words = FindingWords(quote)
            if let k = facts.firstIndex(where: { FindingWords($0).restates(words) || words.restates(FindingWords($0)) }) {
                if quote.count > facts[k].count { facts[k] = quote }
                continue
            }
            facts.append(quote)
        }
        // Each fact continues the sentence when its opening word may be lower-cased, else stands alone.
        let lowered = facts.compactMap { Wording.lowercasedOpening($0) }
        var right =
            if !facts.isEmpty, lowered.count == facts.count {
                "\(named(i)) is correct: \(lowered.joined(separator: "; "))."
            } else if !facts.isEmpty {
                "\(named(i)) is correct. \(facts.joined(separator: ". "))."
            } else if p.layout == .anesthesia, let operation = Self.operationNamed(p) {
                // An anesthesia code follows the operation it supports, never the anesthetic's own
                // steps: quoting the induction as "what decides" taught the wrong cue (instructor
                // reviews 41877 and 66029, 00790).
                "\(named(i)) is correct: an anesthesia code follows the procedure on the record, here \(operation)."
            } else if e.decidingSteps.isEmpty {
                "\(named(i)) is correct: the note documents this procedure's steps."
            } else if e.decidingSteps.hasPrefix("“") {
                // The steps a note shows, quoted as its own (“what decides in this note is” read as
                // template wording; instructor reviews 93607 and 48251).
                "\(named(i)) is correct: the note documents \(e.decidingSteps)."
            } else {
                "\(named(i)) is correct: what decides in this note is \(e.decidingSteps)."
            }
        // A drug's rationale names the other codes of the same drug (another form, salt or strength)
        // when the file has them: they are the options it offers (`sameDrugFirst`).
        let drug = p.layout == .medication ? Self.drugName(p.title) : nil
        let sameDrug = drug.map { drug in p.contrasts.filter { Self.names(title(of: $0.code, in: p), drug: drug) } } ?? []
        // The file's first two alternatives, described ones (outside the library) included: 10081 for
        // 10080, 11422 for 11423 are the real decision (instructor review 27191), and were skipped
        // for having no file of their own.
        let nearest = p.contrasts.filter { byCode[$0.code] != nil || $0.describe != nil }
        let alternatives =
            sameDrug.isEmpty
            ? nearest.prefix(2).map { "\($0.code) only if \(Wording.clause($0.when))" }
            : sameDrug.prefix(2).map { "\($0.code) only if \(Wording.clause($0.when))" }
        if !alternatives.isEmpty { right += " It would be " + alternatives.joined(separator: ", and ") + "." }
        prepared.rightCode = right + indexHint(p)
        // Notes teach coding; a note about the content file itself ("this file's crosswalk", "given
        // here") is not shown, and ICD-10-PCS notes go only with ICD-10-PCS questions.
        let shown = p.notes.filter { !Self.refersToTheFile($0) }
        let pcsNotes = shown.filter(Self.isAboutPCS)
        let cptNotes = shown.filter { !Self.isAboutPCS($0) }
        prepared.notes = cptNotes.isEmpty ? "" : " " + cptNotes.joined(separator: " ")
        prepared.pcsNotes = pcsNotes.isEmpty ? "" : " " + pcsNotes.joined(separator: " ")

        // Only the family and the alternatives (either direction, described ones included): the
        // alternatives the file names first, in its order, so the nearest confusable code (its first
        // `instead`) leads; then codes whose own alternatives name this one; then the rest of the family.
        var ordered: [ProcedureID] = []
        for contrast in p.contrasts {
            if let j = byCode[contrast.code], e.codeNeighbours.prefix(e.mustCount).contains(j), !ordered.contains(j) { ordered.append(j) }
        }
        let linked = e.codeNeighbours.prefix(e.mustCount)
        for j in linked where !ordered.contains(j) && e.clausesTo.contains(where: { self[$0].from == j }) { ordered.append(j) }
        for j in linked where !ordered.contains(j) { ordered.append(j) }
        let described = e.neighbours.described.map { c in
            (
                c.code,
                Choice(
                    text: c.code, correct: false,
                    rationale:
                        "\(c.code) (\(c.describe!)) would be reported instead only if \(Wording.clause(c.when))"
                        + Self.shownInstead(c.rulesOut.map(Wording.clause))
                )
            )
        }
        // Described alternatives take their place in file order among the library ones.
        var codes: [Choice] = []
        var next = 0
        for contrast in p.contrasts {
            if let d = described.first(where: { $0.0 == contrast.code }), !codes.contains(where: { $0.text == d.0 }) {
                codes.append(d.1)
            } else if let j = byCode[contrast.code], next < ordered.count, ordered[next] == j {
                codes.append(Choice(text: self[j].code, correct: false, rationale: wrongCodeRationale(answer: i, wrong: j)))
                next += 1
            }
        }
        for j in ordered.dropFirst(next) {
            codes.append(Choice(text: self[j].code, correct: false, rationale: wrongCodeRationale(answer: i, wrong: j)))
        }
        if let drug { codes = Self.sameDrugFirst(codes, drug) { title(of: $0, in: p) } }
        prepared.codes = codes
        prepared.mustCount = codes.count
        let own = Set(p.contrasts.map(\.code))
        let ownCount = codes.prefix { own.contains($0.text) }.count
        let approach = Self.approach(p.title)
        let sameApproach = codes.prefix(ownCount).map { choice in
            let title =
                byCode[choice.text].map { self[$0].procedure.title } ?? p.contrasts.first { $0.code == choice.text }?.describe ?? ""
            return Self.approach(title) == approach
        }
        // The file's first `instead` entry, its nearest confusable code, leads whatever its approach
        // (32663, the thoracoscopic lobectomy, for an open 32480: instructor review 24683); the
        // approach orders the rest.
        let rest = sameApproach.indices.dropFirst()
        prepared.codeSetOrder =
            Array(sameApproach.indices.prefix(1)) + rest.filter { sameApproach[$0] } + rest.filter { !sameApproach[$0] }
            + Array(codes.indices.dropFirst(ownCount))
        prepared.codeSetChoices = prepared.codeSetOrder.map { codes[$0] }
        let key = p.patient
        prepared.codeSetAges = prepared.codeSetChoices.map { choice in
            guard let j = byCode[choice.text] else { return nil }
            let patient = self[j].procedure.patient
            let split = patient.maximumAge < key.minimumAge || patient.minimumAge > key.maximumAge
            return split ? (patient.minimumAge, patient.maximumAge) : nil
        }
        prepared.codeSetSplitByAge = prepared.codeSetAges.contains { $0 != nil }
        prepared.oneSided = prepared.codeSetChoices.compactMap { choice in
            if let j = byCode[choice.text] {
                let sides = self[j].sides
                return sides.count == 1 ? (choice.text, sides[0]) : nil
            }
            return p.contrasts.first { $0.code == choice.text }?.side.map { (choice.text, $0) }
        }

        prepared.contrastQuoteWords = e.clauses.map { self[$0].rulesOutQuote.map(QuestionGenerator.quoteWords) ?? [] }
        var unsaids: [String?] = []
        prepared.contrasts = e.clauses.map { id in
            let right = self[id]
            let target = self[right.to].code
            let findings = Self.contrastFindings(
                for: id, among: e.clauseCandidates, described: e.neighbours.described, clauses: clauses,
                authored: p.contrasts.map(\.code), code: { self[$0].procedure.code }, family: { self[$0].familyKey },
                patient: { self[$0].procedure.patient })
            // Each wrong finding says which code it would make of this note, when the file says so.
            var nearest: String?
            let wrong = findings.map { finding in
                switch finding {
                case .clause(let w):
                    let c = self[w]
                    // Another code's finding names no code: what it would make of this note is not
                    // known (11402 → 11602's malignancy makes a cheek lesion 11642, not 11602:
                    // instructor review 77291), and a code from another case confuses (review 89793).
                    if c.from == i {
                        nearest = nearest ?? "“\(c.option)”, would make the note \(named(c.to))"
                        return Choice(
                            text: c.option, correct: false,
                            rationale: "That finding would change the code to \(named(c.to)), not to \(target).")
                    }
                    return Choice(
                        text: c.option, correct: false,
                        rationale: "That finding does not make this note \(target): \(target) is reported when \(right.when).")
                case .described(let k):
                    let d = e.neighbours.described[k]
                    let text = Wording.capitalized(Wording.clause(d.when))
                    nearest = nearest ?? "“\(text)”, would make the note \(d.code) (\(d.describe!))"
                    return Choice(
                        text: text, correct: false,
                        rationale: "That finding would change the code to \(d.code) (\(d.describe!)), not to \(target).")
                }
            }
            // The rule, what this note shows instead (its quote, else the alternative back to this
            // code), and the nearest wrong finding, which every question offers: not "that is the fact
            // a coder looks for in the note" (final reviews 31415, 55721, 73043: "restates the key").
            var because = "\(named(right.to)) is reported instead of \(p.code) when \(right.when)."
            // A stem that leaves the quote's step out says nothing of it (`contrastUnsaid`).
            var unsaid: String?
            if let quote = right.rulesOutQuote {
                unsaid = because + " Nothing in this note documents that."
                because += " This note shows instead: \(quote)."
            } else if let back = e.clausesTo.first(where: { self[$0].from == right.to }) {
                because += " Here, \(Wording.clause(self[back].when)), which makes it \(p.code)."
            }
            if findings.first.map({ if case .clause(let w) = $0 { self[w].from == i } else { true } }) == true, let nearest {
                // Named plainly, not "the closest": the file's first alternative is the author's
                // nearest, which a reader may judge otherwise (instructor reviews 64403 and 86117:
                // "calls A the closest wrong option when C is").
                because += " One wrong option, \(nearest)."
                unsaid? += " One wrong option, \(nearest)."
            }
            // Where a coder would find the other code (instructor review 23509: contrast rationales
            // that only restate the key).
            because += indexHint(self[right.to].procedure)
            unsaid? += indexHint(self[right.to].procedure)
            unsaids.append(unsaid)
            return (Choice(text: right.option, correct: true, rationale: because), wrong)
        }
        prepared.contrastUnsaid = unsaids

        let system = p.system.rawValue
        // A drug or supply note also documents the administration, itself a HCPCS Level I (CPT) code:
        // the question names Level II (instructor review 64437: 20610 answered "the HCPCS code").
        let asked = p.system == .hcpcs ? "HCPCS Level II" : system
        // A code every report pairs with another (`always`: a vaccine and its administration) is asked
        // beside that one: "the code for this service" had two right answers (instructor review
        // 48251: 90471's entry, where 90715 is as right).
        let pairedWith = p.additions.first(where: \.always)?.code
        prepared.vignetteQuestion =
            pairedWith.map { "Which \(asked) code should be reported with \($0) for this procedure?" }
            ?? "Which \(asked) code should be reported for this procedure?"
        // An operative report's entry asks for "any modifier it needs", sided or not: "with its
        // laterality modifier" told the student that one was needed (instructor review 20877). The
        // judgement checks the laterality or anatomic modifier against the scenario's side. A service
        // note (a lab, an image, a drug) asks for the code alone unless it is reported by side: the
        // professional or technical component depends on a billing setting the note does not give.
        // An anesthesia record asks for its physical status modifier by name, as its code set does.
        prepared.entryQuestion =
            if let pairedWith {
                "Enter the \(asked) code reported with \(pairedWith) for this procedure."
            } else if e.report.layout == .anesthesia && !p.service.physicalStatus.isEmpty {
                "Enter the CPT anesthesia code for this service, with its physical status modifier."
            } else if p.system == .icd10pcs || (e.sides.isEmpty && e.report.layout != .operative) {
                "Enter the \(asked) code for this procedure."
            } else {
                "Enter the \(asked) code for this procedure, with any modifier it needs."
            }
        prepared.contrastQuestions = e.clauses.map {
            "As documented, this note supports \(system) \(p.code). What would the note have to show for the code to be \(self[self[$0].to].code) instead?"
        }
        prepared.pcs = p.pcs.map { preparePCS(i, answer: $0) }
        prepared.diagnoses = p.diagnoses.indices.map { prepareDiagnosis(i, answer: $0) }
        return prepared
    }

    /// The drug a HCPCS drug title or description names, lower-cased (`triamcinolone` of
    /// "Triamcinolone acetonide injection, per 10 mg"): its first word.
    static func drugName(_ title: String) -> Substring? {
        let word = title.prefix { $0.isLetter }
        return word.isEmpty ? nil : Substring(word.lowercased())
    }

    /// Whether a title or description names `drug` as a word ("preservative-free triamcinolone
    /// acetonide" names triamcinolone).
    static func names(_ text: String, drug: Substring) -> Bool {
        text.lowercased().split { !$0.isLetter }.contains(drug)
    }

    /// `codes` with those of the same drug as the key (`drug`) first, each group in its order: the
    /// real trap of a drug code is another form, salt or strength of the same drug (J3304 beside
    /// J3301), not a drug the order rules out by name (instructor review 70913).
    static func sameDrugFirst(_ codes: [Choice], _ drug: Substring, title: (String) -> String) -> [Choice] {
        let same = codes.filter { names(title($0.text), drug: drug) }
        guard !same.isEmpty, same.count < codes.count else { return codes }
        return same + codes.filter { !names(title($0.text), drug: drug) }
    }

    /// The title of library code `code`, else the description an `instead` entry of `p` gives it.
    private func title(of code: String, in p: Procedure) -> String {
        byCode[code].map { self[$0].procedure.title } ?? p.contrasts.first { $0.code == code }?.describe ?? ""
    }

    /// The approach a CPT title names (laparoscopic, thoracoscopic, arthroscopic, percutaneous…), or
    /// "open" when it names none: 50545 (radical nephrectomy, laparoscopic) does not share 50230's
    /// open approach, 50240 (partial nephrectomy, open approach) does.
    static func approach(_ title: String) -> String {
        let lowered = title.lowercased()
        let approaches = ["laparoscop", "thoracoscop", "arthroscop", "percutaneous", "robot"]
        return approaches.first { lowered.contains($0) } ?? "open"
    }

    /// The end of a wrong code's rationale after its condition: what the note shows instead (the
    /// file's `here`, instructor review 83051: the precise fact beat "nothing of the kind"), else
    /// that the note documents none of it.
    static func shownInstead(_ here: String?) -> String {
        guard let here else { return "; this note documents nothing of the kind." }
        return ". This note shows instead: \(here)."
    }

    /// Why code `wrong` does not fit a note of `answer`, from the alternative between them when there is one.
    func wrongCodeRationale(answer i: ProcedureID, wrong j: ProcedureID) -> String {
        if let id = self[i].clauses.first(where: { self[$0].to == j }) {
            let c = self[id]
            // Without the file's `here`, the other code's own alternative back says what this note
            // shows (instructor review 33445: "this note documents nothing of the kind" taught nothing).
            if c.rulesOutQuote == nil, let back = self[i].clausesTo.first(where: { self[$0].from == j }) {
                return "\(named(j)) would be reported instead only if \(c.when); here, \(Wording.clause(self[back].when))."
            }
            return "\(named(j)) would be reported instead only if \(c.when)" + Self.shownInstead(c.rulesOutQuote)
        }
        if let id = self[i].clausesTo.first(where: { self[$0].from == j }) {
            return "\(named(j)) does not fit: the note shows that \(self[id].when), which makes it \(self[i].code)."
        }
        // An add-on extends this code; a service reported together is a test or procedure of its own
        // (84443, the TSH, beside 84439: "reported in addition to" made it sound like an add-on,
        // instructor review 67801).
        if let addition = self[i].procedure.additions.first(where: { $0.code == self[j].code }) {
            return addition.type == .addOn
                ? "\(named(j)) is an add-on reported with \(self[i].code), not instead of it, and only when its own work is documented; here it is not."
                : "\(named(j)) is a separate service, reported beside \(self[i].code) only when it is done too; this note documents \(self[i].code) alone."
        }
        let example = self[j].exampleStep.map { ", such as " + $0 } ?? ""
        return "\(named(j)) is a different procedure at the same site: the note documents none of its key steps\(example)."
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
    /// then codes one character away in the official table (root operation, approach, qualifier,
    /// device, a body part of the same kind), then family members' and alternatives' codes of the same
    /// body system and side. Every rationale reads the codes from the table's labels, never from a CPT title.
    private func preparePCS(_ i: ProcedureID, answer: PCSCode) -> (right: Choice, side: Side?, must: [Choice], ranked: [Choice]) {
        let e = self[i]
        let side = answer.side
        let walk = PCSWalk.walk(answer.code, side: side)
        let described = PCSWalk.describe(answer.code).map { " (\($0))" } ?? ""
        let because =
            "\(answer.code)\(described) is the ICD-10-PCS code for this report. "
            + (walk.isEmpty
                ? "Build it from the root operation the note describes, the body part and side, the approach and the device." : walk)
        let pool = e.pcsPool.filter { $0.code != answer.code }
        let own = pool.filter { $0.owner == i }.sorted { Self.distance($0.side, from: side) < Self.distance($1.side, from: side) }
        let must = own.map { w in
            let scenario =
                side.map {
                    " this note documents surgery" + Self.phrase($0, on: true)
                        + ", and in ICD-10-PCS the side is part of the body-part character."
                } ?? " it does not match this scenario."
            return Choice(
                text: w.code, correct: false,
                rationale: "\(w.code) is the code\(w.side == nil ? " without a side" : Self.phrase(w.side, on: false));" + scenario
                    + PCSWalk.difference(w.code, from: answer.code))
        }
        // Other procedures' codes only from the family and alternatives, of the key's body system and side.
        let system = answer.code.dropFirst().first
        let linked = Set(e.codeNeighbours.prefix(e.mustCount))
        let others = pool.filter {
            linked.contains($0.owner) && $0.code.dropFirst().first == system && ($0.side == side || $0.side == nil || side == nil)
        }.map(\.code)
        var seen = Set([answer.code] + own.map(\.code))
        let candidates = (PCSWalk.variants(of: answer.code) + others).filter { seen.insert($0).inserted }
        let rest = candidates.map { code in
            let what = PCSWalk.describe(code).map { "\(code) is \($0)." } ?? "\(code) is another code of the same body system."
            return Choice(text: code, correct: false, rationale: what + PCSWalk.difference(code, from: answer.code))
        }
        return (Choice(text: answer.code, correct: true, rationale: because), side, must, rest)
    }

    /// Whether the preoperative wording names a condition other than the one coded (a symptom, a
    /// suspicion, a less exact diagnosis), so that coding it would give another code. Not when:
    /// - the preoperative line carries the title's abbreviation ("ASC-US");
    /// - every word of it is in the postoperative diagnosis or the key's title (the same condition,
    ///   told with less detail: "Morbid obesity", "Parastomal hernia", "Cholangitis");
    /// - it has every word of the postoperative diagnosis outside parentheses (it says it all:
    ///   "Anembryonic pregnancy, with a 25 mm sac…" before "Anembryonic pregnancy (blighted ovum)");
    /// - it has every word of the key's title that the postoperative diagnosis documents ("Reducible
    ///   inguinal hernia" before "Indirect inguinal hernia", both coded K40.90).
    /// Words are compared without case, plural s, side words and small words; hyphenated words count
    /// as their parts. With no title word in the postoperative diagnosis, fewer than half of the
    /// content words of both the postoperative diagnosis and the title must appear in it.
    static func preopNamesAnotherCondition(_ preop: String, postop: String, code: String) -> Bool {
        let stop: Set<Substring> = [
            "of", "the", "a", "an", "and", "or", "with", "without", "in", "on", "to", "for", "at", "by", "right", "left",
            "bilateral", "unspecified", "other", "due", "not", "elsewhere", "classified", "eye", "ear", "post", "pre",
            "initial", "encounter", "one", "side",
        ]
        func words(_ t: String) -> Set<Substring> {
            Set(
                t.lowercased().split { !$0.isLetter && !$0.isNumber }.filter { !stop.contains($0) }.map {
                    $0.count > 3 && $0.hasSuffix("s") && !$0.hasSuffix("ss") && !$0.hasSuffix("is") ? $0.dropLast() : $0
                })
        }
        let title = ICD10Titles.shipped.title(of: code) ?? ""
        if let open = title.lastIndex(of: "("), let close = title.lastIndex(of: ")"), open < close {
            let abbreviation = title[title.index(after: open)..<close].lowercased()
            if abbreviation.count >= 3, preop.lowercased().contains(abbreviation) { return false }
        }
        let pre = words(preop)
        let post = words(postop)
        let named = words(title)
        if pre.isSubset(of: post.union(named)) { return false }
        var outside = ""
        var depth = 0
        for character in postop {
            if character == "(" {
                depth += 1
            } else if character == ")" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                outside.append(character)
            }
        }
        let main = words(outside)
        if !main.isEmpty, main.isSubset(of: pre) { return false }
        let documented = named.intersection(post)
        if !documented.isEmpty { return !documented.isSubset(of: pre) }
        func share(_ w: Set<Substring>) -> Double { w.isEmpty ? 0 : Double(w.intersection(pre).count) / Double(w.count) }
        return min(share(post), title.isEmpty ? 1 : share(named)) < 0.5
    }

    /// Whether `wrong`, of `key`'s neoplasm category, names another site: in C00–D49 the fourth
    /// character is the organ or its part (C18.6, the descending colon, beside C18.2), and in the
    /// lymphoma categories C81–C85 the fifth is the node region (C81.12 beside C81.11).
    static func isAnotherSite(_ wrong: String, of key: String) -> Bool {
        guard let first = key.first, first == "C" || (first == "D" && key.dropFirst().first.map { "01234".contains($0) } == true),
            wrong.prefix(3) == key.prefix(3)
        else { return false }
        if wrong.prefix(4) != key.prefix(4) { return true }
        let lymphoma = ["C81", "C82", "C83", "C84", "C85"].contains(String(key.prefix(3)))
        return lymphoma && wrong.prefix(5) != key.prefix(5)
    }

    /// Whether the pathology result of `d` decides between the file's diagnoses: another diagnosis
    /// has another result, and this result writes a word of `d` that the diagnoses with another
    /// result do not (58262: “atrophic endometrium” says nothing of the prolapse coded).
    static func pathologyDecides(_ d: Diagnosis, among all: [Diagnosis]) -> Bool {
        guard let result = d.pathology else { return false }
        let others = all.filter { $0.pathology != nil && $0.pathology != result }
        guard !others.isEmpty else { return false }
        let theirs = ConditionWords.of(others.map(\.text).joined(separator: " "))
        let resultWords = ConditionWords.of(result)
        return ConditionWords.of(d.text).contains { !theirs.contains($0) && ConditionWords.contains(resultWords, $0) }
    }

    /// The diagnosis question for procedure `i`'s diagnosis `k` (with its `also` code, when it has one):
    /// the same condition on the other side always, then codes of the same category, then related
    /// conditions of the same file or of the family's site in the same chapter (`DiagnosisDistractors`).
    private func prepareDiagnosis(_ i: ProcedureID, answer k: Int) -> PreparedDiagnosis {
        let e = self[i]
        let right = e.procedure.diagnoses[k]
        let code = e.diagnosisCodes[k].code
        let dotted = e.diagnosisCodes[k].dotted
        let distractors = DiagnosisDistractors(
            right, code: code, key: e.diagnosisCodes[k].key, pool: e.diagnosisPool, owner: i, procedure: e.procedure)
        let also = right.also.map { (dotted: ICD10.dotted($0.code), text: $0.text) }
        let further = also.map(\.dotted)
        let key = [dotted] + further
        func set(_ codes: [String]) -> String { codes.joined(separator: ", ") }

        // What the note documents, in its own words, and where: the rationale quotes it rather than
        // claiming what the note leaves out.
        // With a pathology result, the diagnosis to code is the surgeon's final one in its light: a
        // tubular adenoma of the sigmoid polyp, or the bleeding itself when the uterus is normal.
        let layout = e.report.layout
        let source = right.pathology == nil ? layout.diagnosisSource : "the diagnosis to code"
        // With a pathology result the postoperative line repeats the impression, so the diagnosis to
        // code is named, not quoted as if the note said it.
        let preop = right.preop.map(Wording.clause)
        // A lab requisition or an anesthesia record prints the reason as first given (`preop`) and no
        // conclusion line: the rationale quotes that line, then names the condition it codes (review
        // 58009: 85730's rationale quoted an “acute pulmonary embolism” its requisition never wrote).
        let printedReason =
            right.pathology == nil && (layout == .laboratory || layout == .anesthesia)
                && preop.map { !Wording.lowercasedContains($0, Wording.clause(right.text).lowercased()) } == true ? preop : nil
        let documented =
            if let printedReason { "“" + printedReason + "”" } else if right.pathology == nil {
                "“" + Wording.clause(right.text) + "”"
            } else { Wording.clause(right.text) }
        var because: String
        if also.isEmpty {
            // A Z code is the reason for the encounter, which no result changes: a vasectomy's “two
            // segments of vas deferens” say nothing of the sterilization coded (review 73019).
            let pathology =
                right.pathology.flatMap {
                    code.hasPrefix("Z") ? nil : "with the pathology result “\(Wording.clause($0))”, "
                } ?? ""
            let named = printedReason.map { _ in ", that is \(Wording.clause(right.text)), and" } ?? ", and"
            because =
                "\(dotted) is correct: \(pathology)\(source) here is \(documented)\(named) ICD-10-CM codes it \(dotted)\(DiagnosisTitles.tabular(code))."
        } else {
            // A printed reason is quoted once and names the conditions it documents; a conclusion line
            // is quoted condition by condition.
            let listed = ([(dotted, right.text)] + also.map { ($0.dotted, $0.text) }).map {
                printedReason == nil ? "“\(Wording.clause($0.1))” (\($0.0))" : "\(Wording.clause($0.1)) (\($0.0))"
            }
            let opening = printedReason.map { "here is “\($0)”, which documents " } ?? "documents "
            because =
                "\(set(key)) is correct: \(layout.diagnosisSource) " + opening + listed.dropLast().joined(separator: ", ") + " and "
                + listed.last! + ". Every documented condition that bears on this encounter is coded"
                + (right.order.map { ". " + Wording.sentence(Wording.capitalized($0)) }
                    ?? "; \(dotted), the reason for the " + (layout == .operative ? "procedure" : "service") + ", is listed first.")
        }
        // Only where the file's diagnoses differ by their pathology result does that result decide,
        // and only when it names the coded condition: the words that set it apart from the diagnoses
        // with another result (“tubular adenoma”, not an atrophic endometrium for a prolapse).
        if right.pathology != nil {
            if Self.pathologyDecides(right, among: e.procedure.diagnoses) {
                because += " The pathology result decides the code: report the diagnosis it confirms."
            }
        } else if let preop, printedReason == nil, !code.hasPrefix("Z"),
            Self.preopNamesAnotherCondition(preop, postop: right.text, code: code)
        {
            // A Z code is itself the reason for the encounter (Z08, surveillance after a treated cancer;
            // Z12.31, screening): "code the impression, not the reason for the exam" would contradict
            // the key (instructor review 93109, 77066).
            because += layout.confirmedDiagnosisRule(preop: preop)
        }
        let side = right.side?.rawValue ?? ""
        var must: [Choice] = []
        // The other side for every code, when each has a counterpart, unless the author's traps and a
        // left-out further code fill the three wrong options: a side flip on a note that names the side
        // is the option instructors call a throwaway (reviews 27361, 19088: "six of the ten diagnosis
        // items use the other side"), so it is offered only where no better trap is written.
        let authoredTraps = distractors.ranked.prefix { $0.trapWhen != nil }.count
        let trapsFill = authoredTraps + (also.isEmpty ? 0 : 1) >= 3
        // For a single code, the unspecified side of the same condition (G56.00 for G56.01) takes the
        // other side's place: a student who does not code the documented side falls for it, while the
        // other side on a note that names this one is a free elimination (instructor reviews 77291
        // and 61543: "replace G56.02 with G56.00 or G56.03").
        // The other side then stays last among the fillers, so no question has fewer options.
        let unspecified = also.isEmpty ? distractors.counterpart.flatMap { Self.unspecifiedSide(of: code, counterpart: $0.code) } : nil
        let flip: Choice? =
            trapsFill || !distractors.alsoCounterparts.allSatisfy({ $0 != nil })
            ? nil
            : distractors.counterpart.map { w in
                let text = set([w.dotted] + distractors.alsoCounterparts.map { $0!.dotted })
                return Choice(
                    text: text, correct: false,
                    rationale:
                        "\(text) codes the same \(also.isEmpty ? "condition" : "conditions") on the other side; this report documents the \(side) side, and the side is part of the code."
                )
            }
        let unspecifiedChoice: Choice? =
            flip == nil
            ? nil
            : unspecified.map { u in
                let dottedU = ICD10.dotted(u)
                return Choice(
                    text: dottedU, correct: false,
                    rationale:
                        "\(dottedU)\(DiagnosisTitles.parenthetical(u)) leaves the side unspecified; this report documents the \(side) side, and a side the record documents is always coded."
                )
            }
        if let flip, unspecifiedChoice == nil { must.append(flip) }
        let otherSide = distractors.counterpart.map { w in
            Choice(
                text: set([w.dotted] + further), correct: false,
                rationale: "\(w.dotted) codes the other side; this report documents the \(side) side, and the side is part of the code.")
        }
        var missingLast: Choice?
        if let last = also.last {
            missingLast = Choice(
                text: set(key.dropLast()), correct: false,
                rationale:
                    "A condition is left out: the report also documents “\(Wording.clause(last.text))”, a condition that bears on this encounter, so \(last.dotted) is reported too."
            )
            must.append(missingLast!)
        }
        // Where the file says why the codes go in this order (`order`: a code-first note, a
        // combination code's sequencing rule), the same codes out of that order are offered: a
        // question that asks for the codes "in sequence" tests the sequence (instructor review
        // 38867: "keep the reversed order as a wrong option").
        if let order = right.order, let second = further.first {
            let swapped = set([second, dotted] + further.dropFirst())
            must.append(
                Choice(
                    text: swapped, correct: false,
                    rationale: "These are the right codes in the wrong order: \(Wording.clause(order))."))
        }
        let category = String(dotted.prefix(3))
        // A condition with no side never meets one other condition's right and left codes both
        // (`DiagnosisDistractors` keeps the first of such a pair).
        let wrongCodes = distractors.ranked
        // Each wrong code is described by its official title (never another case's wording), with
        // the attribute that sets it apart from the key. It does not restate the key: a drill prints the
        // chosen option's rationale just above the key's, and four options each ending “coded M16.52
        // (its title)” stacked the same sentence (instructor reviews 60631, 71363).
        let ranked = wrongCodes.map { w in
            let named = w.dotted + DiagnosisTitles.parenthetical(w.code)
            let difference = DiagnosisTitles.difference(w.code, from: code)
            let denial =
                DiagnosisTitles.differsOnlyByWithElement(w.code, from: code)
                ? ConditionWords.denial(of: ICD10Titles.shipped.title(of: w.code) ?? w.text, d: right, in: e.procedure) : nil
            let encounters = (DiagnosisTitles.encounter(of: w.code), DiagnosisTitles.encounter(of: code))
            let why =
                if let theirs = encounters.0, let ours = encounters.1, theirs != ours, w.code.dropLast() == code.dropLast() {
                    // The same injury at another encounter: the 7th character's rule, which an author's
                    // `when` would only restate.
                    "\(named) is the same injury with another 7th character, which marks \(theirs); this encounter is \(ours), so the 7th character is \(code.last!)."
                } else if let denial {
                    // The note's own denial teaches more than the author's condition.
                    "\(named) is in the same category, \(category), but adds what its “with” element names, and the note rules that out: “\(Wording.clause(denial))”."
                } else if let when = w.trapWhen {
                    "\(named) would be coded only if \(Wording.clause(when))."
                } else if !w.code.hasPrefix(code.prefix(3)) {
                    "\(named) is a different condition from the one documented: \(source) here is \(documented)."
                } else if DiagnosisTitles.isLessSpecific(w.code, than: code) {
                    "\(named) is the unspecified code of the same category, \(category): it is wrong here only because the note documents the condition more specifically: \(documented)."
                } else {
                    // The words that differ say it; a bare attribute quotes what the note documents.
                    "\(named) is in the same category, \(category), but differs in \(difference)"
                        + (difference.hasSuffix("”)") ? "." : ": \(source) here is \(documented).")
                }
            return Choice(text: set([w.dotted] + further), correct: false, rationale: why)
        }
        // A code set's wrong diagnosis, nearest first: what another pathology result of the same
        // lesion would give (the file's own other diagnosis), a code of the same category at the same
        // site (K57.32 for K57.20, the 7th character, the other side), a related condition, and a
        // neoplasm of another site of the same category (C18.6 for C18.2) last.
        let results = distractors.results.compactMap { w -> Choice? in
            guard let result = right.pathology, let other = e.procedure.diagnoses.first(where: { $0.normalizedCode == w.code }) else {
                return nil
            }
            let named = w.dotted + DiagnosisTitles.parenthetical(w.code)
            return Choice(
                text: set([w.dotted] + further), correct: false,
                rationale:
                    "\(named) would be coded only if the pathology showed \(Wording.clause(other.text)); the result here is “\(Wording.clause(result))”."
            )
        }
        var authored: [Choice] = []
        var near: [Choice] = []
        var related: [Choice] = []
        var elsewhere: [Choice] = []
        for (w, choice) in zip(wrongCodes, ranked) {
            if w.trapWhen != nil {
                authored.append(choice)
            } else if !w.code.hasPrefix(code.prefix(3)) {
                related.append(choice)
            } else if Self.isAnotherSite(w.code, of: code) {
                elsewhere.append(choice)
            } else {
                near.append(choice)
            }
        }
        var oneOff: [Choice] = []
        for choice in authored + results + near + (otherSide.map { [$0] } ?? []) + related + elsewhere
        where !oneOff.contains(where: { $0.text == choice.text }) {
            oneOff.append(choice)
        }
        // The nearest trap, a code of the same category one axis away (K21.00 beside K21.9, O66.40
        // beside O66.41), is offered in every `diagnosis` question, like a vignette's first alternative.
        var rest = ranked
        let axes = wrongCodes.map { DiagnosisTitles.axisRank($0.code, from: code) }
        // For a later encounter (D) that trap is the initial-encounter code (A), ranked first.
        let laterEncounter = code.count == 7 && code.last.map { !"ABC".contains($0) } == true
        var trap: PooledDiagnosis?
        // The author's traps are the question's nearest wrong codes, beside the other side and a
        // left-out further code: they fill the options before any sibling the pool would draw (an
        // axillary abscess beside a pilonidal one). The first is said in the rationale.
        if authoredTraps > 0 {
            let taken = min(authoredTraps, 3 - must.count)
            must += rest.prefix(taken)
            rest.removeFirst(min(taken, rest.count))
            trap = wrongCodes.first
        } else if laterEncounter, wrongCodes.first?.code == code.dropLast() + "A" {
            must.append(rest.removeFirst())
            trap = wrongCodes.first
        } else if let best = axes.max(), best > 0, let nearest = axes.firstIndex(of: best) {
            must.append(rest.remove(at: nearest))
            trap = wrongCodes[nearest]
        }
        // The unspecified side joins the options the question always offers (unless the nearest trap
        // is that code already), and the other side is the last filler.
        if let unspecifiedChoice, let flip {
            if !must.contains(where: { $0.text == unspecifiedChoice.text }) {
                rest.removeAll { $0.text == unspecifiedChoice.text }
                must.insert(unspecifiedChoice, at: 0)
            }
            rest.append(flip)
        }
        // The traps a `diagnosis` question always offers, said in the rationale every learner reads,
        // not only in the wrong options' (instructor review 23509: "the rationale only restates the key").
        // Where the pathology result decides between the file's diagnoses, the codes another result
        // would give (D25.1, a fibroid, for the bleeding a normal uterus leaves) are the question's
        // best traps, ahead of the rest (instructor review 61847: 58570 offered N95.0, not D25/N80).
        if !results.isEmpty {
            let taken = Set(must.map(\.text))
            let extra = results.filter { !taken.contains($0.text) }
            let extraTexts = Set(extra.map(\.text))
            rest = extra + rest.filter { !extraTexts.contains($0.text) }
        }
        var traps: [String] = []
        if let u = unspecified, unspecifiedChoice != nil {
            if trap?.code != u { traps.append("\(ICD10.dotted(u)) leaves out the side this note documents") }
        } else if let w = distractors.counterpart, also.isEmpty, flip != nil {
            // Only when the other side is among the options: with the author's traps filling them it
            // is not, and a rationale naming an absent code confuses (instructor review 12983, 25609).
            traps.append("\(w.dotted) codes the other side")
        }
        if let w = trap, let said = Self.trapClause(w, key: code, keyDotted: dotted) { traps.append(said) }
        let teaching =
            traps.isEmpty ? "" : " The nearest wrong code\(traps.count == 1 ? "" : "s"): " + traps.joined(separator: "; ") + "."
        return PreparedDiagnosis(
            right: Choice(text: set(key), correct: true, rationale: because), must: must, ranked: rest, oneOff: oneOff,
            missingSecond: missingLast, oneOffFlipsSide: oneOff.map { Wording.bytesContain($0.rationale, "the other side") },
            teaching: teaching)
    }

    /// The unspecified-side code of `code`'s condition (G56.00 for G56.01, S42.329A for S42.321A):
    /// `code` with the character where it differs from its other-side `counterpart` made 0, 9 or 3 (the
    /// fractures' unspecified side; a 3 that means both sides has no "unspecified" in its title), when
    /// that code is reportable today and its title differs from `code`'s in the side alone.
    static func unspecifiedSide(of code: String, counterpart: String) -> String? {
        let (a, b) = (Array(code.utf8), Array(counterpart.utf8))
        guard a.count == b.count else { return nil }
        let differing = a.indices.filter { a[$0] != b[$0] }
        guard differing.count == 1 else { return nil }
        let siblings = ICD10Titles.shipped.siblings(of: code)
        for digit in [UInt8(ascii: "0"), UInt8(ascii: "9"), UInt8(ascii: "3")] {
            var c = a
            c[differing[0]] = digit
            let candidate = String(decoding: c, as: UTF8.self)
            guard siblings.contains(candidate), let title = ICD10Titles.shipped.title(of: candidate),
                title.lowercased().contains("unspecified"), DiagnosisTitles.difference(candidate, from: code) == "laterality"
            else { continue }
            return candidate
        }
        return nil
    }

    /// What sets the nearest same-category trap `w` apart from `key`, in a short clause ("H40.1121
    /// is the mild stage, where the note documents the moderate one"), or `nil` when the titles
    /// name no single attribute.
    static func trapClause(_ w: PooledDiagnosis, key: String, keyDotted: String) -> String? {
        if let theirs = DiagnosisTitles.encounter(of: w.code), let ours = DiagnosisTitles.encounter(of: key), theirs != ours,
            w.code.dropLast() == key.dropLast()
        {
            return "\(w.dotted) marks \(theirs), and this encounter is \(ours)"
        }
        if let when = w.trapWhen { return "\(w.dotted) would be coded only if \(Wording.clause(when))" }
        if DiagnosisTitles.isLessSpecific(w.code, than: key) {
            return "\(w.dotted) is the unspecified code, for a note that leaves out the detail this one gives"
        }
        let difference = DiagnosisTitles.difference(w.code, from: key)
        switch difference {
        case "laterality": return "\(w.dotted) codes another side"
        case DiagnosisTitles.withElement:
            // Which way the element runs: K21.00 (with esophagitis) adds to K21.9; K80.20 (without
            // cholecystitis) leaves out what K80.10 names (instructor review 47711).
            func withCount(_ code: String) -> Int {
                (ICD10Titles.shipped.title(of: code) ?? "").lowercased().split { !$0.isLetter }.filter { $0 == "with" }.count
            }
            return withCount(w.code) > withCount(key)
                ? "\(w.dotted) adds what its “with” element names, which this note does not document"
                : "\(w.dotted) leaves out a condition this note documents and \(keyDotted) names"
        default:
            // "type or specificity (“mild”, not “moderate”)"
            guard let open = difference.firstIndex(of: "“"), difference.hasSuffix("”)") else { return nil }
            let words = difference[open...].dropLast()
            return "\(w.dotted) is for \(words.replacingOccurrences(of: "”, not “", with: "”, where this note documents “"))"
        }
    }
}

/// A keyed diagnosis (one code, or two in sequence) and its wrong options.
struct PreparedDiagnosis: Sendable {
    /// The key: one code, or two joined with ", ".
    var right: Choice
    /// Always offered: the other side, for two codes the first alone, and the nearest code of the
    /// same category (one axis away).
    var must: [Choice]
    /// The rest, ranked: the same category first, then related conditions.
    var ranked: [Choice]
    /// Wrong diagnoses that differ from the key in exactly one code, for code sets.
    var oneOff: [Choice]
    /// For a key of two codes: the first alone (a code set one element short).
    var missingSecond: Choice?
    /// Per `oneOff` entry: whether it is the other side (its rationale says so), read by code sets
    /// instead of searching each rationale per question.
    var oneOffFlipsSide: [Bool] = []
    /// For the `diagnosis` question's rationale: what sets the traps it always offers apart from the
    /// key (" The nearest wrong codes: …"), or empty.
    var teaching = ""
}

/// Official ICD-10-CM titles of diagnosis options, and what sets one code apart from another.
enum DiagnosisTitles {
    /// " (official title)" of `code`, or empty when the title is not shipped.
    static func parenthetical(_ code: String) -> String {
        ICD10Titles.shipped.title(of: code).map { " (" + $0 + ")" } ?? ""
    }

    /// Where the key is in the Tabular List, " (its title; category K21, its title)", or its title
    /// alone for a three-character code: "ICD-10-CM codes it L82.1" named a code without saying what
    /// it is (instructor reviews 48271, 35807: "circular"). Empty when the title is not shipped.
    static func tabular(_ code: String) -> String {
        let titles = ICD10Titles.shipped
        guard let title = titles.title(of: code) else { return "" }
        let plain = ICD10.normalize(code)
        guard plain.count > 3, let category = titles.title(of: String(plain.prefix(3))), category != title else {
            return " (" + title + ")"
        }
        return " (" + title + "; category " + plain.prefix(3) + ", " + category + ")"
    }

    /// The official title of a sided code with its side taken out ("Cutaneous abscess of * axilla"),
    /// or `nil` when the title names no side: two codes with the same result differ by the side only.
    static func withoutSide(_ code: String) -> String? {
        guard let title = ICD10Titles.shipped.title(of: code)?.lowercased() else { return nil }
        var words = title.split(separator: " ", omittingEmptySubsequences: true)
        var sided = false
        for n in words.indices where ["right", "left", "bilateral"].contains(words[n]) {
            words[n] = "*"
            sided = true
        }
        return sided ? words.joined(separator: " ") : nil
    }

    /// The side a title names ("… of right axilla"), or `nil` when it names none or both.
    static func side(of title: String) -> Side? {
        let words = Set(title.lowercased().split { !$0.isLetter })
        if words.contains("bilateral") { return .bilateral }
        switch (words.contains("right"), words.contains("left")) {
        case (true, false): return .right
        case (false, true): return .left
        default: return nil
        }
    }

    /// Whether `wrong`, of `key`'s category, differs from it only by a “with …” or “without …” element
    /// of its title (K21.00, GERD with esophagitis, beside K21.9, GERD without esophagitis).
    static func differsOnlyByWithElement(_ wrong: String, from key: String) -> Bool {
        wrong.prefix(3) == key.prefix(3) && difference(wrong, from: key) == withElement
    }

    /// Whether `wrong` is one axis from `key` in the same category: its unspecified form, the other
    /// side, a with/without element, the encounter, or a code of the same length one character off.
    static func isOneAxis(_ wrong: String, from key: String) -> Bool {
        guard wrong.prefix(3) == key.prefix(3), wrong != key else { return false }
        if isLessSpecific(wrong, than: key) || isOneWordSwap(wrong, key) { return true }
        if ["laterality", withElement, "the episode of care (7th character)"].contains(difference(wrong, from: key)) { return true }
        return wrong.count == key.count && zip(wrong, key).filter { $0 != $1 }.count == 1
    }

    /// How near `wrong` is to `key` for ranking: 3 for a named axis of the same category (the other
    /// side, a with/without element, the encounter), 2 for the unspecified form or one word of the
    /// title in place of another (I48.21, permanent, beside I48.0, paroxysmal atrial fibrillation),
    /// 1 for another code one character off, 0 otherwise.
    static func axisRank(_ wrong: String, from key: String) -> Int {
        guard isOneAxis(wrong, from: key) else { return 0 }
        if ["laterality", withElement, "the episode of care (7th character)"].contains(difference(wrong, from: key)) { return 3 }
        return isLessSpecific(wrong, than: key) || isOneWordSwap(wrong, key) ? 2 : 1
    }

    /// Whether the titles of two codes differ by one word each (“permanent” for “paroxysmal”).
    static func isOneWordSwap(_ a: String, _ b: String) -> Bool {
        let titles = ICD10Titles.shipped
        guard let ta = titles.title(of: a)?.lowercased(), let tb = titles.title(of: b)?.lowercased() else { return false }
        let (wa, wb) = (Set(ta.split { !$0.isLetter && !$0.isNumber }), Set(tb.split { !$0.isLetter && !$0.isNumber }))
        return wa.subtracting(wb).count == 1 && wb.subtracting(wa).count == 1
    }

    /// What an injury code's 7th character marks, in a coder's words, or `nil` for a code without
    /// one (ICD-10-CM chapter 19 guidelines: the character follows the treatment, not the visit count).
    static func encounter(of code: String) -> String? {
        guard code.count == 7, let first = code.first, first == "S" || first == "T", let c = code.last else { return nil }
        switch c {
        case "A", "B", "C": return "active treatment of the injury (initial encounter)"
        case "D", "E", "F": return "routine care while the injury heals, after active treatment (subsequent encounter)"
        case "G", "H", "J": return "care for delayed healing (subsequent encounter)"
        case "K", "M", "N": return "care for a nonunion (subsequent encounter)"
        case "P", "Q", "R": return "care for a malunion (subsequent encounter)"
        case "S": return "a sequela, a condition left behind by the injury"
        default: return nil
        }
    }

    /// `difference`'s answer for a with/without element.
    static let withElement = "a “with” or “without” element of its title"

    /// Whether `wrong` is the unspecified form of `key`'s condition: the only word of its title that
    /// `key`'s lacks is "unspecified" (S82.201A beside S82.221A).
    static func isLessSpecific(_ wrong: String, than key: String) -> Bool {
        let titles = ICD10Titles.shipped
        guard let a = titles.title(of: wrong)?.lowercased(), let b = titles.title(of: key)?.lowercased() else { return false }
        let small: Set<Substring> = ["of", "and", "the", "as", "in", "to", "for", "at", "by", "on", "or"]
        let keyWords = Set(b.split { !$0.isLetter && !$0.isNumber })
        let own = a.split { !$0.isLetter && !$0.isNumber }.filter { !keyWords.contains($0) && !small.contains($0) }
        return own == ["unspecified"]
    }

    /// The attribute in which `wrong` differs from `key` (same category), read from their titles:
    /// laterality, remission status, episode of care, with or without a complication, or type or specificity.
    static func difference(_ wrong: String, from key: String) -> String {
        let titles = ICD10Titles.shipped
        // A plural ending in parentheses belongs to its word: "vertebra(e)" is one word, not
        // "vertebra" and "e" (instructor review 40213 read "not “age-related vertebra e”").
        func plain(_ title: String) -> String {
            title.lowercased().replacingOccurrences(of: "(e)", with: "").replacingOccurrences(of: "(s)", with: "")
        }
        guard let a = titles.title(of: wrong).map(plain), let b = titles.title(of: key).map(plain) else {
            return "type or specificity"
        }
        // Hyphenated words stay whole here as in `only` below, so "age-related" in both titles is shared.
        func words(_ t: String) -> Set<Substring> { Set(t.split { !$0.isLetter && !$0.isNumber && $0 != "-" }) }
        let (wa, wb) = (words(a), words(b))
        let changed = wa.symmetricDifference(wb)
        let sides: Set<Substring> = ["right", "left", "bilateral", "unspecified"]
        if !changed.isEmpty, changed.isSubset(of: sides), changed.contains(where: { $0 != "unspecified" }) { return "laterality" }
        if a.contains("remission") || b.contains("remission") { return "remission status" }
        let episode: Set<Substring> = ["initial", "subsequent", "sequela", "encounter"]
        if !changed.isDisjoint(with: episode),
            changed.subtracting(episode).subtracting([
                "routine", "delayed", "healing", "nonunion", "malunion", "for", "fracture", "closed", "open", "with",
            ]).isEmpty
        {
            return "the episode of care (7th character)"
        }
        // A "with"/"without" element only when the titles agree up to it (the same condition, with or
        // without a complication), not when the site or the encounter differs too.
        func stem(_ t: String) -> String {
            let words = t.split(separator: " ")
            return words.prefix { $0 != "with" && $0 != "without" }.joined(separator: " ")
        }
        // And only when little else differs: K35.211 (generalized peritonitis, with perforation and
        // abscess) is not one element from K35.30 (localized peritonitis, without perforation or
        // gangrene; instructor review 47711).
        // Nor when the encounter differs as well: S01.82XD (with foreign body, subsequent) is two
        // decisions from S01.81XA (instructor review 60631: "stacks two errors").
        if changed.contains("with") || changed.contains("without"), stem(a) == stem(b), changed.count <= 4,
            changed.isDisjoint(with: episode)
        {
            return withElement
        }
        // Name the words that differ, in title order: “third degree”, not “fourth degree”. Only when
        // the titles share a beginning or an end around one run of different words in each; scattered
        // differences read as word salad (“paralysis vocal cords unilateral”, not “stenosis”, in
        // instructor review 52719), and a whole different title is already in the rationale.
        let small: Set<Substring> = ["of", "and", "the", "as", "in", "to", "for", "at", "by", "on", "or"]
        let ta = a.split { !$0.isLetter && !$0.isNumber && $0 != "-" }
        let tb = b.split { !$0.isLetter && !$0.isNumber && $0 != "-" }
        var head = 0
        while head < min(ta.count, tb.count), ta[head] == tb[head] { head += 1 }
        var tail = 0
        while tail < min(ta.count, tb.count) - head, ta[ta.count - 1 - tail] == tb[tb.count - 1 - tail] { tail += 1 }
        func middle(_ t: [Substring]) -> [Substring] {
            Array(t[head..<(t.count - tail)].drop { small.contains($0) }.reversed().drop { small.contains($0) }.reversed())
        }
        let (ownWords, keyWords) = (middle(ta), middle(tb))
        let shared = ta[..<head].filter { !small.contains($0) }.count + ta[(ta.count - tail)...].filter { !small.contains($0) }.count
        if !ownWords.isEmpty, !keyWords.isEmpty, ownWords.count <= 5, keyWords.count <= 5, shared >= 2 {
            return "type or specificity (“\(ownWords.joined(separator: " "))”, not “\(keyWords.joined(separator: " "))”)"
        }
        return "type or specificity"
    }
}
