import Foundation
import SourceText
import Testing

@testable import CodingContent

/// The keys of services that are not operations: anesthesia `base_units`, `minutes`,
/// `physical_status`; HCPCS `unit` and `dose`; the service settings; the layout by section.
@Suite struct ServiceKeysTests {
    func file(section: String, system: String = "CPT", code: String = "\"00790\"", extra: String, setting: String = "inpatient",
        anesthesia: String = "general"
    ) -> String {
        """
        ---
        format: 2
        code: \(code)
        system: \(system)
        title: A service
        section: \(section)
        setting: \(setting)
        anesthesia: \(anesthesia)
        report:
          procedure: A line
        \(extra)
        ---

        ## Indications
        - Someone

        ## Steps
        1. One thing was done.
        2. **Another thing was done.**
        """
    }

    func messages(_ text: String) -> [String] {
        ProcedureParser.parse(text: text, path: "x.md").diagnostics.map { "\($0.line):\($0.column): \($0.severity): \($0.message)" }
    }

    @Test func anesthesiaKeysAreRead() throws {
        let text = file(section: "Anesthesia/Upper Abdomen", extra: "base_units: 7\nminutes: 60-150\nphysical_status: [P1, P3, p4]")
        let (procedure, diagnostics) = ProcedureParser.parse(text: text, path: "x.md")
        #expect(diagnostics.isEmpty)
        let p = try #require(procedure)
        #expect(p.service.baseUnits == 7)
        #expect(p.service.minutes == 60...150)
        #expect(p.service.physicalStatus == [1, 3, 4])
        #expect(p.layout == .anesthesia)
    }

    @Test func anesthesiaKeysOutsideAnAnesthesiaFileAreErrors() {
        let text = file(section: "Surgery/Digestive System", extra: "base_units: 7")
        #expect(messages(text) == ["11:1: error: 'base_units' belongs only in an Anesthesia file (section starting 'Anesthesia/')"])
    }

    @Test func badAnesthesiaValuesNameTheShape() {
        let text = file(section: "Anesthesia/Head", extra: "base_units: 40\nminutes: 90-30\nphysical_status: [P7]")
        #expect(
            messages(text) == [
                "11:13: error: 'base_units' must be a whole number from 1 to 30",
                "12:10: error: 'minutes' '90-30' must be a range like 45-120",
                "13:18: error: physical status 'P7' must be one of P1, P2, P3, P4, P5, P6",
            ])
    }

    @Test func drugUnitAndDosesAreReadInTheSameWord() throws {
        let text = file(
            section: "HCPCS Level II/Drugs Administered Other Than Oral Method", system: "HCPCS", code: "J1885",
            extra: "unit: 15 mg\ndose: [15 mg, 45 mg, \"100,000 mg\"]", setting: "office", anesthesia: "none")
        let (procedure, diagnostics) = ProcedureParser.parse(text: text, path: "x.md")
        #expect(diagnostics.isEmpty)
        let p = try #require(procedure)
        #expect(p.service.unit == DrugAmount(value: 15, word: "mg"))
        #expect(p.service.doses.map(\.description) == ["15 mg", "45 mg", "100000 mg"])
        #expect(p.layout == .medication)
    }

    @Test func aDoseInAnotherWordOrWithoutUnitIsAnError() {
        let hcpcs = "HCPCS Level II/Drugs Administered Other Than Oral Method"
        let mismatch = file(section: hcpcs, system: "HCPCS", code: "J1885", extra: "unit: 15 mg\ndose: [2 cc]", setting: "office", anesthesia: "none")
        #expect(messages(mismatch) == ["12:7: error: dose '2 cc' is in 'cc' but 'unit' is in 'mg'"])
        let alone = file(section: hcpcs, system: "HCPCS", code: "J1885", extra: "dose: 30 mg", setting: "office", anesthesia: "none")
        #expect(messages(alone) == ["11:1: error: 'dose' needs 'unit': the amount one unit of the code covers"])
        let shape = file(section: hcpcs, system: "HCPCS", code: "J1885", extra: "unit: mg\ndose: 30 mg", setting: "office", anesthesia: "none")
        #expect(messages(shape) == ["11:7: error: 'unit' 'mg' must be a number above zero and a unit word, like '15 mg'"])
        let cpt = file(section: "Medicine/Cardiovascular", extra: "unit: 1 mg\ndose: 1 mg", setting: "office", anesthesia: "none")
        #expect(
            messages(cpt) == [
                "11:1: error: 'unit' belongs only in a HCPCS file (system: HCPCS)", "12:1: error: 'dose' belongs only in a HCPCS file (system: HCPCS)",
            ])
    }

    @Test func serviceSettingsAreAcceptedAndWarnWithoutAFittingAnesthesia() {
        let fits = file(section: "Radiology/Diagnostic Radiology/Chest", extra: "", setting: "[imaging-department, laboratory]", anesthesia: "none")
        #expect(messages(fits).isEmpty)
        let unfit = file(section: "Radiology/Diagnostic Radiology/Chest", extra: "", setting: "laboratory", anesthesia: "general")
        #expect(messages(unfit) == ["7:10: warning: setting 'laboratory' has no fitting anesthesia listed; there it is one of none"])
    }

    @Test func theLayoutFollowsTheFirstPartOfTheSection() throws {
        func layout(_ section: String, system: String = "CPT", code: String = "\"70000\"", extra: String = "") throws -> ServiceLayout {
            try #require(ProcedureParser.parse(text: file(section: section, system: system, code: code, extra: extra), path: "x.md").procedure)
                .layout
        }
        #expect(try layout("Surgery/Digestive System") == .operative)
        #expect(try layout("Radiology/Diagnostic Radiology/Chest") == .radiology)
        #expect(try layout("Pathology and Laboratory/Chemistry") == .laboratory)
        #expect(try layout("Pathology and Laboratory/Surgical Pathology", extra: "findings: [A finding here.]") == .laboratory)
        #expect(try layout("Medicine/Cardiovascular") == .medicine)
        #expect(try layout("HCPCS Level II/Durable Medical Equipment", system: "HCPCS", code: "E0143") == .supply)
        #expect(try layout("HCPCS Level II/Temporary Procedures and Professional Services", system: "HCPCS", code: "G0008") == .medicine)
    }

    @Test func unitArithmeticFollowsTheStatedConvention() {
        #expect(ServiceFacts.timeUnitTenths(minutes: 52) == 35)
        #expect(ServiceFacts.timeUnitTenths(minutes: 133) == 89)
        #expect(ServiceFacts.timeUnitTenths(minutes: 60) == 40)
        #expect(ServiceFacts.timeUnitTenths(minutes: 7) == 5)
        #expect([1, 2, 3, 4, 5, 6].map(ServiceFacts.physicalStatusUnits) == [0, 0, 1, 2, 3, 0])
        #expect(["99100", "99116", "99135", "99140", "99199"].map(ServiceFacts.qualifyingCircumstanceUnits) == [1, 5, 5, 2, nil])
        let mg = { DrugAmount(value: $0, word: "mg") }
        #expect(ServiceFacts.drugUnits(dose: mg(80), unit: mg(10)) == 8)
        #expect(ServiceFacts.drugUnits(dose: mg(25), unit: mg(10)) == 3)
        #expect(ServiceFacts.drugUnits(dose: mg(12.5), unit: mg(50)) == 1)
        #expect(ServiceFacts.drugUnits(dose: mg(0.3), unit: mg(0.1)) == 3)
    }
}
