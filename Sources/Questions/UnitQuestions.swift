import CodingContent
import Determinism
import Foundation

/// The numeric kinds: `anesthesia-units` (total anesthesia units from an anesthesia record) and
/// `drug-units` (HCPCS units billed for the dose on a medication administration record).
extension QuestionGenerator {
    /// An anesthesia record with a drawn physical status, anesthesia time and, for about half the
    /// scenarios of a file that lists one, a qualifying circumstance; the learner types the total units.
    /// A patient younger than one year or older than seventy always brings the extreme-age
    /// circumstance (99100), told by the file's note when drawn, else by the age on the record.
    func anesthesiaUnits(_ i: ProcedureID, _ rng: inout SplitMix64) -> Draft {
        let e = index[i]
        let p = e.procedure
        let base = p.service.baseUnits ?? 0
        var plan = scenario(e, &rng)
        let status = rng.element(of: p.service.physicalStatus)
        let minutes = rng.int(in: p.service.minutes)
        plan.physicalStatus = status
        plan.minutes = minutes
        let circumstances = p.additions.filter { $0.note != nil && ServiceFacts.qualifyingCircumstanceUnits($0.code) != nil }
        var circumstance: Addition?
        if !circumstances.isEmpty, rng.below(2) == 0 { circumstance = rng.element(of: circumstances) }
        // The extreme-age circumstance must match the patient's age, told or not: a file that lists
        // 99100 tells it by its note (an old patient), and otherwise keeps the age within 1…70.
        let ageRule = p.additions.contains { $0.code == "99100" }
        if !plan.agreeAge(toldExtremeAge: circumstance?.code == "99100", clamp: ageRule, p.patient, &rng) { circumstance = nil }
        plan.circumstance = circumstance?.note
        let emergency = circumstance?.code == "99140"
        // Every qualifying circumstance of this record: the drawn one, and the patient's age.
        var reported: [(code: String, units: Int, why: String)] = []
        if let circumstance, let units = ServiceFacts.qualifyingCircumstanceUnits(circumstance.code) {
            reported.append((circumstance.code, units, "The record documents a qualifying circumstance (\(circumstance.when))"))
        }
        if plan.patient.extremeAge, !reported.contains(where: { $0.code == "99100" }) {
            let bound = plan.patient.age < 1 ? "younger than one year" : "older than seventy"
            reported.append(
                ("99100", 1, "The patient is \(plan.patient.ageSpoken), \(bound): an extreme of age is a qualifying circumstance"))
        }
        let qcUnits = reported.reduce(0) { $0 + $1.units }
        let statusUnits = ServiceFacts.physicalStatusUnits(status)
        let timeTenths = ServiceFacts.timeUnitTenths(minutes: minutes)
        let totalTenths = (base + statusUnits + qcUnits) * 10 + timeTenths
        // The convention is in the question, not only in the rationale: Medicare pays no physical
        // status or qualifying-circumstance units, so a 78-year-old's record read under Medicare rules
        // gives another total (instructor review 35807, 00790).
        let question =
            "This anesthesia code carries \(base) base units. Counting time units in 15-minute increments to one decimal place and adding the ASA values for physical status and any qualifying circumstance (as many commercial payers do; Medicare pays neither), what is the total number of anesthesia units?"
        var stem = serviceStem(e, plan, narration: e.plan, question: question, &rng)
        if emergency { stem = stem.replacingOccurrences(of: "ASA PHYSICAL STATUS: \(status)\n", with: "ASA PHYSICAL STATUS: \(status)E\n") }
        let total = Self.tenths(totalTenths)
        var parts = ["\(base) base units", "\(Self.tenths(timeTenths)) time units (\(minutes) minutes ÷ 15, to one decimal)"]
        parts.append("\(statusUnits) for physical status P\(status)")
        for c in reported { parts.append("\(c.units) for the qualifying circumstance \(c.code)") }
        var rationale = "\(total) units: " + parts.joined(separator: " + ") + " = \(total)."
        rationale +=
            " Anesthesia time runs from the start to the end time on the record: it begins when the anesthesia provider starts preparing the patient for anesthesia and ends when the patient is handed over to postoperative care, and the minutes spent on a service reported separately, such as a nerve block placed for postoperative pain at the surgeon's request, are left out of it."
        rationale +=
            " Physical status P1, P2 and P6 add no units, P3 adds 1, P4 2 and P5 3; the class is reported as modifier P\(status) on the anesthesia code."
        for c in reported {
            rationale +=
                " \(c.why), reported with add-on code \(c.code), which adds \(c.units) under the ASA values (99100 1, 99140 2, 99116 and 99135 5)."
        }
        if reported.isEmpty {
            rationale += " The record documents no qualifying circumstance, and the patient's age (\(plan.patient.ageSpoken)) is not one."
        }
        rationale +=
            " Convention of this question: time units to one decimal, ASA physical status and qualifying-circumstance values; Medicare pays neither, and payers differ on time rounding."
        var grading = [GradedAnswer(min: Double(totalTenths) / 10 - 0.001, max: Double(totalTenths) / 10 + 0.001, credit: 100)]
        func mistake(_ tenths: Int, _ feedback: String) {
            let value = Double(tenths) / 10
            guard tenths != totalTenths, !grading.contains(where: { $0.accepts(value) }) else { return }
            grading.append(GradedAnswer(min: value - 0.001, max: value + 0.001, credit: 0, feedback: feedback))
        }
        mistake(totalTenths - statusUnits * 10, "The physical status units are missing: P\(status) adds \(statusUnits).")
        for c in reported {
            mistake(totalTenths - c.units * 10, "The qualifying circumstance units are missing: \(c.code) adds \(c.units).")
        }
        if reported.count > 1 {
            mistake(
                totalTenths - qcUnits * 10,
                "The qualifying circumstance units are missing: \(reported.map { "\($0.code) adds \($0.units)" }.joined(separator: ", ")).")
        }
        mistake(
            totalTenths - timeTenths + (minutes + 14) / 15 * 10,
            "Time units are counted to one decimal here, not rounded up to whole 15-minute units.")
        mistake(totalTenths - timeTenths, "The time units are missing: \(minutes) minutes is \(Self.tenths(timeTenths)) units.")
        return Draft(stem: stem, choices: [], rationale: rationale, entryAnswer: total, grading: grading)
    }

    /// A medication administration record with a drawn dose; the learner types the units billed.
    func drugUnits(_ i: ProcedureID, _ rng: inout SplitMix64) -> Draft {
        let e = index[i]
        let p = e.procedure
        var plan = scenario(e, &rng)
        let k = rng.below(p.service.doses.count)
        plan.dose = k
        let dose = p.service.doses[k]
        guard let unit = p.service.unit else { return Draft(stem: "", choices: [], rationale: "") }
        let units = ServiceFacts.drugUnits(dose: dose, unit: unit)
        let question = "How many units of HCPCS code \(p.code) should be reported for the dose given?"
        let stem = serviceStem(e, plan, narration: e.plan, question: question, &rng)
        let ratio = dose.value / unit.value
        let exact = abs(ratio - ratio.rounded()) < 1e-9
        var rationale =
            "\(units) unit\(units == 1 ? "" : "s"): \(p.code) covers \(unit) per unit and \(dose) was given, so \(dose) ÷ \(unit) = "
        rationale += exact ? "\(units)." : "\(Self.decimal(ratio)), rounded up to \(units): a partial unit is billed as a whole unit."
        rationale +=
            " Divide the dose given by the amount the code names; report the result as the units of the line (\(p.code) × \(units))."
        var grading = [GradedAnswer(min: Double(units) - 0.001, max: Double(units) + 0.001, credit: 100)]
        func mistake(_ value: Double, _ feedback: String) {
            guard abs(value - Double(units)) > 0.001, !grading.contains(where: { $0.accepts(value) }) else { return }
            grading.append(GradedAnswer(min: value - 0.001, max: value + 0.001, credit: 0, feedback: feedback))
        }
        if !exact {
            if ratio >= 1 { mistake(ratio.rounded(.down), "A partial unit is rounded up, not down.") }
            mistake(ratio, "Units are whole numbers: round a partial unit up.")
        }
        mistake(1, "One injection is not one unit: divide the dose by the \(unit) the code covers.")
        mistake(dose.value, "The units are the dose divided by the \(unit) the code covers, not the dose itself.")
        return Draft(stem: stem, choices: [], rationale: rationale, entryAnswer: String(units), grading: grading)
    }

    /// `16.1` for 161 tenths, `16.0` for 160.
    static func tenths(_ value: Int) -> String { "\(value / 10).\(value % 10)" }

    /// A ratio with at most two decimals (`0.25`, `1.5`).
    static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100
        let rest = hundredths % 100
        if rest == 0 { return String(whole) }
        return rest % 10 == 0 ? "\(whole).\(rest / 10)" : "\(whole).\(rest < 10 ? "0" : "")\(rest)"
    }
}

extension KindAvailability {
    /// Why a procedure has no `anesthesia-units` or `drug-units` item.
    static func unitCountGaps(_ p: Procedure, hasScenario: Bool) -> [(QuestionKind, String)] {
        var gaps: [(QuestionKind, String)] = []
        if p.layout != .anesthesia || p.service.baseUnits == nil {
            gaps.append((.anesthesiaUnits, "it is not an anesthesia file with 'base_units'"))
        } else if !hasScenario {
            gaps.append((.anesthesiaUnits, "no step can be narrated"))
        }
        if p.layout != .medication || p.service.doses.isEmpty {
            gaps.append((.drugUnits, "it is not a HCPCS drug file with 'unit' and 'dose'"))
        } else if !hasScenario {
            gaps.append((.drugUnits, "no step can be narrated"))
        }
        return gaps
    }
}

extension ReportPlan {
    /// Makes the patient's age agree with the extreme-age circumstance (99100), whose note tells an
    /// older patient: when it is told (`toldExtremeAge`) an age over seventy is drawn, or `false` is
    /// returned when the profile has none (the circumstance cannot be told); when it is not, an
    /// extreme age is pulled into 1…70 if `clamp`. Returns `true` otherwise.
    mutating func agreeAge(toldExtremeAge told: Bool, clamp: Bool, _ profile: PatientProfile, _ rng: inout SplitMix64) -> Bool {
        if told, !patient.extremeAge {
            guard profile.maximumAge > 70 else { return false }
            let low = max(71, profile.minimumAge)
            patient.age = rng.int(in: low...max(low, profile.maximumAge))
            patient.young = nil
        } else if !told, clamp, patient.extremeAge, profile.maximumAge >= 1 {
            patient.age = min(max(patient.age, max(1, profile.minimumAge)), max(70, profile.minimumAge))
            patient.young = nil
        }
        return true
    }
}
