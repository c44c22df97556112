import CodingContent
import Determinism
import Foundation

/// The coding tasks: `code-set` (the complete answer a coder submits), `modifier` (the modifier a
/// twist in the report calls for) and `bundling` (which documented services are reported).
extension QuestionGenerator {
    /// The side modifier a code set of `e` carries for `side`, or empty.
    private func sideModifier(_ e: ProcedureEntry, _ side: Side?) -> String {
        guard let side, e.procedure.system != .icd10pcs else { return "" }
        return "-" + CodeEntry.modifier(for: side)
    }

    func codeSet(_ i: ProcedureID, _ rng: inout SplitMix64) -> Draft {
        let e = index[i]
        let p = e.procedure
        let c = index.choices(i)
        let (k, side) = drawCodedDiagnosis(e, &rng)
        var plan = scenario(e, side: .some(side), diagnosis: k, &rng)
        // The key is the complete set: FINDINGS could document a second codable condition (an ulnar
        // styloid fracture beside the radius), so a code-set report keeps to the diagnosis lines.
        plan.findings = false
        plan.codingTask = true
        let included = p.inclusions.filter { $0.code != nil && $0.step.map { e.narratable[$0 - 1] } == true }
        for inclusion in included { plan.forced.insert(inclusion.step! - 1) }
        let stem = reportStem(
            e, plan, narration: e.plan,
            question: "Which code set should be reported for this procedure (CPT code with modifiers, then ICD-10-CM)?", &rng)
        let modifier = sideModifier(e, side)
        let cpt = p.code + modifier
        let dx = c.diagnoses[k].right.text
        func set(_ elements: [String]) -> String { elements.joined(separator: ", ") }

        let sedation = e.report.sedationOnly[ReportMaterial.settingSlot(plan.setting)]
        var because =
            "\(set([cpt, dx])) is \(sedation ? "the code set for the procedure" : "the code set this note supports"). \(c.rightCode)"
        if let side, !modifier.isEmpty {
            because +=
                side == .bilateral
                ? " Both sides were treated, so the code takes modifier 50."
                : " The report names the \(side.rawValue) side, so the code takes \(modifier.dropFirst())."
            if side != .bilateral, p.modifiers.contains(where: { $0.modifier == "50" }) {
                because += " Modifier 50 would apply only if both sides were treated in the same session; this report describes one."
            }
        }
        because += " " + c.diagnoses[k].right.rationale
        if sedation { because += Self.sedationRule }
        var groups: [[Choice]] = [[], [], [], []]
        // One element wrong: the alternative CPT code.
        for choice in c.codes {
            // The alternative keeps the scenario's side modifier when it is sided too.
            let otherModifier = index.byCode[choice.text].map { index[$0].sides.isEmpty ? "" : modifier } ?? modifier
            groups[0].append(Choice(text: set([choice.text + otherModifier, dx]), correct: false, rationale: choice.rationale))
        }
        // The modifier wrong or missing.
        if let side, side != .bilateral, !modifier.isEmpty {
            let other = side == .right ? "LT" : "RT"
            groups[1].append(
                Choice(
                    text: set([p.code + "-" + other, dx]), correct: false,
                    rationale: "\(other) names the wrong side: the report documents the \(side.rawValue) side."))
            groups[1].append(
                Choice(
                    text: set([p.code, dx]), correct: false,
                    rationale: "The side modifier is missing: a procedure on one of a pair of structures carries RT or LT (50 for both)."))
            if p.modifiers.contains(where: { $0.modifier == "50" }) {
                groups[1].append(
                    Choice(
                        text: set([p.code + "-50", dx]), correct: false,
                        rationale:
                            "Modifier 50 is for the same procedure on both sides in one session; this report describes the \(side.rawValue) side only."
                    ))
            }
        }
        // A bundled service reported separately.
        for inclusion in included {
            groups[2].append(
                Choice(
                    text: set([cpt, inclusion.code!, dx]), correct: false,
                    rationale:
                        "\(inclusion.code!) should not be added: \(inclusion.service) is included in \(p.code) because \(inclusion.why ?? inclusion.reason.rule)."
                ))
        }
        // The diagnosis wrong: other side, then the same category or a related condition (one code
        // off); for a key of two codes, the second one missing.
        if let missing = c.diagnoses[k].missingSecond {
            groups[3].append(Choice(text: set([cpt, missing.text]), correct: false, rationale: missing.rationale))
        }
        for wrong in c.diagnoses[k].oneOff.prefix(5) {
            groups[3].append(Choice(text: set([cpt, wrong.text]), correct: false, rationale: wrong.rationale))
        }
        var choices = [Choice(text: set([cpt, dx]), correct: true, rationale: because)]
        // The alternative CPT code (the file's first alternative, the nearest confusable one) always
        // leads; the other kinds of error follow in a seeded order.
        var order = [1, 2, 3].filter { !groups[$0].isEmpty }
        rng.shuffle(&order)
        if !groups[0].isEmpty { order.insert(0, at: 0) }
        var taken = Set([choices[0].text])
        var round = 0
        // Round robin over the groups (one element wrong each); the first pick of a group is one of its
        // two strongest, and every pick leaves the group, so no candidate is lost to a repeat.
        while choices.count < 4, order.contains(where: { !groups[$0].isEmpty }) {
            for g in order where choices.count < 4 && !groups[g].isEmpty {
                let choice = groups[g].remove(at: round == 0 && g != 0 ? rng.below(min(2, groups[g].count)) : 0)
                if !Self.repeatsCode(choice.text), taken.insert(choice.text).inserted { choices.append(choice) }
            }
            round += 1
        }
        return Draft(stem: stem, choices: choices, rationale: because)
    }

    func modifier(_ i: ProcedureID, _ rng: inout SplitMix64) -> Draft {
        let e = index[i]
        let p = e.procedure
        let uses = p.modifiers.filter { ProcedureReading.twistPlacement($0, p, e.narratable) != nil }
        let use = rng.element(of: uses)
        var plan = scenario(e, &rng)
        plan.findings = false
        let note = Wording.sentence(use.note!)
        switch ProcedureReading.twistPlacement(use, p, e.narratable)! {
        case .replaces(let step):
            plan.replaced[step] = note
            // A reduced or discontinued service falls short where the twist happens.
            if ["52", "53", "73", "74"].contains(use.modifier) {
                plan.shortAt = step
                plan.discontinued = use.modifier != "52"
            }
        case .afterApproach(let step):
            plan.after = (step, note)
            plan.forced.insert(step)
        case .closing: plan.closing = [note]
        case .opening: plan.opening = [note]
        }
        let stem = reportStem(
            e, plan, narration: e.plan,
            question: "Which modifier should be appended to CPT code \(p.code) for this procedure?", &rng)
        let because =
            "Modifier \(use.modifier) is correct: \(Wording.clause(use.when)). The report says so: “\(Wording.clause(use.note!))”. "
            + "Rule: \(ModifierGlossary.described(use.modifier))."
        var choices = [Choice(text: use.modifier, correct: true, rationale: because)]
        let own = Set(p.modifiers.map(\.modifier))
        // Confusable ones first; common ones fill up so that there are always four options.
        var names = ModifierGlossary.confusable(with: use.modifier).filter { !own.contains($0) }
        // A one-procedure report: 51 (multiple procedures) and 59 (distinct service) fit no option a
        // student would weigh, so the fill comes from modifiers of a single operation.
        // An anesthesia or equipment modifier is filled from its own group: 62 (co-surgeons) means
        // nothing on an anesthesia claim or a walker.
        let anesthesia = ["AA", "AD", "QK", "QX", "QY", "QZ"]
        let equipment = ["NU", "RR", "UE", "KX", "GA", "GY", "GZ"]
        let fill =
            anesthesia.contains(use.modifier)
            ? anesthesia : equipment.contains(use.modifier) ? equipment : ["62", "53", "52", "76", "77", "78", "79", "22"]
        for m in fill
        where names.count < 3 && m != use.modifier && !own.contains(m) && !names.contains(m) {
            names.append(m)
        }
        let wrong = names.map { m in
            Choice(
                text: m, correct: false,
                rationale: "\(Wording.capitalized(ModifierGlossary.described(m))) does not fit: here, \(Wording.clause(use.when)).")
        }
        pick(3, must: [], ranked: wrong[...], into: &choices, &rng)
        return Draft(stem: stem, choices: choices, rationale: because)
    }

    func bundling(_ i: ProcedureID, _ rng: inout SplitMix64) -> Draft {
        let e = index[i]
        let p = e.procedure
        let c = index.choices(i)
        var plan = scenario(e, &rng)
        plan.codingTask = true
        let included = p.inclusions.filter { $0.code != nil && $0.step.map { e.narratable[$0 - 1] } == true }
        for inclusion in included { plan.forced.insert(inclusion.step! - 1) }
        let additions = p.additions.filter { $0.note != nil }
        let addition: Addition? = additions.isEmpty || rng.below(2) == 0 ? nil : rng.element(of: additions)
        // One rule: an additional service is documented exactly when its note sentence is told, so
        // FINDINGS (which may state, say, the surgeon's cholangiogram reading) are told only then.
        if let addition {
            plan.extra = [Wording.sentence(addition.note!)]
            // The other service comes before the closing step, so the closing step is told.
            if e.narratable.last == true { plan.forced.insert(p.steps.count - 1) }
        } else if !additions.isEmpty {
            plan.findings = false
        }
        let sedation = e.report.sedationOnly[ReportMaterial.settingSlot(plan.setting)]
        let stem = reportStem(
            e, plan, narration: e.plan,
            question: sedation
                ? "Which CPT codes should be reported for the procedures documented in this note (the moderate sedation aside)?"
                : "Which CPT codes should be reported for the services documented in this note?", &rng)
        func set(_ elements: [String]) -> String { elements.joined(separator: ", ") }
        let added = addition.map { $0.code + ($0.modifier.map { "-" + $0 } ?? "") }
        // The main code carries the scenario's side modifier, as in a code set.
        let modifier = sideModifier(e, plan.patient.side)
        let cpt = p.code + modifier
        let key = [cpt] + (added.map { [$0] } ?? [])
        var because = c.rightCode
        if let addition, let added {
            because +=
                " Also report \(added): \(Wording.clause(addition.when)), and the note documents it (“\(Wording.clause(addition.note!))”), so it is a separate service reported in addition"
            if let modifier = addition.modifier {
                because += "; modifier \(modifier) shows it is distinct (\(ModifierGlossary.described(modifier)))"
            }
            because += "."
        } else if let other = p.additions.first {
            because +=
                " \(sedation ? "No other procedure code is reported" : "Nothing else is reported"): \(other.code) would be added only when \(Wording.clause(other.when)), and this note does not document that."
        }
        for inclusion in included {
            because +=
                " \(Wording.capitalized(inclusion.service)) is not reported separately (\(inclusion.code!)): \(inclusion.why ?? inclusion.reason.rule)."
        }
        if sedation { because += Self.sedationRule }
        var choices = [Choice(text: set(key), correct: true, rationale: because)]
        var wrong: [Choice] = []
        for inclusion in included {
            wrong.append(
                Choice(
                    text: set(key + [inclusion.code!]), correct: false,
                    rationale:
                        "\(inclusion.code!) should not be added: \(inclusion.service) is part of \(p.code) (\(inclusion.reason.rule))."))
        }
        if included.count >= 2 {
            wrong.append(
                Choice(
                    text: set(key + included.map { $0.code! }), correct: false,
                    rationale: "None of \(included.map { $0.code! }.joined(separator: ", ")) is added: that work is included in \(p.code).")
            )
        }
        if let addition, added != nil {
            wrong.append(
                Choice(
                    text: cpt, correct: false,
                    rationale: "\(addition.code) is missing: \(Wording.clause(addition.when)) is a separate service, reported in addition.")
            )
            if addition.modifier != nil {
                wrong.append(
                    Choice(
                        text: set([cpt, addition.code]), correct: false,
                        rationale:
                            "\(addition.code) needs modifier \(addition.modifier!) here: without it the two services look like one bundled service (\(ModifierGlossary.described(addition.modifier!)))."
                    ))
            }
        } else if let other = additions.first ?? p.additions.first {
            let otherCode = other.code + (other.modifier.map { "-" + $0 } ?? "")
            wrong.append(
                Choice(
                    text: set([cpt, otherCode]), correct: false,
                    rationale:
                        "\(other.code) would be added only when \(Wording.clause(other.when)); this note documents nothing of the kind."))
        }
        if let addition, let added {
            // The added service alone: the main procedure left out.
            wrong.append(
                Choice(
                    text: added, correct: false,
                    rationale:
                        "\(p.code) is missing: the note documents \(p.code)'s own work, and \(addition.code) is reported with it, not instead of it."
                ))
        }
        // The alternatives (family first) with the same additional code: the wrong main code. A code
        // the note's work includes (a component reported alone) is never offered by itself: that
        // error is the key with the included code added, above.
        let parts = Set(p.inclusions.compactMap(\.code))
        for alternative in c.codes.prefix(4) where !parts.contains(alternative.text) {
            let otherModifier = index.byCode[alternative.text].map { index[$0].sides.isEmpty ? "" : modifier } ?? modifier
            wrong.append(
                Choice(text: set([alternative.text + otherModifier] + key.dropFirst()), correct: false, rationale: alternative.rationale))
        }
        // Filler when few remain: an alternative main code with the included code reported beside it
        // (the unbundled pair, e.g. the prostatectomy without nodes plus the node dissection).
        if let part = included.first?.code {
            for alternative in c.codes.prefix(3) where !parts.contains(alternative.text) {
                let otherModifier = index.byCode[alternative.text].map { index[$0].sides.isEmpty ? "" : modifier } ?? modifier
                wrong.append(
                    Choice(
                        text: set([alternative.text + otherModifier, part]), correct: false,
                        rationale: alternative.rationale + " \(part) is not added either: that work is included in \(p.code)."))
            }
        }
        var taken = Set([choices[0].text])
        var unique: [Choice] = []
        // An option never names one code twice ("29823, 29823": the alternative is the added code).
        for choice in wrong where !Self.repeatsCode(choice.text) && taken.insert(choice.text).inserted { unique.append(choice) }
        // The key with an included code reported separately is always offered: the bundling error itself.
        let must = unique.prefix(included.isEmpty ? 0 : 1)
        pick(3, must: must, ranked: unique.dropFirst(must.count), into: &choices, &rng)
        // Each wrong option carries its own rationale; the question's says what is reported and why.
        return Draft(stem: stem, choices: choices, rationale: because)
    }
}

extension QuestionGenerator {
    /// Whether a code-set option names one code twice (modifiers aside): `29823, 29823-59`.
    /// Scans the UTF-8 bytes in place (no split, no set): it runs on every candidate option.
    static func repeatsCode(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let comma = UInt8(ascii: ",")
            let space = UInt8(ascii: " ")
            let dash = UInt8(ascii: "-")
            /// The code of the element starting at `start`: leading spaces dropped, up to a dash or the
            /// element's end; and where the element ends.
            func code(from start: Int) -> (code: Range<Int>, end: Int) {
                var end = start
                while end < bytes.count, bytes[end] != comma { end += 1 }
                var first = start
                while first < end, bytes[first] == space { first += 1 }
                var last = first
                while last < end, bytes[last] != dash { last += 1 }
                return (first..<last, end)
            }
            var start = 0
            while start < bytes.count {
                let (current, end) = code(from: start)
                // Empty elements (",,") are skipped, as `split` omits them.
                if end > start {
                    var earlier = 0
                    while earlier < start {
                        let (other, otherEnd) = code(from: earlier)
                        if otherEnd > earlier, other.count == current.count,
                            !zip(bytes[other], bytes[current]).contains(where: { $0 != $1 })
                        {
                            return true
                        }
                        earlier = otherEnd + 1
                    }
                }
                start = end + 1
            }
            return false
        }
    }

    /// Said in a coding task whose report has the proceduralist supervising moderate sedation.
    static let sedationRule =
        " The physician performing the procedure also supervised the moderate sedation: when the intraservice time is documented (at least 10 minutes), that sedation is a service of its own, reported with 99152 (patient aged 5 or older; 99151 under 5) and +99153 for each further 15 minutes."
}

extension KindAvailability {
    /// Why a procedure cannot have each coding task, for the tasks it cannot have.
    static func codingTaskGaps(_ e: ProcedureReading, neighbours: Neighbours, candidates: Candidates) -> [QuestionKind: String] {
        let p = e.procedure
        var gaps: [QuestionKind: String] = [:]
        let narratable = e.narratable.contains(true)
        let documentedInclusion = p.inclusions.contains { $0.code != nil && $0.step.map { e.narratable[$0 - 1] } == true }
        if p.system == .icd10pcs {
            gaps[.codeSet] = "code sets are for CPT and HCPCS codes"
        } else if p.diagnoses.isEmpty {
            gaps[.codeSet] = "it lists no diagnoses"
        } else if !narratable {
            gaps[.codeSet] = "no step can be narrated"
        } else if neighbours.mustCount == 0, !p.isSided, !documentedInclusion, candidates.diagnosisPool.count < 2 {
            gaps[.codeSet] = "no code set differing in one element can be made"
        }
        if !p.modifiers.contains(where: { ProcedureReading.twistPlacement($0, e.procedure, e.narratable) != nil }) || !narratable {
            gaps[.modifier] = "no modifier in 'modifiers' has a 'note' describing its situation"
        }
        if !narratable || (!documentedInclusion && !p.additions.contains { $0.note != nil }) {
            gaps[.bundling] = "no 'included' entry names a code and a narrated step, and no 'in_addition' entry has a 'note'"
        }
        return gaps
    }
}

/// Where a modifier's twist sentence goes in a report: in place of the step it names, after the
/// approach (extra work found on the way in), at the end (care handed over), or after the arrival
/// (history: an earlier operation, a screening booking).
enum TwistPlacement: Equatable {
    case replaces(Int)
    case afterApproach(Int)
    case closing
    case opening
}

extension ProcedureReading {
    /// Where `use`'s note is told, or `nil` when it cannot be told without contradicting a step: a
    /// reduced or discontinued service (52/53/73/74) must replace the narratable step it names.
    static func twistPlacement(_ use: ModifierUse, _ p: Procedure, _ narratable: [Bool]) -> TwistPlacement? {
        guard use.note != nil, !use.isLaterality else { return nil }
        if let step = use.replacesStep, step >= 1, step <= narratable.count, narratable[step - 1] { return .replaces(step - 1) }
        switch use.modifier {
        case "52", "53", "73", "74": return nil
        case "22":
            // Extra work met on the way in is told right after the approach is narrated.
            let approach = p.steps.indices.first { s in
                guard narratable[s] else { return false }
                let lowered = p.steps[s].text.lowercased()
                return ["incision", "approach", "port", "exposed", "arthrotomy", "opened"].contains { Wording.bytesContain(lowered, $0) }
            }
            return (approach ?? narratable.firstIndex(of: true)).map { .afterApproach($0) }
        case "54", "59", "XS", "XE", "XP", "XU": return .closing
        default: return .opening
        }
    }
}
