import CodingContent
import Foundation
import Testing

@testable import Questions

/// A diagnosis' `order`: why its codes are reported in that sequence, when an ICD-10-CM instruction
/// decides it (instructor review 93109: 46280's rationale called Crohn's disease "the reason for the
/// procedure", where the fistula's "code first" note is what puts it first).
@Suite struct DiagnosisOrderTests {
    static let debridement = """
        ---
        format: 2
        code: "11042"
        system: CPT
        title: Debridement of subcutaneous tissue, first 20 sq cm or less
        section: Surgery/Integumentary System/Skin
        family: debridement
        setting: office
        anesthesia: local
        report:
          procedure:
            - Excisional debridement of a right heel ulcer
        instead:
          - code: "11043"
            describe: debridement of muscle or fascia, first 20 sq cm or less
            when: the debridement reaches muscle or fascia
          - code: "97597"
            describe: selective debridement of an open wound, first 20 sq cm or less
            when: only the wound's surface is cleaned, down to but not through the subcutaneous tissue
        diagnoses:
          - code: E11.621
            text: type 2 diabetes mellitus with foot ulcer
            also:
              code: L97.412
              text: ulcer of the right heel with the fat layer exposed
            order: the Tabular List at E11.621 says to use an additional code for the ulcer's site and depth, so the diabetes comes first
            traps:
              - code: E11.622
                when: the ulcer had been on the leg rather than the foot
              - code: E11.51
                when: the note had documented peripheral angiopathy without an ulcer
        ---
        ## Indications
        - A diabetic foot ulcer with dead tissue
        ## Steps
        1. The ulcer was measured.
        2. **Dead subcutaneous tissue was cut away with a curette down to bleeding fat.**
        3. A dressing was applied.
        """

    @Test func parsesTheOrder() throws {
        let (procedure, diagnostics) = ProcedureParser.parse(text: Self.debridement, path: "Content/11042.md")
        #expect(diagnostics == [])
        #expect(
            procedure?.diagnoses.first?.order
                == "the Tabular List at E11.621 says to use an additional code for the ulcer's site and depth, so the diabetes comes first")
    }

    @Test func anOrderWithoutAlsoIsAnError() throws {
        let alone = Self.debridement.replacingOccurrences(
            of: "    also:\n      code: L97.412\n      text: ulcer of the right heel with the fat layer exposed\n",
            with: "")
        let (_, diagnostics) = ProcedureParser.parse(text: alone, path: "Content/11042.md")
        #expect(
            diagnostics.map { "\($0.line):\($0.column): \($0.message)" } == [
                "23:12: 'order' says why the diagnosis and its 'also' codes are sequenced so; this diagnosis has no 'also'"
            ])
    }

    @Test func theRationaleGivesTheOrdersReason() throws {
        let procedure = try #require(ProcedureParser.parse(text: Self.debridement, path: "Content/11042.md").procedure)
        let generator = QuestionGenerator(library: Library(root: URL(fileURLWithPath: "/"), procedures: [procedure], diagnostics: []))
        let q = try generator.generate(itemID: "cpt:11042/diagnosis", seed: 1)
        let key = try #require(q.options.first { $0.correct })
        #expect(key.text == "E11.621, L97.412")
        #expect(
            key.rationale.hasSuffix(
                "Every documented condition that bears on this encounter is coded. The Tabular List at E11.621 says to use an additional code for the ulcer's site and depth, so the diabetes comes first."
            ), "\(key.rationale)")
        #expect(!key.rationale.contains("the reason for the"))
    }
}
