import CodingContent
import Foundation
import Testing

@testable import Questions

/// An `in_addition` entry with `always: true` is documented by every report of the code: a vaccine
/// product and its administration are one claim (coder review of 90715: the code set keyed
/// "90715, Z23" on half the seeds, without 90471).
@Suite struct AlwaysReportedAdditionTests {
    static let vaccine = """
        ---
        format: 2
        code: "90715"
        system: CPT
        title: Tdap vaccine, age 7 and older
        section: Medicine/Vaccines
        family: tetanus-vaccines
        setting: office
        anesthesia: none
        report:
          procedure:
            - Tdap booster
        instead:
          - code: "90714"
            describe: Td vaccine without the pertussis component
            when: the product protects against tetanus and diphtheria only
        in_addition:
          - code: "90471"
            type: together
            always: true
            describe: administration of one injected vaccine
            when: a staff member gives the injection
            note: The medical assistant gave the injection under the standing order.
        diagnoses:
          - code: Z23
            text: encounter for a Tdap booster
        ---
        ## Indications
        - A booster due
        ## Steps
        1. The vaccine information statement was given.
        2. **The Tdap vaccine was injected into the left deltoid.**
        3. The lot number was recorded.
        """

    @Test func parsesAlways() throws {
        let (procedure, diagnostics) = ProcedureParser.parse(text: Self.vaccine, path: "Content/90715.md")
        #expect(diagnostics == [])
        #expect(procedure?.additions.map(\.always) == [true])
    }

    @Test func alwaysWithoutANoteOrWithAnotherValueIsAnError() throws {
        let noNote = Self.vaccine.replacingOccurrences(
            of: "    note: The medical assistant gave the injection under the standing order.\n", with: "")
        #expect(
            ProcedureParser.parse(text: noNote, path: "Content/90715.md").diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
                == ["20:13: 'in_addition' entry has 'always' but no 'note': the note is what every report tells"])
        let yes = Self.vaccine.replacingOccurrences(of: "always: true", with: "always: yes")
        #expect(
            ProcedureParser.parse(text: yes, path: "Content/90715.md").diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
                == ["20:13: 'in_addition' entry 'always' must be true or false"])
    }

    /// Every seed's code set for the shipped 90715 keys the administration, and the report tells it.
    @Test func theShippedTdapCodeSetAlwaysKeysItsAdministration() throws {
        let generator = try #require(TestLibraries.all.first { $0.name == "shipped" }?.shared.generator)
        for seed: UInt64 in 1...12 {
            let q = try generator.generate(itemID: "cpt:90715/code-set", seed: seed)
            #expect(q.answer.text == "90715, 90471, Z23", "\(q.id)")
            #expect(q.stem.contains("The medical assistant gave the injection under the physician's standing order"), "\(q.id)")
        }
    }

    /// Either code of the pair is asked for "reported with" the other: "the CPT code for this
    /// service" had two right answers (instructor review 48251: 90471's entry, where 90715 is as right).
    @Test func eitherCodeOfThePairIsAskedBesideTheOther() throws {
        let generator = try #require(TestLibraries.all.first { $0.name == "shipped" }?.shared.generator)
        let entry = try generator.generate(itemID: "cpt:90471/vignette-entry", seed: 3)
        #expect(entry.stem.hasSuffix("\n\nEnter the CPT code reported with 90715 for this service."))
        #expect(entry.answer.text == "90471")
        let product = try generator.generate(itemID: "cpt:90715/vignette-entry", seed: 3)
        #expect(product.stem.hasSuffix("\n\nEnter the CPT code reported with 90471 for this service."))
        #expect(product.answer.text == "90715")
        // A code without such a pair keeps the plain question.
        let plain = try generator.generate(itemID: "cpt:85730/vignette-entry", seed: 3)
        #expect(plain.stem.hasSuffix("\n\nEnter the CPT code for this service."))
    }
}
