import CodingContent
import Determinism
import SourceText

/// `em-level` questions: one authored visit case of an E/M file rendered as a visit note; pick the
/// E/M code. Options are the key and three neighbours (adjacent levels of the family, the other
/// patient status, the other setting); the rationale tallies problems, data and risk (or time).
struct VisitIndex: Sendable {
    /// The E/M procedures (with `visit` facts) by path; when two share a code, the first.
    let visits: [Procedure]
    /// Item prefix (`cpt:99213`) → index in `visits`.
    let byPrefix: [String: Int]
    /// Per visit: the codes offered as wrong options, strongest first.
    let distractors: [[Int]]
    /// The `em-level` items, in path order (visits with a case and three wrong options).
    let items: [Item]
    /// Why a visit has no item.
    let missing: [String: String]

    /// The prolonged-service add-on for office visits chosen by time (each full 15 minutes beyond the top level's time).
    static let prolongedCode = "99417"

    init(procedures: [Procedure]) {
        var visits: [Procedure] = []
        var byPrefix: [String: Int] = [:]
        for p in procedures.sorted(by: { $0.path < $1.path }) where p.visit != nil && byPrefix[p.itemPrefix] == nil {
            byPrefix[p.itemPrefix] = visits.count
            visits.append(p)
        }
        self.visits = visits
        self.byPrefix = byPrefix
        let families = Dictionary(grouping: visits.indices, by: { Self.familyKey(visits[$0]) }).mapValues { members in
            members.sorted { visits[$0].code < visits[$1].code }
        }
        var distractors: [[Int]] = []
        var items: [Item] = []
        var missing: [String: String] = [:]
        for (i, p) in visits.enumerated() {
            let wrong = Self.rankedDistractors(i, visits: visits, families: families)
            distractors.append(wrong)
            if p.visit?.cases.isEmpty != false {
                missing[p.itemPrefix] = "its 'visit' has no cases"
            } else if wrong.count < 3 {
                missing[p.itemPrefix] = "the library has fewer than three other E/M codes of its kind to offer as wrong options"
            } else {
                items.append(Item(procedure: p, kind: .emLevel))
            }
        }
        self.distractors = distractors
        self.items = items
        self.missing = missing
    }

    /// The family, or category and status when the file names none.
    static func familyKey(_ p: Procedure) -> String {
        p.family ?? "\(p.visit?.category.rawValue ?? "")/\(p.visit?.status?.rawValue ?? "")"
    }

    /// The category and status of the family a coder confuses with this one: new ↔ established,
    /// initial ↔ subsequent, discharge → subsequent, emergency → office new.
    static func counterpart(_ v: VisitFacts) -> (VisitCategory, VisitStatus?) {
        switch (v.category, v.status) {
        case (.emergency, _): (.office, .new)
        case (let c, .new?): (c, .established)
        case (let c, .established?): (c, .new)
        case (let c, .initial?): (c, .subsequent)
        case (let c, .subsequent?): (c, .initial)
        case (let c, .discharge?): (c, .subsequent)
        case (let c, nil): (c, nil)
        }
    }

    /// What places a code within its family for pairing with the counterpart: the top MDM level, else
    /// the youngest age (preventive), else nothing.
    static func levelKey(_ p: Procedure) -> Int? {
        if let top = p.visit?.topLevel { return top.rank }
        if p.visit?.category == .preventive { return p.patient.minimumAge }
        return nil
    }

    /// Wrong options for visit `i`: adjacent levels of its family, the counterpart family's code of the
    /// same level, then two levels away, then the counterpart's neighbours.
    static func rankedDistractors(_ i: Int, visits: [Procedure], families: [String: [Int]]) -> [Int] {
        let p = visits[i]
        guard let v = p.visit, let family = families[familyKey(p)], let rank = family.firstIndex(of: i) else { return [] }
        let (category, status) = counterpart(v)
        let other = families.values.first { members in
            members.first.flatMap { visits[$0].visit }.map { $0.category == category && $0.status == status } == true
        }
        var ranked: [Int] = []
        func add(_ k: Int?) { if let k, k != i, !ranked.contains(k) { ranked.append(k) } }
        func member(_ list: [Int], _ r: Int) -> Int? { list.indices.contains(r) ? list[r] : nil }
        add(member(family, rank - 1))
        add(member(family, rank + 1))
        var pairRank = rank
        if let other {
            if let key = levelKey(p), let match = other.firstIndex(where: { levelKey(visits[$0]) == key }) { pairRank = match }
            add(member(other, min(pairRank, other.count - 1)))
        }
        add(member(family, rank - 2))
        add(member(family, rank + 2))
        if let other {
            add(member(other, pairRank - 1))
            add(member(other, pairRank + 1))
        }
        for k in family { add(k) }
        return ranked
    }

    /// Why the library has no `em-level` item for the visit with `prefix`, when it has none.
    func problem(prefix: String, kind: QuestionKind) -> String? {
        guard byPrefix[prefix] != nil else { return nil }
        if kind != .emLevel { return "an E/M code has only em-level questions" }
        return missing[prefix]
    }

    /// The question for the item `itemID` and `seed`, or `nil` when the id is not an E/M item.
    func generate(itemID: String, seed: UInt64) -> Question? {
        guard let (prefix, kind) = Item.parse(id: itemID), kind == .emLevel, let i = byPrefix[prefix], missing[prefix] == nil,
            let v = visits[i].visit
        else { return nil }
        var rng = SplitMix64(seed: seed ^ Fingerprint.value(of: itemID))
        let p = visits[i]
        let visitCase = rng.element(of: v.cases)
        let range = visitCase.age ?? p.patient.minimumAge...max(p.patient.minimumAge, p.patient.maximumAge)
        let age = rng.int(in: range)
        let female: Bool
        switch p.patient.sex {
        case .female: female = true
        case .male: female = false
        case .any: female = rng.below(2) == 0
        }
        let setting = VisitNote(p: p, visitCase: visitCase, age: age, female: female, rng: &rng)
        let tally = VisitTally(p: p, visitCase: visitCase, age: age, visits: visits)
        var choices: [Choice]
        let wrong = distractors[i]
        let picked = Array(wrong.prefix(2)) + [wrong[2 + rng.below(min(2, wrong.count - 2))]]
        if let units = tally.prolongedUnits {
            choices = [Choice(text: tally.keyText, correct: true, rationale: tally.rationale)]
            choices.append(Choice(text: p.code, correct: false, rationale: tally.missingAddOn(units: units)))
            for k in picked.prefix(2) {
                let text = visits[k].code + ", " + Self.prolongedCode
                let why =
                    Self.familyKey(visits[k]) == Self.familyKey(p)
                    ? "\(Self.prolongedCode) is added only to \(p.code), the top level of the family, when the visit is chosen by time; with \(visitCase.time ?? 0) minutes the visit is \(tally.keyText)."
                    : tally.whyNot(visits[k])
                choices.append(Choice(text: text, correct: false, rationale: "\(text) is wrong: " + why))
            }
        } else {
            choices = [Choice(text: p.code, correct: true, rationale: tally.rationale)]
            for k in picked { choices.append(Choice(text: visits[k].code, correct: false, rationale: tally.whyNot(visits[k]))) }
        }
        rng.shuffle(&choices)
        let options = choices.enumerated().map { k, choice in
            QuestionOption(label: Question.label(k), text: choice.text, correct: choice.correct, rationale: choice.rationale)
        }
        let right = options.first(where: \.correct) ?? options[0]
        return Question(
            id: QuestionGenerator.questionID(itemID, seed), item: itemID, kind: .emLevel, code: p.code,
            stem: setting.text + "\n\n" + Self.prompt, options: options, answer: CorrectAnswer(label: right.label, text: right.text),
            rationale: tally.rationale, seed: seed)
    }

    /// The question every `em-level` stem ends with.
    static let prompt = "Which E/M code should be reported for this visit?"
}

/// The visit note of one case: a heading by setting and status, the patient, then the case's parts.
struct VisitNote {
    var text: String

    init(p: Procedure, visitCase c: VisitCase, age: Int, female: Bool, rng: inout SplitMix64) {
        let v = p.visit!
        let person = age < 18 ? (female ? "girl" : "boy") : (female ? "woman" : "man")
        var lines: [String] = [Self.heading(v)]
        lines.append("Patient: \(age)-year-old \(person). " + Self.statusLine(v, &rng))
        lines.append("Chief complaint: " + Wording.sentence(Wording.capitalized(c.complaint)))
        lines.append("History: " + Wording.sentence(c.history))
        lines.append("Examination: " + Wording.sentence(c.exam))
        if let data = c.data { lines.append("Data: " + Wording.sentence(data)) }
        lines.append("Assessment and plan: " + Wording.sentence(c.plan))
        if let minutes = c.time {
            lines.append(
                v.status == .discharge
                    ? "Time on the day of discharge: \(minutes) minutes, including the final examination, instructions, prescriptions and the discharge records."
                    : "Total time on the date of the encounter: \(minutes) minutes, including review of records, the visit, orders and documentation."
            )
        }
        text = lines.joined(separator: "\n")
    }

    static func heading(_ v: VisitFacts) -> String {
        switch (v.category, v.status) {
        case (.office, _): "OFFICE VISIT NOTE"
        case (.preventive, _): "PREVENTIVE MEDICINE VISIT"
        case (.emergency, _): "EMERGENCY DEPARTMENT NOTE"
        case (.hospital, .initial?): "HOSPITAL ADMISSION NOTE"
        case (.hospital, .discharge?): "HOSPITAL DISCHARGE DAY NOTE"
        case (.hospital, _): "HOSPITAL PROGRESS NOTE"
        }
    }

    /// Who the patient is to the practice or the stay, in one of a few wordings.
    static func statusLine(_ v: VisitFacts, _ rng: inout SplitMix64) -> String {
        let months = rng.int(in: 2...20)
        let day = rng.int(in: 2...4)
        let years = rng.int(in: 4...7)
        switch v.status {
        case .new?:
            // The facts a coder weighs, not the definition: "not seen before by any of its physicians"
            // gave the status away (instructor review 61979).
            return rng.element(of: [
                "Moved to the area and is establishing care with this practice.",
                "Referred by an urgent care clinic; no earlier record at this practice.",
                "Last seen by a physician of this group \(years) years ago; no visit since.",
            ])
        case .established?:
            return rng.element(of: [
                "Seen by this physician \(months) months ago.",
                "Last seen \(months) months ago by a partner of the same specialty in this group.",
                "Follows with this physician; previous visit \(months) months ago.",
            ])
        case .initial?:
            return rng.element(of: [
                "Admitted today; first encounter with the admitting physician during this stay.",
                "Admitted from the emergency department today; this physician had not seen the patient before this stay.",
            ])
        case .subsequent?:
            return "Hospital day \(day); seen daily by the same physician since admission."
        case .discharge?:
            return "Hospital day \(day + 1); discharged today by the attending physician."
        case nil:
            return rng.element(of: ["Arrived by private car with a family member.", "Walked in; registered at triage."])
        }
    }
}

/// The rationale of one case: the tally that decides the key, and why each wrong code fails.
struct VisitTally {
    let p: Procedure
    let v: VisitFacts
    let c: VisitCase
    let age: Int
    /// The next code of the family chosen by time, with its threshold, when there is one.
    let nextByTime: (code: String, time: Int)?
    /// The code of the family that decision making alone supports, for time cases.
    let byDecision: Procedure?
    /// Units of 99417 for a prolonged office case.
    let prolongedUnits: Int?

    init(p: Procedure, visitCase: VisitCase, age: Int, visits: [Procedure]) {
        self.p = p
        v = p.visit!
        c = visitCase
        self.age = age
        let family = visits.filter { VisitIndex.familyKey($0) == VisitIndex.familyKey(p) }.sorted { $0.code < $1.code }
        let rank = family.firstIndex { $0.code == p.code } ?? 0
        let next = family.indices.contains(rank + 1) ? family[rank + 1] : nil
        nextByTime = next.flatMap { n in n.visit?.time.map { (n.code, $0) } }
        byDecision = visitCase.mdm.flatMap { tally in family.first { $0.visit?.mdm.contains(tally.level) == true } }
        if let t = visitCase.time, let threshold = v.time, p.additions.contains(where: { $0.code == VisitIndex.prolongedCode }),
            t >= threshold + 15
        {
            prolongedUnits = (t - threshold) / 15
        } else {
            prolongedUnits = nil
        }
    }

    var keyText: String {
        guard let units = prolongedUnits else { return p.code }
        return p.code + ", " + VisitIndex.prolongedCode + (units > 1 ? " x\(units)" : "")
    }

    static func minutes(_ n: Int) -> String { "\(n) minutes" }

    /// The setting and status sentence: which family applies and why.
    var familySentence: String {
        switch (v.category, v.status) {
        case (.office, .new?):
            "The patient has had no professional service from this physician or another of the same specialty in the group within three years, so the office new-patient codes apply."
        case (.office, .established?):
            "The patient was seen by this physician within three years, so the office established-patient codes apply."
        case (.hospital, .initial?):
            "This is the physician's first encounter with the patient during the stay, so the initial hospital care codes apply."
        case (.hospital, .subsequent?):
            "This is a later day of the stay, already seen by the same physician, so the subsequent hospital care codes apply."
        case (.hospital, .discharge?):
            "The patient leaves the hospital today, so discharge day management is reported instead of a daily visit."
        case (.emergency, _):
            "The visit took place in a hospital emergency department, which has its own codes for new and established patients alike."
        case (.preventive, _):
            "A preventive visit is chosen by the patient's age and whether the patient is new or established, not by decision making or time."
        default: ""
        }
    }

    static func levels(_ levels: [MDMLevel]) -> String { levels.map(\.rawValue).joined(separator: " or ") }

    /// The tally of the three elements, as sentences.
    func tallyText(_ t: MDMTally) -> String {
        let elements = [("problems", t.problems), ("data", t.data), ("risk", t.risk)]
        var text = "Problems addressed: \(Wording.clause(t.problems.why)) (\(t.problems.level.rawValue)). "
        text += "Data: \(Wording.clause(t.data.why)) (\(t.data.level.rawValue)). "
        text += "Risk of management: \(Wording.clause(t.risk.why)) (\(t.risk.level.rawValue)). "
        let level = t.level
        let reaching = elements.filter { $0.1.level >= level }.map(\.0)
        let above = elements.filter { $0.1.level > level }
        if reaching.count == 3, above.count == 1 {
            let rest = elements.filter { $0.1.level == level }.map(\.0)
            text +=
                "\(Wording.capitalized(above[0].0)) reaches \(above[0].1.level.rawValue), but \(rest.joined(separator: " and ")) stay at \(level.rawValue), and one element alone does not raise the level"
        } else if reaching.count == 3 {
            text += "All three elements reach \(level.rawValue)"
        } else {
            text += "Two of the three elements (\(reaching.joined(separator: " and "))) reach \(level.rawValue)"
            if above.count == 1 { text += "; \(above[0].0) goes higher, but one element alone does not raise the level further" }
        }
        text += ", so decision making is \(level.rawValue)."
        return text
    }

    /// The key's rationale.
    var rationale: String {
        var text = "\(keyText) is correct. \(familySentence) "
        if v.category == .preventive {
            text += "The patient is \(age), in the \(VisitTally.ageBand(p)) band of \(p.code)."
            return text
        }
        if v.status == .discharge, let t = c.time {
            text +=
                "Discharge day management is chosen by the time spent on the day of discharge: \(t) minutes \(t > 30 ? "is more than 30" : "is 30 or less"), which is \(p.code)."
            return text
        }
        guard let tally = c.mdm else { return text }
        text += "The level of medical decision making is the one that at least two of its three elements reach. " + tallyText(tally) + " "
        if let t = c.time, let threshold = v.time {
            if let byDecision, byDecision.code != p.code {
                text += "Decision making alone would support only \(byDecision.code). "
            }
            text += "Total time on the date of the encounter was \(t) minutes, which meets the \(threshold) minutes \(p.code) requires"
            if let units = prolongedUnits {
                text +=
                    " and passes it by \(units == 1 ? "a full 15 minutes" : "\(units) full 15-minute blocks"): \(VisitIndex.prolongedCode) is added for each full 15 minutes beyond \(threshold) (one unit from \(threshold + 15) minutes, a second from \(threshold + 30))."
            } else if let next = nextByTime {
                text +=
                    " and stays below the \(next.time) minutes of \(next.code); when time gives the higher level, the visit is coded by time."
            } else {
                text += "; when time gives the higher level, the visit is coded by time."
            }
        } else {
            text += "\(p.code) requires \(Self.levels(v.mdm)) decision making."
            if v.category == .emergency {
                text += " Emergency department codes are chosen by decision making only; time does not count."
            } else {
                text += " No total time is documented, so decision making decides."
            }
        }
        text +=
            v.category == .preventive ? "" : " History and examination are documented as medically appropriate; they do not set the level."
        return text
    }

    static func ageBand(_ p: Procedure) -> String {
        p.patient.maximumAge >= 90 ? "\(p.patient.minimumAge) and older" : "\(p.patient.minimumAge)–\(p.patient.maximumAge)"
    }

    /// What code `q` requires, in words.
    static func requirement(_ q: Procedure) -> String {
        guard let w = q.visit else { return "" }
        if w.category == .preventive {
            return "a \(w.status?.rawValue ?? "") patient aged \(ageBand(q))"
        }
        if w.status == .discharge {
            if let max = w.timeMax { return "\(max) minutes or less on the day of discharge" }
            return "more than \((w.time ?? 31) - 1) minutes on the day of discharge"
        }
        var text = "\(levels(w.mdm)) decision making"
        if let t = w.time, w.category != .emergency { text += " or at least \(t) minutes of total time" }
        return text
    }

    /// The sentence saying why `q` is the wrong code for this case.
    func whyNot(_ q: Procedure) -> String {
        guard let w = q.visit else { return "" }
        if w.category != v.category {
            if w.category == .office, v.category == .emergency {
                return
                    "\(q.code) is an office or outpatient code; a visit in a hospital emergency department is reported with the emergency department codes, whether the patient is new or established."
            }
            return "\(q.code) is for \(w.category.phrase); this note documents \(v.category.phrase)."
        }
        if w.status != v.status {
            switch (w.status, v.status) {
            case (.new?, .established?):
                return
                    "\(q.code) is for a new patient; this patient was seen by this physician or a partner of the same specialty in the group within three years, which makes the patient established."
            case (.established?, .new?):
                return
                    "\(q.code) is for an established patient; this patient has had no professional service from this physician or another of the same specialty in the group within three years, which makes the patient new."
            case (.subsequent?, .initial?):
                return
                    "\(q.code) is for a later day of the stay; this is the physician's first encounter with the patient during the admission."
            case (.initial?, .subsequent?):
                return
                    "\(q.code) is for the first encounter of the stay; this physician has already seen the patient during this admission."
            case (.subsequent?, .discharge?):
                return
                    "\(q.code) is a daily hospital visit; on the day the patient leaves, the physician reports discharge day management instead."
            default:
                return
                    "\(q.code) is for a \(w.status?.rawValue ?? "different") patient status; this note documents a \(v.status?.rawValue ?? "different") one."
            }
        }
        if w.category == .preventive {
            return "\(q.code) is for ages \(Self.ageBand(q)); this patient is \(age)."
        }
        if w.status == .discharge {
            return "\(q.code) needs \(Self.requirement(q)); this note documents \(c.time.map { "\($0) minutes" } ?? "no time")."
        }
        let mdmLevel = c.mdm?.level ?? .straightforward
        let higher = q.code > p.code
        if higher {
            var text = "\(q.code) needs \(Self.requirement(q)); here decision making reaches only \(mdmLevel.rawValue)"
            if w.category != .emergency {
                if let t = c.time {
                    text += " and the total time, \(t) minutes, falls short of \(w.time ?? 0)"
                } else {
                    text += " and no total time is documented"
                }
            }
            return text + "."
        }
        if let t = c.time, let threshold = v.time, c.mdm.map({ w.mdm.contains($0.level) }) == true {
            return
                "\(q.code) is what decision making alone supports, but the total time, \(t) minutes, meets the \(threshold) minutes of \(p.code); the visit is coded by whichever gives the higher level."
        }
        return
            "\(q.code) undercodes the visit: it needs only \(Self.requirement(q)), but decision making here reaches \(mdmLevel.rawValue)."
    }

    /// Why the top code without the add-on fails in a prolonged case.
    func missingAddOn(units: Int) -> String {
        let threshold = v.time ?? 0
        return
            "\(p.code) alone leaves out the prolonged time: \(c.time ?? 0) minutes is at least 15 minutes beyond the \(threshold) minutes of \(p.code), so \(VisitIndex.prolongedCode) is added\(units > 1 ? " \(units) times" : "")."
    }
}
