import CodingContent
import Foundation
import Testing

@testable import Questions

/// A scenario with four wrong sequences, so that a seed decides which three are shown.
private let sepsisScenario = """
    ---
    format: 2
    system: ICD-10-CM
    id: sepsis-pneumonia
    title: Sepsis from pneumococcal pneumonia
    chapter: Certain infectious and parasitic diseases (A00-B99)
    setting: inpatient
    codes: [A40.3, J13]
    wrong:
      - codes: [J13, A40.3]
        why: with sepsis present on admission the systemic infection goes first
      - codes: [A41.9, J13]
        why: the cultures name the organism
      - codes: [A40.3, J18.9]
        why: the pneumonia is documented as pneumococcal
      - codes: [A40.3, R65.20, J13]
        why: no organ dysfunction is documented
    decides: Sepsis and pneumococcal pneumonia are both present on admission, without organ dysfunction.
    guideline:
      section: I.C.1.d.4
      rule: A systemic infection present on admission is sequenced before the localized infection that caused it.
    index: Sepsis, pneumococcal; Pneumonia, pneumococcal
    tags: [cpc, icd-10-cm, sepsis]
    ---

    DISCHARGE SUMMARY
    Blood and sputum cultures grew Streptococcus pneumoniae.
    DISCHARGE DIAGNOSES: Pneumococcal pneumonia. Sepsis, present on admission.

    ## Notes
    - Systemic infection first.
    """

@Suite("diagnosis-sequence questions")
struct DiagnosisSequenceTests {
    static let scenario = DiagnosisScenarioParser.parse(text: sepsisScenario, path: "Content/icd-10-cm/infectious/sepsis.md").scenario!
    static let generator = DiagnosisSequenceGenerator(scenarios: [scenario])

    /// The shipped library's scenarios and a catalog over the whole shipped library.
    static let shipped: Library = TestLibraries.shipped!.library
    static let catalog = TestLibraries.shipped!.catalog

    @Test func theItemIsFiledUnderICD10CMAndItsChapter() throws {
        let item = try #require(Self.generator.items.first)
        #expect(item.id == "icd:sepsis-pneumonia/diagnosis-sequence")
        #expect(item.kind == .diagnosisSequence)
        #expect(item.code == "sepsis-pneumonia")
        #expect(item.system == .icd10cm)
        #expect(item.area == "ICD-10-CM")
        #expect(item.category == ["ICD-10-CM", "Certain infectious and parasitic diseases (A00-B99)"])
        #expect(item.family == "infectious")
        #expect(item.tags == ["cpc", "icd-10-cm", "sepsis"])
    }

    @Test func aQuestionShowsTheNoteTheKeyAndThreeSeededWrongSequences() throws {
        let q = try #require(Self.generator.generate(itemID: "icd:sepsis-pneumonia/diagnosis-sequence", seed: 4))
        #expect(q.id == "icd:sepsis-pneumonia/diagnosis-sequence#4")
        #expect(
            q.stem
                == "DISCHARGE SUMMARY\nBlood and sputum cultures grew Streptococcus pneumoniae.\nDISCHARGE DIAGNOSES: Pneumococcal pneumonia. Sepsis, present on admission.\n\nWhich ICD-10-CM code or codes should be reported for this admission, in sequence?"
        )
        #expect(q.options.map(\.text) == ["A40.3, R65.20, J13", "A40.3, J13", "J13, A40.3", "A40.3, J18.9"])
        #expect(q.answer == CorrectAnswer(label: "B", text: "A40.3, J13"))
        #expect(
            q.rationale
                == "Report A40.3, J13. Sepsis and pneumococcal pneumonia are both present on admission, without organ dysfunction. Guideline I.C.1.d.4: A systemic infection present on admission is sequenced before the localized infection that caused it. Not A40.3, R65.20, J13: no organ dysfunction is documented. Not J13, A40.3: with sepsis present on admission the systemic infection goes first. Not A40.3, J18.9: the pneumonia is documented as pneumococcal. Index: Sepsis, pneumococcal; Pneumonia, pneumococcal."
        )
        #expect(
            q.options[1].rationale
                == "Report A40.3, J13. Sepsis and pneumococcal pneumonia are both present on admission, without organ dysfunction. Guideline I.C.1.d.4: A systemic infection present on admission is sequenced before the localized infection that caused it. Index: Sepsis, pneumococcal; Pneumonia, pneumococcal."
        )
        #expect(q.options[3].rationale == "A40.3, J18.9 is wrong: the pneumonia is documented as pneumococcal.")
        #expect(q.judge(response: "b").correct)
        #expect(q.judge(response: "a40.3,j13").correct)
        #expect(!q.judge(response: "A40.3").correct)
    }

    @Test func theSameSeedGivesTheSameQuestionAndSeedsVaryTheWrongSequences() throws {
        let id = "icd:sepsis-pneumonia/diagnosis-sequence"
        #expect(Self.generator.generate(itemID: id, seed: 9) == Self.generator.generate(itemID: id, seed: 9))
        let shown = Set((1...20).compactMap { Self.generator.generate(itemID: id, seed: $0) }.flatMap { $0.options.map(\.text) })
        #expect(shown.count == 5)
        #expect(Self.generator.generate(itemID: "icd:other/diagnosis-sequence", seed: 1) == nil)
    }

    @Test func theCatalogServesScenarioItemsBesideProceduresAndBanks() throws {
        let catalog = QuestionCatalog(library: Library(root: URL(fileURLWithPath: "/"), procedures: [], scenarios: [Self.scenario]))
        #expect(catalog.items.map(\.id) == ["icd:sepsis-pneumonia/diagnosis-sequence"])
        #expect(catalog.items(code: "sepsis-pneumonia").count == 1)
        #expect(catalog.items(ItemSelection(kinds: ["diagnosis-sequence"])).count == 1)
        let q = try catalog.question(itemID: "icd:sepsis-pneumonia/diagnosis-sequence", seed: 4)
        #expect(q.answer.text == "A40.3, J13")
        #expect(throws: QuestionGenerationError.unknownItem("icd:nothing/diagnosis-sequence")) {
            try catalog.question(itemID: "icd:nothing/diagnosis-sequence", seed: 1)
        }
    }

    @Test func theShippedScenariosCoverSixtyFilesInFourteenChapters() {
        #expect(Self.shipped.scenarios.count >= 60)
        #expect(Set(Self.shipped.scenarios.map(\.chapter)).count >= 14)
        #expect(Self.shipped.diagnostics.filter { $0.path.contains("icd-10-cm") } == [])
    }

    @Test(arguments: 1...3 as ClosedRange<UInt64>)
    func everyShippedScenarioQuestionHasOneDefensibleAnswerAndAReasonForEveryOption(seed: UInt64) throws {
        let items = Self.catalog.items.filter { $0.kind == .diagnosisSequence }
        #expect(items.count == Self.shipped.scenarios.count)
        let tables = ICD10Tables.shipped
        for item in items {
            let q = try Self.catalog.question(itemID: item.id, seed: seed)
            #expect(q.options.count == 4, "\(q.id)")
            #expect(q.options.filter(\.correct).count == 1, "\(q.id)")
            #expect(Set(q.options.map(\.text)).count == 4, "\(q.id)")
            #expect(!q.rationale.isEmpty && q.options.allSatisfy { !$0.rationale.isEmpty }, "\(q.id)")
            for option in q.options {
                for code in option.text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                    #expect(tables.diagnosisProblem(code, on: 20_261_125) == nil, "\(q.id): \(code)")
                }
            }
            let key = q.answer.text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for code in key {
                #expect(!q.stem.contains(code) && !q.stem.contains(ICD10.normalize(code)), "\(q.id) names \(code) in the stem")
            }
            #expect(q.rationale.contains("Guideline ") && q.rationale.contains("Index: "), "\(q.id)")
            for option in q.options where !option.correct {
                #expect(q.rationale.contains("Not \(option.text): "), "\(q.id): no reason for \(option.text)")
            }
        }
    }
}
