import Foundation
import SourceText
import Testing

@testable import CodingContent

/// A complete, valid content file used as the base of the parser tests.
let hipFusion = """
    ---
    code: "27284"
    system: CPT
    title: Hip fusion without femoral osteotomy
    section: Surgery/Musculoskeletal System/Pelvis and Hip Joint
    family: hip-arthrodesis
    patient:
      sex: any
      age: 20-55
    contrasts:
      - code: "27286"
        when: a subtrochanteric osteotomy of the femur is also performed
        rules_out: The femur itself was not cut.
    icd10pcs:
      right: 0SG904Z
      left: 0SGB04Z
    diagnoses:
      - code: M16.11
        side: right
        text: primary osteoarthritis of the right hip
    tags: [cpc, musculoskeletal]
    ---

    The hip joint is fused.
    It no longer moves.

    A second paragraph.

    ## Indications
    - End-stage arthritis in a young labourer
    - A failed replacement that cannot be revised

    ## Steps
    1. A lateral incision is made over the hip.
    2. **The joint surfaces are taken down to bleeding bone.**
    3. A plate fixes the femur to the pelvis,
       spanning the joint.

    ## Notes
    - Report the side with a modifier.
    """

@Suite struct ProcedureParserTests {
    @Test func parsesEveryFieldOfAValidFile() throws {
        let (procedure, diagnostics) = ProcedureParser.parse(text: hipFusion, path: "Content/hip/27284.md")
        #expect(
            diagnostics.map(\.message) == [
                "format v1: missing v2 fields setting, anesthesia, report, findings, modifiers, in_addition, included; run 'codedrill content upgrade Content/hip/27284.md'"
            ])
        let p = try #require(procedure)
        #expect(p.code == "27284")
        #expect(p.system == .cpt)
        #expect(p.title == "Hip fusion without femoral osteotomy")
        #expect(p.section == ["Surgery", "Musculoskeletal System", "Pelvis and Hip Joint"])
        #expect(p.area == "Musculoskeletal System")
        #expect(p.family == "hip-arthrodesis")
        #expect(p.patient == PatientProfile(sex: .any, minimumAge: 20, maximumAge: 55))
        #expect(
            p.contrasts == [
                Contrast(
                    code: "27286", when: "a subtrochanteric osteotomy of the femur is also performed",
                    rulesOut: "The femur itself was not cut.", oneway: false, location: SourceLocation(line: 11, column: 11))
            ])
        #expect(
            p.pcs == [
                PCSCode(code: "0SG904Z", side: .right, location: SourceLocation(line: 15, column: 10)),
                PCSCode(code: "0SGB04Z", side: .left, location: SourceLocation(line: 16, column: 9)),
            ])
        #expect(
            p.diagnoses == [
                Diagnosis(
                    code: "M16.11", side: .right, text: "primary osteoarthritis of the right hip",
                    location: SourceLocation(line: 18, column: 11))
            ])
        #expect(p.diagnoses[0].normalizedCode == "M1611")
        #expect(p.tags == ["cpc", "musculoskeletal"])
        #expect(p.summary == ["The hip joint is fused. It no longer moves.", "A second paragraph."])
        #expect(p.indications == ["End-stage arthritis in a young labourer", "A failed replacement that cannot be revised"])
        #expect(
            p.steps.map(\.text) == [
                "A lateral incision is made over the hip.",
                "The joint surfaces are taken down to bleeding bone.",
                "A plate fixes the femur to the pelvis, spanning the joint.",
            ])
        #expect(p.steps.map(\.isKey) == [false, true, false])
        #expect(p.steps[2].location == SourceLocation(line: 36, column: 4))
        #expect(p.notes == ["Report the side with a modifier."])
        #expect(p.codeLocation == SourceLocation(line: 2, column: 7))
        #expect(p.itemPrefix == "cpt:27284")
    }

    @Test func crlfLineEndingsAndByteOrderMarkAreAccepted() throws {
        let text = "\u{FEFF}" + hipFusion.replacingOccurrences(of: "\n", with: "\r\n")
        let (procedure, diagnostics) = ProcedureParser.parse(text: text, path: "a.md")
        #expect(diagnostics.map(\.severity) == [.warning])  // only the format v1 reminder
        #expect(procedure?.steps.count == 3)
    }

    @Test func contentHashChangesWithTheTextButNotTheCode() throws {
        let a = try #require(ProcedureParser.parse(text: hipFusion, path: "a.md").procedure)
        let b = try #require(
            ProcedureParser.parse(text: hipFusion.replacingOccurrences(of: "young labourer", with: "young farmer"), path: "a.md").procedure)
        #expect(a.contentHash != b.contentHash)
        #expect(a.itemPrefix == b.itemPrefix)
        #expect(a.contentHash.count == 16)
    }

    @Test func unsidedCrosswalkIsOneCode() throws {
        let text = hipFusion.replacingOccurrences(of: "icd10pcs:\n  right: 0SG904Z\n  left: 0SGB04Z", with: "icd10pcs: 0dtj4zz")
        let p = try #require(ProcedureParser.parse(text: text, path: "a.md").procedure)
        #expect(p.pcs == [PCSCode(code: "0DTJ4ZZ", side: nil, location: SourceLocation(line: 14, column: 11))])
    }
}
