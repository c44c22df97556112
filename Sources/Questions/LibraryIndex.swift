import CodingContent
import Foundation
import SourceText
import Synchronization

/// A procedure's place in a `LibraryIndex`: its position among the indexed procedures (by path).
struct ProcedureID: Hashable, Comparable, Sendable {
    let rawValue: Int
    static func < (a: ProcedureID, b: ProcedureID) -> Bool { a.rawValue < b.rawValue }
}

/// A clause's place in a `LibraryIndex`'s list of clauses (content-file order).
struct ClauseID: Hashable, Comparable, Sendable {
    let rawValue: Int
    static func < (a: ClauseID, b: ClauseID) -> Bool { a.rawValue < b.rawValue }
}

/// A contrast whose code is in the library: "from `from`, the coder moves to `to` when `when`".
struct Clause: Sendable {
    /// The procedure that states it.
    let from: ProcedureID
    /// The procedure it leads to.
    let to: ProcedureID
    /// The clause.
    let when: String
    /// The sentence showing that `to` does not apply to a note of `from`, if usable in stems.
    var rulesOut: String?
    /// `when` as an option: capitalised.
    let option: String
    /// `rulesOut` without its full stop, for quoting.
    var rulesOutQuote: String?
    /// Interned lower-case words of `when`, for comparing clauses.
    let key: Int
    /// Distinctive phrases of `when`.
    let phrases: Set<Int>
    /// Distinctive phrases of `rulesOut`.
    let rulesOutPhrases: Set<Int>
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
    /// The procedure that lists it (the pool holds only the asking procedure, its family and its
    /// alternatives: the same site).
    var owner: ProcedureID
    /// Whether the asking procedure's own file lists it.
    var sameFile: Bool
    /// Whether it is a further (`also`) code of some diagnosis: a secondary code, never offered as
    /// the first-listed diagnosis of a wrong option (R65.21 alone for a sepsis key).
    var isAlso = false
    /// Whether it comes from another site's file as a same-category sibling of a keyed code, offered
    /// only to fill a category short of two wrong codes (`DiagnosisDistractors`).
    var isSibling = false
    /// Whether it is an official sibling from the ICD-10-CM table that no file lists, described by its
    /// official title (`ICD10Titles.siblings(of:)`).
    var isOfficial = false
    /// For an authored trap (`Diagnosis.traps`), what the documentation would have to say for this code.
    var trapWhen: String?

    /// Whether a coder could mistake this code for `code` (normalised): the same ICD-10-CM category
    /// (other laterality, type or specificity; the same site in L02 and L03, whose fourth character is the site),
    /// or a related condition of the same block (its first two characters; not in chapters M and S,
    /// whose categories are sites) that the file, its family or an alternative lists — never another
    /// body site or an unrelated condition of the same file.
    func isPlausible(for code: String) -> Bool {
        guard self.code != code else { return false }
        // Skin abscesses and cellulitis: the fourth character is the site, so another fourth character
        // is another site (an axilla for a buttock abscess); the block offers the related conditions
        // (a pilonidal abscess, a carbuncle). Pressure ulcers keep other sites: the stage is the decision
        // and a debridement family lists too few same-site codes to fill the options. In an injury
        // category the fourth character is the site and the seventh the encounter: another bone at
        // another encounter differs on two axes (a lateral malleolus at a follow-up visit for a tibial
        // shaft at the first), which no coder weighs.
        if self.code.prefix(3) == code.prefix(3) {
            let otherSite = self.code.prefix(4) != code.prefix(4)
            // Q10 likewise: its fourth character is the eyelid or the tear duct (congenital ptosis, Q10.0,
            // is no trap for a blocked tear duct, Q10.5: instructor review 38266).
            if otherSite, ["L02", "L03", "Q10"].contains(where: code.hasPrefix) { return false }
            // Skin neoplasms and D13 (benign tumours of the other digestive organs): the fourth character
            // is a body region or another organ (C44.32-, the face, is no trap for a skin cancer of the
            // leg, C44.72-; D13.4, the liver, none for a gastric polyp, D13.1: instructor reviews 40961
            // and 70577). Within one organ (C18 colon segments, C25 head or body of the pancreas, C34
            // lobes) the site is the trap, so other neoplasm categories keep it.
            if otherSite, ["C43", "C44", "C4A", "D03", "D04", "D13", "D22", "D23"].contains(where: code.hasPrefix) { return false }
            if otherSite, code.hasPrefix("S"), self.code.count == 7, code.count == 7, self.code.last != code.last { return false }
            // Where a later character is the site (M19 osteoarthritis, M54 radiculopathy, M47
            // spondylosis), the official titles name it: another region is another site.
            return !(code.hasPrefix("M") || code.hasPrefix("S")) || Self.sameSite(self.code, code)
        }
        // Musculoskeletal and injury categories carry the body site (a family of skin repairs spans
        // the forearm, the leg and the back): another category there is another site.
        if code.hasPrefix("M") || code.hasPrefix("S") { return false }
        // Otherwise a related condition of the same block. The reference data names no blocks; the
        // first two characters (K4x: the hernias, K6x: other diseases of the intestines) stand in
        // for it, so a leukemia is never offered for short bowel syndrome even when one file lists both.
        return self.code.prefix(2) == code.prefix(2)
    }
}

extension PooledDiagnosis {
    /// Spinal regions of musculoskeletal titles, top to bottom: neighbouring regions (lumbar and
    /// lumbosacral, decided by the level in the note) are a real trap, distant ones are not.
    private static let spine: [Substring] = [
        "occipito", "cervical", "cervicothoracic", "thoracic", "thoracolumbar", "lumbar", "lumbosacral", "sacral", "sacrococcygeal",
    ]
    /// Limb regions and bones of musculoskeletal and injury titles.
    private static let limbs: Set<Substring> = [
        "shoulder", "arm", "elbow", "forearm", "wrist", "hand", "finger", "thumb", "hip", "thigh", "knee", "leg", "ankle", "foot",
        "toe", "humerus", "radius", "ulna", "femur", "tibia", "fibula", "patella", "clavicle", "scapula",
    ]

    /// Whether two codes of one category name the same limb region or bone, or neighbouring spinal
    /// regions, in their official titles (or either title is not shipped, or names none).
    static func sameSite(_ a: String, _ b: String) -> Bool {
        let titles = ICD10Titles.shipped
        guard let ta = titles.title(of: a)?.lowercased(), let tb = titles.title(of: b)?.lowercased() else { return true }
        let (wa, wb) = (ta.split { !$0.isLetter }, tb.split { !$0.isLetter })
        let (la, lb) = (Set(wa.filter(limbs.contains)), Set(wb.filter(limbs.contains)))
        if !la.isEmpty, !lb.isEmpty, la != lb { return false }
        let (ra, rb) = (wa.compactMap(spine.firstIndex), wb.compactMap(spine.firstIndex))
        guard let x = ra.first, let y = rb.first else { return true }
        return abs(x - y) <= 1
    }
}

/// The wrong diagnosis codes of one keyed diagnosis, by how they are wrong.
struct DiagnosisDistractors {
    /// The same condition on the other side (the own code of the opposite side sharing the most characters).
    var counterpart: PooledDiagnosis?
    /// The further codes' counterparts on the other side, for a key of several codes (`nil` where none).
    var alsoCounterparts: [PooledDiagnosis?]
    /// Plausible codes of the key's side or unsided, same category first, then related conditions.
    var ranked: [PooledDiagnosis]
    /// The file's other diagnoses of this side (or unsided) that a different pathology result
    /// would give, when the key's own result decides (K31.7, a hyperplastic polyp, beside D13.1, a
    /// gastric adenoma; R59.0 beside C81.11): the nearest wrong value of a code set's diagnosis.
    var results: [PooledDiagnosis] = []

    /// How many options a `diagnosis` question can offer besides the key.
    var count: Int { (counterpart == nil ? 0 : 1) + ranked.count }
    /// How many wrong diagnoses a code set can offer (the pathology alternatives too).
    var codeSetCount: Int { count + results.count }

    /// `procedure` is the file of `d`: a wrong code of another category whose own words the note
    /// also writes (polyps removed from the sinus, for a J33.8 beside a chronic sinusitis key) is not
    /// offered, since it could not be called "a different condition from the one documented".
    /// Whether `wrong` is `key`'s own code with a later encounter's 7th character (D, G, K, P, S…)
    /// where `key` is an active-treatment one (A, B, C). An operation or an emergency visit on the day
    /// of the injury is active treatment on its face: a subsequent-care or sequela option is filler a
    /// student rules out at once (instructor reviews 30841, 61847 and 23509: S62.025S, S21.311D,
    /// T16.1XXD beside a fresh injury). The trap runs the other way, an initial code for a later visit.
    static func isLaterEncounter(_ wrong: String, of key: String) -> Bool {
        guard wrong.count == 7, key.count == 7, let k = key.last, "ABC".contains(k), let w = wrong.last, !"ABC".contains(w)
        else { return false }
        return wrong.utf8.dropLast().elementsEqual(key.utf8.dropLast())
    }

    init(_ d: Diagnosis, code: String, key: Int, pool: [PooledDiagnosis], owner: ProcedureID, procedure: Procedure) {
        let also = d.also.map(\.normalizedCode)
        let note = ConditionWords.documented(d, in: procedure)
        let named = ConditionWords.of(([d.text] + d.also.map(\.text)).joined(separator: " "))
        // Only codes of another category are called "a different condition"; a code of the same
        // category differs in a word of its title, and the note's anatomy (a cecum mobilized for a
        // transverse colon cancer) says nothing of it.
        // Never a code whose own words the note denies (“with foreign body” where the note finds no
        // foreign body; a lymphoma where the pathology found none).
        // A code of the key's own category that differs only by its “with …” element (K21.00, GERD
        // with esophagitis, beside K21.9 where the note finds no esophagitis) stays: reading that
        // denial is the coding decision, and its rationale says the note denies it.
        let denied = ConditionWords.denied(d, in: procedure)
        let keyTitle = ICD10Titles.shipped.title(of: code) ?? d.text
        func contradicted(_ w: PooledDiagnosis) -> Bool {
            !denied.isEmpty && !DiagnosisTitles.differsOnlyByWithElement(w.code, from: code)
                && ConditionWords.isContradicted(ICD10Titles.shipped.title(of: w.code) ?? w.text, key: keyTitle, denied: denied)
        }
        // Never a code the patient cannot have (a male genital disease for a woman, a newborn code
        // for an adult, a pregnancy code for a man or a child): `PatientPlausibility`.
        let plausible = pool.filter {
            $0.key != key && !$0.isAlso && !also.contains($0.code) && $0.isPlausible(for: code)
                && ($0.code.prefix(3) == code.prefix(3) || !ConditionWords.isDocumented($0.text, besides: named, in: note))
                && !contradicted($0) && PatientPlausibility.allows($0.code, for: procedure.patient)
                && !Self.isLaterEncounter($0.code, of: code)
        }
        if let result = d.pathology {
            results = pool.filter { w in
                guard w.owner == owner, w.sameFile, !w.isAlso, w.key != key, w.code != code, !also.contains(w.code),
                    w.side == nil || d.side == nil || w.side == d.side, !contradicted(w)
                else { return false }
                return procedure.diagnoses.contains { $0.normalizedCode == w.code && $0.pathology != nil && $0.pathology != result }
            }
        }
        func opposite(of code: String, further: Bool) -> PooledDiagnosis? {
            guard let side = d.side, side != .bilateral else { return nil }
            let other: Side = side == .right ? .left : .right
            var best = 2
            var found: PooledDiagnosis?
            // Only a code whose title differs from `code`'s in its side words alone: a right-eye glaucoma
            // of another stage is not "the same condition on the other side" (instructor review 23509,
            // H40.1111 beside H40.1122).
            for candidate in pool
            where candidate.owner == owner && candidate.side == other && (further || !candidate.isAlso)
                && (candidate.code == code || DiagnosisTitles.difference(candidate.code, from: code) == "laterality")
            {
                let shared = zip(candidate.code.utf8, code.utf8).prefix { $0 == $1 }.count
                if shared > best {
                    best = shared
                    found = candidate
                }
            }
            return found
        }
        // A code without laterality written once per side (M65.4, de Quervain's, so that each side has
        // its own sided trap) has no other-side code: the same code is no distractor of itself.
        let counterpart = opposite(of: code, further: false).flatMap { $0.code == code ? nil : $0 }
        let alsoCounterparts = also.map { opposite(of: $0, further: true) }
        self.counterpart = counterpart
        self.alsoCounterparts = alsoCounterparts
        let others = Set(alsoCounterparts.compactMap { $0?.code })
        // The author's traps (a sibling of another specificity, the sign for the definitive
        // diagnosis, a status code beside an aftercare code) come first, each with what the note
        // would have to say for it; the pool's heuristics only fill what they leave (instructor
        // reviews 38266, 15802, 64437: filler siblings such as K83.4 beside K83.1, O68 beside a
        // failed trial of labor).
        let authored: [PooledDiagnosis] = d.traps.compactMap { t in
            let c = t.normalizedCode
            guard c != code, !also.contains(c), c != counterpart?.code, !others.contains(c),
                PatientPlausibility.allows(c, for: procedure.patient), !Self.isLaterEncounter(c, of: code)
            else { return nil }
            let title = ICD10Titles.shipped.title(of: c) ?? t.when
            var w = PooledDiagnosis(
                code: c, dotted: ICD10.dotted(c), text: title, key: TextKey.of(title), side: DiagnosisTitles.side(of: title),
                owner: owner, sameFile: true)
            w.trapWhen = t.when
            return w
        }
        let authoredCodes = Set(authored.map(\.code))
        // Codes of the other side stay out of the rest: one laterality option teaches the side.
        var rest = plausible.filter {
            $0.code != counterpart?.code && !others.contains($0.code) && ($0.side == nil || $0.side == d.side || d.side == nil)
                && !authoredCodes.contains($0.code)
        }
        // For a key without a side, never one other condition's right and left codes both (L02.411
        // and L02.412 for a pilonidal abscess, instructor review 45217): a student drops the pair at
        // once. The first of the pair stays (the pool's order: the file, the family, the table).
        if d.side == nil {
            var seen: Set<String> = []
            rest = rest.filter { w in DiagnosisTitles.withoutSide(w.code).map { seen.insert($0).inserted } ?? true }
        }
        let category = code.prefix(3)
        let near = rest.filter { !$0.isSibling }
        var same = near.filter { $0.code.hasPrefix(category) }
        // A category short of two wrong codes is filled from its other codes, the library's and then
        // the official table's (billable siblings with their official titles): one axis away from the
        // key (specificity, laterality, a with/without element, the encounter) or with a title naming
        // the words that differ, and not written by this note (then the note would support it too);
        // one axis first, then the nearest code, the library's before the table's.
        // The fill also reaches the three wrong codes a question needs when nothing else can.
        let target = max(2, 3 - near.count + same.count - (counterpart == nil ? 0 : 1))
        if same.count < target {
            let keyWords = named.union(ConditionWords.of(ICD10Titles.shipped.title(of: code) ?? ""))
            let siblings = rest.filter { w in
                // Content codes are billable (the linter rejects header codes), and official
                // siblings are billable by construction (`ICD10Titles.siblings(of:)`).
                guard w.isSibling, w.code.hasPrefix(category), let title = ICD10Titles.shipped.title(of: w.code) else { return false }
                let namesWords =
                    DiagnosisTitles.difference(w.code, from: code).contains("“") || DiagnosisTitles.isLessSpecific(w.code, than: code)
                // An official sibling only when it is a named axis away or the unspecified form or a
                // one-word swap (K21.00 beside K21.9, E86.1 beside E86.0); a code merely one character
                // off (R50.2, drug-induced fever, beside R50.9; N17.0 beside N17.9) is a condition the
                // note never raises, filler a student rules out at once (instructor reviews 15473, 93817).
                guard !w.isOfficial || DiagnosisTitles.axisRank(w.code, from: code) >= 2 else { return false }
                return (namesWords || DiagnosisTitles.isOneAxis(w.code, from: code))
                    && !ConditionWords.isDocumented(title, besides: keyWords, in: note)
            }
            func rank(_ w: PooledDiagnosis) -> Int {
                100 * DiagnosisTitles.axisRank(w.code, from: code) + 2 * zip(w.code, code).prefix { $0 == $1 }.count
                    + (w.isOfficial ? 0 : 1)
            }
            let nearest = siblings.enumerated().sorted { (rank($0.element), -$0.offset) > (rank($1.element), -$1.offset) }.map(
                \.element)
            same += nearest.prefix(target - same.count)
        }
        // A later encounter's key (D, a cast change during routine healing) always meets its own
        // initial-encounter code: choosing A for every visit is the 7th-character mistake students
        // make (instructor review 23509: S52.531D without S52.531A).
        if code.count == 7, let last = code.last, !"ABC".contains(last) {
            let initial = code.dropLast() + "A"
            if let k = same.firstIndex(where: { $0.code == initial }) {
                same.insert(same.remove(at: k), at: 0)
            } else if let w = rest.first(where: { $0.code == initial }) {
                same.insert(w, at: 0)
            }
        }
        // Same category one axis away first, a named axis (side, with/without, encounter) before the
        // unspecified form or another character (the file's order kept within each group).
        let axes = same.map { DiagnosisTitles.axisRank($0.code, from: code) }
        same = (0...3).reversed().flatMap { r in zip(same, axes).filter { $0.1 == r }.map(\.0) }
        ranked = authored + same + near.filter { !$0.code.hasPrefix(category) }
    }
}

/// The words of a condition as a note writes them, for asking whether a note documents it: lower
/// case, plurals folded ("sinuses" → "sinus", "polyps" → "polyp"), without small, side and encounter words.
enum ConditionWords {
    private static let small: Set<Substring> = [
        "of", "the", "a", "an", "and", "or", "with", "without", "in", "on", "to", "for", "at", "by", "right", "left",
        "bilateral", "unspecified", "other", "due", "not", "elsewhere", "classified", "eye", "ear", "post", "pre",
        "initial", "encounter", "one", "side", "is", "was", "were", "are", "as", "from", "into", "no",
    ]

    /// The condition words of `text`.
    static func of(_ text: String) -> Set<String> {
        var result: Set<String> = []
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where !small.contains(word) {
            var w = String(word)
            if w.hasSuffix("ies"), w.count > 4 {
                w = String(w.dropLast(3)) + "y"
            } else if w.hasSuffix("uses") || w.hasSuffix("sses") || w.hasSuffix("xes") {
                w.removeLast(2)
            } else if w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") {
                w.removeLast()
            }
            result.insert(w)
        }
        return result
    }

    /// Whether `words` holds `word`, or a word of five letters or more that the other extends by at
    /// most four letters ("polyp" and "polyposis", "adenoma" and "adenomatous"; never an "-itis":
    /// a sinus is not a sinusitis).
    static func contains(_ words: Set<String>, _ word: String) -> Bool {
        if words.contains(word) { return true }
        return words.contains { other in
            let (short, long) = other.count < word.count ? (other, word) : (word, other)
            guard short.count >= 5, long.count - short.count <= 4, long.hasPrefix(short) else { return false }
            return !long.dropFirst(short.count).hasPrefix("itis")
        }
    }

    /// The words that mark a sentence as a denial.
    private static let denials: Set<Substring> = ["no", "not", "without", "negative", "never"]

    /// The steps, findings, PROCEDURE and SPECIMENS lines and pathology result of a note of
    /// `procedure` keyed on `d`, one sentence at a time.
    private static func sentences(_ d: Diagnosis, in procedure: Procedure, diagnosisLines: Bool) -> [Substring] {
        var texts =
            procedure.steps.map(\.text) + procedure.findings + (procedure.report?.procedure ?? [])
            + [procedure.report?.specimen, d.pathology].compactMap { $0 }
        if diagnosisLines { texts += [d.text, d.preop].compactMap { $0 } }
        return texts.flatMap { $0.split(whereSeparator: { $0 == "." || $0 == ";" }) }
    }

    /// What a note of `procedure` keyed on `d` writes besides its diagnosis lines: the steps, the
    /// findings, the PROCEDURE and SPECIMENS lines and the pathology result, without the sentences
    /// that deny something ("no subperiosteal abscess": a condition ruled out is not documented).
    static func documented(_ d: Diagnosis, in procedure: Procedure) -> Set<String> {
        var words: Set<String> = []
        for sentence in sentences(d, in: procedure, diagnosisLines: false) {
            let lowered = sentence.lowercased()
            if lowered.split(whereSeparator: { !$0.isLetter }).contains(where: denials.contains) { continue }
            words.formUnion(of(String(sentence)))
        }
        return words
    }

    /// What a note of `procedure` keyed on `d` denies, its diagnosis lines included: the words after
    /// a denial word ("no foreign body", "without foreign body", "no lymphoma or carcinoma").
    static func denied(_ d: Diagnosis, in procedure: Procedure) -> Set<String> {
        var words: Set<String> = []
        for sentence in sentences(d, in: procedure, diagnosisLines: true) {
            let tokens = sentence.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            guard let at = tokens.firstIndex(where: denials.contains) else { continue }
            words.formUnion(of(tokens[(at + 1)...].joined(separator: " ")))
        }
        return words
    }

    /// The sentence of a note of `procedure` keyed on `d` (its diagnosis lines included) that denies
    /// what the “with …” element of `title` names ("gastroesophageal reflux disease without
    /// esophagitis" for K21.00), or `nil` when none does.
    static func denial(of title: String, d: Diagnosis, in procedure: Procedure) -> String? {
        let lowered = title.lowercased()
        guard let range = lowered.range(of: " with ") else { return nil }
        let rest = lowered[range.upperBound...]
        let end =
            [rest.range(of: " of "), rest.range(of: ","), rest.range(of: " without ")].compactMap { $0?.lowerBound }.min() ?? rest.endIndex
        let element = of(String(rest[..<end]))
        guard !element.isEmpty else { return nil }
        for sentence in sentences(d, in: procedure, diagnosisLines: true) {
            let tokens = sentence.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            guard let at = tokens.firstIndex(where: denials.contains) else { continue }
            if element.isSubset(of: of(tokens[(at + 1)...].joined(separator: " "))) {
                return sentence.trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// Whether a wrong code's official `title` says what the note denies (`denied`): a word that
    /// sets it apart from the key's title, or everything its “with …” element names (S51.842A,
    /// “puncture wound with foreign body”, where the note finds no foreign body), unless the key's
    /// title names that element too.
    static func isContradicted(_ title: String, key keyTitle: String, denied: Set<String>) -> Bool {
        let keyWords = of(keyTitle)
        if of(title).contains(where: { !keyWords.contains($0) && denied.contains($0) }) { return true }
        func withElement(_ t: String) -> Set<String>? {
            let lowered = t.lowercased()
            guard let range = lowered.range(of: " with ") else { return nil }
            let rest = lowered[range.upperBound...]
            let end =
                [rest.range(of: " of "), rest.range(of: ","), rest.range(of: " without ")].compactMap { $0?.lowerBound }.min()
                ?? rest.endIndex
            let words = of(String(rest[..<end]))
            return words.isEmpty ? nil : words
        }
        guard let element = withElement(title), element.isSubset(of: denied) else { return false }
        return withElement(keyTitle) != element
    }

    /// Whether the note (`note`) writes every word of the condition `text` that the keyed
    /// diagnosis (`named`) does not: then the note documents that condition too.
    static func isDocumented(_ text: String, besides named: Set<String>, in note: Set<String>) -> Bool {
        let own = of(text).filter { !contains(named, $0) }
        return !own.isEmpty && own.allSatisfy { contains(note, $0) }
    }
}

/// An ICD-10-PCS code of some procedure, ready to be offered as an option.
struct PooledPCS: Sendable {
    var code: String
    var side: Side?
    /// The procedure that lists it.
    var owner: ProcedureID
}

/// A step (or an indication) of some procedure in the library.
struct StepRef: Sendable, Hashable {
    /// The procedure.
    var procedure: ProcedureID
    /// Step (or indication) index.
    var step: Int
}

/// Everything about one procedure that question generation needs, computed once per library.
///
/// Immutable once built (every stored property is a `let` of a `Sendable` type, which the compiler
/// checks); a class only so that generation reads an entry without copying its dozens of arrays.
/// The one thing written later, the options and rationales (`choices(orMake:)`), sits behind a
/// `Mutex`: questions of one library may be generated on several threads.
final class ProcedureEntry: Sendable {
    let procedure: Procedure
    /// The family, or a key unique to the code when it has none.
    let familyKey: String
    /// Content-word ids of all steps.
    let words: [Int]
    /// Content-word ids of each step.
    let stepWords: [[Int]]
    /// Per step: may appear in a scenario stem (it names no library code and not the title).
    let narratable: [Bool]
    /// Per step: the sentence lower-cased after a connective, when its first word allows it.
    let loweredSteps: [String?]
    /// Per step: the text as a sentence.
    let stepSentences: [String]
    /// Per step: the interned lower-cased text, for comparing steps.
    let stepKeys: [Int]
    /// Per diagnosis: the normalised code, the dotted code and the interned lower-cased text.
    let diagnosisCodes: [DiagnosisCode]
    /// Per indication: capitalised and ending in a full stop, for stems and options.
    let indicationSentences: [String]
    /// Per indication: the interned lower-cased text, for comparing indications.
    let indicationKeys: [Int]
    /// A key step (else the first step) quoted, to say what this procedure's note would contain.
    let exampleStep: String?
    /// This procedure's clauses, in content-file order.
    let clauses: [ClauseID]
    /// Clauses that lead to this procedure.
    let clausesTo: [ClauseID]
    /// What a procedure report of this procedure says besides the steps.
    let report: ReportMaterial
    /// Per step: it says "then" itself or opens with "After", so no connective goes before it
    /// (never "After that, after heparin was given").
    let thenSteps: [Bool]
    /// Stem material: usable indications, `rules_out` sentences, narration plans.
    let stem: StemMaterial
    /// Ranked neighbour codes and procedures of other families.
    let neighbours: Neighbours
    /// Wrong options: foreign steps and indications, wrong findings, code pools.
    let candidates: Candidates
    /// Available question kinds, in `QuestionKind.generated` order.
    let kinds: [QuestionKind]
    /// Why each unavailable kind is unavailable.
    let missing: [QuestionKind: String]
    /// `Procedure.sideModifier(for:)` for right, left and both sides: a call on `procedure` copies
    /// the whole struct (the method is in another module), retaining every field.
    private let sideModifiers: [String]
    /// Whether the file lists an anatomic modifier (F6, T2, E1…), read per option by code sets.
    let listsAnatomicModifier: Bool
    /// The modifiers whose situation a `modifier` question can tell, in file order, with where the
    /// twist goes (`ProcedureReading.twistPlacement`, which lower-cased steps when found per
    /// question) and the wrong options.
    let twists: [ModifierTwist]
    /// The inclusions with a code whose step the report can tell, and the additions with a note
    /// (the ones a code set or bundling report may document), in file order: filtered here rather
    /// than per question.
    let toldInclusions: [Inclusion]
    let toldAdditions: [Addition]
    /// What a `bundling` question says that depends on the procedure only (its rationale's
    /// sentences, its wrong decisions' reasons), written here rather than per question.
    let bundlingText: BundlingText
    /// Options and rationales, written on the first question of this procedure: read without a
    /// lock once written; the mutex only keeps two first askers from making them twice.
    private let preparedChoices = AtomicLazyReference<SharedChoices>()
    private let making = Mutex(())

    init(
        reading: ProcedureReading, clauses: [ClauseID], clausesTo: [ClauseID], stem: StemMaterial, neighbours: Neighbours,
        candidates: Candidates, availability: KindAvailability
    ) {
        procedure = reading.procedure
        familyKey = reading.familyKey
        words = reading.words
        stepWords = reading.stepWords
        narratable = reading.narratable
        loweredSteps = reading.loweredSteps
        stepSentences = reading.stepSentences
        stepKeys = reading.stepKeys
        diagnosisCodes = reading.diagnosisCodes
        indicationSentences = reading.indicationSentences
        indicationKeys = reading.indicationKeys
        exampleStep = reading.exampleStep
        report = reading.report
        thenSteps = reading.stepSentences.map { $0.contains(" then ") || $0.hasPrefix("After ") }
        self.clauses = clauses
        self.clausesTo = clausesTo
        self.stem = stem
        self.neighbours = neighbours
        self.candidates = candidates
        kinds = availability.kinds
        missing = availability.missing
        sideModifiers = [Side.right, .left, .bilateral].map(reading.procedure.sideModifier)
        listsAnatomicModifier = reading.procedure.modifiers.contains { AnatomicModifier.named[$0.modifier] != nil }
        let toldInclusions = reading.procedure.inclusions.filter { $0.code != nil && $0.step.map { reading.narratable[$0 - 1] } == true }
        let toldAdditions = reading.procedure.additions.filter { $0.note != nil }
        self.toldInclusions = toldInclusions
        self.toldAdditions = toldAdditions
        bundlingText = BundlingText(reading.procedure, included: toldInclusions, additions: toldAdditions)
        twists = reading.procedure.modifiers.compactMap { use in
            ProcedureReading.twistPlacement(use, reading.procedure, reading.narratable).map {
                ModifierTwist(use, placement: $0, reading.procedure)
            }
        }
    }

    /// The modifier that reports this procedure on `side` (`Procedure.sideModifier(for:)`).
    func sideModifier(for side: Side) -> String {
        switch side {
        case .right: sideModifiers[0]
        case .left: sideModifiers[1]
        case .bilateral: sideModifiers[2]
        }
    }

    var code: String { procedure.code }
    /// `code (title)`.
    var named: String { procedure.code + " (" + procedure.title + ")" }

    // Stage fields read by generation, by their names.
    var stemIndications: [Int] { stem.stemIndications }
    var rulesOut: [String] { stem.rulesOut }
    var contrastIndications: [[Int]] { stem.contrastIndications }
    var diagnosisReasons: [String] { stem.diagnosisReasons }
    var decidingSteps: String { stem.decidingSteps }
    var sides: [Side] { stem.sides }
    var plan: NarrationPlan { stem.plan }
    var contrastPlans: [NarrationPlan] { stem.contrastPlans }
    var codeNeighbours: [ProcedureID] { neighbours.codeNeighbours }
    var familyCount: Int { neighbours.familyCount }
    var mustCount: Int { neighbours.mustCount }
    var otherFamilies: [ProcedureID] { neighbours.otherFamilies }
    var clauseCandidates: [ClauseID] { candidates.clauseCandidates }
    var askableClauses: [ClauseID] { candidates.askableClauses }
    var pcsPool: [PooledPCS] { candidates.pcsPool }
    var diagnosisPool: [PooledDiagnosis] { candidates.diagnosisPool }
    var codableDiagnoses: [Int] { candidates.codableDiagnoses }

    /// The options and rationales, made by `make` on first use: most procedures of a library get
    /// no question in a given session, so start-up does not write them all. `make` runs under the
    /// lock, so two threads asking at once get the same value and it is made once; later reads take
    /// no lock and copy nothing but one reference (copying the struct out of a `Mutex` per question
    /// was 2–3 % of generation time in a `perf` profile of the generator benchmark).
    func choices(orMake make: () -> PreparedChoices) -> SharedChoices {
        if let prepared = preparedChoices.load() { return prepared }
        return making.withLock { _ in
            preparedChoices.load() ?? preparedChoices.storeIfNil(SharedChoices(make()))
        }
    }
}

/// A diagnosis code in its three forms.
struct DiagnosisCode: Sendable {
    /// Normalised (`M1611`).
    var code: String
    /// Dotted, as shown (`M16.11`).
    var dotted: String
    /// The interned lower-cased text.
    var key: Int
}

/// Integer keys for texts, so that "the same text" is an integer comparison.
enum TextKey {
    /// The key of `text` compared case-insensitively (a 64-bit hash of its lower-cased form).
    static func of(_ text: String) -> Int { TextWords.id(of: text.lowercased()) }
}

/// How many ranked candidates are kept per procedure; generation samples from the first few.
let neighbourLimit = 12

/// The per-procedure indexes of a library, built in value stages: each stage is one `parallelMap`
/// over the procedures that reads only the results of earlier stages and returns a value per
/// procedure, so no stage shares anything mutable with another thread.
///
/// 1. `ProcedureReading`: what needs no other procedure (words, phrases, keys, sentences).
/// 2. Clauses: contrasts naming a library code (sequential; cheap).
/// 3. `StemMaterial`: stem sentences that do not leak a neighbouring code's clause.
/// 4. `Neighbours`: ranked distractor codes and other families.
/// 5. `Candidates`: foreign steps and indications, wrong findings, code pools.
/// 6. `KindAvailability`: which kinds each procedure can have, and why not.
struct LibraryIndex: Sendable {
    let entries: [ProcedureEntry]
    let clauses: [Clause]
    let byPrefix: [String: ProcedureID]
    /// Code → procedure (the first by path).
    let byCode: [String: ProcedureID]

    /// The entry of procedure `id`.
    subscript(_ id: ProcedureID) -> ProcedureEntry { entries[id.rawValue] }
    /// Clause `id`.
    subscript(_ id: ClauseID) -> Clause { clauses[id.rawValue] }
    /// Every procedure id, in index order.
    var ids: [ProcedureID] { entries.indices.map(ProcedureID.init) }

    init(procedures input: [Procedure]) {
        // One procedure per item prefix: the first by path wins (the linter reports duplicates).
        var seen: Set<String> = []
        let procedures = input.enumerated().sorted { ($0.element.path, $0.offset) < ($1.element.path, $1.offset) }
            .map(\.element).filter { seen.insert($0.itemPrefix).inserted }
        let ids = procedures.indices.map(ProcedureID.init)
        var byPrefix: [String: ProcedureID] = [:]
        var byCode: [String: ProcedureID] = [:]
        for (id, procedure) in zip(ids, procedures) {
            byPrefix[procedure.itemPrefix] = id
            if byCode[procedure.code] == nil { byCode[procedure.code] = id }
        }
        let mentionsCode = CodeMentions(procedures)

        // 1. Everything about one procedure that needs no other procedure.
        let readings = procedures.parallelMap { ProcedureReading(reading: $0, mentionsCode: mentionsCode) }

        // 2. Clauses: contrasts naming a library code, first per (from, to).
        var clauses: [Clause] = []
        var own = [[ClauseID]](repeating: [], count: procedures.count)
        var leadingTo = [[ClauseID]](repeating: [], count: procedures.count)
        for from in ids {
            var targets: Set<ProcedureID> = []
            for (contrast, text) in zip(procedures[from.rawValue].contrasts, readings[from.rawValue].contrastTexts) {
                guard let to = byCode[contrast.code], to != from, targets.insert(to).inserted else { continue }
                let id = ClauseID(rawValue: clauses.count)
                clauses.append(
                    Clause(
                        from: from, to: to, when: text.when, rulesOut: text.rulesOut, option: text.option,
                        rulesOutQuote: text.rulesOutQuote,
                        key: text.key, phrases: text.phrases, rulesOutPhrases: text.rulesOutPhrases))
                own[from.rawValue].append(id)
                leadingTo[to.rawValue].append(id)
            }
        }
        let linked = Links(readings: readings, clauses: clauses, own: own, leadingTo: leadingTo, codes: Set(byCode.keys))

        // 3. Stem material; then the clauses whose `rules_out` sentence may not be quoted lose it.
        let stems = ids.parallelMap { StemMaterial(linked, $0, mentionsCode: mentionsCode) }
        for id in ids {
            for (clause, usable) in zip(own[id.rawValue], stems[id.rawValue].usableRulesOut) where !usable {
                clauses[clause.rawValue].rulesOut = nil
                clauses[clause.rawValue].rulesOutQuote = nil
            }
        }
        // 4–6. Neighbours, candidates, kinds (none of them reads `rulesOut`).
        let neighbours = ids.parallelMap { Neighbours(linked, $0) }
        let candidates = ids.parallelMap { Candidates(linked, $0, neighbours: neighbours[$0.rawValue]) }
        let entries = ids.map { id in
            let i = id.rawValue
            return ProcedureEntry(
                reading: readings[i], clauses: own[i], clausesTo: leadingTo[i], stem: stems[i], neighbours: neighbours[i],
                candidates: candidates[i],
                availability: KindAvailability(readings[i], clauses: own[i], neighbours: neighbours[i], candidates: candidates[i]))
        }
        self.entries = entries
        self.clauses = clauses
        self.byPrefix = byPrefix
        self.byCode = byCode
    }

    /// Wrong findings for the contrast `clause` of procedure `i`: other clauses that do not lead to
    /// the same code and do not say the same thing, in rank order.
    func wrongFindings(_ i: ProcedureID, for clause: ClauseID) -> [ClauseID] {
        Self.wrongFindings(among: self[i].clauseCandidates, for: clause, clauses: clauses)
    }

    static func wrongFindings(among candidates: [ClauseID], for clause: ClauseID, clauses: [Clause]) -> [ClauseID] {
        let right = clauses[clause.rawValue]
        var keys = [right.key]
        var targets = [right.to]
        // Never the finding that defines the current code itself (it is what the note already shows),
        // and one finding per target code, so no two options say the same thing in other words.
        return candidates.filter { id in
            let c = clauses[id.rawValue]
            guard !targets.contains(c.to), c.to != right.from, !keys.contains(c.key) else { return false }
            keys.append(c.key)
            targets.append(c.to)
            return true
        }
    }
}

/// A wrong finding of a `contrast` question: another clause of the library, or an alternative
/// outside it that the file describes (its index in `Neighbours.described`).
enum WrongFinding: Hashable, Sendable {
    case clause(ClauseID)
    case described(Int)
}

extension LibraryIndex {
    /// The wrong findings a `contrast` question for `clause` offers, best first: the asking
    /// procedure's other alternatives, the described ones, then the family's findings
    /// (`wrongFindings`), one per text. Never two findings that together make the key (a key of
    /// "only the tonsils, in a child under 12" beside "only the tonsils" and "younger than 12": the
    /// lower-ranked one goes). When the key leads out of the family (11402 → a punch biopsy), the
    /// findings that also lead out of it come first, so the key is not the only option that leaves
    /// the family's series. Among the first four, at least two findings are about as long as the
    /// key when the list has them, so the longest and most qualified option is not always the key.
    static func contrastFindings(
        for clause: ClauseID, among candidates: [ClauseID], described: [Contrast], clauses: [Clause],
        authored: [String], code: (ProcedureID) -> String,
        family: (ProcedureID) -> String, patient: (ProcedureID) -> PatientProfile
    ) -> [WrongFinding] {
        let right = clauses[clause.rawValue]
        let found = wrongFindings(among: candidates, for: clause, clauses: clauses)
        let own = found.filter { clauses[$0.rawValue].from == right.from }
        let others = found.filter { clauses[$0.rawValue].from != right.from }
        func text(_ w: WrongFinding) -> String {
            switch w {
            case .clause(let id): clauses[id.rawValue].option
            case .described(let k): Wording.capitalized(Wording.clause(described[k].when))
            }
        }
        let home = family(right.from)
        func leavesFamily(_ w: WrongFinding) -> Bool {
            switch w {
            case .clause(let id): family(clauses[id.rawValue].to) != home
            case .described: true
            }
        }
        var texts: Set<String> = [right.option.lowercased()]
        var ranked = (own.map(WrongFinding.clause) + described.indices.map(WrongFinding.described) + others.map(WrongFinding.clause))
            .filter { texts.insert(text($0).lowercased()).inserted }
        // A finding leading to a code whose patients' ages do not overlap this code's (36557, a child's
        // tunneled line, in an adult's 36556 question) comes after those that fit any such patient.
        let ages = patient(right.from)
        func fitsAge(_ w: WrongFinding) -> Bool {
            guard case .clause(let id) = w else { return true }
            let other = patient(clauses[id.rawValue].to)
            return other.maximumAge >= ages.minimumAge && other.minimumAge <= ages.maximumAge
        }
        ranked = ranked.filter(fitsAge) + ranked.filter { !fitsAge($0) }
        // No two findings that together make the key, and no finding that says what a better-ranked one
        // (or the key) says with a word or two more or less (36557's and 36558's tunneled catheter:
        // instructor review 63127): keep the better-ranked one of each such pair.
        let key = FindingWords(right.when)
        var kept: [(WrongFinding, FindingWords)] = []
        for w in ranked {
            let words = FindingWords(text(w))
            if words.repeats(key) { continue }
            if kept.contains(where: { key.isConjunction(of: $0.1, and: words) || words.repeats($0.1) }) { continue }
            kept.append((w, words))
        }
        // The findings that share most words with the key first (stable): a student must tell the key
        // from options in its own terms. Otherwise the key is the one option that names the complex
        // repair, the ultrasound or the pregnancy (instructor reviews 61847 and 23509: 13101 → 13121
        // beside simple and intermediate closures, 20604 → 20606 beside three landmark-guided ones).
        //
        // The asking code's own alternatives (and the described ones) come before other codes'
        // findings whatever their overlap: only of those can the rationale say which code this note
        // would become. Another code's finding, "the pathology shows a malignancy" from 11402 → 11602
        // in a cheek lesion's 11442 question, would make this note 11642, not 11602 (instructor review
        // 77291); such findings only fill what the file's own alternatives leave open.
        func isOwn(_ w: WrongFinding) -> Bool { Self.isOwn(w, of: right.from, clauses: clauses) }
        // One shared word is chance (“wound” in every repair finding), not the key's own terms: it
        // ranks nothing, and the file's order, nearest alternative first, decides (instructor review
        // 12983: 12001 → 12011 offered 12032, 13132 and 13101 for their “wound”, not 12002 or 12041).
        let overlap = kept.map { w -> Int in
            let shared = w.1.words.intersection(key.words).count
            return shared < 2 ? 0 : min(6, shared)
        }
        let leaving = family(right.to) != home
        let order = kept.map { (isOwn($0.0) ? 1 : 0, leaving && leavesFamily($0.0) ? 1 : 0) }
        ranked = kept.indices.sorted {
            (order[$0].0, order[$0].1, overlap[$0], -$0) > (order[$1].0, order[$1].1, overlap[$1], -$1)
        }.map { kept[$0].0 }
        // Two findings of comparable length among the first four, when there are any further down.
        let length = right.option.count
        func comparable(_ w: WrongFinding) -> Bool { text(w).count * 4 >= length * 3 }
        let lead = ranked.prefix(4)
        let missing = 2 - lead.filter(comparable).count
        if missing > 0 {
            // Never another code's finding in place of an own alternative.
            let othersLead = lead.contains { !isOwn($0) }
            let promoted = ranked.dropFirst(4).filter { comparable($0) && (othersLead || isOwn($0)) }.prefix(missing)
            if !promoted.isEmpty {
                // They replace the last of the four that are not comparable, keeping the rest in order.
                var head = Array(lead)
                var dropped: [WrongFinding] = []
                for _ in promoted {
                    guard let k = head.lastIndex(where: { !comparable($0) }) else { break }
                    dropped.insert(head.remove(at: k), at: 0)
                }
                let promotedSet = Set(promoted)
                ranked = head + promoted + dropped + ranked.dropFirst(4).filter { !promotedSet.contains($0) }
            }
        }
        // With three own alternatives, no other code's finding is offered at all (instructor reviews
        // 26535 and 89793: fracture-care findings in a splint question).
        if ranked.filter(isOwn).count >= 3 { ranked = ranked.filter(isOwn) }
        // The first of the file's own alternatives still offered (its nearest confusable code, in the
        // author's order) leads: every question offers the first finding, and the rationale calls it
        // "the nearest wrong finding" (instructor review 12983: 12032 was called the nearest for 12001
        // → 12011 because it shared a word with the key).
        // The described alternatives (outside the library) count in that order too: J1040's first
        // alternatives after the key's J1030 are J1020 and J2930, not the dexamethasone of J1100.
        func place(_ w: WrongFinding) -> Int? {
            switch w {
            case .clause(let id):
                let c = clauses[id.rawValue]
                return c.from == right.from ? authored.firstIndex(of: code(c.to)) : nil
            case .described(let k): return authored.firstIndex(of: described[k].code)
            }
        }
        if let k = ranked.indices.filter({ place(ranked[$0]) != nil }).min(by: { place(ranked[$0])! < place(ranked[$1])! }),
            k > 0
        {
            ranked.insert(ranked.remove(at: k), at: 0)
        }
        return ranked
    }

    /// Whether wrong finding `w` is the asking procedure `i`'s own (an alternative of its file, or a
    /// described one), not another code's finding.
    static func isOwn(_ w: WrongFinding, of i: ProcedureID, clauses: [Clause]) -> Bool {
        guard case .clause(let id) = w else { return true }
        return clauses[id.rawValue].from == i
    }
}

/// The words of a finding that carry its meaning (numbers count, small words do not), for telling
/// whether a key finding is just two other findings put together.
struct FindingWords {
    let words: Set<Int>

    private static let small = Set(Wording.stopWords.map(TextWords.id(of:)))

    /// The words that are amounts: with a digit (20, 125, 5th) or a number spelled out (five).
    let amounts: Set<Int>

    private static let spelled = Set(
        [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "single", "double", "both", "half", "first", "second", "third",
        ].map(TextWords.id(of:)))

    init(_ text: String) {
        words = Set(TextWords(text).ids.filter { !FindingWords.small.contains($0) })
        var amounts: Set<Int> = []
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            let id = TextWords.id(of: String(word))
            if word.contains(where: \.isNumber) || FindingWords.spelled.contains(id) { amounts.insert(id) }
        }
        self.amounts = amounts
    }

    /// Whether this finding and `other` say nearly the same: the words of the shorter (three or more)
    /// are all in the longer one, or all but one of five or more. Never when an amount differs: "the
    /// dose given is 20 mg" beside "… 40 mg" is the very choice between J1020 and J1030, which the
    /// one-word rule had dropped (J1040's contrast then offered dexamethasone and triamcinolone, and
    /// the key was the one methylprednisolone dose).
    func repeats(_ other: FindingWords) -> Bool {
        let (small, large) = words.count <= other.words.count ? (words, other.words) : (other.words, words)
        guard small.count >= 3 else { return false }
        guard amounts == other.amounts else { return false }
        let missing = small.subtracting(large).count
        return missing == 0 || (missing == 1 && small.count >= 5)
    }

    /// Whether `other` says all of this sentence's words (three or more) but at most one: one fact
    /// said twice, the second time with more.
    func restates(_ other: FindingWords) -> Bool {
        words.count >= 3 && words.subtracting(other.words).count <= 1 && other.words.count >= words.count
    }

    /// Whether this (key) finding is the conjunction of `a` and `b`: each says at least a third of it
    /// that the other does not, neither says three quarters of it alone, and together they do.
    func isConjunction(of a: FindingWords, and b: FindingWords) -> Bool {
        guard words.count >= 3 else { return false }
        let (fromA, fromB) = (words.intersection(a.words), words.intersection(b.words))
        let most = words.count * 3
        guard fromA.subtracting(fromB).count * 3 >= words.count, fromB.subtracting(fromA).count * 3 >= words.count,
            fromA.count * 4 < most, fromB.count * 4 < most
        else { return false }
        return fromA.union(fromB).count * 4 >= most
    }
}

/// Whether a text names a code of the library (a code, an ICD-10-PCS crosswalk or a diagnosis).
struct CodeMentions: Sendable {
    private let codes: Set<String>

    init(_ procedures: [Procedure]) {
        var codes: Set<String> = []
        for p in procedures {
            codes.insert(p.code.uppercased())
            for c in p.pcs { codes.insert(c.code.uppercased()) }
            for d in p.diagnoses {
                codes.insert(d.normalizedCode)
                for also in d.also { codes.insert(also.normalizedCode) }
            }
        }
        self.codes = codes
    }

    /// Codes are letters and digits, sometimes with a dot: compare runs of those, dots dropped.
    func callAsFunction(_ text: String) -> Bool {
        // Codes are ASCII: scan bytes, fold case, skip dots inside a word.
        var word: [UInt8] = []
        for byte in text.utf8 + [0x20] {
            switch byte {
            case 0x30...0x39, 0x41...0x5A: word.append(byte)
            case 0x61...0x7A: word.append(byte - 0x20)
            case 0x2E: continue
            default:
                if byte >= 0x80 {
                    word.append(byte)
                    continue
                }
                if !word.isEmpty {
                    if codes.contains(String(decoding: word, as: UTF8.self)) { return true }
                    word.removeAll(keepingCapacity: true)
                }
            }
        }
        return false
    }
}

/// Stage 1: everything about one procedure that needs no other procedure.
final class ProcedureReading: Sendable {
    let procedure: Procedure
    let familyKey: String
    /// `procedure.area`, read once: the neighbour ranking compares it for every pair of procedures.
    let area: String
    let words: [Int]
    let stepWords: [[Int]]
    let narratable: [Bool]
    let loweredSteps: [String?]
    let stepSentences: [String]
    let stepKeys: [Int]
    let diagnosisCodes: [DiagnosisCode]
    let indicationSentences: [String]
    let indicationKeys: [Int]
    let stepPhrases: [Set<Int>]
    let indicationPhrases: [Set<Int>]
    let exampleStep: String?
    /// The wording of each contrast, read before it is known whether its code is in the library.
    let contrastTexts: [ContrastText]
    /// What a report says besides the steps.
    let report: ReportMaterial

    init(reading p: Procedure, mentionsCode: CodeMentions) {
        let title = p.title.lowercased()
        let stepWords = p.steps.map { TextWords($0.text) }
        let indicationWords = p.indications.map(TextWords.init)
        procedure = p
        familyKey = p.family.map { "family:" + $0 } ?? "code:" + p.itemPrefix
        area = p.area
        words = TextWords.contentIDs(of: stepWords)
        self.stepWords = stepWords.map(\.contentIDs)
        narratable = p.steps.map { !mentionsCode($0.text) && !Wording.lowercasedContains($0.text, title) }
        loweredSteps = p.steps.map { Wording.lowercasedOpening($0.text).map(Wording.sentence) }
        stepSentences = p.steps.map { Wording.sentence($0.text) }
        stepKeys = p.steps.map { TextKey.of($0.text) }
        diagnosisCodes = p.diagnoses.map { DiagnosisCode(code: $0.normalizedCode, dotted: ICD10.dotted($0.code), key: TextKey.of($0.text)) }
        indicationSentences = p.indications.map { Wording.sentence(Wording.capitalized($0)) }
        indicationKeys = p.indications.map(TextKey.of)
        stepPhrases = stepWords.map(\.phrases)
        indicationPhrases = indicationWords.map(\.phrases)
        exampleStep = (p.steps.first(where: \.isKey) ?? p.steps.first).map { "“" + Wording.clause($0.text) + "”" }
        contrastTexts = p.contrasts.map(ContrastText.init)
        report = ReportMaterial(p, mentionsCode: mentionsCode.callAsFunction)
    }
}

/// The wording of one contrast.
struct ContrastText: Sendable {
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

/// Stages 1 and 2 together: what the later stages read.
struct Links: Sendable {
    let readings: [ProcedureReading]
    let clauses: [Clause]
    /// Per procedure: its clauses.
    let own: [[ClauseID]]
    /// Per procedure: the clauses leading to it.
    let leadingTo: [[ClauseID]]
    /// Every code of the library.
    let codes: Set<String>
    /// Every keyed ICD-10-CM code the library's procedures list, by category (`M16`), in path order:
    /// the same-category siblings a diagnosis question may add. The product ships official titles
    /// only for codes the content names, so a sibling is always a code some file lists.
    let diagnosesByCategory: [Substring: [PooledDiagnosis]]
    /// Every code some file lists as a further (`also`) code: never an official sibling to lead an option.
    let alsoCodes: Set<String>

    init(readings: [ProcedureReading], clauses: [Clause], own: [[ClauseID]], leadingTo: [[ClauseID]], codes: Set<String>) {
        self.readings = readings
        self.clauses = clauses
        self.own = own
        self.leadingTo = leadingTo
        self.codes = codes
        var byCategory: [Substring: [PooledDiagnosis]] = [:]
        var seen: Set<String> = []
        for (j, reading) in readings.enumerated() {
            for (k, d) in reading.procedure.diagnoses.enumerated() where seen.insert(reading.diagnosisCodes[k].code).inserted {
                let code = reading.diagnosisCodes[k]
                byCategory[code.code.prefix(3), default: []].append(
                    PooledDiagnosis(
                        code: code.code, dotted: code.dotted, text: d.text, key: code.key, side: d.side, owner: ProcedureID(rawValue: j),
                        sameFile: false, isSibling: true))
            }
        }
        diagnosesByCategory = byCategory
        alsoCodes = Set(readings.flatMap { $0.procedure.diagnoses.flatMap { $0.also.map(\.normalizedCode) } })
    }

    subscript(_ id: ProcedureID) -> ProcedureReading { readings[id.rawValue] }
    subscript(_ id: ClauseID) -> Clause { clauses[id.rawValue] }
    func clauses(of id: ProcedureID) -> [ClauseID] { own[id.rawValue] }
    func clauses(to id: ProcedureID) -> [ClauseID] { leadingTo[id.rawValue] }
    var ids: [ProcedureID] { readings.indices.map(ProcedureID.init) }

    /// Whether `j` is linked to `i` by a contrast in either direction.
    func linked(_ i: ProcedureID, _ j: ProcedureID) -> Bool {
        clauses(of: i).contains { self[$0].to == j } || clauses(to: i).contains { self[$0].from == j }
    }

    /// Every procedure linked to `i` by a contrast in either direction: `linked(i, _)` for the
    /// ranking's pass over the whole library, one set lookup instead of two clause scans.
    func linkedSet(_ i: ProcedureID) -> Set<ProcedureID> {
        var set: Set<ProcedureID> = []
        for id in clauses(of: i) { set.insert(self[id].to) }
        for id in clauses(to: i) { set.insert(self[id].from) }
        return set
    }
}

/// Stage 3: stem material — indications and `rules_out` sentences that name no code, not the
/// title, and quote no clause that leads to this procedure (unless its own steps say the same).
struct StemMaterial: Sendable {
    /// Indications that may appear in a scenario stem.
    let stemIndications: [Int]
    /// `rules_out` sentences usable in this procedure's stems, in contrast order.
    let rulesOut: [String]
    /// Per own clause: whether its `rules_out` sentence may be quoted.
    let usableRulesOut: [Bool]
    /// Per own clause: steps that may be narrated in its contrast stem.
    let contrastSteps: [[Bool]]
    /// Per own clause: indications that may open its contrast stem.
    let contrastIndications: [[Int]]
    /// Per diagnosis: its text capitalised and ending in a full stop, for stems.
    let diagnosisReasons: [String]
    /// Narration plan of scenario stems: the narratable key steps and other steps.
    let plan: NarrationPlan
    /// Per own clause: the narration plan of its contrast stem.
    let contrastPlans: [NarrationPlan]
    /// The key steps quoted, for the rationale of the right code.
    let decidingSteps: String
    /// Sides a scenario of this procedure may be on (empty when it is not sided).
    let sides: [Side]

    init(_ linked: Links, _ i: ProcedureID, mentionsCode: CodeMentions) {
        let reading = linked[i]
        let p = reading.procedure
        let title = p.title.lowercased()
        let phrasesOfStep = reading.stepPhrases
        let phrasesOfIndication = reading.indicationPhrases
        var stepPhrases: Set<Int> = []
        for phrases in phrasesOfStep { stepPhrases.formUnion(phrases) }
        var leaks: Set<Int> = []
        for id in linked.clauses(to: i) { leaks.formUnion(linked[id].phrases) }
        leaks.subtract(stepPhrases)
        func usable(_ text: String, _ phrases: Set<Int>) -> Bool {
            !mentionsCode(text) && !Wording.lowercasedContains(text, title) && phrases.isDisjoint(with: leaks)
        }
        let own = linked.clauses(of: i)
        stemIndications = p.indications.indices.filter { usable(p.indications[$0], phrasesOfIndication[$0]) }
        var rulesOut: [String] = []
        usableRulesOut = own.map { id in
            guard let sentence = linked[id].rulesOut, usable(sentence, linked[id].rulesOutPhrases) else { return false }
            rulesOut.append(sentence)
            return true
        }
        self.rulesOut = rulesOut
        contrastSteps = own.map { id in
            p.steps.indices.map { s in reading.narratable[s] && phrasesOfStep[s].isDisjoint(with: linked[id].phrases) }
        }
        diagnosisReasons = p.diagnoses.map { Wording.sentence(Wording.capitalized($0.text)) }
        let told = (p.report?.told ?? []).map { $0 - 1 }
        let quotes = p.contrasts.compactMap(\.rulesOut)
        plan = NarrationPlan(steps: p.steps, allowed: reading.narratable, told: told, quotes: quotes)
        contrastPlans = contrastSteps.map { NarrationPlan(steps: p.steps, allowed: $0, told: told, quotes: quotes) }
        let stemIndications = stemIndications
        contrastIndications = own.map { id in
            stemIndications.filter { phrasesOfIndication[$0].isDisjoint(with: linked[id].phrases) }
        }
        // A medication record is decided by the drug ordered and the amount given, not by how the
        // injection was given (its bold administration step).
        decidingSteps =
            p.layout == .medication
            ? "the drug the ORDER line names\(p.service.doses.isEmpty ? "" : " and the amount on the DOSE GIVEN line") (a drug code is chosen by the drug and its form\(p.service.doses.isEmpty ? "" : "; the dose sets its units"))"
            : p.steps.filter(\.isKey).map { "“" + Wording.clause($0.text) + "”" }.joined(separator: "; ")
        // A scenario's side comes from the side modifiers a code set carries (RT/LT or an anatomic one
        // such as F6; skin repairs have none),
        // and is one side: the steps narrate one operation, so a bilateral header would contradict them.
        sides = [Side.right, .left].filter { side in
            p.modifiers.contains { $0.side == side } || (p.system == .icd10pcs && p.pcs.contains { $0.side == side })
        }
    }
}

/// Stage 4: ranked neighbours.
struct Neighbours: Sendable {
    /// Ranked distractor codes of the same system: family first, then contrast-linked, same section,
    /// same area, the rest; each tier by step overlap.
    let codeNeighbours: [ProcedureID]
    /// How many of `codeNeighbours` are family members (they come first).
    let familyCount: Int
    /// How many of `codeNeighbours` are family members or contrast-linked codes (they come first).
    let mustCount: Int
    /// Ranked procedures of other families in the same area that are not contrast-linked (code pools).
    let otherFamilies: [ProcedureID]
    /// The alternatives outside the library the author described (`instead` with `describe`), in file order.
    let described: [Contrast]
    /// How many wrong codes a code question can offer: family members, alternatives in either
    /// direction and described alternatives — never a code of another family's site.
    var plausibleCodeCount: Int { mustCount + described.count }

    init(_ linked: Links, _ i: ProcedureID) {
        let me = linked[i]
        let p = me.procedure
        let area = me.area
        let linkedToMe = linked.linkedSet(i)
        // Step-word overlap, computed once for both rankings and only with the procedures either can
        // rank (the family, the linked codes, the same area): 0 for the rest, which both exclude.
        let overlaps = linked.readings.indices.map { j in
            let other = linked.readings[j]
            return other.area == area || other.familyKey == me.familyKey || linkedToMe.contains(ProcedureID(rawValue: j))
                ? Wording.overlap(me.words, other.words) : 0
        }
        let codeNeighbours = Self.rank(linked, i, limit: neighbourLimit, overlaps: overlaps) { j in
            let other = linked[j]
            guard other.procedure.system == p.system, other.procedure.code != p.code else { return nil }
            // Near-identical steps could make the neighbour correct too.
            if Wording.jaccard(shared: overlaps[j.rawValue], me.words.count, other.words.count) >= 0.9 { return nil }
            if other.familyKey == me.familyKey { return 0 }
            if linkedToMe.contains(j) { return 1 }
            // Never a code of another body system: a coder does not confuse a shoulder with a hip.
            guard other.area == area else { return nil }
            return other.procedure.section == p.section ? 2 : 3
        }
        self.codeNeighbours = codeNeighbours
        familyCount = codeNeighbours.prefix { linked[$0].familyKey == me.familyKey }.count
        mustCount = codeNeighbours.prefix { linked[$0].familyKey == me.familyKey || linkedToMe.contains($0) }.count
        var seen: Set<String> = [p.code]
        described = p.contrasts.filter { $0.describe != nil && !linked.codes.contains($0.code) && seen.insert($0.code).inserted }
        otherFamilies = Self.rank(linked, i, limit: neighbourLimit, overlaps: overlaps) { j in
            let other = linked[j]
            guard other.familyKey != me.familyKey, other.procedure.code != p.code, !linkedToMe.contains(j), other.area == area
            else { return nil }
            return other.procedure.section == p.section ? 0 : 1
        }
    }

    /// The best `limit` candidates by (tier, step overlap with `i` descending, code); `tier` returns
    /// `nil` to exclude. Overlap is computed only for tiers that can make the cut.
    private static func rank(_ linked: Links, _ i: ProcedureID, limit: Int, overlaps: [Int], tier: (ProcedureID) -> Int?) -> [ProcedureID] {
        var tiers: [(ProcedureID, Int)] = []
        var counts: [Int: Int] = [:]
        for raw in linked.readings.indices where raw != i.rawValue {
            let j = ProcedureID(rawValue: raw)
            if let t = tier(j) {
                tiers.append((j, t))
                counts[t, default: 0] += 1
            }
        }
        var cutoff = Int.max
        var total = 0
        for t in counts.keys.sorted() {
            total += counts[t]!
            if total >= limit {
                cutoff = t
                break
            }
        }
        let scored = tiers.filter { $0.1 <= cutoff }.map { j, t in (j, t, overlaps[j.rawValue]) }
            .sorted { a, b in
                if a.1 != b.1 { return a.1 < b.1 }
                if a.2 != b.2 { return a.2 > b.2 }
                return (linked[a.0].procedure.code, a.0) < (linked[b.0].procedure.code, b.0)
            }
        return scored.prefix(limit).map(\.0)
    }
}

/// Stage 5: the wrong options a procedure's questions draw from.
struct Candidates: Sendable {
    /// Ranked clauses that may serve as wrong findings for this procedure's `contrast` questions.
    let clauseCandidates: [ClauseID]
    /// Own clauses that have at least one wrong finding to go with them.
    let askableClauses: [ClauseID]
    /// Distinct ICD-10-PCS codes that may serve as wrong answers, ranked (own, family, neighbours).
    let pcsPool: [PooledPCS]
    /// Distinct ICD-10-CM codes (normalised) that may serve as wrong answers, ranked.
    let diagnosisPool: [PooledDiagnosis]
    /// Own diagnoses a `diagnosis` question may key: one side (the steps narrate one), with a wrong
    /// code to offer (plausible ones first, `PooledDiagnosis.isPlausible`).
    let codableDiagnoses: [Int]
    /// Per own diagnosis: how many wrong values a `code-set` diagnosis decision has.
    let codeSetDiagnosisValues: [Int]

    init(_ linked: Links, _ i: ProcedureID, neighbours: Neighbours) {
        // Wrong findings: own other contrasts, findings that lead here, then family and neighbours'.
        var candidates: [ClauseID] = []
        var taken: Set<ClauseID> = []
        func add(_ ids: [ClauseID]) {
            for id in ids where candidates.count < neighbourLimit + 4 && taken.insert(id).inserted { candidates.append(id) }
        }
        add(linked.clauses(of: i))
        add(linked.clauses(to: i))
        // Other procedures' findings only from the family: an appendix or gallbladder finding in a
        // hernia question misleads nobody, and neither does an alternative's own alternative (a hip
        // replacement finding in a hip fusion question: instructor reviews 91733 and 27718; 42 of 360
        // contrast items of seed 1 went, those with fewer than three findings of their own family).
        for j in neighbours.codeNeighbours.prefix(neighbours.familyCount) { add(linked.clauses(of: j)) }
        clauseCandidates = candidates
        // An exam question has four options: the right finding and three wrong ones (described
        // alternatives outside the library count), else no contrast for that alternative.
        // At least two of the three wrong findings are the file's own alternatives (another code's
        // finding only fills one place), and the alternative asked about is one of the file's first
        // four, the codes a coder really confuses with this one: 13101 → 12011 asks for the site, the
        // repair and the length to change at once, and the site alone then gives the answer
        // (instructor review 89793). Where none of the first four can be asked, any can.
        let contrasts = linked[i].procedure.contrasts
        let askable = linked.clauses(of: i).filter { id in
            let findings = LibraryIndex.contrastFindings(
                for: id, among: candidates, described: neighbours.described, clauses: linked.clauses,
                authored: contrasts.map(\.code), code: { linked[$0].procedure.code }, family: { linked[$0].familyKey },
                patient: { linked[$0].procedure.patient })
            return findings.count >= 3
                && findings.prefix(3).filter { LibraryIndex.isOwn($0, of: i, clauses: linked.clauses) }.count >= 2
        }
        let nearest = askable.filter { id in
            let target = linked[linked.clauses[id.rawValue].to].procedure.code
            return (contrasts.firstIndex { $0.code == target } ?? contrasts.count) < 4
        }
        askableClauses = nearest.isEmpty ? askable : nearest

        // Code pools: own codes first (the other side), then family, neighbours, other families.
        var pcs: [PooledPCS] = []
        var seenPCS: Set<String> = []
        for j in [i] + neighbours.codeNeighbours + neighbours.otherFamilies {
            for c in linked[j].procedure.pcs where seenPCS.insert(c.code).inserted {
                pcs.append(PooledPCS(code: c.code, side: c.side, owner: j))
            }
        }
        pcsPool = pcs
        // Diagnoses only from the same file, the family and the alternatives: the same site.
        var diagnoses: [PooledDiagnosis] = []
        var seenDiagnoses: Set<String> = []
        for j in [i] + neighbours.codeNeighbours.prefix(neighbours.mustCount) {
            let reading = linked[j]
            for (k, d) in reading.procedure.diagnoses.enumerated() {
                let code = reading.diagnosisCodes[k]
                if seenDiagnoses.insert(code.code).inserted {
                    diagnoses.append(
                        PooledDiagnosis(
                            code: code.code, dotted: code.dotted, text: d.text, key: code.key, side: d.side, owner: j, sameFile: j == i))
                }
                for also in d.also where seenDiagnoses.insert(also.normalizedCode).inserted {
                    diagnoses.append(
                        PooledDiagnosis(
                            code: also.normalizedCode, dotted: ICD10.dotted(also.code), text: also.text, key: TextKey.of(also.text),
                            side: d.side, owner: j, sameFile: j == i, isAlso: true))
                }
            }
        }
        // Same-category codes listed anywhere in the library, after the same-site pool.
        for code in linked[i].diagnosisCodes {
            for sibling in linked.diagnosesByCategory[code.code.prefix(3)] ?? [] where seenDiagnoses.insert(sibling.code).inserted {
                diagnoses.append(sibling)
            }
        }
        // Then the official siblings (billable codes of the same category, valid today, with their
        // official titles), so that a key whose category the library barely uses still meets the other
        // specificity, laterality or with/without element (K21.00 and K21.01 beside K21.9).
        let titles = ICD10Titles.shipped
        for code in linked[i].diagnosisCodes {
            // A code some file lists only as a further (`also`) code stays a secondary code.
            for sibling in titles.siblings(of: code.code)
            where !linked.alsoCodes.contains(sibling) && !Candidates.isOtherSite(sibling, of: code.code)
                && seenDiagnoses.insert(sibling).inserted
            {
                guard let title = titles.title(of: sibling) else { continue }
                diagnoses.append(
                    PooledDiagnosis(
                        code: sibling, dotted: ICD10.dotted(sibling), text: title, key: TextKey.of(title),
                        side: DiagnosisTitles.side(of: title),
                        owner: i, sameFile: false, isSibling: true, isOfficial: true))
            }
        }
        diagnosisPool = diagnoses
        let own = linked[i]
        // Per diagnosis: the first code alone (a key of several codes), then the wrong codes one
        // element off (the other side, the same category, a related condition).
        let wrongCounts = own.procedure.diagnoses.indices.map { k in
            let d = own.procedure.diagnoses[k]
            let code = own.diagnosisCodes[k]
            let wrong = DiagnosisDistractors(d, code: code.code, key: code.key, pool: diagnoses, owner: i, procedure: own.procedure)
            // A `diagnosis` question offers the other side only when every code of the key has one.
            let otherSide = wrong.counterpart != nil && wrong.alsoCounterparts.allSatisfy { $0 != nil } ? 1 : 0
            // Official siblings improve a question's options but do not make one: a diagnosis whose
            // wrong codes would all come from the table is a drill in reading titles (the three fevers
            // beside R50.9; instructor review 15473).
            let fromLibrary = wrong.ranked.filter { !$0.isOfficial }.count
            return (
                first: d.also.isEmpty ? 0 : 1, oneOff: wrong.codeSetCount, question: otherSide + wrong.ranked.count,
                library: otherSide + fromLibrary, authored: wrong.ranked.prefix { $0.trapWhen != nil }.count
            )
        }
        // A code set's diagnosis decision offers at most five codes one element off.
        codeSetDiagnosisValues = wrongCounts.map { $0.first + min(5, $0.oneOff) }
        // A `diagnosis` question has four options: three wrong ones that test a coding decision.
        let codable = own.procedure.diagnoses.indices.filter { k in
            own.procedure.diagnoses[k].side != .bilateral && wrongCounts[k].first + wrongCounts[k].question >= 3
                && wrongCounts[k].first + wrongCounts[k].library >= 2
        }
        // The diagnoses whose wrong options the author wrote most of: an official sibling that fills
        // an option is the throwaway instructors name (R10.33, periumbilical, beside epigastric pain;
        // F41.1 beside PTSD: instructor review 61979), so a file with an entry of three authored traps
        // asks only such entries, and the others stay in code sets and reports.
        let best = codable.map { min(3, wrongCounts[$0].authored + wrongCounts[$0].first) }.max() ?? 0
        codableDiagnoses = codable.filter { min(3, wrongCounts[$0].authored + wrongCounts[$0].first) == best }
    }

}

extension Candidates {
    /// Whether an official sibling names another site of the key's condition, which the note's
    /// anatomy settles at a glance: another organ of a neoplasm category (C78.4, the small intestine,
    /// for pleural metastases, C78.2) or another skin site of an abscess or cellulitis (L02.214, the
    /// groin, for the abdominal wall, L02.211; the other side of the same site stays).
    static func isOtherSite(_ sibling: String, of key: String) -> Bool {
        if LibraryIndex.isAnotherSite(sibling, of: key) { return true }
        guard key.hasPrefix("L02") || key.hasPrefix("L03") else { return false }
        // The same site with another lesion (a furuncle or carbuncle of the buttock for its abscess)
        // or the other side stays.
        func site(_ code: String) -> String? {
            guard var title = ICD10Titles.shipped.title(of: code)?.lowercased() else { return nil }
            for lesion in ["cutaneous abscess", "furuncle", "carbuncle", "cellulitis", "acute lymphangitis", "right", "left"] {
                title = title.replacingOccurrences(of: lesion, with: "*")
            }
            return title
        }
        return site(sibling) == nil || site(sibling) != site(key)
    }
}

/// Stage 6: which question kinds a procedure can have, and why not the others.
struct KindAvailability: Sendable {
    /// Available question kinds, in `QuestionKind.generated` order.
    let kinds: [QuestionKind]
    /// Why each unavailable kind is unavailable.
    let missing: [QuestionKind: String]

    init(_ e: ProcedureReading, clauses: [ClauseID], neighbours: Neighbours, candidates: Candidates) {
        let p = e.procedure
        let hasScenario = e.narratable.contains(true)
        var missing: [QuestionKind: String] = [:]
        if !hasScenario {
            let reason = "every step names a code or the title, so no scenario can be narrated"
            missing[.vignette] = reason
            missing[.vignetteEntry] = reason
        } else if neighbours.plausibleCodeCount < 3 {
            missing[.vignette] =
                "it has fewer than three family members and alternatives ('instead') to offer as wrong codes"
        }
        if clauses.isEmpty {
            missing[.contrast] = "it has no contrast naming a code in the library"
        } else if candidates.askableClauses.isEmpty {
            missing[.contrast] = "no other contrast in the library can serve as a wrong finding"
        }
        for (kind, reason) in Self.codingTaskGaps(e, neighbours: neighbours, candidates: candidates) { missing[kind] = reason }
        if p.pcs.isEmpty {
            missing[.pcs] = "it has no ICD-10-PCS crosswalk"
        } else if !p.pcsComplete {
            missing[.pcs] = "its case needs more than one ICD-10-PCS code ('icd10pcs_complete: false')"
        } else if candidates.pcsPool.count < 2 || !hasScenario {
            missing[.pcs] = "the library has no other ICD-10-PCS code to offer as a wrong option"
        }
        if p.diagnoses.isEmpty {
            missing[.diagnosis] = "it lists no diagnoses"
        } else if candidates.codableDiagnoses.isEmpty || !hasScenario {
            missing[.diagnosis] =
                "no diagnosis (bilateral ones aside) has three wrong ICD-10-CM codes of its category, its file or its family's site"
        }
        missing[.emLevel] = "it is not an E/M code (no 'visit')"
        for (kind, reason) in Self.unitCountGaps(p, hasScenario: hasScenario) { missing[kind] = reason }
        for kind in QuestionKind.retired {
            missing[kind] = "\(kind.rawValue) questions are retired: they tested the operation, not its coding"
        }
        self.missing = missing
        kinds = QuestionKind.generated.filter { missing[$0] == nil }
    }
}
