import CodingContent
import Determinism
import Foundation

/// The notes of services that are not operations: a radiology report, a pathology report, a lab
/// requisition and result, a clinic note, an anesthesia record, a medication administration record
/// and a supply order. Each tells the same facts as an operative report (the heading line, the
/// reason, the narrated steps, the findings, the conclusion) under the headings of its document.
extension QuestionGenerator {
    /// The stem of a service note: its headings in the document's order, then the question line
    /// ("this procedure" read as "this service").
    func serviceStem(
        _ e: ProcedureEntry, _ plan: ReportPlan, narration: NarrationPlan, question: String, _ rng: inout SplitMix64
    ) -> String {
        let p = e.procedure
        var text = StemText(capacity: 2_048)
        let slot = ReportMaterial.sideSlot(plan.patient.side)
        var reason: String
        if let d = plan.diagnosis {
            reason = e.report.diagnosisLines[d].preop
        } else {
            reason = stemIndication(e, among: e.stemIndications, &rng) ?? "Not stated."
        }
        // Every condition the key codes is in the conclusion: a second one (`also`) is listed after the first.
        var conclusion = plan.diagnosis.map { d in
            p.diagnoses[d].listedConditions.count == 1
                ? Wording.sentence(Wording.capitalized(p.diagnoses[d].text)) : e.report.diagnosisLines[d].postop
        }
        // The condition a told additional service treats comes after them; a note with no conclusion
        // line (a lab requisition, an anesthesia record) lists it with the reason.
        if let added = addedDiagnosis(e, plan), let d = plan.diagnosis, let own = conclusion {
            let listed = p.diagnoses[d].listedConditions.count
            conclusion = (listed > 1 ? own : "1. " + own) + " \(listed + 1). " + Wording.sentence(Wording.capitalized(added.text))
            let printsConclusion = e.report.layout != .laboratory && e.report.layout != .anesthesia
            if let before = added.preop ?? (printsConclusion ? nil : added.text) {
                reason = "1. " + reason + " 2. " + Wording.sentence(Wording.capitalized(before))
            }
        }
        let pathology = plan.diagnosis.flatMap { e.report.diagnosisLines[$0].pathology }
        var heading = e.report.filledLines[rng.below(e.report.filledLines.count)][slot]
        let dose = serviceDose(p, plan, &rng)
        if let dose { heading = heading.replacingOccurrences(of: "{dose}", with: dose.description) }
        heading = plan.listingAddition(after: heading)
        let findings = plan.tellsFindings(e.report) ? e.report.findings : nil
        func line(_ name: String, _ value: String?) {
            guard let value else { return }
            if !text.isEmpty { text += "\n" }
            text += name
            text += ": "
            text += value
        }
        func body(_ name: String, arrival: Bool = true, opening: Bool = true) {
            if !text.isEmpty { text += "\n" }
            text += name
            text += ":"
            if arrival { serviceArrival(plan, usual: e.report.setting, layout: e.report.layout, into: &text, &rng) }
            if let circumstance = plan.circumstance {
                text += " "
                text += circumstance
            }
            for sentence in plan.opening where opening {
                text += " "
                text += sentence
            }
            narrate(e, narration, plan, into: &text, &rng)
        }
        switch e.report.layout {
        case .radiology:
            line("EXAM", heading)
            line("CLINICAL INDICATION", reason)
            let technique = text.count
            body("TECHNIQUE")
            // A report that compares with an earlier study has one: the COMPARISON line does not deny it.
            let compares = Self.comparesWithEarlierStudy(
                reported: text.string(from: technique) + " " + (findings ?? "") + " "
                    + (conclusion ?? ""), reason: reason)
            line("COMPARISON", compares ? "Prior study of the same region." : rng.element(of: Self.comparisons))
            line("FINDINGS", findings)
            line("IMPRESSION", conclusion)
        case .pathology:
            // A specimen comes to the laboratory without its patient: the history names who it is from.
            let patient = plan.patient
            line("SPECIMEN", heading)
            line("CLINICAL HISTORY", Wording.capitalized(patient.ageWords + patient.person) + ". " + reason)
            // Who prepared the slides and who read them (a modifier twist) is the report's closing
            // comment, not a sentence of the gross description (instructor review 74453: "the billing
            // fact is pasted into the gross description").
            body("GROSS DESCRIPTION", arrival: false, opening: false)
            line("MICROSCOPIC DESCRIPTION", findings)
            line("DIAGNOSIS", pathology ?? conclusion)
            line("COMMENT", plan.opening.isEmpty ? nil : plan.opening.joined(separator: " "))
        case .laboratory:
            line("TEST ORDERED", heading)
            // A sample tested in the laboratory arrives without its patient (as a specimen does): the
            // requisition names who it is from, and no sentence has the patient walk in (instructor
            // review 29411: "came to the laboratory. The sample arrived…"). A test done where the patient
            // is (the emergency department, the office) keeps its arrival sentence.
            let inLaboratory = plan.setting == .laboratory
            if inLaboratory {
                line("PATIENT", Wording.capitalized(plan.patient.ageWords + plan.patient.person) + ".")
            }
            line("REASON FOR TEST", reason)
            body("COLLECTION AND TESTING", arrival: !inLaboratory)
            line("RESULTS", findings)
        case .anesthesia:
            let status = plan.physicalStatus ?? rng.element(of: p.service.physicalStatus)
            let minutes = plan.minutes ?? rng.int(in: p.service.minutes)
            let start = 7 * 60 + rng.below(8 * 60)
            text += "ANESTHESIA RECORD"
            line("PROCEDURE", heading)
            line("PREOPERATIVE DIAGNOSIS", reason)
            line("ASA PHYSICAL STATUS", String(status))
            // The usual anesthesia: the course narrates one anesthetic, so the type line must be that one.
            line("ANESTHESIA TYPE", e.report.anesthesia[ReportMaterial.settingSlot(plan.setting)][0])
            line(
                "ANESTHESIA START", "\(Self.clock(start)). ANESTHESIA END: \(Self.clock(start + minutes)) (\(minutes) minutes).")
            body("ANESTHESIA COURSE")
        case .medication:
            text += "MEDICATION ADMINISTRATION RECORD"
            line("ORDER", heading)
            line("DIAGNOSIS", conclusion ?? reason)
            line("DOSE GIVEN", dose.map { "\($0.description)." })
            body("ADMINISTRATION")
        case .supply:
            text += "SUPPLY AND EQUIPMENT ORDER"
            line("ITEM", heading)
            line("DIAGNOSIS", conclusion ?? reason)
            body("NOTE")
        case .medicine, .operative:
            line("SERVICE", heading)
            line("REASON FOR VISIT", reason)
            body("PROCEDURE NOTE")
            line("RESULTS", findings)
            line("ASSESSMENT", conclusion)
        }
        text += "\n\n"
        var asked = question.replacingOccurrences(of: "this procedure", with: "this service")
        if p.system == .hcpcs { asked = asked.replacingOccurrences(of: "CPT code ", with: "HCPCS code ") }
        text += asked
        return text.string
    }

    /// The dose a medication note documents (the plan's, else drawn), or `nil` for other notes.
    func serviceDose(_ p: Procedure, _ plan: ReportPlan, _ rng: inout SplitMix64) -> DrugAmount? {
        guard p.service.unit != nil, !p.service.doses.isEmpty else { return nil }
        return p.service.doses[plan.dose ?? rng.below(p.service.doses.count)]
    }

    /// The first sentence of a service note's narrative: who the patient is and where.
    private func serviceArrival(
        _ plan: ReportPlan, usual: CareSetting, layout: ServiceLayout, into text: inout StemText, _ rng: inout SplitMix64
    ) {
        let patient = plan.patient
        if rng.below(2) == 0 {
            text += patient.an ? " An " : " A "
            text += patient.ageWords
            text += patient.person
            text += " "
        } else {
            text += patient.an ? " The patient, an " : " The patient, a "
            text += patient.ageWords
            text += patient.person
            text += ", "
        }
        text += plan.setting.whereabouts(usual: usual, layout: layout)
        text += "."
    }

    /// What a radiology report says about earlier studies when it compares with none.
    static let comparisons = ["None.", "No prior studies available.", "None available."]

    /// Whether a radiology report refers to an earlier study: its technique, findings or impression
    /// compare ("compared with", "since last year", "interval", "stable", "unchanged", "no new mass",
    /// "two new lesions"), or its indication names an earlier study ("on an earlier film").
    static func comparesWithEarlierStudy(reported: String, reason: String) -> Bool {
        let words = Set(Wording.tokens(reported))
        if !words.isDisjoint(with: comparingWords) { return true }
        return !Set(Wording.tokens(reason)).isDisjoint(with: earlierStudyWords)
    }

    /// Words of a report's own text that refer to an earlier study ("new" there means new since one).
    static let comparingWords: Set<String> = [
        "compared", "comparison", "since", "prior", "previous", "previously", "earlier", "interval", "stable", "unchanged",
        "new", "shrunk", "grown", "regressed", "progressed", "resolved",
    ]
    /// Words of an indication that name an earlier study ("a density on an earlier film"); "new"
    /// there means new symptoms.
    static let earlierStudyWords: Set<String> = ["prior", "previous", "previously", "earlier", "compared", "comparison"]

    /// `07:05` for 425 minutes after midnight (wrapping past midnight).
    static func clock(_ minutes: Int) -> String {
        let m = minutes % (24 * 60)
        let h = m / 60
        let mm = m % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (mm < 10 ? "0" : "") + String(mm)
    }
}
