import Foundation
import SourceText
import Testing

@testable import CodingContent

/// A complete diagnosis-scenario file (type 2 diabetes with stage 3a kidney disease).
let diabetesScenario = """
    ---
    format: 2
    system: ICD-10-CM
    id: dm2-ckd-3a
    title: Type 2 diabetes with stage 3a kidney disease
    chapter: Endocrine, nutritional and metabolic diseases (E00-E89)
    setting: outpatient
    codes: [E11.22, N18.31]
    wrong:
      - codes: [E11.9, N18.31]
        why: the Index links diabetes and kidney disease through "with"
      - codes: [N18.31, E11.22]
        why: the diabetes combination code goes first
      - codes: [E11.22, N18.30]
        why: the stage is documented as 3a
    decides: The note documents type 2 diabetes and stage 3a kidney disease.
    guideline:
      section: I.A.15
      rule: The word "with" in the Index links two conditions.
    index: Diabetes, type 2, with, chronic kidney disease
    tags: [cpc, icd-10-cm, diabetes]
    ---

    CLINIC NOTE
    ASSESSMENT: Type 2 diabetes. Chronic kidney disease stage 3a.

    ## Notes
    - The link is presumed.
    - Add the stage.
    """

/// Tables holding just the codes the scenario tests use: N183 expired, E11 a header.
let scenarioTables = ICD10Tables(
    diagnoses: ICD10Tables.parse("@B 20151001-20270331\nE1122\nE119\nN1831\nN1830\n@H\nE11\n@B 20151001-20200930\nN183\n"),
    procedures: [:])

/// Parse and library diagnostics for one scenario file, as `codedrill lint` prints them.
func lintScenario(_ text: String, path: String = "Content/icd-10-cm/endocrine/dm2.md", others: [String] = []) -> [String] {
    var scenarios: [DiagnosisScenario] = []
    var diagnostics: [Diagnostic] = []
    for (k, t) in ([text] + others).enumerated() {
        let (scenario, found) = DiagnosisScenarioParser.parse(text: t, path: k == 0 ? path : "Content/icd-10-cm/endocrine/other\(k).md")
        diagnostics += found
        if let scenario { scenarios.append(scenario) }
    }
    let library = Library(root: URL(fileURLWithPath: "/"), procedures: [], diagnostics: diagnostics, scenarios: scenarios)
    return Linter(tables: scenarioTables, asOfDay: 20_261_125).lint(library).map(\.description)
}

@Suite("Diagnosis scenarios")
struct DiagnosisScenarioTests {
    @Test func aCompleteFileParsesIntoEveryField() throws {
        let (parsed, diagnostics) = DiagnosisScenarioParser.parse(text: diabetesScenario, path: "Content/icd-10-cm/endocrine/dm2.md")
        #expect(diagnostics == [])
        let s = try #require(parsed)
        #expect(s.id == "dm2-ckd-3a")
        #expect(s.chapter == "Endocrine, nutritional and metabolic diseases (E00-E89)")
        #expect(s.setting == .outpatient)
        #expect(s.codes.codes == ["E11.22", "N18.31"])
        #expect(s.codes.codeLocations == [SourceLocation(line: 8, column: 9), SourceLocation(line: 8, column: 17)])
        #expect(s.wrong.map(\.sequence.text) == ["E11.9, N18.31", "N18.31, E11.22", "E11.22, N18.30"])
        #expect(s.wrong[2].why == "the stage is documented as 3a")
        #expect(s.guidelineSection == "I.A.15")
        #expect(s.indexPath == "Diabetes, type 2, with, chronic kidney disease")
        #expect(s.tags == ["cpc", "icd-10-cm", "diabetes"])
        #expect(s.note == "CLINIC NOTE\nASSESSMENT: Type 2 diabetes. Chronic kidney disease stage 3a.")
        #expect(s.noteLine == 24)
        #expect(s.notes == ["The link is presumed.", "Add the stage."])
        #expect(s.itemPrefix == "icd:dm2-ckd-3a")
        #expect(s.folder == "endocrine")
    }

    @Test func aScenarioIsRecognisedByItsSystem() {
        #expect(DiagnosisScenarioParser.isScenario(text: diabetesScenario))
        #expect(DiagnosisScenarioParser.isScenario(text: "\u{FEFF}---\nsystem: \"ICD-10-CM\" # diagnoses\n---\n"))
        #expect(!DiagnosisScenarioParser.isScenario(text: "---\ncode: \"27284\"\nsystem: CPT\n---\n"))
        #expect(!DiagnosisScenarioParser.isScenario(text: "---\ncode: \"27284\"\n---\nsystem: ICD-10-CM\n"))
    }

    @Test func aCleanFileLintsWithoutDiagnostics() {
        #expect(lintScenario(diabetesScenario) == [])
    }

    @Test func frontMatterRulesGiveOneDiagnosticEach() {
        let text =
            diabetesScenario
            .replacingOccurrences(of: "setting: outpatient", with: "setting: clinic")
            .replacingOccurrences(of: "section: I.A.15", with: "section: 1.A")
            .replacingOccurrences(of: "codes: [E11.22, N18.30]", with: "codes: [E11.22, N18.31]")
            .replacingOccurrences(of: "index: Diabetes", with: "indx: Diabetes")
            .replacingOccurrences(of: "chapter: Endocrine, nutritional", with: "chapter: Endocrine nutritional")
        #expect(
            lintScenario(text) == [
                "Content/icd-10-cm/endocrine/dm2.md:1:1: error: missing required key 'index'",
                "Content/icd-10-cm/endocrine/dm2.md:6:10: error: 'chapter' must be an ICD-10-CM chapter title with its range, such as 'Endocrine, nutritional and metabolic diseases (E00-E89)'; did you mean 'Endocrine, nutritional and metabolic diseases (E00-E89)'?",
                "Content/icd-10-cm/endocrine/dm2.md:7:10: error: 'setting' must be outpatient or inpatient, not 'clinic'",
                "Content/icd-10-cm/endocrine/dm2.md:14:12: error: this wrong sequence is the same as 'codes'",
                "Content/icd-10-cm/endocrine/dm2.md:18:12: error: 'section' must be an Official Guidelines section such as I.C.4.a.2, not '1.A'",
                "Content/icd-10-cm/endocrine/dm2.md:20:1: warning: unknown front-matter key 'indx'; did you mean 'index'?",
            ])
    }

    @Test func sequencesMustDifferAndHaveWellShapedCodes() {
        let text =
            diabetesScenario
            .replacingOccurrences(of: "codes: [N18.31, E11.22]", with: "codes: [E11.9, N18.31]")
            .replacingOccurrences(of: "codes: [E11.22, N18.30]", with: "codes: [E1122, E11.22, 27284]")
        #expect(
            lintScenario(text) == [
                "Content/icd-10-cm/endocrine/dm2.md:12:12: error: this wrong sequence repeats the one on line 10",
                "Content/icd-10-cm/endocrine/dm2.md:14:13: error: ICD-10-CM code 'E1122' should be a letter, two characters, a dot and up to four more (E11.22)",
                "Content/icd-10-cm/endocrine/dm2.md:14:28: error: ICD-10-CM code '27284' should be a letter, two characters, a dot and up to four more (E11.22)",
            ])
    }

    @Test func codesAreCheckedAgainstTheTablesAndTheNoteMustNotNameThem() {
        let text =
            diabetesScenario
            .replacingOccurrences(of: "codes: [E11.22, N18.30]", with: "codes: [E11, N18.3]")
            .replacingOccurrences(of: "stage 3a.", with: "stage 3a (E11.22), B12 normal.")
        #expect(
            lintScenario(text) == [
                "Content/icd-10-cm/endocrine/dm2.md:14:13: error: ICD-10-CM code E11 is a header, not billable; use a more specific code",
                "Content/icd-10-cm/endocrine/dm2.md:14:18: error: ICD-10-CM code N18.3 is not valid on 2026-11-25 (valid 2015-10-01 to 2020-09-30)",
                "Content/icd-10-cm/endocrine/dm2.md:25:63: error: the note names the ICD-10-CM code E11.22: write the documentation in clinical words, never code numbers",
            ])
    }

    @Test func theChapterIsTheFirstCodesChapterAndIdsAreUnique() {
        let moved = diabetesScenario.replacingOccurrences(
            of: "chapter: Endocrine, nutritional and metabolic diseases (E00-E89)", with: "chapter: Neoplasms (C00-D49)")
        #expect(
            lintScenario(moved, others: [diabetesScenario]) == [
                "Content/icd-10-cm/endocrine/dm2.md:8:8: error: the first code E11.22 is in the chapter 'Endocrine, nutritional and metabolic diseases (E00-E89)', but 'chapter' says 'Neoplasms (C00-D49)' (a scenario is filed under its first code's chapter)",
                "Content/icd-10-cm/endocrine/other1.md:4:5: error: duplicate scenario id dm2-ckd-3a: also used in Content/icd-10-cm/endocrine/dm2.md:4",
            ])
    }

    @Test func everyCodeFallsInItsTabularChapter() {
        let expected: [(String, Int)] = [
            ("A41.9", 0), ("C50.411", 1), ("D3A.010", 1), ("D49.9", 1), ("D50.0", 2), ("H40.1112", 6), ("H66.002", 7),
            ("O9A.111", 14), ("S52.531A", 18), ("T31.22", 18), ("W11.XXXA", 19), ("Z3A.30", 20), ("U07.1", 21),
        ]
        for (code, chapter) in expected {
            #expect(DiagnosisScenario.chapter(of: code) == DiagnosisScenario.chapters[chapter], "\(code)")
        }
        #expect(DiagnosisScenario.chapter(of: "1") == nil)
    }

    @Test func theSummaryCountsScenariosAsICD10CM() throws {
        let scenario = try #require(
            DiagnosisScenarioParser.parse(text: diabetesScenario, path: "Content/icd-10-cm/endocrine/dm2.md").scenario)
        let summary = LibrarySummary(procedures: [], scenarios: [scenario])
        #expect(summary.bySystem == ["ICD-10-CM": 1])
        #expect(summary.diagnosisScenarios == 1)
        #expect(summary.chapters == [.init(chapter: "Endocrine, nutritional and metabolic diseases (E00-E89)", scenarios: 1)])
    }

    @Test func aBlueprintPartMayNameSeveralKinds() throws {
        let text = """
            questions: 10
            minutes: 20
            pass: 70
            parts:
              - label: ICD-10-CM diagnosis coding
                kind: [diagnosis, diagnosis-sequence]
                share: 60
              - tag: modifiers
                share: 40
            """
        let (parsed, diagnostics) = BlueprintParser.parse(text: text, path: "b.yaml", id: "b")
        #expect(diagnostics == [])
        let blueprint = try #require(parsed)
        #expect(blueprint.parts[0].selector == .kinds(["diagnosis", "diagnosis-sequence"]))
        #expect(blueprint.part(area: "ICD-10-CM", tags: ["modifiers"], kind: "diagnosis-sequence") == 0)
        #expect(blueprint.part(area: nil, tags: ["modifiers"], kind: "vignette") == 1)
    }
}
