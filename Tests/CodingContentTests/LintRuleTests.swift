import Foundation
import SourceText
import Testing

@testable import CodingContent

/// Small code tables so that rule tests do not depend on the shipped ones.
let testTables = ICD10Tables(
    diagnoses: ICD10Tables.parse("@B 20151001-20270331\nM1611\nM1612\n@H\nM161\n@B 20151001-20160930\nD495\n"),
    procedures: ICD10Tables.parse("@P 20151001-20270331\n0SG904Z\n0SGB04Z\n0SG9071\n")
)

/// Diagnostics for one file (parse + library rules over that file alone or with `others`), without
/// the "format v1" upgrade reminder every v1 file gets (`LintV2Tests` pins that one).
func lint(
    _ text: String, path: String = "Content/a.md", with others: [(String, String)] = [], day: Int = 20_261_125,
    upgradeReminders: Bool = false
) -> [String] {
    var procedures: [Procedure] = []
    var diagnostics: [Diagnostic] = []
    for (p, t) in [(path, text)] + others {
        let (procedure, found) = ProcedureParser.parse(text: t, path: p)
        diagnostics += found
        if let procedure { procedures.append(procedure) }
    }
    let library = Library(root: URL(fileURLWithPath: "/"), procedures: procedures, diagnostics: diagnostics)
    return Linter(tables: testTables, asOfDay: day).lint(library).map(\.description)
        .filter { upgradeReminders || !$0.contains(": warning: format v1: missing v2 fields") }
}

/// The hip fusion file without its contrast, so that it lints alone.
let alone = hipFusion.replacingOccurrences(
    of:
        "contrasts:\n  - code: \"27286\"\n    when: a subtrochanteric osteotomy of the femur is also performed\n    rules_out: The femur itself was not cut.\n",
    with: "")
let osteotomyFile = """
    ---
    code: "27286"
    system: CPT
    title: Hip fusion with femoral osteotomy
    section: Surgery/Musculoskeletal System/Pelvis and Hip Joint
    contrasts:
      - code: "27284"
        when: the femur is not osteotomized
    ---
    ## Indications
    - Fixed deformity
    ## Steps
    1. Incision.
    2. **Osteotomy.**
    """

@Suite struct LintRuleTests {
    @Test func cleanFileHasNoDiagnostics() {
        #expect(lint(alone) == [])
    }

    @Test func yamlSyntaxErrorIsReportedAtItsFileLine() {
        let text = alone.replacingOccurrences(of: "family: hip-arthrodesis", with: "family: [hip-arthrodesis")
        #expect(
            lint(text) == [
                "Content/a.md:7:8: error: invalid YAML front matter: did not find expected ',' or ']' (while parsing a flow sequence at line 6)"
            ])
    }

    @Test func missingStepsSectionIsAnError() {
        let text = alone.components(separatedBy: "## Steps")[0]
        #expect(lint(text) == ["Content/a.md:18:1: error: missing section '## Steps'"])
    }

    @Test func tooFewStepsIsReportedAtTheHeading() {
        let text = alone.replacingOccurrences(
            of:
                "2. **The joint surfaces are taken down to bleeding bone.**\n3. A plate fixes the femur to the pelvis,\n   spanning the joint.\n",
            with: "")
        #expect(lint(text) == ["Content/a.md:29:1: error: '## Steps' needs at least two numbered steps, found 1"])
    }

    @Test func missingRequiredKeyIsAnError() {
        let text = alone.replacingOccurrences(of: "title: Hip fusion without femoral osteotomy\n", with: "")
        #expect(lint(text) == ["Content/a.md:1:1: error: missing required key 'title'"])
    }

    @Test func unknownKeyIsAWarningWithASuggestion() {
        let text = alone.replacingOccurrences(of: "family:", with: "famly:")
        #expect(lint(text) == ["Content/a.md:6:1: warning: unknown front-matter key 'famly'; did you mean 'family'?"])
        let far = alone.replacingOccurrences(of: "family:", with: "colour:")
        #expect(lint(far) == ["Content/a.md:6:1: warning: unknown front-matter key 'colour'"])
    }

    @Test func unknownSectionIsAWarningWithASuggestion() {
        let text = alone.replacingOccurrences(of: "## Notes", with: "## Note")
        #expect(lint(text) == ["Content/a.md:35:1: warning: unknown section '## Note'; did you mean '## Notes'?"])
    }

    @Test func codeShapeIsCheckedPerSystem() {
        #expect(
            lint(alone.replacingOccurrences(of: "code: \"27284\"", with: "code: \"2728\"")) == [
                "Content/a.md:2:7: error: CPT code '2728' should be five digits, or four digits and F, T or U"
            ])
        #expect(
            lint(alone.replacingOccurrences(of: "system: CPT", with: "system: HCPCS")) == [
                "Content/a.md:2:7: error: HCPCS code '27284' should be a letter A-V and four digits"
            ])
        #expect(
            lint(alone.replacingOccurrences(of: "system: CPT", with: "system: CPT4")) == [
                "Content/a.md:3:9: error: unknown system 'CPT4'; expected CPT, HCPCS or ICD-10-PCS"
            ])
    }

    @Test func duplicateCodeIsReportedOnTheLaterFile() {
        #expect(
            lint(alone, with: [("Content/b.md", alone)]) == [
                "Content/b.md:2:7: error: duplicate code 27284: also defined in Content/a.md:2"
            ])
    }

    @Test func oneSidedContrastIsAnError() {
        let other = osteotomyFile.replacingOccurrences(
            of: "contrasts:\n  - code: \"27284\"\n    when: the femur is not osteotomized\n", with: "")
        #expect(
            lint(hipFusion, with: [("Content/b.md", other)]) == [
                "Content/a.md:11:11: error: contrast to 27286 is one-sided: Content/b.md has no 'instead' back to 27284 (add one, or mark this one 'oneway: true')"
            ])
        #expect(lint(hipFusion, with: [("Content/b.md", osteotomyFile)]) == [])
    }

    @Test func contrastToACodeOutsideTheLibraryIsAnError() {
        #expect(
            lint(hipFusion) == [
                "Content/a.md:11:11: error: contrast names 27286, which is not in the library (add 'describe' to say what it is)"
            ])
    }

    @Test func unknownPCSCodeIsAnError() {
        let text = alone.replacingOccurrences(of: "left: 0SGB04Z", with: "left: 0SGB04Y")
        #expect(lint(text) == ["Content/a.md:12:9: error: unknown ICD-10-PCS code 0SGB04Y"])
    }

    @Test func nonBillableHeaderDiagnosisIsAnError() {
        let text = alone.replacingOccurrences(of: "code: M16.11", with: "code: M16.1")
        #expect(lint(text) == ["Content/a.md:14:11: error: ICD-10-CM code M16.1 is a header, not billable; use a more specific code"])
    }

    @Test func diagnosisMustBeValidOnTheLintDate() {
        let text = alone.replacingOccurrences(of: "code: M16.11", with: "code: D49.5")
        #expect(
            lint(text) == ["Content/a.md:14:11: error: ICD-10-CM code D49.5 is not valid on 2026-11-25 (valid 2015-10-01 to 2016-09-30)"])
        #expect(lint(text, day: 20_160_301) == [])
        #expect(
            lint(alone.replacingOccurrences(of: "code: M16.11", with: "code: Q99.99")) == [
                "Content/a.md:14:11: error: unknown ICD-10-CM code Q99.99"
            ])
    }

    @Test func diagnosisTrapsAreParsedAndCheckedLikeCodes() throws {
        let trapped = alone.replacingOccurrences(
            of: "    text: primary osteoarthritis of the right hip\n",
            with:
                "    text: primary osteoarthritis of the right hip\n    traps:\n      - code: M16.12\n        when: the arthritis followed an old fracture\n"
        )
        #expect(lint(trapped) == [])
        let procedure = try #require(ProcedureParser.parse(text: trapped, path: "Content/a.md").0)
        #expect(procedure.diagnoses[0].traps.map(\.normalizedCode) == ["M1612"])
        #expect(procedure.diagnoses[0].traps[0].when == "the arthritis followed an old fracture")
        #expect(procedure.diagnoses[0].traps[0].location.line == 18)
        // Unknown, header, keyed and repeated codes, and a trap without its condition.
        #expect(
            lint(trapped.replacingOccurrences(of: "code: M16.12", with: "code: Q99.99")) == [
                "Content/a.md:18:15: error: unknown ICD-10-CM code Q99.99"
            ])
        #expect(
            lint(trapped.replacingOccurrences(of: "code: M16.12", with: "code: M16.1")) == [
                "Content/a.md:18:15: error: ICD-10-CM code M16.1 is a header, not billable; use a more specific code"
            ])
        #expect(
            lint(trapped.replacingOccurrences(of: "code: M16.12", with: "code: M16.11")) == [
                "Content/a.md:18:15: error: trap M16.11 is a code this diagnosis reports; a trap is a wrong code"
            ])
        let twice = trapped.replacingOccurrences(
            of: "        when: the arthritis followed an old fracture\n",
            with: "        when: the arthritis followed an old fracture\n      - code: M1612\n        when: again\n")
        #expect(lint(twice) == ["Content/a.md:20:15: error: trap M1612 is listed twice"])
        let bare = trapped.replacingOccurrences(of: "        when: the arthritis followed an old fracture\n", with: "")
        #expect(lint(bare) == ["Content/a.md:18:9: error: trap is missing 'when': what the note would have to say for this code"])
    }

    @Test func fileThatIsNotUTF8IsAnErrorAtTheBadByte() {
        var data = Data("---\ncode: \"27284\"\ntitle: caf".utf8)
        data.append(0xE9)
        data.append(contentsOf: Array("\n---\n".utf8))
        let (procedure, diagnostics) = ProcedureParser.parse(data: data, path: "Content/bad.md")
        #expect(procedure == nil)
        #expect(diagnostics.map(\.description) == ["Content/bad.md:3:11: error: file is not valid UTF-8 (byte 0xE9); save it as UTF-8"])
    }

    @Test func missingOrUnclosedFrontMatterIsAnError() {
        #expect(lint("# Title\n") == ["Content/a.md:1:1: error: missing front matter: the file must start with a '---' line"])
        #expect(lint("---\ncode: \"1\"\n") == ["Content/a.md:1:1: error: front matter is not closed: add a '---' line after it"])
    }

    @Test func wrongValueTypesAreErrors() {
        let text = alone.replacingOccurrences(of: "title: Hip fusion without femoral osteotomy", with: "title: [a, b]")
        #expect(lint(text) == ["Content/a.md:4:8: error: 'title' must be a single value, not a list or mapping"])
        let sex = alone.replacingOccurrences(of: "sex: any", with: "sex: robot")
        #expect(lint(sex) == ["Content/a.md:8:8: error: patient sex 'robot' must be female, male or any"])
        let side = alone.replacingOccurrences(of: "    side: right", with: "    side: up")
        #expect(lint(side) == ["Content/a.md:15:11: error: diagnosis side 'up' must be right, left or bilateral"])
    }

    @Test func suggestionsUseEditDistance() {
        #expect(Suggestion.editDistance("famly", "family") == 1)
        #expect(Suggestion.editDistance("cdoe", "code") == 1)
        #expect(Suggestion.closest(to: "contrast", in: ProcedureParser.knownKeys) == "contrasts")
        #expect(Suggestion.closest(to: "zzz", in: ProcedureParser.knownKeys) == nil)
    }

    @Test func shippedTablesKnowRealCodes() {
        let tables = ICD10Tables.shipped
        #expect(tables.diagnoses.count == 98_980)
        #expect(tables.procedures.count == 82_508)
        #expect(tables.diagnosisProblem("M16.11", on: 20_261_125) == nil)
        #expect(
            tables.diagnosisProblem("M16.1", on: 20_261_125) == "ICD-10-CM code M16.1 is a header, not billable; use a more specific code")
        #expect(tables.procedureProblem("0SG904Z", on: 20_261_125) == nil)
    }

    @Test func lintReportSummaryCountsFilesErrorsAndWarnings() {
        let report = LintReport(
            fileCount: 1,
            diagnostics: [
                Diagnostic(path: "a", line: 1, column: 1, severity: .error, message: "x"),
                Diagnostic(path: "a", line: 2, column: 1, severity: .warning, message: "y"),
                Diagnostic(path: "a", line: 3, column: 1, severity: .warning, message: "z"),
            ])
        #expect(report.summary == "1 file, 1 error, 2 warnings")
    }
}
