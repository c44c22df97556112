import CodingContent
import Determinism
import Foundation

/// The kinds whose answer is one code: `vignette`, `vignette-entry`, `pcs`, `diagnosis`.
extension QuestionGenerator {
    /// The report of one scenario on a seeded side, with a diagnosis of that side.
    func scenario(
        _ e: ProcedureEntry, side fixed: Side?? = nil, diagnosis fixedDiagnosis: Int? = nil,
        _ rng: inout SplitMix64
    ) -> ReportPlan {
        let side: Side?
        if let fixed { side = fixed } else { side = e.sides.isEmpty ? nil : rng.element(of: e.sides) }
        let patient = drawPatient(e.procedure.patient, side: side, &rng)
        let diagnosis = fixedDiagnosis ?? drawDiagnosis(e, side: side, &rng)
        // The usual setting (with an anesthesia that fits it): an EGD is not "taken to the operating room".
        return ReportPlan(patient: patient, diagnosis: diagnosis, setting: e.report.setting)
    }

    /// A diagnosis to code and the scenario's side: never a bilateral diagnosis (the steps narrate one
    /// side), and a sided one only on a side the code set can carry; the side comes from RT/LT.
    func drawCodedDiagnosis(_ e: ProcedureEntry, among allowed: [Int]? = nil, _ rng: inout SplitMix64) -> (Int, Side?) {
        let diagnoses = e.procedure.diagnoses
        let usable = allowed ?? diagnoses.indices.filter { diagnoses[$0].side != .bilateral }
        let k = usable.isEmpty ? rng.below(diagnoses.count) : rng.element(of: usable)
        guard !e.sides.isEmpty else { return (k, nil) }
        if let side = diagnoses[k].side, e.sides.contains(side) { return (k, side) }
        return (k, rng.element(of: e.sides))
    }

    func vignette(_ i: ProcedureID, entry: Bool, _ rng: inout SplitMix64) -> Draft {
        let e = index[i]
        let c = index.choices(i)
        var plan = scenario(e, &rng)
        // A drug billed per amount: the dose is drawn here so that the rationale can count its units.
        let unit = e.procedure.service.unit
        if unit != nil, !e.procedure.service.doses.isEmpty { plan.dose = rng.below(e.procedure.service.doses.count) }
        // An anesthesia entry is keyed with the physical status the record documents, as a code set
        // is: one rule for every question that asks for the code with its modifiers (instructor review
        // 64403: 00840 keyed bare in an entry, 00840-P1 in a code set).
        let anesthesia = entry && e.report.layout == .anesthesia && !e.procedure.service.physicalStatus.isEmpty
        if anesthesia { plan.physicalStatus = rng.element(of: e.procedure.service.physicalStatus) }
        let stem = reportStem(e, plan, narration: e.plan, question: entry ? c.entryQuestion : c.vignetteQuestion, &rng)
        var unitsSentence = ""
        if let unit, let k = plan.dose {
            let dose = e.procedure.service.doses[k]
            let units = ServiceFacts.drugUnits(dose: dose, unit: unit)
            let exact = abs(dose.value / unit.value - Double(units)) < 1e-9
            unitsSentence =
                " On the claim the line carries \(units) unit\(units == 1 ? "" : "s"): \(e.procedure.code) covers \(unit) per unit and "
                + "\(dose) was given\(exact ? "" : ", and a partial unit is rounded up") (\(e.procedure.code) × \(units))."
        }
        // The rationale is written once at its final size: `c.rightCode + unitsSentence`, then
        // `+=` of the side sentence and `+ c.notes`, copied the whole rationale (about a kilobyte)
        // into a new string three or four times: the appends cost about 4,500 instructions per
        // question, now 3,600 with the reservation (callgrind, generator harness).
        let rightCode = c.rightCode
        let notes = c.notes
        if entry {
            var expected = e.procedure.code
            var sided = ""
            if let side = plan.patient.side, e.procedure.system != .icd10pcs {
                let modifier = e.sideModifier(for: side)
                expected += "-" + modifier
                if let anatomic = AnatomicModifier.named[modifier] {
                    sided =
                        " The procedure was on \(anatomic.site), so report it with the modifier that names it, \(modifier), rather than \(side == .right ? "RT" : "LT"): \(expected)."
                } else {
                    sided = " " + e.report.layout.sideSentence(side) + ", so report it with modifier \(modifier): \(expected)."
                }
            }
            if anesthesia, let status = plan.physicalStatus {
                expected += "-P\(status)"
                sided +=
                    " The record documents ASA physical status \(status), reported as modifier P\(status): every anesthesia code carries its P1–P6 class (\(expected))."
            }
            return Draft(
                stem: stem, choices: [], rationale: Self.joined(rightCode, unitsSentence, sided, notes), entryAnswer: expected)
        }
        // Only the family and the alternatives: the nearest confusable code (the file's first
        // alternative) always, then a seeded two of the next three, alternatives before family.
        var choices = [
            Choice(
                text: e.procedure.code, correct: true, rationale: unitsSentence.isEmpty ? rightCode : rightCode + unitsSentence)
        ]
        choices.reserveCapacity(4)
        let codes = c.codes
        if let first = codes.first { choices.append(first) }
        for k in rng.sortedSample(min(2, codes.count - 1), of: min(codes.count - 1, 3)) { choices.append(codes[1 + k]) }
        return Draft(stem: stem, choices: choices, rationale: Self.joined(rightCode, unitsSentence, "", notes))
    }

    /// `first + second + third + fourth` in one string of its final size (one allocation, each part
    /// copied once).
    static func joined(_ first: String, _ second: String, _ third: String, _ fourth: String) -> String {
        var text = ""
        text.reserveCapacity(first.utf8.count + second.utf8.count + third.utf8.count + fourth.utf8.count)
        text += first
        text += second
        text += third
        text += fourth
        return text
    }

    func pcs(_ i: ProcedureID, _ rng: inout SplitMix64) -> Draft {
        let e = index[i]
        let c = index.choices(i)
        // One side is narrated, so a bilateral crosswalk is asked only when the file has nothing else.
        let unilateral = c.pcs.indices.filter { c.pcs[$0].side != .bilateral }
        let prepared = c.pcs[unilateral.isEmpty ? rng.below(c.pcs.count) : rng.element(of: unilateral)]
        let side = prepared.side ?? (e.sides.isEmpty ? nil : rng.element(of: e.sides))
        var plan = scenario(e, side: .some(side), &rng)
        plan.setting = .inpatient
        let stem = reportStem(
            e, plan, narration: e.plan,
            question: "Which ICD-10-PCS code should be reported for this inpatient procedure?", &rng)
        var choices = [prepared.right]
        pick(3, must: prepared.must[...], ranked: prepared.ranked[...], into: &choices, &rng)
        return Draft(stem: stem, choices: choices, rationale: prepared.right.rationale + c.pcsNotes)
    }

    func diagnosis(_ i: ProcedureID, _ rng: inout SplitMix64) -> Draft {
        let e = index[i]
        let c = index.choices(i)
        let (k, side) = drawCodedDiagnosis(e, among: e.codableDiagnoses, &rng)
        let prepared = c.diagnoses[k]
        var plan = scenario(e, side: .some(side), diagnosis: k, &rng)
        // FINDINGS may document an incidental condition (hemorrhoids seen on retroflexion) that an
        // option names; the diagnosis lines and the pathology decide.
        plan.findings = false
        plan.findingsAreOptions = true
        // A key of several codes holds more than the reason for the service (the outcome of a
        // delivery, Z37.0; the weeks of gestation): it answers what the encounter reports, in order
        // (instructor review 38266: "medical necessity is asked, but the key includes Z37.0").
        let question =
            Wording.bytesContain(prepared.right.text, ",")
            ? "Which ICD-10-CM code(s) should be reported for this encounter, in sequence?"
            : "Which ICD-10-CM code(s) should be reported to support the medical necessity of this procedure?"
        let stem = reportStem(e, plan, narration: e.plan, question: question, &rng)
        var choices = [prepared.right]
        pick(3, must: prepared.must[...], ranked: prepared.ranked[...], into: &choices, &rng)
        return Draft(stem: stem, choices: choices, rationale: prepared.right.rationale + prepared.teaching)
    }
}
