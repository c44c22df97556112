import CodingContent
import Determinism
import Foundation

/// What a procedure report says besides the narrated steps, read once per procedure: the PROCEDURE
/// lines, the anesthesia, the setting, the findings and the specimen.
struct ReportMaterial: Sendable {
    /// PROCEDURE line templates (`{side}`/`{Side}` placeholders), at least one.
    var procedureLines: [String] = []
    /// Per setting (`CareSetting.allCases` order): the ANESTHESIA lines that fit there, so a report
    /// never puts general anesthesia in an office or the endoscopist in an emergency department.
    var anesthesia: [[String]] = []
    /// Per setting: the ANESTHESIA lines a coding task (`code-set`, `bundling`) draws from — those
    /// without moderate sedation supervised by the physician doing the procedure, which would be a
    /// code of its own (99152) — or all of them when sedation is the only fitting one.
    var codingAnesthesia: [[String]] = []
    /// Per setting: whether every line of `codingAnesthesia` is the proceduralist's moderate sedation.
    var sedationOnly: [Bool] = []
    /// The settings a report may be set in (listed by the file and with a fitting anesthesia), usual first.
    var settings: [CareSetting] = [.outpatientSurgery]
    /// The usual setting.
    var setting: CareSetting { settings[0] }
    /// Which document the report imitates (an operative report for surgery).
    var layout: ServiceLayout = .operative
    /// The FINDINGS paragraph, or `nil` when the file has none.
    var findings: String?
    /// Whether the findings tell a deciding fact: a finding shares two content words with what an
    /// alternative would need or what rules it out (`instead`'s `when` and `here`), such as the
    /// incarcerated bowel of an incarcerated hernia repair. Such findings are told in every report
    /// whose answer is the CPT code, even when the kind otherwise leaves FINDINGS out.
    var findingsDecide = false
    /// The SPECIMENS line, if any.
    var specimen: String?
    /// Per PROCEDURE template: the line filled for no side, right, left and both sides (`sideSlot`).
    var filledLines: [[String]] = []
    /// Per diagnosis: the PREOPERATIVE and POSTOPERATIVE lines and the PATHOLOGY line, as told.
    var diagnosisLines: [(preop: String, postop: String, pathology: String?)] = []
    /// Per side slot: the diagnoses that fit a scenario on that side (sided ones of that side, unsided ones).
    var fittingDiagnoses: [[Int]] = [[], [], [], []]

    init() {}

    /// The index of `setting` in `anesthesia`.
    static func settingSlot(_ setting: CareSetting) -> Int {
        switch setting {
        case .office: 0
        case .emergencyDepartment: 1
        case .endoscopySuite: 2
        case .outpatientSurgery: 3
        case .inpatient: 4
        case .imagingDepartment: 5
        case .laboratory: 6
        case .laborAndDelivery: 7
        case .infusionCenter: 8
        case .bedside: 9
        case .interventionalSuite: 10
        case .cathLab: 11
        }
    }

    /// The index of `side` in the per-side tables: none, right, left, both.
    static func sideSlot(_ side: Side?) -> Int {
        switch side {
        case nil: 0
        case .right?: 1
        case .left?: 2
        case .bilateral?: 3
        }
    }

    init(_ p: Procedure, mentionsCode: (String) -> Bool) {
        // A PROCEDURE line is kept as the surgeon words it ("Total thyroidectomy"), unless it names a
        // code or is the file's title word for word (lint warns about both).
        let written = (p.report?.procedure ?? []).filter { !mentionsCode($0) && !ReportWording.repeatsTitle($0, title: p.title) }
        // A line that only restates the code's title ("Chest X-ray, two views" for "Chest X-ray, two
        // views") reads like a code book; the clinician's other wordings are told instead.
        let own = written.filter { !ReportMaterial.restatesTitle($0, title: p.title) }
        procedureLines = written.isEmpty ? [ReportMaterial.neutralLine(p)] : own.isEmpty ? written : own
        let kinds = p.anesthesia.isEmpty ? [p.usualAnesthesia] : p.anesthesia
        anesthesia = CareSetting.allCases.map { place in
            let fitting = kinds.filter { $0.fits(place) }
            return (fitting.isEmpty ? [AnesthesiaType.usual(in: place)] : fitting).map { Wording.sentence($0.reportLine(in: place)) }
        }
        layout = p.layout
        let ownSedation = CareSetting.allCases.map { place in
            place == .emergencyDepartment ? nil : Wording.sentence(AnesthesiaType.moderateSedation.reportLine(in: place))
        }
        codingAnesthesia = anesthesia.indices.map { k in
            let other = anesthesia[k].filter { $0 != ownSedation[k] }
            return other.isEmpty ? anesthesia[k] : other
        }
        sedationOnly = codingAnesthesia.indices.map { k in codingAnesthesia[k].allSatisfy { $0 == ownSedation[k] } }
        let listed = p.settings.isEmpty ? [p.usualSetting] : p.settings
        // Only a report with an ANESTHESIA line (an operative report, an anesthesia record) keeps to
        // the settings its anesthesia fits; a radiology report or a medication record is set where the
        // file says, usual first (a portable film at an inpatient's bed, not in the imaging department).
        let printsAnesthesia = layout == .operative || layout == .anesthesia
        let paired = printsAnesthesia ? listed.filter { place in kinds.contains { $0.fits(place) } } : listed
        settings = paired.isEmpty ? [listed[0]] : paired
        let told = p.findings.filter { !mentionsCode($0) }.map(Wording.sentence)
        findings = told.isEmpty ? nil : told.joined(separator: " ")
        let deciding = Set(p.contrasts.flatMap { Wording.tokens($0.when + " " + ($0.rulesOut ?? "")) }.filter(ReportMaterial.isContentWord))
        // Findings of a file with an added service may document that service (a cholangiogram
        // reading): they stay with the kinds that tell the service, never forced in.
        findingsDecide =
            !p.additions.contains { $0.note != nil }
            && told.contains { finding in
                Set(Wording.tokens(finding).filter(ReportMaterial.isContentWord)).intersection(deciding).count >= 2
            }
        specimen = p.report?.specimen.map { Wording.sentence(Wording.capitalized($0)) }
        // Everything a report line needs is written here, so generating a question only appends.
        filledLines = procedureLines.map { template in [nil, Side.right, .left, .bilateral].map { ReportMaterial.fill(template, side: $0) }
        }
        diagnosisLines = p.diagnoses.map { d in
            let before = Wording.sentence(Wording.capitalized(d.preop ?? d.text))
            let named = Wording.sentence(Wording.capitalized(d.text))
            // With a pathology result the surgeon's impression may stay general ("Same."), the
            // pathology deciding, when the impression names the condition coded or the pathology line
            // names what the impression leaves out; a condition neither names (gout from a crystal
            // result) is the surgeon's conclusion and is written out.
            var after = d.pathology.map { ReportMaterial.leavesToPathology(d.text, preop: before, pathology: $0) ? before : named } ?? named
            // A second condition treated in the same operation is listed as the surgeon lists it.
            if d.listedConditions.count > 1 {
                after = d.listedConditions.enumerated().map { k, text in
                    "\(k + 1). " + Wording.sentence(Wording.capitalized(text))
                }.joined(separator: " ")
            }
            return (before, after == before ? "Same." : after, d.pathology.map(Wording.sentence))
        }
        fittingDiagnoses = [nil, Side.right, .left, .bilateral].map { side in
            p.diagnoses.indices.filter { p.diagnoses[$0].side == nil || p.diagnoses[$0].side == side }
        }
    }

    /// Whether a heading `line` closely restates `title`: every content word of the line is one of
    /// the title's (plural or not), and it leaves out at most one of them.
    static func restatesTitle(_ line: String, title: String) -> Bool {
        func words(_ text: String) -> Set<String> {
            let bare = text.replacingOccurrences(of: "{Side}", with: "").replacingOccurrences(of: "{side}", with: "")
            return Set(
                Wording.tokens(bare).filter { $0.count >= 3 && !Wording.stopWords.contains($0) }.map {
                    $0.count > 3 && $0.hasSuffix("s") ? String($0.dropLast()) : $0
                })
        }
        let mine = words(line)
        let theirs = words(title)
        return !mine.isEmpty && mine.isSubset(of: theirs) && mine.count + 1 >= theirs.count
    }

    /// Whether a report whose diagnosis is `condition` may say "Same." after the `preop` line: the
    /// preoperative line names every word of the condition (sides aside), or the `pathology` line
    /// names one of those it leaves out ("CIN 2", "tubular adenoma" for an adenomatous polyp). Words
    /// match whole, by their first six letters, or by the whole shorter form ("polyp", "polyps").
    static func leavesToPathology(_ condition: String, preop: String, pathology: String) -> Bool {
        func words(_ text: String) -> [String] {
            Wording.tokens(text).filter {
                $0.count >= 3 && !Wording.stopWords.contains($0) && !["right", "left", "bilateral"].contains($0)
            }
        }
        func matches(_ word: String, _ told: Set<String>) -> Bool {
            told.contains(word)
                || told.contains { other in
                    let shared = zip(word.utf8, other.utf8).prefix { $0 == $1 }.count
                    return shared >= 6 || shared == min(word.utf8.count, other.utf8.count)
                }
        }
        let before = Set(words(preop))
        let added = words(condition).filter { !matches($0, before) }
        let confirmed = Set(words(pathology))
        return added.isEmpty || added.contains { matches($0, confirmed) }
    }

    /// A word that carries a clinical fact: four letters or more, not a stop word.
    static func isContentWord(_ word: String) -> Bool { word.count >= 4 && !Wording.stopWords.contains(word) }

    /// The PROCEDURE line of a file without `report`: its family in words ("{Side} hip arthrodesis"),
    /// or a neutral line when it has no family.
    static func neutralLine(_ p: Procedure) -> String {
        guard let family = p.family else { return "Operation as described below" }
        // Families are lower-case slugs; acronyms read as a surgeon writes them.
        let words = family.split(separator: "-").map { ["gi": "GI", "egd": "EGD", "acl": "ACL", "ercp": "ERCP"][String($0)] ?? String($0) }
            .joined(separator: " ")
        return p.isSided ? "{Side} " + words : Wording.capitalized(words)
    }

    /// A PROCEDURE line with its side placeholders filled (or removed when unsided).
    static func fill(_ template: String, side: Side?) -> String {
        let word = side.map { $0 == .bilateral ? "bilateral" : $0.rawValue }
        var text = template
        if let word {
            text = text.replacingOccurrences(of: "{Side}", with: Wording.capitalized(word))
            text = text.replacingOccurrences(of: "{side}", with: word)
        } else {
            text = text.replacingOccurrences(of: "{Side} ", with: "").replacingOccurrences(of: "{side} ", with: "")
            text = Wording.capitalized(text.replacingOccurrences(of: "{Side}", with: "").replacingOccurrences(of: "{side}", with: ""))
        }
        return Wording.sentence(text)
    }
}

/// One report to write: which diagnosis it carries, where it happens, what is told besides the steps.
struct ReportPlan {
    /// The scenario's patient (and side).
    var patient: Patient
    /// Index of the diagnosis the report documents, if any.
    var diagnosis: Int?
    /// Where the service happens.
    var setting: CareSetting
    /// Whether the FINDINGS line is told. Deciding findings (`ReportMaterial.findingsDecide`) are
    /// told anyway unless `findingsAreOptions`.
    var findings = true
    /// Whether FINDINGS must stay out whatever they say: the options are findings (`contrast`) or the
    /// answer is the diagnosis alone (`diagnosis`), which findings of an incidental condition would blur.
    var findingsAreOptions = false
    /// Whether this report tells FINDINGS.
    func tellsFindings(_ report: ReportMaterial) -> Bool { findings || (report.findingsDecide && !findingsAreOptions) }
    /// Service notes: the ASA physical status (1…6), anesthesia minutes and dose (index into
    /// `ServiceFacts.doses`) the note documents; drawn by the note when `nil`.
    var physicalStatus: Int?
    var minutes: Int?
    var dose: Int?
    /// Service notes: a qualifying-circumstance sentence told right after the arrival (anesthesia).
    var circumstance: String?
    /// Steps (indexes) told as another sentence: a situation that contradicts them.
    var replaced: [Int: String] = [:]
    /// Sentences told just before the closing step (another service).
    var extra: [String] = []
    /// Sentences told right after the arrival sentence (a twist that shapes the whole operation).
    var opening: [String] = []
    /// A sentence told right after a step (work met during the approach, a placed note), and that
    /// step, which is then always told (it is in `forced`).
    var after: (step: Int, sentence: String)?
    /// Sentences told at the very end (care handed over).
    var closing: [String] = []
    /// The step (index) where a reduced or discontinued service fell short: after it only the key
    /// steps still done (none when `discontinued`) and the closing step are narrated, so nothing
    /// later reads as if the full service was done.
    var shortAt: Int?
    /// Whether the service was ended at `shortAt` (53/73/74) rather than reduced (52).
    var discontinued = false
    /// Steps that must be narrated even when not key (work a bundling question asks about).
    var forced: Set<Int> = []
    /// Whether the report is a coding task's (`code-set`, `bundling`): its ANESTHESIA line avoids
    /// the proceduralist's moderate sedation when another anesthesia fits.
    var codingTask = false
    /// The additional service whose `note` the report tells (`place`): the heading lines list it too.
    var addition: Addition?

    /// Places an additional service's `note` in the report: in place of its `step`, right after its
    /// `after` step (then always told), or just before the closing step; a named step that cannot
    /// be narrated falls back to the closing. The PROCEDURE and SPECIMENS lines then list the
    /// service and its specimen after the file's own (`addition`).
    mutating func place(_ addition: Addition, narratable: [Bool]) {
        place(addition, sentence: Wording.sentence(addition.note!), narratable: narratable)
    }

    /// `place(_:narratable:)` with the note already written as a sentence (`note`), as
    /// `BundlingText.notes` keeps it per procedure.
    mutating func place(_ addition: Addition, sentence note: String, narratable: [Bool]) {
        func usable(_ step: Int?) -> Int? {
            guard let step, step >= 1, step <= narratable.count, narratable[step - 1] else { return nil }
            return step - 1
        }
        if let step = usable(addition.replacesStep) {
            replaced[step] = note
        } else if let step = usable(addition.afterStep) {
            after = (step, note)
            forced.insert(step)
        } else {
            extra = [note]
        }
        self.addition = addition
    }

    /// A heading line (`PROCEDURE`, the EXAM or SERVICE of a service note) with the told additional
    /// service's wording listed after it ("1. … 2. …"), or `line` unchanged when there is none.
    func listingAddition(after line: String) -> String {
        guard let wording = addition?.procedure else { return line }
        return "1. " + line + " 2. " + ReportMaterial.fill(wording, side: patient.side)
    }

    /// The SPECIMENS line with the told additional service's specimen listed after the file's own
    /// (alone when the file's is none): `nil` when there is no specimen at all.
    func specimens(_ own: String?) -> String? {
        guard let added = addition?.specimen.map({ Wording.sentence(Wording.capitalized($0)) }) else { return own }
        guard let own, own.lowercased() != "none." else { return added }
        return "1. " + own + " 2. " + added
    }
}

extension QuestionGenerator {
    /// A procedure report stem: the heading lines, the description (opening sentence, narrated steps),
    /// the pathology when the diagnosis has one, and the question line.
    func reportStem(
        _ e: ProcedureEntry, _ plan: ReportPlan, narration: NarrationPlan, question: String,
        _ rng: inout SplitMix64
    ) -> String {
        if e.report.layout != .operative { return serviceStem(e, plan, narration: narration, question: question, &rng) }
        // An operative stem is about 800 bytes: a first buffer under a kilobyte comes from malloc's
        // per-thread cache, where 2,048 bytes took its slow path (the allocation about 1,100
        // instructions per stem, now 660, callgrind); a longer stem doubles it once.
        var text = StemText(capacity: 984)
        let slot = ReportMaterial.sideSlot(plan.patient.side)
        let lines = plan.diagnosis.map { e.report.diagnosisLines[$0] }
        var preop: String
        var postop: String
        if let lines, let d = plan.diagnosis {
            preop = lines.preop
            postop = lines.postop
            // The condition a told additional service treats is listed after the report's own.
            if let added = addedDiagnosis(e, plan) {
                (preop, postop) = Self.listing(
                    added, preop: preop, postop: postop, listed: e.procedure.diagnoses[d].listedConditions.count)
            }
        } else {
            preop = stemIndication(e, among: e.stemIndications, &rng) ?? e.report.filledLines[0][slot]
            postop = "Same."
        }
        text += "PREOPERATIVE DIAGNOSIS: "
        text += preop
        text += "\nPOSTOPERATIVE DIAGNOSIS: "
        text += postop
        text += "\nPROCEDURE: "
        text += plan.listingAddition(after: e.report.filledLines[rng.below(e.report.filledLines.count)][slot])
        text += "\nANESTHESIA: "
        let slotOfSetting = ReportMaterial.settingSlot(plan.setting)
        text += rng.element(of: plan.codingTask ? e.report.codingAnesthesia[slotOfSetting] : e.report.anesthesia[slotOfSetting])
        if plan.tellsFindings(e.report), let findings = e.report.findings {
            text += "\nFINDINGS: "
            text += findings
        }
        if let specimen = plan.specimens(e.report.specimen) {
            text += "\nSPECIMENS: "
            text += specimen
        }
        text += "\nDESCRIPTION OF PROCEDURE: "
        arrival(plan, usual: e.report.setting, into: &text, &rng)
        for sentence in plan.opening {
            text += " "
            text += sentence
        }
        narrate(e, narration, plan, into: &text, &rng)
        if let pathology = lines?.pathology {
            text += "\nPATHOLOGY: "
            text += pathology
        }
        text += "\n\n"
        text += question
        return text.string
    }

    /// The description's first sentence: who the patient is and where the service happens.
    private func arrival(_ plan: ReportPlan, usual: CareSetting, into text: inout StemText, _ rng: inout SplitMix64) {
        let patient = plan.patient
        let variant = rng.below(3)
        text += variant == 1 ? (patient.an ? "An " : "A ") : (patient.an ? "The patient, an " : "The patient, a ")
        text += patient.ageWords
        text += patient.person
        if variant != 1 { text += "," }
        text += " "
        text += plan.setting.whereabouts(usual: usual, layout: .operative)
        // A birth on the labor and delivery unit has no planned-procedure check or time-out
        // (instructor review 45217).
        switch plan.setting == .laborAndDelivery ? 0 : variant {
        case 0: text += "."
        case 1: text += ", and the patient's identity and consent were checked."
        default: text += ", and a time-out confirmed the patient and the procedure."
        }
    }

    /// The narrated steps: every step the plan always tells (key, told, access and closing steps)
    /// and every forced step, a seeded sample of at least half of the others, in operative order,
    /// with seeded connectives; replaced steps are told as their replacement, a placed sentence
    /// right after its step, and the extra sentences just before the first closing step.
    func narrate(
        _ e: ProcedureEntry, _ narration: NarrationPlan, _ plan: ReportPlan, into text: inout StemText,
        _ rng: inout SplitMix64
    ) {
        let plain = plan.forced.isEmpty && plan.replaced.isEmpty && plan.shortAt == nil
        let keys = narration.keys
        let others = narration.others
        // Otherwise each step's part, in one array: 0 not told, 1 always told (a key step, a forced
        // or replaced one), 2 sampled. Filtering, concatenating and sorting `keys` and `others` and
        // hashing the closing steps into a set made four to seven arrays per report (about 370
        // instructions per report on average, callgrind on the generator harness).
        var roles: [UInt8] = []
        var keyCount = keys.count
        var otherCount = others.count
        if !plain {
            let steps = e.procedure.steps
            roles = Array(repeating: 0, count: steps.count)
            for s in keys { roles[s] = 1 }
            for s in others { roles[s] = plan.forced.contains(s) || plan.replaced[s] != nil ? 1 : 2 }
            if let short = plan.shortAt {
                // After a reduced or discontinued service only the closing steps (and, when reduced,
                // the key steps still done) are told.
                for s in roles.indices where s > short && roles[s] != 0 && !narration.closing.contains(s) && s != steps.count - 1 {
                    if roles[s] == 2 || plan.discontinued || !steps[s].isKey { roles[s] = 0 }
                }
            }
            keyCount = 0
            otherCount = 0
            for role in roles {
                if role == 1 { keyCount += 1 } else if role == 2 { otherCount += 1 }
            }
        }
        // Another service is told before the closing (the wound closed, the scope out), never after it.
        let closingStart =
            plain
            ? narration.closing.first { s in keys.contains(s) } ?? keys.last
            : narration.closing.first { s in roles[s] == 1 } ?? roles.lastIndex(of: 1)
        var needed = keys.isEmpty ? otherCount : rng.int(in: (otherCount + 1) / 2...otherCount)
        let total = keyCount + needed
        var position = 0
        // Plain: the next of `keys` and of `others`; else the next step to look at.
        var k = 0
        var o = 0
        var scan = 0
        // How many sampled steps have been drawn for.
        var drawn = 0
        var previous = ""
        var extraTold = plan.extra.isEmpty
        let replacing = !plan.replaced.isEmpty
        // Read once: each access in the loop would retain and release the entry's arrays.
        let thenSteps = e.thenSteps
        let loweredSteps = e.loweredSteps
        let stepSentences = e.stepSentences
        let pathology = e.report.layout == .pathology
        let connectives = Self.connectives
        let closingConnectives = Self.closingConnectives
        // The step the plan's after-sentence follows, read once (the tuple held a string to retain per step).
        let afterStep = plan.after?.step
        while position < total {
            // The steps in operative order: keys and others merged, or the told roles in turn.
            let s: Int
            let sampled: Bool
            if plain {
                sampled = o < others.count && (k == keys.count || others[o] < keys[k])
                if sampled {
                    s = others[o]
                    o += 1
                } else {
                    s = keys[k]
                    k += 1
                }
            } else {
                while roles[scan] == 0 { scan += 1 }
                s = scan
                sampled = roles[scan] == 2
                scan += 1
            }
            if sampled {
                let kept = rng.below(otherCount - drawn) < needed
                drawn += 1
                guard kept else { continue }
                needed -= 1
            }
            let last = position == total - 1
            if !extraTold, total > 1, s == closingStart {
                for sentence in plan.extra {
                    text += " "
                    text += sentence
                }
                extraTold = true
                previous = ""
            }
            if replacing, let replacement = plan.replaced[s] {
                text += " "
                text += replacement
                previous = ""
                position += 1
                continue
            }
            var connective = position == 0 ? "" : rng.element(of: last ? closingConnectives : connectives)
            // A pathology report describes the specimen; it does not narrate ("Next, …", "Lastly, …").
            if pathology { connective = "" }
            if connective == previous { connective = "" }  // never "Then … Then …"
            if total <= 3 { connective = "" }  // three steps read as they are, without "Subsequently" or "Lastly"
            if thenSteps[s] { connective = "" }  // never "Next, … then …"
            previous = connective
            text += " "
            if !connective.isEmpty, let lowered = loweredSteps[s] {
                text += connective
                text += lowered
            } else {
                text += stepSentences[s]
            }
            position += 1
            if afterStep == s, let after = plan.after {
                text += " "
                text += after.sentence
            }
        }
        if !extraTold {
            for sentence in plan.extra {
                text += " "
                text += sentence
            }
        }
        for sentence in plan.closing {
            text += " "
            text += sentence
        }
    }

    /// The condition the told additional service treats (`in_addition.diagnosis`) in `plan`'s
    /// scenario: the entry of its side, when the report has a diagnosis that does not code it already
    /// (64636's lumbosacral level beside a lumbosacral diagnosis adds nothing); else `nil`.
    func addedDiagnosis(_ e: ProcedureEntry, _ plan: ReportPlan) -> AddedDiagnosis? {
        guard let addition = plan.addition, !addition.diagnoses.isEmpty, let k = plan.diagnosis,
            let added = addition.diagnosis(for: plan.patient.side)
        else { return nil }
        let d = e.procedure.diagnoses[k]
        let code = added.normalizedCode
        if d.normalizedCode == code || d.also.contains(where: { $0.normalizedCode == code }) { return nil }
        return added
    }

    /// The PREOPERATIVE and POSTOPERATIVE lines with `added` listed after the report's own
    /// conditions (`listed` of them on the postoperative line), numbered as a surgeon lists them;
    /// the preoperative line lists it only when it was known before (`preop`). "Same." when both
    /// lines then agree.
    static func listing(_ added: AddedDiagnosis, preop: String, postop: String, listed: Int) -> (preop: String, postop: String) {
        let own = postop == "Same." ? preop : postop
        let after =
            (listed > 1 && postop != "Same." ? own : "1. " + own) + " \(max(listed, 1) + 1). "
            + Wording.sentence(Wording.capitalized(added.text))
        let before = added.preop.map { "1. " + preop + " 2. " + Wording.sentence(Wording.capitalized($0)) } ?? preop
        return (before, after == before ? "Same." : after)
    }

    /// A diagnosis index that fits `side` (a sided diagnosis of that side, or an unsided one), drawn.
    func drawDiagnosis(_ e: ProcedureEntry, side: Side?, _ rng: inout SplitMix64) -> Int? {
        let fitting = e.report.fittingDiagnoses[ReportMaterial.sideSlot(side)]
        return fitting.isEmpty ? nil : fitting[rng.below(fitting.count)]
    }
}

extension CareSetting {
    /// Where a note says the patient was, after the subject ("was brought to the endoscopy suite"):
    /// the one home of the arrival phrase of operative reports and service notes. An inpatient keeps
    /// the place where the work is usually done (`usual`): an admitted patient still has an endoscopy
    /// in the endoscopy suite, an X-ray in the imaging department, a delivery on the labor and
    /// delivery unit. An office procedure is done in the procedure room; a visit, an injection or an
    /// order in the office.
    func whereabouts(usual: CareSetting, layout: ServiceLayout) -> String {
        let procedure = layout == .operative || layout == .anesthesia
        switch self {
        case .office: return procedure ? "was seen in the office procedure room" : "was seen in the office"
        case .emergencyDepartment: return "was seen in the emergency department"
        case .endoscopySuite: return "was brought to the endoscopy suite"
        case .outpatientSurgery: return "was brought to the operating room"
        case .laborAndDelivery: return "was on the labor and delivery unit"
        case .bedside: return "was seen at the bedside"
        case .interventionalSuite: return "was brought to the interventional radiology suite"
        case .cathLab: return "was brought to the cardiac catheterization laboratory"
        case .imagingDepartment: return "was seen in the imaging department"
        case .laboratory: return "came to the laboratory"
        case .infusionCenter: return "was seen in the infusion center"
        case .inpatient:
            switch usual {
            case .endoscopySuite: return "was an inpatient and was brought to the endoscopy suite"
            case .office, .emergencyDepartment:
                return procedure ? "was an inpatient and was brought to the procedure room" : "was seen as a hospital inpatient"
            case .outpatientSurgery, .inpatient:
                return procedure ? "was admitted and brought to the operating room" : "was seen as a hospital inpatient"
            case .imagingDepartment: return "was an inpatient and was brought to the imaging department"
            case .laboratory, .infusionCenter:
                return layout == .anesthesia ? "was admitted and brought to the operating room" : "was seen as a hospital inpatient"
            case .laborAndDelivery: return "was on the labor and delivery unit"
            case .bedside: return "was an inpatient and was seen at the bedside"
            case .interventionalSuite: return "was an inpatient and was brought to the interventional radiology suite"
            case .cathLab: return "was an inpatient and was brought to the cardiac catheterization laboratory"
            }
        }
    }
}
