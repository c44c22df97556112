import Foundation
import SourceText
import Testing

@testable import CodingContent

/// A complete format v2 file: every v2 key once.
let hipFusionV2 = """
    ---
    format: 2
    code: "27284"
    system: CPT
    title: Hip fusion without femoral osteotomy
    section: Surgery/Musculoskeletal System/Pelvis and Hip Joint
    family: hip-arthrodesis
    setting: [inpatient, outpatient-surgery]
    anesthesia: general
    report:
      procedure:
        - "{Side} hip arthrodesis with iliac crest graft"
        - "{Side} hip fusion"
      specimen: none
    findings:
      - Bare, eburnated bone on both sides of the joint.
    instead:
      - code: "27286"
        when: the femur is also cut below the lesser trochanter
        here: The femoral shaft was left uncut.
      - code: "29914"
        when: the hip is only looked at and trimmed through an arthroscope
        describe: hip arthroscopy with femoral bone trimming
        oneway: true
    in_addition:
      - code: "20930"
        type: add-on
        when: bone graft substitute is also packed in
        describe: an add-on for allograft in spine surgery
        modifier: XS
    included:
      - code: "20902"
        service: harvest of iliac crest graft
        reason: descriptor
        why: the fusion code counts obtaining the graft
        step: 2
      - service: fluoroscopy during the operation
        reason: ncci
    modifiers:
      - modifier: RT
        when: the right hip is fused
      - modifier: "22"
        when: the work is substantially greater than usual
        note: Dense scar added 90 minutes.
    icd10pcs:
      right: 0SG904Z
      left: 0SGB04Z
    diagnoses:
      - code: M16.11
        side: right
        text: primary arthritis of the right hip
        preop: right hip arthritis
        pathology: Degenerated cartilage.
    tags: [cpc, musculoskeletal]
    ---

    The hip joint is fused.

    ## Indications
    - End-stage arthritis in a young labourer

    ## Steps
    1. An anterior approach was made to the hip.
    2. Cancellous graft was taken from the iliac crest.
    3. **The joint surfaces were taken down to bleeding bone and fixed with a plate.**
    """

/// The fusion-with-osteotomy file that answers 27284's `instead`.
let osteotomyV2 = """
    ---
    format: 2
    code: "27286"
    system: CPT
    title: Hip fusion with femoral osteotomy
    section: Surgery/Musculoskeletal System/Pelvis and Hip Joint
    setting: inpatient
    anesthesia: general
    report:
      procedure: Hip fusion with osteotomy
    instead:
      - code: "27284"
        when: the femur is not cut
    ---
    ## Indications
    - Fixed deformity
    ## Steps
    1. Incision.
    2. **Osteotomy.**
    """

@Suite struct FormatV2Tests {
    @Test func parsesEveryV2Field() throws {
        let (procedure, diagnostics) = ProcedureParser.parse(text: hipFusionV2, path: "a.md")
        #expect(diagnostics == [])
        let p = try #require(procedure)
        #expect(p.format == 2)
        #expect(p.settings == [.inpatient, .outpatientSurgery])
        #expect(p.anesthesia == [.general])
        #expect(
            p.report == ReportWording(procedure: ["{Side} hip arthrodesis with iliac crest graft", "{Side} hip fusion"], specimen: "none"))
        #expect(p.findings == ["Bare, eburnated bone on both sides of the joint."])
        #expect(p.contrasts.map(\.code) == ["27286", "29914"])
        #expect(p.contrasts[0].rulesOut == "The femoral shaft was left uncut.")
        #expect(p.contrasts[1].describe == "hip arthroscopy with femoral bone trimming")
        #expect(p.contrasts[1].oneway)
        #expect(
            p.additions == [
                Addition(
                    code: "20930", when: "bone graft substitute is also packed in", type: .addOn, modifier: "XS",
                    describe: "an add-on for allograft in spine surgery", location: .init(line: 26, column: 11))
            ])
        #expect(p.inclusions.map(\.service) == ["harvest of iliac crest graft", "fluoroscopy during the operation"])
        #expect(p.inclusions.map(\.reason) == [.descriptor, .ncci])
        #expect(p.inclusions[0].code == "20902")
        #expect(p.inclusions[0].step == 2)
        #expect(p.inclusions[1].code == nil)
        #expect(p.modifiers.map(\.modifier) == ["RT", "22"])
        #expect(p.modifiers[1].note == "Dense scar added 90 minutes.")
        #expect(p.diagnoses[0].preop == "right hip arthritis")
        #expect(p.diagnoses[0].pathology == "Degenerated cartilage.")
    }

    @Test func addedServicesDiagnosisIsCheckedLikeADiagnosis() {
        let entry = "    modifier: XS\n"
        func with(_ diagnosis: String) -> String { hipFusionV2.replacingOccurrences(of: entry, with: entry + diagnosis) }
        let good = "    diagnosis:\n      code: M16.12\n      text: arthritis of the left hip\n"
        #expect(lint(with(good), with: [("Content/b.md", osteotomyV2)]) == [])
        #expect(
            lint(with(good.replacingOccurrences(of: "M16.12", with: "J34.99")), with: [("Content/b.md", osteotomyV2)]) == [
                "Content/a.md:32:13: error: 'in_addition' 20930 diagnosis: unknown ICD-10-CM code J34.99"
            ])
        #expect(
            lint(with(good.replacingOccurrences(of: "M16.12", with: "M16.1")), with: [("Content/b.md", osteotomyV2)]) == [
                "Content/a.md:32:13: error: 'in_addition' 20930 diagnosis: ICD-10-CM code M16.1 is a header, not billable; use a more specific code"
            ])
        let oneSide = "    diagnosis:\n      - code: M16.11\n        side: right\n        text: arthritis of the right hip\n"
        #expect(
            lint(with(oneSide), with: [("Content/b.md", osteotomyV2)]).filter { $0.hasPrefix("Content/a.md") } == [
                "Content/a.md:32:7: error: 'diagnosis' of 'in_addition' 20930 has no left entry: a left-side report would list no diagnosis for it"
            ])
        #expect(
            lint(with("    diagnosis:\n      code: M16.12\n"), with: [("Content/b.md", osteotomyV2)]).filter {
                $0.hasPrefix("Content/a.md")
            }
                == [
                    "Content/a.md:32:7: error: 'diagnosis' of 'in_addition' 20930 is missing 'text'"
                ])
    }

    @Test func v2FileWithItsAlternativeLintsClean() {
        #expect(lint(hipFusionV2, with: [("Content/b.md", osteotomyV2)], upgradeReminders: true) == [])
    }

    @Test func v1FileIsRemindedOfExactlyTheFieldsItLacks() {
        #expect(
            lint(alone, upgradeReminders: true) == [
                "Content/a.md:1:1: warning: format v1: missing v2 fields setting, anesthesia, report, findings, modifiers, in_addition, included; run 'codedrill content upgrade Content/a.md'"
            ])
        let partly = alone.replacingOccurrences(of: "tags:", with: "setting: office\nfindings:\n  - Worn cartilage.\ntags:")
        #expect(
            lint(partly, upgradeReminders: true) == [
                "Content/a.md:1:1: warning: format v1: missing v2 fields anesthesia, report, modifiers, in_addition, included; run 'codedrill content upgrade Content/a.md'"
            ])
    }

    @Test func aProcedureLineThatIsTheTitleOrNamesTheCodeIsAWarningAndALongerLineIsKept() {
        let titled = hipFusionV2.replacingOccurrences(
            of: "    - \"{Side} hip fusion\"\n", with: "    - \"{Side} hip fusion without femoral osteotomy.\"\n    - Hip fusion, 27284\n")
        #expect(
            lint(titled, with: [("Content/b.md", osteotomyV2)]) == [
                "Content/a.md:11:3: warning: report.procedure line 'Hip fusion, 27284' names the code; generated reports do not use it",
                "Content/a.md:11:3: warning: report.procedure line '{Side} hip fusion without femoral osteotomy.' is the title; generated reports do not use it",
            ])
        // A line that only contains the title's words is the surgeon's and stays.
        #expect(!ReportWording.repeatsTitle("Total thyroidectomy with nerve monitoring", title: "Total thyroidectomy"))
        #expect(ReportWording.repeatsTitle("{Side} total thyroidectomy.", title: "Total thyroidectomy"))
    }

    @Test func insteadIsCheckedBothWays() {
        let noBack = osteotomyV2.replacingOccurrences(of: "instead:\n  - code: \"27284\"\n    when: the femur is not cut\n", with: "")
        #expect(
            lint(hipFusionV2, with: [("Content/b.md", noBack)]) == [
                "Content/a.md:18:11: error: 'instead' entry to 27286 is one-sided: Content/b.md has no 'instead' back to 27284 (add one, or mark this one 'oneway: true')"
            ])
        // A v1 contrast back counts as an `instead` back.
        let v1Back = osteotomyFile
        #expect(lint(hipFusionV2, with: [("Content/b.md", v1Back)]) == [])
    }

    @Test func relationsToCodesOutsideTheLibraryNeedADescription() {
        let bare = hipFusionV2.replacingOccurrences(of: "    describe: hip arthroscopy with femoral bone trimming\n", with: "")
            .replacingOccurrences(of: "    describe: an add-on for allograft in spine surgery\n", with: "")
        #expect(
            lint(bare, with: [("Content/b.md", osteotomyV2)]) == [
                "Content/a.md:21:11: error: 'instead' entry names 29914, which is not in the library (add 'describe' to say what it is)",
                "Content/a.md:25:11: error: 'in_addition' names 20930, which is not in the library (add 'describe' to say what it is)",
            ])
    }

    @Test func anInsteadSideIsForADescribedCodeOfOneSide() throws {
        // 32482, a bilobectomy, exists for the right lung only (instructor review 24683: 32482-LT).
        let sided = hipFusionV2.replacingOccurrences(
            of: "    describe: hip arthroscopy with femoral bone trimming\n",
            with: "    describe: hip arthroscopy with femoral bone trimming\n    side: right\n")
        let (procedure, found) = ProcedureParser.parse(text: sided, path: "Content/a.md")
        #expect(found.isEmpty)
        #expect(try #require(procedure).contrasts.map(\.side) == [nil, .right])
        #expect(lint(sided, with: [("Content/b.md", osteotomyV2)]) == [])
        // Only right or left; and a library code's own RT/LT modifiers say which sides it takes.
        let both = sided.replacingOccurrences(of: "    side: right\n", with: "    side: bilateral\n")
        #expect(
            lint(both, with: [("Content/b.md", osteotomyV2)]) == [
                "Content/a.md:24:11: error: 'instead' entry side 'bilateral' must be right or left",
                // The file with an error is not loaded, so the other file's relation back finds no code.
                "Content/b.md:12:11: error: 'instead' entry names 27284, which is not in the library (add 'describe' to say what it is)",
            ])
        let library = hipFusionV2.replacingOccurrences(
            of: "    here: The femoral shaft was left uncut.\n", with: "    here: The femoral shaft was left uncut.\n    side: left\n")
        #expect(
            lint(library, with: [("Content/b.md", osteotomyV2)]) == [
                "Content/a.md:18:11: error: 'instead' entry to 27286 gives a 'side', but 27286 is in the library: its own RT/LT modifiers say which sides it takes"
            ])
    }

    @Test func anAddOnsUnitsCountWhatItsNoteDocuments() throws {
        let counted = hipFusionV2.replacingOccurrences(
            of: "    modifier: XS\n",
            with:
                "    modifier: XS\n    note: Graft substitute was packed at two levels.\n    procedure: Graft substitute at two levels\n    units: 2\n"
        )
        let (procedure, found) = ProcedureParser.parse(text: counted, path: "Content/a.md")
        #expect(found.map(\.description) == [])
        #expect(try #require(procedure).additions.map(\.units) == [2])
        let (plain, _) = ProcedureParser.parse(text: hipFusionV2, path: "Content/a.md")
        #expect(try #require(plain).additions.map(\.units) == [1])
        let bad = counted.replacingOccurrences(of: "    units: 2\n", with: "    units: 1\n")
        #expect(
            ProcedureParser.parse(text: bad, path: "Content/a.md").1.map(\.description) == [
                "Content/a.md:33:12: error: 'in_addition' entry 'units' must be a whole number from 2 to 99 (leave it out for one unit)"
            ])
    }

    @Test func anAdditionDoneOnTheSameSideSaysSo() throws {
        // 64480 beside 64479-LT: a second level of the same left-sided injection carries LT too
        // (instructor reviews 71363, 67801).
        let same = hipFusionV2.replacingOccurrences(of: "    modifier: XS\n", with: "    side: same\n")
        let (procedure, found) = ProcedureParser.parse(text: same, path: "Content/a.md")
        #expect(found.map(\.description) == [])
        #expect(try #require(procedure).additions.map(\.sameSide) == [true])
        let (plain, _) = ProcedureParser.parse(text: hipFusionV2, path: "Content/a.md")
        #expect(try #require(plain).additions.map(\.sameSide) == [false])
        let other = hipFusionV2.replacingOccurrences(of: "    modifier: XS\n", with: "    side: left\n")
        #expect(
            ProcedureParser.parse(text: other, path: "Content/a.md").1.map(\.description) == [
                "Content/a.md:30:11: error: 'in_addition' entry 'side' must be 'same' (the code carries the main code's side modifier); leave it out otherwise"
            ])
        let both = hipFusionV2.replacingOccurrences(of: "    modifier: XS\n", with: "    modifier: XS\n    side: same\n")
        #expect(
            ProcedureParser.parse(text: both, path: "Content/a.md").1.map(\.description) == [
                "Content/a.md:31:11: error: 'in_addition' entry has both 'side' and 'modifier': give one"
            ])
    }

    @Test func badV2ValuesAreErrorsNamingTheAllowedOnes() {
        let text =
            hipFusionV2
            .replacingOccurrences(of: "anesthesia: general", with: "anesthesia: generel")
            .replacingOccurrences(of: "    reason: ncci", with: "    reason: bundled")
            .replacingOccurrences(of: "    step: 2", with: "    step: 9")
            .replacingOccurrences(of: "    type: add-on", with: "    type: addon")
            .replacingOccurrences(of: "  - modifier: RT", with: "  - modifier: RTX")
        #expect(
            lint(text, with: [("Content/b.md", osteotomyV2)]) == [
                "Content/a.md:9:13: error: unknown anesthesia 'generel'; expected one of general, regional, spinal, epidural, monitored, moderate-sedation, local, topical, none (did you mean 'general'?)",
                "Content/a.md:27:11: error: unknown type 'addon'; expected one of add-on, together (did you mean 'add-on'?)",
                "Content/a.md:36:11: error: 'step' 9 is not a step of this file (1 to 3)",
                "Content/a.md:38:13: error: unknown reason 'bundled'; expected one of descriptor, surgical-package, endoscopy, separate-procedure, ncci",
                "Content/a.md:40:15: error: modifier 'RTX' should be two letters or digits, such as RT, 50 or XS",
                // 27284 has errors, so it is not in the library and 27286's alternative is unanswered.
                "Content/b.md:12:11: error: 'instead' entry names 27284, which is not in the library (add 'describe' to say what it is)",
            ])
    }

    @Test func v2RequiresSettingAndAnesthesiaAndRefusesContrasts() {
        let text = osteotomyV2.replacingOccurrences(of: "setting: inpatient\nanesthesia: general\n", with: "")
            .replacingOccurrences(of: "instead:", with: "contrasts:")
        #expect(
            lint(text, path: "Content/b.md", with: [("Content/a.md", hipFusionV2)]) == [
                "Content/a.md:18:11: error: 'instead' entry names 27286, which is not in the library (add 'describe' to say what it is)",
                "Content/b.md:1:1: error: missing required key 'anesthesia' (format 2)",
                "Content/b.md:1:1: error: missing required key 'setting' (format 2)",
                "Content/b.md:9:1: error: 'contrasts' is the v1 key; a format 2 file lists alternatives under 'instead'",
            ])
    }

    @Test func unknownV2KeysAreWarnedWithASuggestion() {
        let text = hipFusionV2.replacingOccurrences(
            of: "    why: the fusion code counts obtaining the graft\n", with: "    wyh: the fusion code counts obtaining the graft\n"
        )
        .replacingOccurrences(of: "  specimen: none", with: "  specimen: none\n  surgeon: Dr. Who")
        #expect(
            lint(text, with: [("Content/b.md", osteotomyV2)]) == [
                "Content/a.md:15:3: warning: unknown report key 'surgeon'",
                "Content/a.md:36:5: warning: unknown 'included' entry key 'wyh'; did you mean 'why'?",
            ])
    }

    @Test func aFindingThatRepeatsAStepIsWarned() {
        let text = hipFusionV2.replacingOccurrences(
            of: "  - Bare, eburnated bone on both sides of the joint.",
            with: "  - The joint surfaces were taken down to bleeding bone.")
        #expect(
            lint(text, with: [("Content/b.md", osteotomyV2)]) == [
                "Content/a.md:1:1: warning: finding repeats step 3: say each fact once (the finding, or the step)"
            ])
    }
}

@Suite struct ContentUpgradeTests {
    @Test func upgradeRenamesContrastsKeepsEveryWordAndInfersTheRest() throws {
        guard case .upgraded(let text) = ContentUpgrade.upgrade(text: hipFusion, path: "a.md") else {
            Issue.record("not upgraded")
            return
        }
        let before = hipFusion.components(separatedBy: "\n---\n")
        let after = text.components(separatedBy: "\n---\n")
        #expect(after[1] == before[1])  // the body, byte for byte
        #expect(
            after[0] == """
                ---
                format: 2
                code: "27284"
                system: CPT
                title: Hip fusion without femoral osteotomy
                section: Surgery/Musculoskeletal System/Pelvis and Hip Joint
                family: hip-arthrodesis
                patient:
                  sex: any
                  age: 20-55
                instead:
                  - code: "27286"
                    when: a subtrochanteric osteotomy of the femur is also performed
                    here: The femur itself was not cut.
                icd10pcs:
                  right: 0SG904Z
                  left: 0SGB04Z
                diagnoses:
                  - code: M16.11
                    side: right
                    text: primary osteoarthritis of the right hip
                tags: [cpc, musculoskeletal]
                setting: outpatient-surgery  # inferred by 'codedrill content upgrade': check
                anesthesia: general  # inferred by 'codedrill content upgrade': check
                modifiers:  # inferred by 'codedrill content upgrade': check
                  - modifier: RT
                    when: the procedure is done on the right side
                  - modifier: LT
                    when: the procedure is done on the left side
                """)
        let p = try #require(ProcedureParser.parse(text: text, path: "a.md").procedure)
        #expect(p.format == 2)
        #expect(p.contrasts.map(\.rulesOut) == ["The femur itself was not cut."])
        #expect(ContentUpgrade.upgrade(text: text, path: "a.md") == .alreadyCurrent)
    }

    @Test func endoscopyIsInferredAsTheSuiteWithSedation() throws {
        let scope = alone.replacingOccurrences(of: "tags: [cpc, musculoskeletal]", with: "tags: [cpc, endoscopy]")
            .replacingOccurrences(of: "icd10pcs:\n  right: 0SG904Z\n  left: 0SGB04Z\n", with: "")
            .replacingOccurrences(of: "    side: right\n", with: "")
        guard case .upgraded(let text) = ContentUpgrade.upgrade(text: scope, path: "a.md") else {
            Issue.record("not upgraded")
            return
        }
        let p = try #require(ProcedureParser.parse(text: text, path: "a.md").procedure)
        #expect(p.settings == [.endoscopySuite])
        #expect(p.anesthesia == [.moderateSedation])
        #expect(p.modifiers == [])
    }

    @Test func aFileWithErrorsIsNotUpgraded() {
        let broken = alone.replacingOccurrences(of: "system: CPT", with: "system: CPT4")
        #expect(
            ContentUpgrade.upgrade(text: broken, path: "a.md")
                == .failed([
                    Diagnostic(
                        path: "a.md", line: 3, column: 9, severity: .error,
                        message: "unknown system 'CPT4'; expected CPT, HCPCS or ICD-10-PCS")
                ]))
    }

    @Test func crlfFilesKeepTheirLineEndings() throws {
        let crlf = hipFusion.replacingOccurrences(of: "\n", with: "\r\n")
        guard case .upgraded(let text) = ContentUpgrade.upgrade(text: crlf, path: "a.md") else {
            Issue.record("not upgraded")
            return
        }
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.hasPrefix("---\r\nformat: 2\r\n"))
    }
}
