import CodingContent
import Determinism
import Foundation

/// The coding tasks: `code-set` (the complete answer a coder submits), `modifier` (the modifier a
/// twist in the report calls for) and `bundling` (which documented services are reported).
extension QuestionGenerator {
    /// The side modifier a code set of `e` carries for `side`, or empty.
    private func sideModifier(_ e: ProcedureEntry, _ side: Side?) -> String {
        guard let side, e.procedure.system != .icd10pcs else { return "" }
        return "-" + e.sideModifier(for: side)
    }

    /// What a side modifier names: the digit or eyelid of an anatomic one ("the right index finger"), else "the right side".
    static func sideSite(_ modifier: String, _ side: Side) -> String {
        AnatomicModifier.named[modifier]?.site ?? "the \(side.rawValue) side"
    }

    func codeSet(_ i: ProcedureID, _ rng: inout SplitMix64) -> Draft {
        let e = index[i]
        var p: Procedure { e.procedure }  // a field at a time: copying the whole struct retained every field
        let c = index.choices(i)
        let (k, side) = drawCodedDiagnosis(e, &rng)
        var plan = scenario(e, side: .some(side), diagnosis: k, &rng)
        // The key is the complete set: FINDINGS could document a second codable condition (an ulnar
        // styloid fracture beside the radius), so a code-set report keeps to the diagnosis lines.
        plan.findings = false
        plan.codingTask = true
        // An anesthesia code is always reported with the physical status the record documents (P1…P6):
        // drawn here, so that the ASA PHYSICAL STATUS line and the key's modifier are the same class.
        let anesthesia = e.report.layout == .anesthesia
        if anesthesia { plan.physicalStatus = rng.element(of: p.service.physicalStatus) }
        let included = e.toldInclusions
        for inclusion in included { plan.forced.insert(inclusion.step! - 1) }
        // A drug is reported with the units its dose makes (`ServiceFacts.drugUnits`, as in `drug-units`).
        var units: (count: Int, why: String)?
        var wrongUnits: [WrongDecision] = []
        if e.report.layout == .medication, let unit = p.service.unit, !p.service.doses.isEmpty {
            let d = rng.below(p.service.doses.count)
            plan.dose = d
            let dose = p.service.doses[d]
            let count = ServiceFacts.drugUnits(dose: dose, unit: unit)
            units = (
                count,
                " \(p.code) covers \(unit) per unit and \(dose) was given, so the line carries \(count) unit\(count == 1 ? "" : "s") (a partial unit counts as a whole one)."
            )
            // The usual unit mistakes, as `drug-units` grades them.
            var seen: Set<Int> = [count]
            func wrong(_ n: Int, _ why: String) {
                guard n > 0, seen.insert(n).inserted else { return }
                wrongUnits.append(WrongDecision(axis: .units, why: why, omits: false) { $0.units = n })
            }
            let ratio = dose.value / unit.value
            if ratio >= 1, ratio != ratio.rounded() {
                wrong(Int(ratio.rounded(.down)), "\(count - 1) units rounds a partial unit down; a partial unit is billed as a whole one.")
            }
            wrong(1, "One injection is not one unit: divide the \(dose) given by the \(unit) the code covers (\(count) units).")
            if dose.value == dose.value.rounded(), dose.value < 100_000 {
                wrong(Int(dose.value), "The units are the dose divided by the \(unit) the code covers (\(count)), not the dose itself.")
            }
            wrong(count * 2, "Twice the units: \(dose) ÷ \(unit) is \(count) unit\(count == 1 ? "" : "s").")
        } else if let counted = p.service.counted {
            // A code reported per counted thing (95004 per allergen test): the note's count is its units.
            let count = counted.count
            units = (
                count,
                " \(p.code) is reported once per \(counted.per), and the note documents \(count), so the line carries \(count) units (\(p.code) × \(count))."
            )
            wrongUnits = [
                WrongDecision(
                    axis: .units,
                    why: "One unit for the session undercounts: \(p.code) is reported once per \(counted.per), \(count) here.",
                    omits: false
                ) { $0.units = 1 }
            ]
        }
        // An additional service is documented exactly when its note is told (as in `bundling`); then
        // the key carries it and leaving it out is the CPT decision a distractor can get wrong.
        let additions = e.toldAdditions
        // An addition every report documents (`always`: a vaccine's administration) is always keyed.
        var addition: Addition? =
            additions.first(where: \.always) ?? (additions.isEmpty || rng.below(2) == 0 ? nil : rng.element(of: additions))
        // The patient's age on an anesthesia record is a qualifying circumstance of its own (99100):
        // it is in the key exactly when its note is told, so the age agrees with that.
        if anesthesia, !plan.agreeAge(toldExtremeAge: addition?.code == "99100", clamp: true, p.patient, &rng) { addition = nil }
        if let addition { plan.place(addition, narratable: e.narratable) }
        // A drug from a single-dose vial with nothing discarded, for a Medicare Part B patient: the
        // vial log (the file's JZ note) is told and the drug's line carries JZ; leaving it off, or
        // JW, is a decision to get wrong (instructor review 24683).
        var wrongWaste: [WrongDecision] = []
        var zeroWaste: String?
        if units != nil, addition == nil, let twist = e.twists.first(where: { $0.use.modifier == "JZ" }) {
            var written = twist.use.note!
            if let d = plan.dose, Wording.bytesContain(written, "{dose}") {
                written = Wording.filled(written, [("dose", p.service.doses[d].description)])
            }
            plan.tell(twist, Wording.sentence(written))
            zeroWaste = Wording.clause(written)
            wrongWaste = [
                WrongDecision(
                    axis: .waste,
                    why:
                        "JZ is missing: a drug from a single-dose container on a Medicare Part B claim carries JZ when none was discarded (JW when some was), and the vial log documents none discarded.",
                    omits: true
                ) { $0.waste = "" },
                WrongDecision(
                    axis: .waste,
                    why:
                        "JW reports an amount of a single-dose container that was discarded; the vial log documents none discarded, so the line carries JZ.",
                    omits: false
                ) { $0.waste = "-JW" },
            ]
        }
        let sedation = e.report.sedationOnly[ReportMaterial.settingSlot(plan.setting)]
        // An anesthesia code set asks for the physical status modifier by name: the payment modifiers
        // (AA, QK, QX, QZ, QS…) depend on who gave the anesthesia, which a code set does not ask.
        let asked =
            anesthesia
            ? "CPT anesthesia code with its physical status modifier and any add-on code, then ICD-10-CM"
            : "\(p.system == .hcpcs ? "HCPCS" : "CPT") code(s) with any modifiers\(units == nil ? "" : " and units"), then ICD-10-CM"
        var stem = reportStem(
            e, plan, narration: e.plan,
            question: "Which code set should be reported for this \(e.report.layout == .operative ? "procedure" : "service") (\(asked))?",
            &rng)
        let status = plan.physicalStatus
        if let status, addition?.code == "99140" {
            // An emergency is marked on the class itself, as in `anesthesia-units`.
            stem = stem.replacingOccurrences(of: "ASA PHYSICAL STATUS: \(status)\n", with: "ASA PHYSICAL STATUS: \(status)E\n")
        }
        let modifier = sideModifier(e, side)
        let added = addition.map { addedCode($0, side: modifier) }
        let diagnosis = c.diagnoses[k]
        // The condition the added service treats is coded too, in every option that has the diagnosis.
        let addedDx = addedDiagnosis(e, plan)
        let addedDotted = addedDx.map { ICD10.dotted($0.code) }
        func withAdded(_ codes: String) -> String { addedDotted.map { Self.inserting($0, into: codes) } ?? codes }
        let key = CodeSetParts(
            main: p.code, status: status.map { "-P\($0)" } ?? "", modifier: modifier, waste: zeroWaste == nil ? "" : "-JZ",
            units: units?.count, added: added.map { [$0] } ?? [], dx: withAdded(diagnosis.right.text))
        var because =
            "\(key.text) is \(sedation ? "the code set for the procedure" : "the code set this note supports"). \(c.rightCode)"
        if let units { because += units.why }
        if let zeroWaste {
            because +=
                " The note documents “\(zeroWaste)”: a single-dose container given whole to a Medicare Part B patient, so the line carries \(ModifierGlossary.described("JZ"))."
        }
        if let status {
            because +=
                " The record documents ASA physical status \(status), reported as modifier P\(status) on the anesthesia code: every anesthesia code carries its P1–P6 class. The same class sets the physical status units when the anesthesia units are counted (P3 adds 1, P4 2, P5 3; P1, P2 and P6 none)."
        }
        if let side, !modifier.isEmpty {
            because +=
                side == .bilateral
                ? " Both sides were treated, so the code takes modifier 50."
                : " The report names \(Self.sideSite(String(modifier.dropFirst()), side)), so the code takes \(modifier.dropFirst())."
            if side != .bilateral, p.modifiers.contains(where: { $0.modifier == "50" }) {
                because += " Modifier 50 would apply only if both sides were treated in the same session; this report describes one."
            }
        }
        if let addition, let added {
            because +=
                " Also report \(added): \(Wording.clause(addition.when)), and the note documents it (“\(Wording.clause(addition.note!))”)."
            if addition.sameSide, !modifier.isEmpty, added.hasSuffix(modifier) {
                because += " The add-on is done on the same side, so its line carries \(modifier.dropFirst()) too."
            }
        }
        because += " " + diagnosis.right.rationale
        if let addedDx, let dotted = addedDotted, let addition {
            because += Self.addedDiagnosisRationale(
                addedDx, dotted: dotted, supports: addition.code, key: key.dx!, main: p.code, source: e.report.layout.diagnosisSource)
        }
        if sedation { because += Self.sedationRule }

        let alternatives = plausibleAlternatives(e, c, age: plan.patient.age, side: side)
        // The main code of the code decision's nearest wrong value (as `cptDecisions` takes them).
        let nearestCode = alternatives.first { $0.text != addition?.code }?.text
        var cpt = cptDecisions(
            e, alternatives: alternatives, side: side, modifier: modifier, status: status, included: included, addition: addition,
            units: units?.count)
        if !wrongUnits.isEmpty { cpt.append(wrongUnits) }
        if !wrongWaste.isEmpty { cpt.append(wrongWaste) }
        // The diagnosis decision: a further condition left out, the other side, the same category, a related condition.
        var dx: [WrongDecision] = []
        if let addedDx, let dotted = addedDotted, let addition {
            // The added service's own diagnosis left out: the codes of the main procedure alone.
            let own = diagnosis.right.text
            dx.append(
                WrongDecision(
                    axis: .diagnosis,
                    why:
                        "A diagnosis is left out: \(e.report.layout.diagnosisSource) also documents “\(Wording.clause(addedDx.text))”, the condition \(addition.code) treats, so \(dotted) is reported too.",
                    omits: true
                ) { $0.dx = own })
        }
        if let missing = diagnosis.missingSecond {
            let text = withAdded(missing.text)
            dx.append(WrongDecision(axis: .diagnosis, why: missing.rationale, omits: true) { $0.dx = text })
        }
        for (wrong, flipsSide) in zip(diagnosis.oneOff.prefix(5), diagnosis.oneOffFlipsSide) {
            let text = withAdded(wrong.text)
            dx.append(
                WrongDecision(axis: .diagnosis, why: wrong.rationale, omits: false, flipsSide: flipsSide) {
                    $0.dx = text
                })
        }
        // The decisions ranked by how much coding they test (the wrong values of each nearest first):
        // the code, the additional service, an included code, the units, the physical status, and
        // last the side modifier, which the report names. The side is a decision only when fewer
        // than two others can be wrong: beside them an RT/LT flip is settled at a glance and, in the
        // balanced design, would rule out two options at once.
        cpt.sort { Self.rank($0.first!.axis) < Self.rank($1.first!.axis) }
        let substantive = cpt.filter { $0.first?.axis != .side }.count + (dx.contains { !$0.flipsSide } ? 1 : 0)
        /// The options over two decisions of `cpt` and the diagnosis decision (the 2×2 crossing), or
        /// three wrong values of one.
        /// With `additionFirst`, a documented addition left out is crossed before the diagnosis (the
        /// addition then varies, not the same in all four options).
        // Whether the last options made are known to leave no frequency cue (`crossedOptions`).
        var checked = false
        func crossing(_ cpt: [[WrongDecision]], additionFirst: Bool = false) -> Draft {
            var cpt = cpt
            let sameFact = cpt.contains { $0.first?.axis == .side } && dx.allSatisfy { $0.flipsSide }
            let decisions = cpt.compactMap { $0.first?.axis } + (dx.isEmpty || sameFact ? [] : [.diagnosis])
            // The alternative code, the nearest confusable one, is always offered: when it is also work the key includes (43235, the diagnostic EGD,
            // beside 43251) it cannot cross with that included code (the same code twice), so it crosses
            // with the diagnosis or the side, or comes with two other wrong values.
            // Indices into `cpt`; the diagnosis decision goes first (after the addition with `additionFirst`).
            var leading: Int?
            if let code = cpt.firstIndex(where: { $0.first?.axis == .code }) {
                cpt.swapAt(0, code)
                leading = 0
            }
            // An included code that is also an alternative (46080, the sphincterotomy alone, beside 46200,
            // which includes it): adding it to the key is the trap a coder falls for, so it is always
            // offered; it cannot cross with that alternative (the same code twice), so it leads.
            // The nearest alternative is then crossed with it when the two can combine.
            let nearest = alternatives.prefix(3).map(\.text)
            var pair: (Int, Int)?
            if let t = included.firstIndex(where: { nearest.contains($0.code!) }),
                let b = cpt.firstIndex(where: { $0.first?.axis == .bundled })
            {
                cpt[b].swapAt(0, t)
                leading = b
                if let code = cpt.firstIndex(where: { $0.first?.axis == .code }) { pair = (min(code, b), max(code, b)) }
            }
            var axes = cpt
            let dxAt = additionFirst ? (cpt.firstIndex { $0.first?.axis == .addition }).map { $0 + 1 } ?? 0 : 0
            func at(_ i: Int) -> Int { dx.isEmpty || i < dxAt ? i : i + 1 }
            if !dx.isEmpty { axes.insert(dx, at: dxAt) }
            leading = leading.map(at)
            pair = pair.map { (at($0.0), at($0.1)) }
            let choices = crossedOptions(
                key: key, axes: axes, because: because, leading: leading, pair: pair, oneSided: c.oneSided, checked: &checked)
            return Draft(stem: stem, choices: choices, rationale: because, decisions: decisions)
        }
        /// The options over the CPT decisions `cpt` and the diagnosis decision.
        func options(_ cpt: [[WrongDecision]]) -> Draft {
            // Three decisions or more: the balanced design, so that no element is the same in all four
            // options. The code, the documented addition left out and the diagnosis are among the three
            // whenever they have a wrong value; then an included code or the units; the physical status
            // and the side modifier, which the record prints, last.
            // A diagnosis whose only wrong value is the other side is the side decision again beside a
            // side modifier (one misread fact): then it is not a decision of its own.
            let sameFact = cpt.contains { $0.first?.axis == .side } && dx.allSatisfy { $0.flipsSide }
            let decisions = cpt.compactMap { $0.first?.axis } + (dx.isEmpty || sameFact ? [] : [.diagnosis])
            if decisions.count >= 3 {
                func of(_ axes: [DecisionAxis]) -> [[WrongDecision]] { cpt.filter { axes.contains($0.first!.axis) } }
                // A drug's JZ comes right after the code: the code set asks for its modifiers, and the
                // modifier missing is the option the vial log is there to rule out.
                let order =
                    of([.code]) + of([.addition, .waste]) + (dx.isEmpty ? [] : [dx]) + of([.bundled, .units]) + of([.status, .side])
                var balancedChecked = false
                let choices = crossedOptions(
                    key: key, axes: order, because: because, balanced: true, oneSided: c.oneSided, checked: &balancedChecked)
                // The nearest alternative is offered whenever four options can be made with it: when
                // no triple combines it (58260, whose own file does not include 58720, beside 58262's
                // bundled 58720), the 2×2 crossing with it replaces a triple with a farther code
                // (58150), the trap nobody falls for (instructor review 70913).
                if let nearest = nearestCode, !Self.offers(nearest, choices) {
                    let crossed = crossing(cpt, additionFirst: true)
                    if Self.offers(nearest, crossed.choices) { return crossed }
                }
                checked = balancedChecked
                return Draft(stem: stem, choices: choices, rationale: because, decisions: decisions)
            }
            return crossing(cpt)
        }
        // Without the side, unless the others alone leave the key standing out (an add-on that no
        // alternative can carry, 95874 beside 64616, and nothing else to vary).
        if substantive >= 2, cpt.contains(where: { $0.first?.axis == .side }) {
            let draft = options(cpt.filter { $0.first?.axis != .side })
            if draft.choices.count == 4, checked || !Self.keyStandsOut(draft.choices) { return draft }
        }
        return options(cpt)
    }

    /// The side a side modifier names (RT, LT, 50, or an anatomic one such as F6), else `nil`.
    static func modifierSide(_ modifier: String) -> Side? {
        switch modifier {
        case "RT": .right
        case "LT": .left
        case "50": .bilateral
        default: AnatomicModifier.named[modifier]?.side
        }
    }

    /// Whether one of `choices` has `code` as its main code (`58260, N95.0`, `32663-RT, C34.11`).
    static func offers(_ code: String, _ choices: [Choice]) -> Bool {
        choices.contains { choice in
            choice.text.hasPrefix(code)
                && choice.text.utf8.dropFirst(code.utf8.count).first.map {
                    $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: " ")
                } ?? true
        }
    }

    /// A code set's ICD-10-CM part (`O32.1XX0, Z37.0`) with `added` in sequence: after the others,
    /// except that a pregnancy code (chapter 15) goes before the first code of another chapter that
    /// follows a pregnancy code, chapter 15 codes being sequenced first (guideline I.C.15.a.1).
    static func inserting(_ added: String, into codes: String) -> String {
        var list = codes.components(separatedBy: ", ")
        if added.hasPrefix("O"), list.first?.hasPrefix("O") == true, let other = list.firstIndex(where: { !$0.hasPrefix("O") }) {
            list.insert(added, at: other)
        } else {
            list.append(added)
        }
        return list.joined(separator: ", ")
    }

    /// Why a code set carries the added service's own diagnosis and where it goes.
    static func addedDiagnosisRationale(
        _ added: AddedDiagnosis, dotted: String, supports code: String, key: String, main: String, source: String
    ) -> String {
        let codes = key.components(separatedBy: ", ")
        let first = codes.first ?? ""
        var text =
            " \(source.prefix(1).uppercased() + source.dropFirst()) also documents “\(Wording.clause(added.text))”, the condition \(code) treats: \(dotted) supports \(code) and is reported after \(first), the diagnosis of \(main)"
        if let at = codes.firstIndex(of: dotted), at + 1 < codes.count {
            text +=
                ", and before \(codes[(at + 1)...].joined(separator: ", ")): pregnancy codes (chapter 15) are sequenced before codes of other chapters"
        }
        return text + "."
    }

    /// An additional code as a code set writes it: with its own modifier (59), else with the
    /// scenario's side modifier when that code is sided too (31267-LT beside 31255-LT: the maxillary
    /// work is on the same side).
    /// With its units when the note documents more than one (`17003 × 4`).
    private func addedCode(_ addition: Addition, side modifier: String) -> String {
        let units = addition.units > 1 ? " × \(addition.units)" : ""
        if let own = addition.modifier { return addition.code + "-" + own + units }
        return addition.code + index.carried(modifier, by: addition.code, unknownSided: addition.sameSide) + units
    }

    /// The wrong main code `choice` (an alternative or family member); it keeps the scenario's side
    /// modifier when it is sided too (`LibraryIndex.carried`). With `addOn` (the add-on code an
    /// option may carry), it keeps that add-on only when its own file lists it in `in_addition`,
    /// else drops it (64636 is never reported beside 64625; a coder choosing 11102 adds no 17003);
    /// `keyed`: the key carries that add-on, so dropping it leaves an element of the key out.
    private func alternativeCode(_ choice: Choice, addOn: Addition? = nil, keyed: Bool = false) -> WrongDecision {
        let text = choice.text
        // What `LibraryIndex.carried` reads of the code, looked up once rather than per option made
        // (the lookups were 6 % of generation in the generator benchmark).
        let id = index.byCode[text]
        let sided = id.map { !index[$0].sides.isEmpty } ?? true
        let listsAnatomic = id.map { index[$0].listsAnatomicModifier } ?? true
        // The add-on this code cannot carry, as the options write it (with or without a modifier).
        let dropped =
            addOn.flatMap { addOn in
                // A qualifying circumstance (99100–99140) goes with every anesthesia code.
                addOn.type != .addOn
                    || id.map {
                        index[$0].procedure.layout == .anesthesia || index[$0].procedure.additions.contains { $0.code == addOn.code }
                    } == true
                    ? nil : addOn.code
            }
        // The closure runs on every option the crossing makes: the dropped code's dashed prefix is
        // made once, the added codes are copied only when one of them goes, and RT, LT and 50 skip
        // the anatomic table (`mayBeAnatomic`).
        let droppedDash = dropped.map { $0 + "-" }
        let droppedSpace = dropped.map { $0 + " " }
        // Where the alternative's own file lists one add-on, a coder who chose it reports that add-on
        // for the same further work (64635 with 64636 for a second lumbar joint where the key is 64633
        // with 64634): the option is the alternative's whole code set, not one with the add-on
        // silently gone, which read as a third wrong decision the rationale did not name (instructor
        // review 61979, 64633 and 64490).
        // Only an add-on for the same further work (most of its trigger's words are the dropped one's:
        // "a second … facet joint on the same side"), never one for other work (96375, a second drug
        // pushed, is no stand-in for 96366, the same infusion's next hour).
        let replacement = dropped.flatMap { _ in addOn.flatMap { Self.sameWorkAddOn(as: $0, in: id.map { index[$0].procedure }) } }
        var why = choice.rationale
        if let dropped, replacement == nil, keyed {
            why += " It leaves out \(dropped) as well: that add-on is reported only with its own primary code, and \(text) is not one."
        }
        return WrongDecision(axis: .code, why: why, omits: dropped != nil && keyed && replacement == nil, main: text) {
            $0.main = text
            if let dropped, let droppedDash, let droppedSpace {
                // An added code may carry units ("17003 × 4") as well as a modifier.
                let goes = { (code: String) in code == dropped || code.hasPrefix(droppedDash) || code.hasPrefix(droppedSpace) }
                if let replacement, !$0.added.contains(where: { $0.hasPrefix(replacement) }),
                    let k = $0.added.firstIndex(where: goes)
                {
                    $0.added[k] = replacement + $0.added[k].dropFirst(dropped.count)
                } else if $0.added.contains(where: goes) {
                    $0.added.removeAll(where: goes)
                }
            }
            guard !$0.modifier.isEmpty else { return }
            if !sided {
                $0.modifier = ""
            } else if !listsAnatomic, Self.mayBeAnatomic($0.modifier),
                let anatomic = AnatomicModifier.named[String($0.modifier.dropFirst())]
            {
                $0.modifier = "-" + (anatomic.side == .right ? "RT" : "LT")
            }
        }
    }

    /// The add-on `procedure` lists for the same further work as `addOn` (another code's add-on):
    /// the one whose trigger shares most of its words with `addOn`'s, when the shared words are at
    /// least two thirds of the shorter trigger's (64636's "a second lumbar or sacral facet joint on the
    /// same side" for 64634's cervical one), else `nil`.
    static func sameWorkAddOn(as addOn: Addition, in procedure: Procedure?) -> String? {
        guard let procedure, addOn.type == .addOn else { return nil }
        let own = procedure.additions.filter { $0.type == .addOn && $0.code != procedure.code && $0.code != addOn.code }
        guard !own.isEmpty else { return nil }
        let words = FindingWords(addOn.when).words
        var best: (code: String, shared: Int)?
        for other in own {
            let theirs = FindingWords(other.when).words
            let shared = words.intersection(theirs).count
            guard shared * 3 >= min(words.count, theirs.count) * 2, shared > best?.shared ?? 0 else { continue }
            best = (other.code, shared)
        }
        return best?.code
    }

    /// Whether a side modifier as a code set writes it (`-F2`) can be an anatomic one: every anatomic
    /// modifier begins with F, T or E (`AnatomicModifier.named`), so `-RT`, `-LT` and `-50` skip the
    /// table lookup.
    static func mayBeAnatomic(_ modifier: String) -> Bool {
        guard let letter = modifier.utf8.dropFirst().first else { return false }
        return letter == UInt8(ascii: "F") || letter == UInt8(ascii: "T") || letter == UInt8(ascii: "E")
    }

    /// The alternatives a code set or bundling question may offer as the wrong main code: the file's
    /// own `instead` entries in file order, nearest first (those sharing the key's approach ahead,
    /// `PreparedChoices.codeSetOrder`), then the other family codes; the first of them is the trap
    /// every report offers. An age-split alternative
    /// whose own file's patient ages exclude this patient comes last, used only when four options
    /// cannot be made without it: 36560 (ages 2–4) is no trap for a 79-year-old. A file's ages are
    /// the usual patients, not a limit of the code, so only an alternative whose ages do not overlap
    /// the key's counts as split by age (00732, 25–70, stays a trap for a 20-year-old's 00731, 20–70).
    ///
    /// An alternative that exists for one side only (`PreparedChoices.oneSided`: 32482, a
    /// bilobectomy, of the right lung) is left out of a report of the other side: 32482-LT cannot be.
    func plausibleAlternatives(_ e: ProcedureEntry, _ c: SharedChoices, age: Int, side: Side?) -> [Choice] {
        // The order and the age split are made per procedure (`PreparedChoices.codeSetChoices`).
        var ordered = c.codeSetChoices
        if let side, !c.oneSided.isEmpty {
            let oneSided = c.oneSided
            ordered.removeAll { choice in oneSided.contains { $0.code == choice.text && $0.side != side } }
        }
        guard c.codeSetSplitByAge else { return ordered }
        let ages = c.codeSetAges
        func fits(_ k: Int) -> Bool { ages[k].map { age >= $0.minimum && age <= $0.maximum } ?? true }
        return ordered.indices.filter(fits).map { ordered[$0] } + ordered.indices.filter { !fits($0) }.map { ordered[$0] }
    }

    /// A code set's CPT decision order: the code, the additional service, an included code, the
    /// units, the physical status, the side modifier (a switch, not an array literal per question).
    static func rank(_ axis: DecisionAxis) -> Int {
        switch axis {
        case .code: 0
        case .addition: 1
        case .bundled: 2
        case .waste: 3
        case .units: 4
        case .status: 5
        case .side: 6
        case .diagnosis: 7
        }
    }

    /// The documented additional service left out: the one wrong value of the addition decision in
    /// code sets and bundling alike.
    func missing(_ addition: Addition) -> WrongDecision {
        let why =
            "\(addition.code) is missing: it is reported in addition when \(Wording.clause(addition.when)), and the note documents that."
        // Beside another main code, an add-on is missing only where that code's own file lists it
        // (`alternativeCode`): a 64635 option, which carries its own 64636, does not lack 64634.
        // Where that file lists its own add-on for the same further work (11103 beside 11102 for
        // 11105), that add-on is missing: without it the add-on was the same in all four options
        // (instructor reviews 93607 and 73019: "11105 is in every option, so the add-on is never
        // tested").
        let code = addition.code
        let index = index
        let beside: ((String) -> String?)? =
            addition.type == .addOn
            ? { main in
                guard let id = index.byCode[main] else { return nil }
                let procedure = index[id].procedure
                // A qualifying circumstance (99100–99140) goes with every anesthesia code.
                if procedure.layout == .anesthesia || procedure.additions.contains(where: { $0.code == code }) { return why }
                guard Self.sameWorkAddOn(as: addition, in: procedure) != nil else { return nil }
                // Made only on this path, which few code sets take.
                return
                    "An add-on code is missing: one is reported in addition when \(Wording.clause(addition.when)), and the note documents that."
            } : nil
        return WrongDecision(axis: .addition, why: why, omits: true, beside: beside) { $0.added = [] }
    }

    /// The CPT decisions of a code set, each with its wrong values (strongest first): the code (an
    /// alternative), the side modifier, the anesthesia physical status (`status`, the record's class),
    /// an included code reported separately, the documented additional service left out.
    private func cptDecisions(
        _ e: ProcedureEntry, alternatives: [Choice], side: Side?, modifier: String, status: Int?, included: [Inclusion],
        addition: Addition?, units: Int?
    ) -> [[WrongDecision]] {
        var p: Procedure { e.procedure }  // a field at a time: copying the whole struct retained every field
        var decisions: [[WrongDecision]] = []
        // The alternatives may include a component (45378 beside 45385: nothing removed); as the main
        // code it is a real alternative, and the crossing skips it beside its own bundled copy.
        var codes: [WrongDecision] = []
        for choice in alternatives.prefix(3) where choice.text != addition?.code {
            codes.append(alternativeCode(choice, addOn: addition, keyed: true))
        }
        if !codes.isEmpty { decisions.append(codes) }
        if let side, side != .bilateral, !modifier.isEmpty {
            let own = String(modifier.dropFirst())
            let other = e.sideModifier(for: side == .right ? .left : .right)
            let otherDashed = "-" + other
            let site = Self.sideSite(own, side)
            let anatomic = AnatomicModifier.named[own]
            // An add-on done on the same side (`side: same`) carries the main code's side modifier, so
            // a wrong side or a missing one is wrong on both lines (64479-RT, 64480-RT), one decision.
            let sameSide = addition.flatMap { $0.sameSide ? addedCode($0, side: modifier) : nil }
            let keyedAddOn = sameSide.map { ($0, String($0.dropLast(modifier.count))) }
            func setAddOn(_ parts: inout CodeSetParts, _ suffix: String) {
                guard let (keyed, bare) = keyedAddOn, let k = parts.added.firstIndex(of: keyed) else { return }
                parts.added[k] = bare + suffix
            }
            var sides = [
                WrongDecision(
                    axis: .side, why: "\(other) names the wrong side: the report documents \(site)\(anatomic == nil ? "" : " (\(own))").",
                    omits: false
                ) {
                    if !$0.modifier.isEmpty {
                        $0.modifier = otherDashed
                        setAddOn(&$0, otherDashed)
                    }
                },
                WrongDecision(
                    axis: .side,
                    why: anatomic.map {
                        "The side modifier is missing: a procedure on \($0.structure) carries its \($0.structure == "an eyelid" ? "eyelid" : "digit") modifier (\(own))."
                    }
                        ?? "The side modifier is missing: a procedure on one of a pair of structures carries RT or LT (50 for both).",
                    omits: true
                ) {
                    $0.modifier = ""
                    setAddOn(&$0, "")
                },
            ]
            if let anatomic {
                // RT or LT states the side but not the digit or eyelid the anatomic modifier names.
                let plain = side == .right ? "RT" : "LT"
                let plainDashed = "-" + plain
                sides.append(
                    WrongDecision(
                        axis: .side,
                        why:
                            "\(plain) names the side only: a procedure on \(anatomic.structure) is reported with the modifier that names it, \(own) for \(site).",
                        omits: false
                    ) { if !$0.modifier.isEmpty { $0.modifier = plainDashed } })
            }
            if p.modifiers.contains(where: { $0.modifier == "50" }) {
                sides.append(
                    WrongDecision(
                        axis: .side,
                        why:
                            "Modifier 50 is for the same procedure on both sides in one session; this report describes the \(side.rawValue) side only.",
                        omits: false
                    ) {
                        if !$0.modifier.isEmpty {
                            $0.modifier = "-50"
                            setAddOn(&$0, "-50")
                        }
                    })
            }
            decisions.append(sides)
        }
        if let status {
            // The neighbouring class (P2 for P3, P2 for P1) and no class at all.
            let other = status == 1 ? 2 : status - 1
            let otherStatus = "-P\(other)"
            decisions.append([
                WrongDecision(
                    axis: .status,
                    why: "P\(other) is not the class on the record: it documents ASA physical status \(status), reported as P\(status).",
                    omits: false
                ) { $0.status = otherStatus },
                WrongDecision(
                    axis: .status,
                    why:
                        "The physical status modifier is missing: every anesthesia code carries the ASA class the record documents, here P\(status).",
                    omits: true
                ) { $0.status = "" },
            ])
        }
        let bundled = included.map { inclusion in
            let code = inclusion.code!
            let value = [code]  // made once, not on every option the crossing makes
            return WrongDecision(
                axis: .bundled,
                why:
                    "\(code) should not be added: \(inclusion.service) is included in \(p.code) because \(inclusion.why ?? inclusion.reason.rule).",
                omits: false, beside: includedBeside([code])
            ) { $0.bundled = value }
        }
        if !bundled.isEmpty { decisions.append(bundled) }
        if let addition {
            var values = [missing(addition)]
            // An add-on that no alternative can carry (17003 beside 17000, 96361 beside 96360) made the
            // key the one option with the add-on, the longest (instructor review 29411): the addition
            // decision also gets wrong values that keep an add-on element.
            let carried = alternatives.prefix(3).contains { alternative in
                index.byCode[alternative.text].map { index[$0].procedure.additions.contains { $0.code == addition.code } } ?? false
            }
            if addition.type == .addOn, !carried {
                values += wrongAddOns(e, addition, side: modifier, units: units)
            }
            decisions.append(values)
        }
        return decisions
    }

    /// Wrong values of a told add-on that keep an add-on element: another add-on of the file in its
    /// place (96367, a new drug, for 96366, the same infusion's next hour), the wrong count (17003 × 5,
    /// the first keratosis counted too; 96361 × 2), and the primary code repeated instead of the add-on
    /// (96360 × 2), unless the line carries units of its own (a drug).
    private func wrongAddOns(_ e: ProcedureEntry, _ addition: Addition, side modifier: String, units: Int?) -> [WrongDecision] {
        let p = e.procedure
        let right = addedCode(addition, side: modifier)
        /// Beside another main code (an alternative), an add-on element stays only where that code's
        /// own file lists the add-on (never 96366 beside 96374 unless 96374's file lists it).
        func beside(_ code: String, _ why: String) -> (String) -> String? {
            { main in
                self.index.byCode[main].map { self.index[$0].procedure.additions.contains { $0.code == code } } == true ? why : nil
            }
        }
        let note = Wording.clause(addition.note ?? addition.when)
        let times = addition.units == 1 ? "once" : "\(addition.units) times"
        var values: [WrongDecision] = []
        for other in p.additions where other.type == .addOn && other.code != addition.code && other.code != p.code {
            let text = [
                addedCode(
                    Addition(code: other.code, when: other.when, type: other.type, modifier: other.modifier, location: other.location),
                    side: modifier)
            ]
            values.append(
                WrongDecision(
                    axis: .addition,
                    why:
                        "\(other.code) is the wrong add-on: it is reported only when \(Wording.clause(other.when)); the note documents \(addition.code)'s work instead (“\(note)”), \(right).",
                    omits: false,
                    beside: beside(other.code, "\(other.code) is the wrong add-on: it is reported only when \(Wording.clause(other.when)).")
                ) { $0.added = text })
            break
        }
        let base = right.components(separatedBy: " × ")[0]
        let count = addition.units + 1
        let counted = ["\(base) × \(count)"]
        values.append(
            WrongDecision(
                axis: .addition,
                why:
                    "\(addition.code) × \(count) is the wrong count: it is reported \(times) here, \(Wording.clause(addition.when)), and the note documents “\(note)”.",
                omits: false,
                beside: beside(addition.code, "\(addition.code) × \(count) is the wrong count: it is reported \(times) here (“\(note)”).")
            ) { $0.added = counted })
        if units == nil {
            values.append(
                WrongDecision(
                    axis: .addition,
                    why:
                        "\(p.code) is reported once: the further work (“\(note)”) is reported with the add-on code \(right), not by repeating \(p.code).",
                    omits: true, beside: { _ in nil }
                ) {
                    $0.units = count
                    $0.added = []
                })
        }
        return values
    }

    /// Four options over two independent decisions: the key, each decision wrong alone, and both
    /// wrong (a 2×2 crossing), so every element of the two decisions is in exactly half of the
    /// options and no option is the centre the others vary around. `axes` come in preference order;
    /// the first pair that gives four distinct options without a frequency cue is used. With one
    /// decision only, three different wrong values of it (the star is unavoidable; they are at least
    /// different errors), then any wrong value to fill four. With `leading`, the first value of that
    /// decision (the nearest alternative) is in the options whenever four can be made with it; with
    /// `pair`, the first values of those two decisions are crossed with each other when they can be.
    ///
    /// With `balanced` and three decisions or more, the balanced three-decision design comes first:
    /// the key (all three right) and each pair of them wrong together, one wrong value per decision,
    /// so every value of the three (right and wrong) is in exactly two options and every two options
    /// differ in exactly two elements. `axes` then come in preference order: the first three that
    /// give four distinct options without a frequency cue are used (at most one value that leaves an
    /// element out, never two side flips), else the 2×2 crossing.
    ///
    /// `oneSided`: main codes that exist for one side only; an option never shows one with another
    /// side's modifier (the side decision's other side beside 32482 would make 32482-LT).
    func crossedOptions(
        key: CodeSetParts, axes: [[WrongDecision]], because: String, leading: Int? = nil, pair: (Int, Int)? = nil,
        balanced: Bool = false, oneSided: [(code: String, side: Side)] = []
    ) -> [Choice] {
        var checked = false
        return crossedOptions(
            key: key, axes: axes, because: because, leading: leading, pair: pair, balanced: balanced, oneSided: oneSided,
            checked: &checked)
    }

    /// `crossedOptions`, setting `checked` when the options are known to leave no frequency cue
    /// (every search tests `keyStandsOut` before it returns; only the last resort does not): a code
    /// set then skips testing them again, which cost about 8,800 instructions per code set (callgrind).
    func crossedOptions(
        key: CodeSetParts, axes: [[WrongDecision]], because: String, leading: Int? = nil, pair: (Int, Int)? = nil,
        balanced: Bool = false, oneSided: [(code: String, side: Side)] = [], checked: inout Bool
    ) -> [Choice] {
        checked = true
        let right = Choice(text: key.text, correct: true, rationale: because)
        let keyText = right.text
        // The wrong values are named by index (value `x` of decision `a`) and read in place:
        // passing a `WrongDecision` copied it out of `axes`, its strings and closures retained and
        // released per candidate. With the singles in one flat array and `PairTable`'s two tables in
        // one allocation: callgrind on the generator harness (4,000 questions after a warm-up)
        // 61,748 → 58,316 instructions per question overall, code set 227k → 208k, bundling
        // 114k → 105k per question of the kind; output byte-identical.
        /// The option's parts with value `x` of decision `a` (and `second`) wrong, or `nil` when it
        /// shows a one-sided code with another side's modifier.
        func madeParts(_ a: Int, _ x: Int, _ second: (b: Int, y: Int)?) -> CodeSetParts? {
            var parts = key
            // The wrong code last: it carries the modifier the other decision left (25000-RT, the
            // wrist, beside 26055-F7 with the side wrong: never 25000-F2).
            if let (b, y) = second, axes[a][x].axis == .code {
                axes[b][y].apply(&parts)
                axes[a][x].apply(&parts)
            } else {
                axes[a][x].apply(&parts)
                if let (b, y) = second { axes[b][y].apply(&parts) }
            }
            if !oneSided.isEmpty, let only = oneSided.first(where: { $0.code == parts.main })?.side,
                let shown = Self.modifierSide(String(parts.modifier.dropFirst())), shown != only
            {
                return nil
            }
            return parts
        }
        /// Why value `x` of decision `a` is wrong in an option whose main code is `main`; `nil` when
        /// it is not wrong there.
        func reason(_ a: Int, _ x: Int, main: String) -> String? {
            if main != key.main, let beside = axes[a][x].beside { return beside(main) }
            return axes[a][x].why
        }
        /// Whether `reason` is not `nil`, without copying the reason out.
        func fits(_ a: Int, _ x: Int, main: String) -> Bool {
            guard main != key.main, let beside = axes[a][x].beside else { return true }
            return beside(main) != nil
        }
        // The candidates' texts are compared and tested as bytes in the table's buffer
        // (`PairTable.write`); a `String` is made only for the four options kept.
        var table = PairTable(axes)
        let keyBytes = table.store(keyText)
        /// The bytes of the option with value `x` of decision `a` wrong and its main code, or `nil`
        /// when it shows a one-sided code with another side's modifier, is the key again or names
        /// one code twice.
        func madeBytes(_ a: Int, _ x: Int) -> (main: String, bytes: Range<Int>)? {
            guard let parts = madeParts(a, x, nil), let bytes = table.write(parts, unlike: keyBytes) else { return nil }
            return (parts.main, bytes)
        }
        // Each wrong value alone, made once (`option` depends on nothing else): the crossing below
        // tries every pair, and remaking both singles per pair was most of a code set's cost. With
        // the byte-level `keyStandsOut` and the rationale written only for the kept pair: 71 → 35
        // mallocs per generated question, best 1,000-question iteration 29.4 → 17.8 ms (shared
        // machine, load ~6); median 42k → 69k q/s side by side at load ~3 (GeneratorBenchmarks).
        // A single is its bytes and its rationale; its `Choice` is made only when it is kept.
        // One flat array in the table's numbering (`PairTable.flat`), not an array per decision.
        // Made on first use: a balanced triple or a crossing found early reads a few of them only
        // (with `option` reading its text from the table: 45,041 → 41,869 instructions per question).
        // The outer optional is whether it is made yet, the inner one whether it is an option.
        var single = [Single??](repeating: nil, count: table.values)
        /// Value `x` of decision `a` alone.
        func alone(_ a: Int, _ x: Int) -> Single? {
            let k = table.flat(a, x)
            if let made = single[k] { return made }
            var made: Single?
            if let (main, bytes) = madeBytes(a, x), let why = reason(a, x, main: main) { made = Single(bytes: bytes, why: why) }
            single[k] = .some(made)
            return made
        }
        func choice(_ s: Single) -> Choice { Choice(text: table.string(s.bytes), correct: false, rationale: s.why) }
        func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool { table.same(a, b) }
        func standsOut(_ first: Range<Int>, _ second: Range<Int>, _ third: Range<Int>) -> Bool {
            table.keyStandsOut(keyBytes, first, second, third)
        }
        // The same pair of wrong values meets in many triples (an alternative that does not
        // include the bundled code fails with it in every triple it is in) and in every crossing
        // tried: each pair's option text and two-error option are made once (`PairTable`; `madeParts`
        // and `option` are pure, so the options found and their order are the same). With the
        // cheap two-error checks before `keyStandsOut`: see `PairTable` for the measured numbers.
        func pairMade(_ a: Int, _ x: Int, _ b: Int, _ y: Int) -> (main: String, bytes: Range<Int>)? {
            table.made(a, x, b, y, unlike: keyBytes) { madeParts(a, x, (b, y)) }
        }
        func pairText(_ a: Int, _ x: Int, _ b: Int, _ y: Int) -> Range<Int>? { pairMade(a, x, b, y)?.bytes }
        /// The main code of the option with both values wrong, as `madeParts` makes it, without
        /// making it: only a wrong code changes it, and a wrong code is applied last.
        func pairMain(_ a: Int, _ x: Int, _ b: Int, _ y: Int) -> String { axes[a][x].main ?? axes[b][y].main ?? key.main }
        /// The two-error option with value `x` of decision `a` and value `y` of decision `b` wrong,
        /// with its rationale, or `nil` when it is no option. Its text and main code are the pair's in
        /// the table (every pair offered was made there first), not made again.
        func option(_ a: Int, _ x: Int, _ b: Int, _ y: Int) -> Choice? {
            guard let made = pairMade(a, x, b, y) else { return nil }
            // Each decision's rationale speaks of this option's own main code.
            guard let why = reason(a, x, main: made.main), let secondWhy = reason(b, y, main: made.main) else { return nil }
            // The diagnosis decision is told last.
            let (firstAxis, secondAxis) = (axes[a][x].axis, axes[b][y].axis)
            let (told, last) =
                firstAxis == .diagnosis && secondAxis != .diagnosis
                ? ((secondAxis, secondWhy), (firstAxis, why)) : ((firstAxis, why), (secondAxis, secondWhy))
            // One string of the final size: each `+` of the five made a string of its own.
            let (aLabel, bLabel) = (Self.axisLabel(told.0), Self.axisLabel(last.0))
            var rationale = "Two decisions are wrong. "
            rationale.reserveCapacity(
                rationale.utf8.count + aLabel.utf8.count + told.1.utf8.count + bLabel.utf8.count + last.1.utf8.count + 5)
            rationale += aLabel
            rationale += ": "
            rationale += told.1
            rationale += " "
            rationale += bLabel
            rationale += ": "
            rationale += last.1
            return Choice(text: table.string(made.bytes), correct: false, rationale: rationale)
        }
        /// Whether value `x` of decision `a` leaves an element out, or flips the side (read from the
        /// table: reading them off a `WrongDecision` copied it, its strings and closures retained).
        func omits(_ a: Int, _ x: Int) -> Bool { table.omits(a, x) }
        func flips(_ a: Int, _ x: Int) -> Bool { table.flips(a, x) }
        /// The balanced three-decision design over the first three decisions that allow it.
        func balancedTriple() -> [Choice]? {
            /// Whether both values are wrong beside the main code of the option that has them both
            /// (`reason` is not `nil` for either), without making the option: a pair that fails here
            /// fails every triple it is in, so it is checked before any pair's text is written.
            func pairFits(_ a: Int, _ x: Int, _ b: Int, _ y: Int) -> Bool {
                let main = pairMain(a, x, b, y)
                return fits(a, x, main: main) && fits(b, y, main: main)
            }
            /// Whether `option` makes the pair (both decisions wrong beside the option's main code),
            /// without writing its rationale.
            func pairIsOption(_ a: Int, _ x: Int, _ b: Int, _ y: Int) -> Bool {
                if let known = table.isOption(a, x, b, y) { return known }
                let known = pairFits(a, x, b, y) && pairMade(a, x, b, y) != nil
                table.setOption(a, x, b, y, known)
                return known
            }
            // What depends on two of the three values only is checked outside the third one's loop
            // (the same options, found in the same order: `madeParts` and `alone` are pure). A pair's
            // text is written only once every pair of the triple fits: most triples that fail (an
            // included code beside an alternative whose file does not include it) then write none.
            // Callgrind, generator harness (4,000 questions after a warm-up): 51,090 → 45,041 instructions
            // per question, output hash unchanged.
            for a in axes.indices {
                for b in axes.indices where b > a {
                    for c in axes.indices where c > b {
                        for x in axes[a].indices {
                            let uOmits = omits(a, x)
                            let uFlips = flips(a, x)
                            guard let one = alone(a, x) else { continue }
                            for y in axes[b].indices {
                                let vOmits = omits(b, y)
                                let vFlips = flips(b, y)
                                guard !(uOmits && vOmits), !(uFlips && vFlips), let two = alone(b, y), pairFits(a, x, b, y)
                                else { continue }
                                for z in axes[c].indices {
                                    // At most one value leaves something out, and at most one flips the side.
                                    guard !(omits(c, z) && (uOmits || vOmits)), !(flips(c, z) && (uFlips || vFlips)),
                                        let three = alone(c, z), pairFits(a, x, c, z), pairFits(b, y, c, z),
                                        pairIsOption(a, x, b, y), pairIsOption(a, x, c, z), pairIsOption(b, y, c, z),
                                        let ab = pairText(a, x, b, y), let ac = pairText(a, x, c, z), let bc = pairText(b, y, c, z)
                                    else { continue }
                                    // Four different options, and each wrong value shows in both options it
                                    // is in: no pair is one of its singles.
                                    let distinct =
                                        !same(ab, keyBytes) && !same(ac, keyBytes) && !same(bc, keyBytes) && !same(ab, ac)
                                        && !same(ab, bc) && !same(ac, bc)
                                    guard distinct else { continue }
                                    // A local function, not a closure value (a closure that captured `same` made `table` escape).
                                    func isSingle(_ t: Range<Int>) -> Bool {
                                        same(t, one.bytes) || same(t, two.bytes) || same(t, three.bytes)
                                    }
                                    guard !isSingle(ab), !isSingle(ac), !isSingle(bc) else { continue }
                                    guard !standsOut(ab, ac, bc), let first = option(a, x, b, y),
                                        let second = option(a, x, c, z), let third = option(b, y, c, z)
                                    else { continue }
                                    return [right, first, second, third]
                                }
                            }
                        }
                    }
                }
            }
            return nil
        }
        if balanced, axes.count >= 3, let choices = balancedTriple() { return choices }
        // The strongest value of the first decision is tried against every other decision before the
        // next value is (an included code that an alternative does not include crosses with the
        // additional service instead).
        func crossing(_ allowed: (Int, Int, Int, Int) -> Bool) -> [Choice]? {
            for a in axes.indices {
                for x in axes[a].indices {
                    for b in axes.indices where b > a {
                        for y in axes[b].indices
                        where !(omits(a, x) && omits(b, y)) && !(flips(a, x) && flips(b, y)) && allowed(a, x, b, y) {
                            // Four distinct texts (each single differs from the key already); the
                            // frequency cue needs the texts only, so the rationale is written last.
                            guard let first = alone(a, x), let second = alone(b, y), !same(first.bytes, second.bytes),
                                let text = pairText(a, x, b, y), !same(text, first.bytes), !same(text, second.bytes)
                            else { continue }
                            guard !standsOut(first.bytes, second.bytes, text), let both = option(a, x, b, y)
                            else { continue }
                            return [right, choice(first), choice(second), both]
                        }
                    }
                }
            }
            return nil
        }
        // With `pair`, the first values of those two decisions crossed with each other come first.
        // When they cannot combine (the alternative alone does not include the other code, or is that
        // code), both are offered alone with a third single that leaves no frequency cue.
        if let (p, q) = pair {
            if let choices = crossing({ $0 == p && $1 == 0 && $2 == q && $3 == 0 }) { return choices }
            if !axes[p].isEmpty, !axes[q].isEmpty, let first = alone(p, 0), let second = alone(q, 0), !same(first.bytes, second.bytes) {
                for a in axes.indices {
                    for x in axes[a].indices {
                        guard let third = alone(a, x), !same(third.bytes, first.bytes), !same(third.bytes, second.bytes) else { continue }
                        if !standsOut(first.bytes, second.bytes, third.bytes) {
                            return [right, choice(first), choice(second), choice(third)]
                        }
                    }
                }
            }
        }
        if let l = leading, !axes[l].isEmpty, let choices = crossing({ ($0 == l && $1 == 0) || ($2 == l && $3 == 0) }) {
            return choices
        }
        // One decision: different wrong values of it; with decisions that do not cross (an
        // alternative that cannot carry the add-on), the nearest value of each in turn, then the next
        // ones; the first three (in that order) that leave no frequency cue, else the first three.
        var singles: [Single] = []
        singles.reserveCapacity(single.count)
        var order = Array(axes.indices)
        if let l = leading { order = [l] + axes.indices.filter { $0 != l } }
        var longest = 0
        for values in axes { longest = max(longest, values.count) }
        for rank in 0..<longest {
            for a in order where rank < axes[a].count {
                if let made = alone(a, rank), !singles.contains(where: { same($0.bytes, made.bytes) }) { singles.append(made) }
            }
        }
        if let l = leading, !axes[l].isEmpty {
            if singles.count >= 3, alone(l, 0) != nil {
                for b in singles.indices.dropFirst() {
                    for c in singles.indices where c > b {
                        if !standsOut(singles[0].bytes, singles[b].bytes, singles[c].bytes) {
                            return [right, choice(singles[0]), choice(singles[b]), choice(singles[c])]
                        }
                    }
                }
            }
        }
        if let choices = crossing({ _, _, _, _ in true }) { return choices }
        let count = min(3, singles.count)
        if singles.count > 3 {
            for a in singles.indices {
                for b in singles.indices where b > a {
                    for c in singles.indices where c > b {
                        if !standsOut(singles[a].bytes, singles[b].bytes, singles[c].bytes) {
                            return [right, choice(singles[a]), choice(singles[b]), choice(singles[c])]
                        }
                    }
                }
            }
        }
        checked = false
        return [right] + singles.prefix(count).map(choice)
    }

    /// Why `codes` (work the note's code includes) are not added beside another main code: only when
    /// that code's own file includes each of them too; `nil` otherwise (a panel without direct
    /// bilirubin does not include it, so 80053 with 82248 is not wrong on the bundling decision).
    func includedBeside(_ codes: [String]) -> (String) -> String? {
        { main in
            guard let j = index.byCode[main] else { return nil }
            let inclusions = index[j].procedure.inclusions
            var reasons: [String] = []
            for code in codes {
                guard let inclusion = inclusions.first(where: { $0.code == code }) else { return nil }
                reasons.append("\(inclusion.service) is included in \(main) too, because \(inclusion.why ?? inclusion.reason.rule)")
            }
            return codes.count == 1
                ? "\(codes[0]) should not be added: \(reasons[0])."
                : "None of \(codes.joined(separator: ", ")) is added: " + reasons.joined(separator: "; ") + "."
        }
    }

    /// "CPT", "Modifier", … — how a two-error rationale names each decision.
    static func axisLabel(_ axis: DecisionAxis) -> String {
        switch axis {
        case .code: "Code"
        case .side: "Modifier"
        case .status: "Physical status"
        case .bundled: "Bundling"
        case .addition: "Additional service"
        case .units: "Units"
        case .waste: "Modifier"
        case .diagnosis: "Diagnosis"
        }
    }

    /// Whether the key is the one option whose elements occur most often across the options (summed
    /// element frequencies): the cue a test-wise student uses without reading the note.
    /// Splits the options' UTF-8 at ", " in one buffer and counts by comparing the few elements'
    /// bytes pairwise (no Foundation splitting, sets or dictionaries): it runs on every candidate
    /// crossing. Elements are codes, so equal bytes and equal strings are the same test. The bytes,
    /// the elements and the sums live in temporary (stack) buffers, not three arrays per call.
    static func keyStandsOut(_ choices: [Choice]) -> Bool {
        guard let k = choices.firstIndex(where: { $0.correct }) else { return false }
        // The texts copied into one buffer once: `keyStandsOut` reads each text twice, and walking a
        // `String.UTF8View` byte by byte cost about 10,000 instructions per call (callgrind).
        var bytes: [UInt8] = []
        var ends: [Int] = []
        ends.reserveCapacity(choices.count)
        for choice in choices {
            bytes.append(contentsOf: choice.text.utf8)
            ends.append(bytes.count)
        }
        return bytes.withUnsafeBufferPointer { all in
            keyStandsOut(choices.count, key: k) { UnsafeBufferPointer(rebasing: all[($0 == 0 ? 0 : ends[$0 - 1])..<ends[$0]]) }
        }
    }

    /// `keyStandsOut` of the key `key` and three wrong options, in that order (the searches test
    /// every candidate this way, without an array of options per candidate).
    static func keyStandsOut(_ key: String, _ first: String, _ second: String, _ third: String) -> Bool {
        keyStandsOut(4, key: 0) { ($0 == 0 ? key : $0 == 1 ? first : $0 == 2 ? second : third).utf8 }
    }

    /// `keyStandsOut` of `count` options whose texts' UTF-8 `text` gives, the key at `k`.
    static func keyStandsOut<Text: Sequence<UInt8>>(_ count: Int, key k: Int, _ text: (Int) -> Text) -> Bool {
        // An option has one element more than it has ", " separators: bounded by its commas.
        var total = 0
        var most = count
        for o in 0..<count {
            for byte in text(o) {
                total += 1
                if byte == UInt8(ascii: ",") { most += 1 }
            }
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(total, 1)) { bytes in
            withUnsafeTemporaryAllocation(of: (option: Int, start: Int, end: Int).self, capacity: most) { elements in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { sums in
                    // Every option's elements, as `components(separatedBy: ", ")` gives them, in option order.
                    var filled = 0
                    var found = 0
                    for o in 0..<count {
                        var start = filled
                        for byte in text(o) {
                            bytes.initializeElement(at: filled, to: byte)
                            filled += 1
                        }
                        var i = start
                        while i < filled {
                            if bytes[i] == UInt8(ascii: ","), i + 1 < filled, bytes[i + 1] == UInt8(ascii: " ") {
                                elements.initializeElement(at: found, to: (o, start, i))
                                found += 1
                                start = i + 2
                                i = start
                            } else {
                                i += 1
                            }
                        }
                        elements.initializeElement(at: found, to: (o, start, filled))
                        found += 1
                    }
                    let read = UnsafeBufferPointer(bytes)
                    func same(_ a: (option: Int, start: Int, end: Int), _ b: (option: Int, start: Int, end: Int)) -> Bool {
                        read.sameBytes(a.start..<a.end, b.start..<b.end)
                    }
                    // An element's frequency is the number of options having it; an option's sum adds its elements'.
                    for o in 0..<count { sums.initializeElement(at: o, to: 0) }
                    for e in 0..<found {
                        let element = elements[e]
                        var frequency = 0
                        var last = -1
                        for f in 0..<found {
                            let other = elements[f]
                            if other.option != last && same(other, element) {
                                frequency += 1
                                last = other.option
                            }
                        }
                        sums[element.option] += frequency
                    }
                    for o in 0..<count where o != k && sums[o] >= sums[k] { return false }
                    return true
                }
            }
        }
    }

    func modifier(_ i: ProcedureID, _ rng: inout SplitMix64) -> Draft {
        let e = index[i]
        var p: Procedure { e.procedure }  // a field at a time: copying the whole struct retained every field
        let twist = rng.element(of: e.twists)
        let use = twist.use
        var plan = scenario(e, &rng)
        plan.findings = false
        // The note as told and the rationale are the twist's own (written per procedure), unless a
        // dose given fills the note (`{dose}`): then the note and the DOSE GIVEN line tell the same one.
        var told = twist.told
        var because = twist.because
        if twist.takesDose, !p.service.doses.isEmpty {
            let d = rng.below(p.service.doses.count)
            plan.dose = d
            let written = Wording.filled(use.note!, [("dose", p.service.doses[d].description)])
            told = Wording.sentence(written)
            because = ModifierTwist.because(use, when: twist.when, note: written)
        }
        plan.tell(twist, told)
        let stem = reportStem(e, plan, narration: e.plan, question: twist.question, &rng)
        var choices = [Choice(text: use.modifier, correct: true, rationale: because)]
        pick(3, must: twist.wrong.prefix(twist.must), ranked: twist.wrong.dropFirst(twist.must), into: &choices, &rng)
        return Draft(stem: stem, choices: choices, rationale: because)
    }

    func bundling(_ i: ProcedureID, _ rng: inout SplitMix64) -> Draft {
        let e = index[i]
        var p: Procedure { e.procedure }  // a field at a time: copying the whole struct retained every field
        let c = index.choices(i)
        // Everything that depends on the procedure only is in `e.bundlingText`.
        let written = e.bundlingText
        var plan = scenario(e, &rng)
        plan.codingTask = true
        let included = e.toldInclusions
        for inclusion in included { plan.forced.insert(inclusion.step! - 1) }
        let additions = e.toldAdditions
        // The told addition by its index in `additions` (the draw is `rng.element(of:)`'s).
        // An addition every report documents (`always`) is always told.
        var told: Int? =
            additions.firstIndex(where: \.always) ?? (additions.isEmpty || rng.below(2) == 0 ? nil : rng.below(additions.count))
        // An anesthesia patient's age is the extreme-age circumstance (99100) exactly when its note is told.
        if e.report.layout == .anesthesia,
            !plan.agreeAge(toldExtremeAge: told.map { additions[$0].code } == "99100", clamp: true, p.patient, &rng)
        {
            told = nil
        }
        let addition = told.map { additions[$0] }
        // One rule: an additional service is documented exactly when its note sentence is told, so
        // FINDINGS (which may state, say, the surgeon's cholangiogram reading) are told only then.
        if let told, let addition {
            plan.place(addition, sentence: written.notes[told], narratable: e.narratable)
        } else if !additions.isEmpty {
            plan.findings = false
        }
        let sedation = e.report.sedationOnly[ReportMaterial.settingSlot(plan.setting)]
        let stem = reportStem(
            e, plan, narration: e.plan,
            question: sedation
                ? "Which CPT codes should be reported for the procedures documented in this note (the moderate sedation aside)?"
                : "Which CPT codes should be reported for the services documented in this note?", &rng)
        // The main code carries the scenario's side modifier, as in a code set, and so does a sided
        // additional code.
        let modifier = sideModifier(e, plan.patient.side)
        let added = addition.map { addedCode($0, side: modifier) }
        // The rationale in one string of its final size: the key's reasons, the told addition (or
        // the one not documented), the included work, the sedation rule.
        let rightCode = c.rightCode
        var middle = ""
        var lead = ""
        if let told, added != nil {
            lead = " Also report "
            middle = written.documented[told]
        } else if let notDocumented = written.notDocumented {
            lead = sedation ? " No other procedure code is reported" : " Nothing else is reported"
            middle = notDocumented
        }
        let rule = sedation ? Self.sedationRule : ""
        var because = ""
        because.reserveCapacity(
            rightCode.utf8.count + lead.utf8.count + (added?.utf8.count ?? 0) + middle.utf8.count + written.included.utf8.count
                + rule.utf8.count)
        because += rightCode
        because += lead
        if let added { because += added }
        because += middle
        because += written.included
        because += rule
        // Combinations over two decisions, crossed like a code set: an included code reported
        // separately (always one of them when the note documents included work), the additional
        // service (left out when documented, added when not), the main code (an alternative). No
        // option is a lone component nobody would pick, or names one code twice.
        let parts = CodeSetParts(main: p.code, modifier: modifier, units: nil, added: added.map { [$0] } ?? [], dx: nil)
        var axes: [[WrongDecision]] = []
        var bundled = included.indices.map { n in
            let value = written.bundledCodes[n]  // made once per procedure, not on every option the crossing makes
            return WrongDecision(axis: .bundled, why: written.bundledWhy[n], omits: false, beside: includedBeside(value)) {
                $0.bundled = value
            }
        }
        if let noneWhy = written.noneBundledWhy {
            let codes = written.includedCodes
            bundled.append(WrongDecision(axis: .bundled, why: noneWhy, omits: false, beside: includedBeside(codes)) { $0.bundled = codes })
        }
        if !bundled.isEmpty { axes.append(bundled) }
        if let told, let addition {
            var missing = [missing(addition)]
            if let why = written.bareWhy[told] {
                let value = [addition.code]
                missing.append(WrongDecision(axis: .addition, why: why, omits: false) { $0.added = value })
            }
            axes.append(missing)
        }
        let undocumented = addition == nil ? additions.first ?? p.additions.first : nil
        if let other = undocumented, let why = written.undocumentedWhy {
            let otherCode = [addedCode(other, side: modifier)]
            axes.append([WrongDecision(axis: .addition, why: why, omits: false) { $0.added = otherCode }])
        }
        // The alternatives (the file's own, nearest first) keep the same additional code: the wrong
        // main code. A code the note's work includes is never the main code of an option, and an
        // alternative carries an add-on only when its own file lists it.
        // A file lists a few included codes: searched in place rather than hashed into a set per question.
        // The add-on and its code are read once: `addition?.code` and `addition ?? undocumented` in
        // the loop copied the whole `Addition` (a dozen strings to retain and release) per alternative:
        // `bundling` 83,600 → 79,000 instructions per question (callgrind, generator harness).
        let inclusions = p.inclusions
        let addOn = addition ?? undocumented
        let additionCode = addition?.code
        let keyed = addition != nil
        var codes: [WrongDecision] = []
        var nearest: String?
        for alternative in plausibleAlternatives(e, c, age: plan.patient.age, side: plan.patient.side).prefix(4)
        where !inclusions.contains(where: { $0.code == alternative.text }) && alternative.text != additionCode {
            codes.append(alternativeCode(alternative, addOn: addOn, keyed: keyed))
            if nearest == nil { nearest = alternative.text }
        }
        if !codes.isEmpty { axes.append(codes) }
        // Which services are reported is what a bundling question asks: its options keep the key's
        // code and change one decision (the included code billed, the additional service missed or
        // added), the 2×2 crossing of the two with the key plus the included code always offered.
        // The wrong main code is crossed in only when the note has no additional service to weigh.
        let services = axes.prefix { $0.first?.axis != .code }.count
        var choices = crossedOptions(key: parts, axes: axes, because: because, leading: 0, oneSided: c.oneSided)
        // When a wrong main code is offered, it is the nearest whenever four options can be made with
        // it: 58563 (hysteroscopic) for 58353, not twice 58356 (cryoablation under ultrasound, which
        // a radiofrequency note rules out at a glance) because only 58356's file includes the D&C
        // (instructor review 61206).
        if let nearest, choices.contains(where: { !$0.correct && !$0.text.hasPrefix(p.code) }), !Self.offers(nearest, choices) {
            let led = crossedOptions(key: parts, axes: axes, because: because, leading: axes.count - 1, oneSided: c.oneSided)
            if Self.offers(nearest, led) { choices = led }
        }
        return Draft(
            stem: stem, choices: choices, rationale: because, decisions: axes.prefix(max(services, 2)).compactMap { $0.first?.axis })
    }
}

extension QuestionGenerator {
    /// Whether a code-set option names one code twice (modifiers aside): `29823, 29823-59`.
    /// Scans the UTF-8 bytes in place (no split, no set): it runs on every candidate option.
    static func repeatsCode(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { repeatsCode($0) }
    }

    /// `repeatsCode` of an option's UTF-8 bytes.
    /// One pass: each element's code is found once and compared with the codes before it (kept in
    /// a temporary buffer), where rescanning the earlier elements for every element cost about 450
    /// instructions per candidate (callgrind).
    static func repeatsCode(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let comma = UInt8(ascii: ",")
        let space = UInt8(ascii: " ")
        let dash = UInt8(ascii: "-")
        // A non-empty element is at least one byte and a comma: at most half the bytes, rounded up.
        return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: bytes.count / 2 + 1) { codes in
            var found = 0
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != comma { end += 1 }
                // Empty elements (",,") are skipped, as `split` omits them.
                if end > start {
                    // The code: leading spaces dropped, up to a dash or the element's end.
                    var first = start
                    while first < end, bytes[first] == space { first += 1 }
                    var last = first
                    while last < end, bytes[last] != dash { last += 1 }
                    for e in 0..<found where codes[e].count == last - first {
                        var i = codes[e].lowerBound
                        var j = first
                        while j < last, bytes[i] == bytes[j] {
                            i += 1
                            j += 1
                        }
                        if j == last { return true }
                    }
                    codes.initializeElement(at: found, to: first..<last)
                    found += 1
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

extension LibraryIndex {
    /// The scenario's side modifier (`-F2`) as `code` carries it: empty when `code` is not sided
    /// (`unknownSided` for a code outside the library), RT or LT in place of an anatomic modifier
    /// when `code` lists none (25000-LT, the wrist, beside 26055-F2), else unchanged.
    func carried(_ modifier: String, by code: String, unknownSided: Bool) -> String {
        guard let id = byCode[code] else { return unknownSided ? modifier : "" }
        guard !self[id].sides.isEmpty else { return "" }
        guard QuestionGenerator.mayBeAnatomic(modifier), let anatomic = AnatomicModifier.named[String(modifier.dropFirst())],
            !self[id].listsAnatomicModifier
        else { return modifier }
        return "-" + (anatomic.side == .right ? "RT" : "LT")
    }
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
        } else if !Self.codeSetHasFourOptions(e, neighbours: neighbours, candidates: candidates) {
            gaps[.codeSet] = "fewer than three wrong code sets can be made (two decisions to cross, or three wrong values of one)"
        }
        if !p.modifiers.contains(where: { ProcedureReading.twistPlacement($0, e.procedure, e.narratable) != nil }) || !narratable {
            gaps[.modifier] = "no modifier in 'modifiers' has a 'note' describing its situation"
        }
        if !narratable || !documentedInclusion {
            gaps[.bundling] = "no 'included' entry names a code and a narrated step"
        }
        return gaps
    }
}

extension KindAvailability {
    /// Whether every `code-set` question of the procedure has four distinct options, in the least
    /// favourable variant (the additional service not told, the diagnosis with the fewest wrong
    /// values): two decisions to cross, or three wrong values in all (`crossedOptions`).
    static func codeSetHasFourOptions(_ e: ProcedureReading, neighbours: Neighbours, candidates: Candidates) -> Bool {
        let p = e.procedure
        let diagnoses = p.diagnoses.indices.filter { p.diagnoses[$0].side != .bilateral }
        let usable = diagnoses.isEmpty ? Array(p.diagnoses.indices) : diagnoses
        let dx = usable.map { candidates.codeSetDiagnosisValues[$0] }.min() ?? 0
        let codes = min(3, neighbours.plausibleCodeCount)
        // The side modifier: the other side and none, every scenario of a sided code has a side.
        let sided = p.modifiers.contains { $0.side == .right || $0.side == .left }
        let bundled = p.inclusions.filter { $0.code != nil && $0.step.map { e.narratable[$0 - 1] } == true }.count
        let units = (p.layout == .medication && p.service.unit != nil && !p.service.doses.isEmpty) || p.service.counted != nil
        // An anesthesia code's physical status: the neighbouring class and none.
        let status = p.layout == .anesthesia ? 2 : 0
        let values = [dx, codes, sided ? 2 : 0, bundled, units ? 1 : 0, status]
        if values.reduce(0, +) >= 3 { return true }
        // Two decisions of one wrong value each cross into four options, but an alternative and an
        // included code may not combine (the same code twice, or a code that does not include it).
        let decisions = values.filter { $0 > 0 }.count
        return decisions >= 2 && !(codes > 0 && bundled > 0)
    }
}

/// Where a modifier's twist sentence goes in a report: in place of the step it names, right after
/// a step (the one the file names with `after`; for 22 the approach: extra work found on the way
/// in), just before the closing step (a distinct service done in the same session), at the end
/// (care handed over, the drug left in the vial), or after the arrival (history: an earlier
/// operation, a screening booking).
enum TwistPlacement: Equatable {
    case replaces(Int)
    case after(Int)
    case beforeClosing
    case closing
    case opening
}

extension ProcedureReading {
    /// Where `use`'s note is told, or `nil` when it cannot be told without contradicting a step: a
    /// reduced or discontinued service (52/53/73/74) must replace the narratable step it names. A
    /// `step` or `after` naming a step that cannot be narrated falls back to the default.
    static func twistPlacement(_ use: ModifierUse, _ p: Procedure, _ narratable: [Bool]) -> TwistPlacement? {
        guard use.note != nil, !use.isLaterality else { return nil }
        if let step = use.replacesStep, step >= 1, step <= narratable.count, narratable[step - 1] { return .replaces(step - 1) }
        switch use.modifier {
        case "52", "53", "73", "74": return nil
        default: break
        }
        if let step = use.afterStep, step >= 1, step <= narratable.count, narratable[step - 1] { return .after(step - 1) }
        switch use.modifier {
        case "22":
            // Extra work met on the way in is told right after the approach is narrated.
            let approach = p.steps.indices.first { s in
                guard narratable[s] else { return false }
                let lowered = p.steps[s].text.lowercased()
                return ["incision", "approach", "port", "exposed", "arthrotomy", "opened"].contains { Wording.bytesContain(lowered, $0) }
            }
            return (approach ?? narratable.firstIndex(of: true)).map { .after($0) }
        case "59", "XS", "XE", "XP", "XU": return .beforeClosing
        case "54", "JW", "JZ": return .closing
        default: return .opening
        }
    }
}

extension ReportPlan {
    /// Tells a modifier's situation (`note`, the twist's note as written for this report) where
    /// `twist.placement` puts it; a reduced or discontinued service falls short there.
    mutating func tell(_ twist: ModifierTwist, _ note: String) {
        switch twist.placement {
        case .replaces(let step):
            replaced[step] = note
            // A reduced or discontinued service falls short where the twist happens.
            if ["52", "53", "73", "74"].contains(twist.use.modifier) {
                shortAt = step
                discontinued = twist.use.modifier != "52"
            }
        case .after(let step):
            after = (step, note)
            forced.insert(step)
        case .beforeClosing: extra = [note]
        case .closing: closing = [note]
        case .opening: opening = [note]
        }
    }
}

/// The decision a wrong code-set value gets wrong.
enum DecisionAxis {
    /// The CPT code itself (an `instead` alternative).
    case code
    /// The side modifier.
    case side
    /// The physical status modifier of an anesthesia code (P1…P6).
    case status
    /// An included code reported separately.
    case bundled
    /// A documented additional service left out, or an undocumented one added.
    case addition
    /// The units of a drug's line.
    case units
    /// The drug's discarded-amount modifier (JZ: none of a single-dose container discarded).
    case waste
    /// The ICD-10-CM code(s).
    case diagnosis
}

/// The parts of one code-set option: the main code with its modifier and units, added and bundled
/// codes, then the ICD-10-CM code(s).
struct CodeSetParts {
    var main: String
    /// An anesthesia code's physical status modifier (`-P3`), or empty.
    var status = ""
    var modifier: String
    /// A drug's JZ (`-JZ`), or empty.
    var waste = ""
    var units: Int?
    var added: [String]
    var bundled: [String] = []
    var dx: String?

    /// `27284-RT, M16.51`; a drug with its units `J1100 × 4, M54.50` (`J1030-JZ × 1, L23.7` with
    /// nothing discarded); anesthesia `00731-P3, R12`.
    /// Written into one buffer of the right size (the balanced search writes a few dozen per code set),
    /// byte by byte rather than through `String.append` (which checks capacity and flags per part).
    var text: String {
        let count = units.map { String($0) }
        var length = main.utf8.count + status.utf8.count + modifier.utf8.count + waste.utf8.count
        if let count { length += 4 + count.utf8.count }  // " × " is four bytes
        for element in added { length += 2 + element.utf8.count }
        for element in bundled { length += 2 + element.utf8.count }
        if let dx { length += 2 + dx.utf8.count }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var n = 0
            func put(_ part: String) {
                let copied: Void? = part.utf8.withContiguousStorageIfAvailable { bytes in
                    for byte in bytes {
                        buffer[n] = byte
                        n += 1
                    }
                }
                if copied == nil {
                    for byte in part.utf8 {
                        buffer[n] = byte
                        n += 1
                    }
                }
            }
            func separator() {
                buffer[n] = UInt8(ascii: ",")
                buffer[n + 1] = UInt8(ascii: " ")
                n += 2
            }
            put(main)
            put(status)
            put(modifier)
            put(waste)
            if let count {
                put(" × ")
                put(count)
            }
            for element in added {
                separator()
                put(element)
            }
            for element in bundled {
                separator()
                put(element)
            }
            if let dx {
                separator()
                put(dx)
            }
            return n
        }
    }
}

/// One wrong value of a decision: how it changes the key's parts, and why it fails in this note.
struct WrongDecision {
    var axis: DecisionAxis
    var why: String
    /// Whether it leaves an element of the key out (two omissions would make the key the superset).
    var omits: Bool
    var apply: (inout CodeSetParts) -> Void
    /// For an included code reported separately: why it fails beside another main code (an
    /// alternative), or `nil` when that code does not include it too (then reporting it there may be
    /// right, and the option would not be wrong on this decision).
    var beside: ((_ main: String) -> String?)?
    /// Whether this wrong value is the other side (a side modifier, or a diagnosis of the other side):
    /// two such values are one misread fact, so they are never crossed with each other.
    var flipsSide: Bool
    /// The main code this value puts in the option (an alternative: `axis` is `.code`), else `nil`:
    /// read by the crossing to know an option's main code before making its text.
    var main: String?

    init(
        axis: DecisionAxis, why: String, omits: Bool, beside: ((_ main: String) -> String?)? = nil, flipsSide: Bool = false,
        main: String? = nil, apply: @escaping (inout CodeSetParts) -> Void
    ) {
        self.axis = axis
        self.main = main
        self.why = why
        self.omits = omits
        self.beside = beside
        self.flipsSide = flipsSide || axis == .side
        self.apply = apply
    }
}

/// One modifier whose situation a `modifier` question can tell, with everything about it that does
/// not depend on the seed: written once per procedure in the index rather than per question (the
/// wrong options' rationales were most of a `modifier` question's strings).
struct ModifierTwist: Sendable {
    let use: ModifierUse
    /// Where the twist sentence goes in the report.
    let placement: TwistPlacement
    /// `use.when` as a clause.
    let when: String
    /// The question line.
    let question: String
    /// The wrong modifiers with their rationales, the trap first.
    let wrong: [Choice]
    /// How many of `wrong` are always offered (the trap students fall into most often).
    let must: Int
    /// Whether the note states the dose given (`{dose}`): then a question fills it, and writes the
    /// note's sentence and the rationale itself.
    let takesDose: Bool
    /// The note as the report tells it (a sentence), and why the modifier is right: written here
    /// once rather than per question: a `modifier` question 28,179 → 18,341 instructions (callgrind,
    /// generator harness).
    let told: String
    let because: String

    /// Why `use`'s modifier is right when the report tells `note`.
    static func because(_ use: ModifierUse, when: String, note: String) -> String {
        "Modifier \(use.modifier) is correct: \(when). The report says so: “\(Wording.clause(note))”. "
            + "Rule: \(ModifierGlossary.described(use.modifier))."
    }

    init(_ use: ModifierUse, placement: TwistPlacement, _ p: Procedure) {
        self.use = use
        self.placement = placement
        let note = use.note ?? ""
        takesDose = Wording.bytesContain(note, "{dose}")
        told = Wording.sentence(note)
        because = ModifierTwist.because(use, when: Wording.clause(use.when), note: note)
        // Anesthesia modifiers go on two claims (the anesthesiologist's, the nurse anesthetist's):
        // the question names the one asked about, so that a modifier of the other claim is wrong.
        let anesthetist = ["QX", "QZ"].contains(use.modifier)
        let physician = ["AA", "QK", "QY", "AD"].contains(use.modifier)
        let claim = anesthetist ? " on the nurse anesthetist's claim" : physician ? " on the anesthesiologist's claim" : ""
        // A modifier the line carries anyway is set aside by the question, so that one answer is
        // keyed: the physical status on an anesthesia code (01402's record printed ASA 2 beside an
        // AA key), the side of a sided procedure (RT beside 26 on a knee film; instructor review 48271).
        let listed = p.modifiers.map(\.modifier)
        let sides = listed.filter { ["RT", "LT", "50"].contains($0) }
        let anatomic = listed.filter { AnatomicModifier.named[$0] != nil }
        let besides =
            p.layout == .anesthesia
            ? ", besides the physical status modifier,"
            : !anatomic.isEmpty && !anatomic.contains(use.modifier) && !sides.contains(use.modifier)
                ? ", besides any digit or eyelid modifier,"
                : !sides.isEmpty && !sides.contains(use.modifier) ? ", besides any side modifier," : ""
        question = "Which modifier\(besides) should be appended to CPT code \(p.code)\(claim) for this procedure?"
        let when = Wording.clause(use.when)
        self.when = when
        // A modifier the file lists for another situation might be right here too (RT beside 79, XS
        // beside 59): it is offered only when it can never share a line with the key.
        let own = Set(p.modifiers.map(\.modifier).filter { !ModifierGlossary.excludes(use.modifier, $0) })
        // The modifiers students pick in this situation (and "no modifier"), then the confusable ones.
        let traps = ModifierGlossary.traps(for: use.modifier).filter { !own.contains($0) }
        var names = traps
        for m in ModifierGlossary.confusable(with: use.modifier) where names.count < 3 && !own.contains(m) && !names.contains(m) {
            names.append(m)
        }
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
        wrong = names.map { m in
            let reason = ModifierGlossary.trapReason(m, key: use.modifier).map {
                Wording.filled($0, [("code", p.code), ("when", when), ("key", use.modifier)])
            }
            let rationale: String
            if let reason, ModifierGlossary.meaning[m] == nil {
                rationale = reason
            } else if let reason {
                rationale = "Modifier \(m) does not fit: \(reason)."
            } else {
                var why = "here, \(when)"
                if anesthetist && anesthesia.contains(m) && !["QX", "QZ"].contains(m) {
                    why += "; \(m) goes on the anesthesiologist's claim, not the nurse anesthetist's"
                } else if physician && ["QX", "QZ"].contains(m) {
                    why += "; \(m) goes on the nurse anesthetist's claim, not the anesthesiologist's"
                }
                rationale = "\(Wording.capitalized(ModifierGlossary.described(m))) does not fit: \(why)."
            }
            return Choice(text: m, correct: false, rationale: rationale)
        }
        must = traps.isEmpty ? 0 : 1
    }
}

/// What a `bundling` question of one procedure says that does not depend on the seed, written
/// once per procedure in the index (`ProcedureEntry.bundlingText`) rather than per question: the
/// rationale's sentences about the told additions, the additions not documented and the included
/// work, and the reasons of the wrong decisions. A bundling question then appends these to its
/// key's reasons, in one string of the final size.
///
/// Measured with the generator harness (1,000-procedure library, 4,000 questions after a warm-up,
/// callgrind, with `ModifierTwist.told`/`because`): `bundling` 113,405 → 91,478 instructions per
/// question, all kinds 61,680 → 57,825 (output hash unchanged).
struct BundlingText: Sendable {
    /// Per told addition (`ProcedureEntry.toldAdditions`): its note as told in the report.
    let notes: [String]
    /// Per told addition: the rationale after "Also report <code>": what documents it, and the
    /// modifier that shows it is distinct.
    let documented: [String]
    /// Per told addition: why reporting it without its own modifier is wrong, or `nil` when it has none.
    let bareWhy: [String?]
    /// The rationale of a report without a told addition, after "Nothing else is reported" (or "No
    /// other procedure code is reported"): when the file's first addition would be added; `nil`
    /// when the file has none.
    let notDocumented: String?
    /// Why adding the first told addition (else the file's first addition) to a report that does
    /// not document it is wrong; `nil` when the file has no addition.
    let undocumentedWhy: String?
    /// The sentences saying that each told inclusion is not reported separately.
    let included: String
    /// Per told inclusion (`ProcedureEntry.toldInclusions`): its code alone, and why adding it is wrong.
    let bundledCodes: [[String]]
    let bundledWhy: [String]
    /// The told inclusions' codes, and why adding all of them is wrong (`nil` with fewer than two).
    let includedCodes: [String]
    let noneBundledWhy: String?

    /// Whether `modifier` marks a service as distinct from another of the day (59, XE, XS, XP, XU).
    static func marksDistinct(_ modifier: String) -> Bool { ["59", "XE", "XS", "XP", "XU"].contains(modifier) }

    init(_ p: Procedure, included: [Inclusion], additions: [Addition]) {
        notes = additions.map { Wording.sentence($0.note!) }
        documented = additions.map { addition in
            var text =
                ": \(Wording.clause(addition.when)), and the note documents it (“\(Wording.clause(addition.note!))”), so it is a separate service reported in addition"
            // The modifier is named with its meaning, never in brackets within brackets, and only 59
            // and the X modifiers are said to mark a distinct service (review 61543: "modifier 26
            // shows it is distinct (modifier 26 (…))").
            if let modifier = addition.modifier { text += "; report it with \(ModifierGlossary.described(modifier))" }
            return text + "."
        }
        bareWhy = additions.map { addition in
            addition.modifier.map { m in
                BundlingText.marksDistinct(m)
                    ? "\(addition.code) needs \(ModifierGlossary.described(m)) here: without it the two services look like one bundled service."
                    : "\(addition.code) needs \(ModifierGlossary.described(m)) here."
            }
        }
        notDocumented = p.additions.first.map { other in
            ": \(other.code) would be added only when \(Wording.clause(other.when)), and this note does not document that."
        }
        undocumentedWhy = (additions.first ?? p.additions.first).map { other in
            "\(other.code) would be added only when \(Wording.clause(other.when)); this note documents nothing of the kind."
        }
        self.included = included.map { inclusion in
            " \(Wording.capitalized(inclusion.service)) is not reported separately (\(inclusion.code!)): \(inclusion.why ?? inclusion.reason.rule)."
        }.joined()
        bundledCodes = included.map { [$0.code!] }
        bundledWhy = included.map { inclusion in
            "\(inclusion.code!) should not be added: \(inclusion.service) is part of \(p.code) (\(inclusion.why ?? inclusion.reason.rule))."
        }
        includedCodes = included.map { $0.code! }
        noneBundledWhy =
            included.count >= 2 ? "None of \(includedCodes.joined(separator: ", ")) is added: that work is included in \(p.code)." : nil
    }
}

/// One wrong value alone as a crossing's candidate: its option text (bytes in `PairTable`'s buffer)
/// and why it is wrong.
struct Single {
    var bytes: Range<Int>
    var why: String
}

/// The option text (with its main code) of each pair of wrong values of a crossing, and whether
/// the pair makes a two-error option, each found on first use: the balanced search
/// (`QuestionGenerator.crossedOptions`) meets the same pair in many triples.
///
/// Measured (GeneratorBenchmarks, 2026-12-06, with the other changes of branch `perf`): 67 → 39
/// allocations per question; `balancedTriple` 37 % → 20 % of `perf record` samples under
/// `generate`; run alternately with unchanged main at load 6–12, median 26,000 and 23,000 → 39,000
/// and 36,000 questions/s (docs/questions.md).
///
/// The candidates' texts (the key's, each single's, each pair's) are written into one byte buffer
/// and compared, split and counted there: a `String` per candidate was an allocation, a UTF-8
/// check and a release each, for options that are mostly never shown. Callgrind on the generator
/// harness (the benchmark's library, 4,000 questions after a warm-up): 69,206 → 65,137
/// instructions per question, output byte-identical.
struct PairTable {
    /// Where each decision's values start in the flat numbering.
    private var start: [Int] = []
    private var count = 0
    /// Per ordered pair of flat values: 0 not made yet, -1 made and not an option, else the index in
    /// `texts` plus one. Plain integers: a table of count² optional strings cost more to clear and
    /// free than the pairs it saved (most pairs are never made).
    /// Then, from `count²` on, per ordered pair whether it makes a two-error option: 0 not checked
    /// yet, 1 no, 2 yes (one allocation for both tables).
    private var cells: [Int32]
    /// The pairs made, in the order they were made: the main code and where the text is in `buffer`.
    private var texts: [(main: String, bytes: Range<Int>)] = []
    /// Per flat value: 1 when it leaves an element out (`WrongDecision.omits`), 2 when it flips the side.
    private var flags: [UInt8] = []
    /// The UTF-8 of every candidate text written, one after another.
    private var buffer: [UInt8] = []

    init(_ axes: [[WrongDecision]]) {
        start.reserveCapacity(axes.count)
        for values in axes {
            start.append(count)
            count += values.count
        }
        flags.reserveCapacity(count)
        // Read in place: `for value in values` copied each `WrongDecision`, retaining its strings and closures.
        for a in axes.indices {
            for x in axes[a].indices { flags.append((axes[a][x].omits ? 1 : 0) | (axes[a][x].flipsSide ? 2 : 0)) }
        }
        cells = Array(repeating: 0, count: 2 * count * count)
        buffer.reserveCapacity(1_024)
    }

    /// How many wrong values the decisions have together.
    var values: Int { count }

    /// Value `x` of decision `a` in the flat numbering (all of the first decision's values, then the second's, …).
    func flat(_ a: Int, _ x: Int) -> Int { start[a] + x }

    private func slot(_ a: Int, _ x: Int, _ b: Int, _ y: Int) -> Int { (start[a] + x) * count + start[b] + y }

    /// Whether value `x` of decision `a` leaves an element of the key out.
    func omits(_ a: Int, _ x: Int) -> Bool { flags[start[a] + x] & 1 != 0 }

    /// Whether value `x` of decision `a` is the other side.
    func flips(_ a: Int, _ x: Int) -> Bool { flags[start[a] + x] & 2 != 0 }

    /// Writes `text` into the buffer and returns where it is.
    mutating func store(_ text: String) -> Range<Int> {
        let from = buffer.count
        Self.put(text, into: &buffer)
        return from..<buffer.count
    }

    /// Writes the text of `parts` (as `CodeSetParts.text` has it) and returns where it is, or `nil`
    /// (nothing kept) when it is the key's text (at `key`) or names one code twice.
    mutating func write(_ parts: CodeSetParts, unlike key: Range<Int>) -> Range<Int>? {
        let from = buffer.count
        // The status and waste modifiers are mostly empty, and an empty `put` still cost a call.
        Self.put(parts.main, into: &buffer)
        if !parts.status.isEmpty { Self.put(parts.status, into: &buffer) }
        if !parts.modifier.isEmpty { Self.put(parts.modifier, into: &buffer) }
        if !parts.waste.isEmpty { Self.put(parts.waste, into: &buffer) }
        if let units = parts.units {
            Self.put(" × ", into: &buffer)
            Self.put(String(units), into: &buffer)
        }
        for element in parts.added {
            buffer.append(UInt8(ascii: ","))
            buffer.append(UInt8(ascii: " "))
            Self.put(element, into: &buffer)
        }
        for element in parts.bundled {
            buffer.append(UInt8(ascii: ","))
            buffer.append(UInt8(ascii: " "))
            Self.put(element, into: &buffer)
        }
        if let dx = parts.dx {
            buffer.append(UInt8(ascii: ","))
            buffer.append(UInt8(ascii: " "))
            Self.put(dx, into: &buffer)
        }
        let written = from..<buffer.count
        let repeats = buffer.withUnsafeBufferPointer { QuestionGenerator.repeatsCode(UnsafeBufferPointer(rebasing: $0[written])) }
        guard !same(written, key), !repeats else {
            buffer.removeSubrange(written)
            return nil
        }
        return written
    }

    private static func put(_ text: String, into buffer: inout [UInt8]) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { buffer.append(contentsOf: $0) }
        if copied == nil { buffer.append(contentsOf: text.utf8) }
    }

    /// Whether the texts at `a` and `b` are the same bytes.
    func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        buffer.withUnsafeBufferPointer { $0.sameBytes(a, b) }
    }

    /// The text at `bytes`.
    func string(_ bytes: Range<Int>) -> String { String(decoding: buffer[bytes], as: UTF8.self) }

    /// `QuestionGenerator.keyStandsOut` of the key at `key` and three wrong options, in that order.
    func keyStandsOut(_ key: Range<Int>, _ first: Range<Int>, _ second: Range<Int>, _ third: Range<Int>) -> Bool {
        buffer.withUnsafeBufferPointer { bytes in
            QuestionGenerator.keyStandsOut(4, key: 0) {
                UnsafeBufferPointer(rebasing: bytes[$0 == 0 ? key : $0 == 1 ? first : $0 == 2 ? second : third])
            }
        }
    }

    /// The option with value `x` of decision `a` and value `y` of decision `b` wrong: its main code
    /// and where its text is, from the parts `make` gives (`nil` as `write`, or when `make` gives none).
    mutating func made(
        _ a: Int, _ x: Int, _ b: Int, _ y: Int, unlike key: Range<Int>, _ make: () -> CodeSetParts?
    ) -> (main: String, bytes: Range<Int>)? {
        let k = slot(a, x, b, y)
        let cell = cells[k]
        if cell > 0 { return texts[Int(cell) - 1] }
        if cell < 0 { return nil }
        guard let parts = make(), let bytes = write(parts, unlike: key) else {
            cells[k] = -1
            return nil
        }
        let made = (main: parts.main, bytes: bytes)
        texts.append(made)
        cells[k] = Int32(texts.count)
        return made
    }

    /// Whether the same pair makes a two-error option, or `nil` when that is not known yet.
    func isOption(_ a: Int, _ x: Int, _ b: Int, _ y: Int) -> Bool? {
        let cell = cells[count * count + slot(a, x, b, y)]
        return cell == 0 ? nil : cell == 2
    }

    /// Records whether the pair makes a two-error option.
    mutating func setOption(_ a: Int, _ x: Int, _ b: Int, _ y: Int, _ known: Bool) {
        cells[count * count + slot(a, x, b, y)] = known ? 2 : 1
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether the bytes at `a` and `b` are the same: the one comparison of the code-set search's
    /// candidate texts (`PairTable.same`) and of a draft's option elements (`keyStandsOut`).
    func sameBytes(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        var i = a.lowerBound
        var j = b.lowerBound
        while i < a.upperBound {
            if self[i] != self[j] { return false }
            i += 1
            j += 1
        }
        return true
    }
}
