import CodingContent
import Determinism
import Foundation
import Testing

@testable import Questions

/// Drug and unit questions from the CPC instructor reviews 70913, 24683 and 29411: the same drug's
/// other codes are the traps, an emptied single-dose vial keys JZ, and a code reported per test
/// keys the note's count.
@Suite struct DrugCodeSetTests {
    static func drug(_ code: String, _ title: String, unit: String, dose: String, drugStep: String, extra: String) -> String {
        """
        ---
        format: 2
        code: \(code)
        system: HCPCS
        title: \(title)
        section: HCPCS Level II/Drugs Administered Other Than Oral Method
        family: steroids
        patient:
          age: 66-80
        setting: office
        anesthesia: none
        unit: \(unit)
        dose: \(dose)
        report:
          procedure:
            - Steroid {dose} IM once
        \(extra)
        diagnoses:
          - code: L23.7
            text: allergic contact dermatitis from poison ivy
        ---
        ## Indications
        - A limited allergic rash
        ## Steps
        1. The order, allergies and the patient's identity were checked.
        2. **\(drugStep)**
        3. The injection was given deep into the left gluteal muscle.
        4. The patient was observed for 15 minutes without reaction.
        """
    }

    static let triamcinolone = drug(
        "J3301", "Triamcinolone acetonide injection, per 10 mg", unit: "10 mg", dose: "40 mg",
        drugStep: "Triamcinolone acetonide 40 mg/mL suspension was drawn up from a single-dose vial.",
        extra: """
            instead:
              - code: J1030
                when: the steroid given is methylprednisolone acetate
              - code: J3304
                describe: triamcinolone acetonide, extended-release microspheres, per 1 mg
                when: the triamcinolone is the extended-release microsphere product
              - code: J3300
                describe: preservative-free triamcinolone acetonide, per 1 mg
                when: the triamcinolone acetonide is preservative-free
            modifiers:
              - modifier: JZ
                when: a single-dose vial is used and none of the drug is discarded
                note: "Single-dose vial log (Medicare Part B patient): amount given: {dose}, the full contents of one 40 mg/mL single-dose vial; amount discarded: none."
                after: 3
            """)

    static let methylprednisolone = drug(
        "J1030", "Methylprednisolone acetate injection, 40 mg", unit: "40 mg", dose: "40 mg",
        drugStep: "Methylprednisolone acetate suspension was drawn up from a single-dose vial.",
        extra: """
            instead:
              - code: J3301
                when: the steroid given is triamcinolone acetonide
            """)

    static let prick = """
        ---
        format: 2
        code: "95004"
        system: CPT
        title: Allergy skin testing by prick, immediate reaction
        section: Medicine/Allergy and Clinical Immunology
        family: allergy-testing
        setting: office
        anesthesia: none
        units:
          count: 40
          per: allergen test
        report:
          procedure:
            - Allergy skin prick testing, 40 aeroallergens
        instead:
          - code: "95024"
            when: the extracts are injected into the skin
        diagnoses:
          - code: J30.1
            text: allergic rhinitis due to pollen
        ---
        ## Indications
        - Seasonal nasal allergy symptoms
        ## Steps
        1. Antihistamines had been stopped a week earlier.
        2. **Forty allergen extracts were applied to the back with prick devices.**
        3. **The wheals were read after 15 minutes.**
        """

    static let intradermal = """
        ---
        format: 2
        code: "95024"
        system: CPT
        title: Allergy skin testing by intradermal injection, immediate reaction
        section: Medicine/Allergy and Clinical Immunology
        family: allergy-testing
        setting: office
        anesthesia: none
        report:
          procedure:
            - Intradermal allergy testing
        instead:
          - code: "95004"
            when: the extracts are pricked into the skin surface
        diagnoses:
          - code: J30.81
            text: allergic rhinitis due to cat dander
        ---
        ## Indications
        - Suspected allergy despite negative prick tests
        ## Steps
        1. Antihistamines had been stopped for a week.
        2. **Six extracts were injected into the skin with a fine needle.**
        3. **The wheals were read after 15 minutes.**
        """

    static let generator: QuestionGenerator = {
        let procedures = [
            ("Content/J3301.md", triamcinolone), ("Content/J1030.md", methylprednisolone), ("Content/95004.md", prick),
            ("Content/95024.md", intradermal),
        ].map { ProcedureParser.parse(text: $0.1, path: $0.0).procedure! }
        return QuestionGenerator(library: Library(root: URL(fileURLWithPath: "/"), procedures: procedures, diagnostics: []))
    }()

    @Test func theSameDrugsOtherCodesComeFirstAndTheRationaleNamesThem() throws {
        // J3301 lists methylprednisolone first, yet its nearest traps are the other triamcinolone codes.
        let index = Self.generator.index
        let c = index.choices(try #require(index.byCode["J3301"]))
        #expect(c.codes.map(\.text) == ["J3304", "J3300", "J1030"])
        #expect(c.codeSetChoices.map(\.text) == ["J3304", "J3300", "J1030"])
        #expect(
            c.rightCode.hasSuffix(
                " It would be J3304 only if the triamcinolone is the extended-release microsphere product, and J3300 only if the triamcinolone acetonide is preservative-free."
            ))
        // A drug without another code of its own drug keeps its order and its library alternatives.
        let other = index.choices(try #require(index.byCode["J1030"]))
        #expect(other.codes.map(\.text) == ["J3301"])
        #expect(other.rightCode.hasSuffix(" It would be J3301 only if the steroid given is triamcinolone acetonide."))
        for seed: UInt64 in 1...6 {
            let q = try Self.generator.generate(itemID: "hcpcs:J3301/vignette", seed: seed)
            #expect(q.options.map(\.text).sorted() == ["J1030", "J3300", "J3301", "J3304"])
        }
        #expect(LibraryIndex.drugName("Triamcinolone acetonide injection, per 10 mg") == "triamcinolone")
        #expect(LibraryIndex.names("preservative-free triamcinolone acetonide, per 1 mg", drug: "triamcinolone"))
        #expect(!LibraryIndex.names("Methylprednisolone acetate injection, 40 mg", drug: "triamcinolone"))
    }

    @Test func anEmptiedSingleDoseVialKeysJZAndAnOptionLeavesItOff() throws {
        for seed: UInt64 in 1...6 {
            let q = try Self.generator.generate(itemID: "hcpcs:J3301/code-set", seed: seed)
            #expect(q.answer.text == "J3301-JZ × 4, L23.7")
            #expect(
                q.stem.contains(
                    "njection was given deep into the left gluteal muscle. Single-dose vial log (Medicare Part B patient): amount given: 40 mg, the full contents of one 40 mg/mL single-dose vial; amount discarded: none."
                ))
            #expect(q.rationale.contains("so the line carries modifier JZ (no part of a single-dose container was discarded)."))
            let withoutJZ = q.options.filter { !$0.correct && !$0.text.contains("-JZ") }
            #expect(!withoutJZ.isEmpty, "seed \(seed): \(q.options.map(\.text))")
            for option in withoutJZ where option.text.hasPrefix("J3301 ") || option.text.hasPrefix("J3301-JW ") {
                #expect(option.rationale.contains("JZ is missing") || option.rationale.contains("JW reports an amount"))
            }
        }
        // Seed 1 whole: the code, the modifier and the units each wrong in two of the three distractors.
        let q = try Self.generator.generate(itemID: "hcpcs:J3301/code-set", seed: 1)
        #expect(q.options.map(\.text).sorted() == ["J3301 × 1, L23.7", "J3301-JZ × 4, L23.7", "J3304 × 4, L23.7", "J3304-JZ × 1, L23.7"])
        // A drug file without a JZ situation keys no modifier.
        let plain = try Self.generator.generate(itemID: "hcpcs:J1030/code-set", seed: 1)
        #expect(plain.answer.text == "J1030 × 1, L23.7")
    }

    @Test func aCodeReportedPerTestKeysTheNotesCount() throws {
        for seed: UInt64 in 1...6 {
            let q = try Self.generator.generate(itemID: "cpt:95004/code-set", seed: seed)
            #expect(q.answer.text == "95004 × 40, J30.1")
            #expect(
                q.stem.hasSuffix(
                    "Which code set should be reported for this service (CPT code(s) with any modifiers and units, then ICD-10-CM)?"))
            #expect(
                q.rationale.contains(
                    " 95004 is reported once per allergen test, and the note documents 40, so the line carries 40 units (95004 × 40)."))
            #expect(q.options.contains { $0.text.hasPrefix("95004 × 1,") })
        }
        // Its neighbour has no count: its code set names no units.
        let other = try Self.generator.generate(itemID: "cpt:95024/code-set", seed: 1)
        #expect(other.answer.text == "95024, J30.81")
    }

    @Test func unitsAreReadAndCheckedOnlyWhereTheyMeanSomething() {
        let read = ProcedureParser.parse(text: Self.prick, path: "Content/95004.md")
        #expect(read.procedure?.service.counted == CountedUnits(count: 40, per: "allergen test"))
        #expect(read.diagnostics.isEmpty)
        let one = ProcedureParser.parse(text: Self.prick.replacingOccurrences(of: "count: 40", with: "count: 1"), path: "a.md")
        #expect(one.diagnostics.map(\.message) == ["'units' count '1' must be a whole number from 2 to 999"])
        let drug = ProcedureParser.parse(
            text: Self.methylprednisolone.replacingOccurrences(
                of: "setting: office", with: "setting: office\nunits:\n  count: 2\n  per: vial"),
            path: "b.md")
        #expect(
            drug.diagnostics.map(\.message) == ["'units' is for codes that are not drugs; a drug's units come from 'unit' and 'dose'"])
    }
}
