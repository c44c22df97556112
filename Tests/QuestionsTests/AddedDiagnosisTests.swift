import CodingContent
import Determinism
import Foundation
import Testing

@testable import Questions

/// An `in_addition` service that treats a condition of its own (`in_addition.diagnosis`): the
/// report lists that condition and the code set codes it after the main procedure's diagnosis.
@Suite struct AddedDiagnosisTests {
    /// A turbinate reduction whose added septoplasty treats the deviated septum.
    static let turbinates = """
        ---
        format: 2
        code: "30802"
        system: CPT
        title: Turbinate ablation beneath the lining
        section: Surgery/Respiratory System/Nose
        family: septum-turbinates
        setting: outpatient-surgery
        anesthesia: general
        report:
          procedure:
            - Radiofrequency reduction of the inferior turbinates
        instead:
          - code: "30140"
            when: bone is removed from beneath the lining through an incision
          - code: "30801"
            describe: ablation of the surface lining of the turbinates
            when: only the surface lining is treated
        in_addition:
          - code: "30520"
            type: together
            when: a deviated septum is also straightened in the same session
            note: A deviated septum was also straightened through a hemitransfixion incision.
            procedure: Septoplasty
            diagnosis:
              code: J34.2
              text: deviated nasal septum
              preop: deviated nasal septum
        included:
          - code: "31231"
            service: the look into the nose with an endoscope before the probe was placed
            reason: ncci
            why: a diagnostic nasal endoscopy at the same session is part of the nasal operation
            step: 1
        diagnoses:
          - code: J34.3
            text: hypertrophy of the inferior turbinates
            preop: nasal obstruction from enlarged turbinates
        ---
        ## Indications
        - Nasal obstruction from enlarged turbinates
        ## Steps
        1. The turbinates were decongested, injected with local anesthetic and inspected with a rigid endoscope.
        2. **A radiofrequency probe was placed beneath the lining of each inferior turbinate and the tissue was heated.**
        3. The probe was withdrawn and the nose was inspected for bleeding.
        """

    static let resection = """
        ---
        format: 2
        code: "30140"
        system: CPT
        title: Submucous turbinate resection
        section: Surgery/Respiratory System/Nose
        family: septum-turbinates
        setting: outpatient-surgery
        anesthesia: general
        report:
          procedure:
            - Submucous resection of the inferior turbinates
        instead:
          - code: "30802"
            when: the tissue beneath the lining is only heated with a probe
        diagnoses:
          - code: J34.3
            text: hypertrophy of the inferior turbinates
        ---
        ## Indications
        - Nasal obstruction from enlarged turbinates
        ## Steps
        1. An incision was made at the front of each turbinate.
        2. **Bone was removed from beneath the lining.**
        3. The incisions were closed.
        """

    static let septoplasty = """
        ---
        format: 2
        code: "30520"
        system: CPT
        title: Septoplasty
        section: Surgery/Respiratory System/Nose
        family: septum
        setting: outpatient-surgery
        anesthesia: general
        diagnoses:
          - code: J34.2
            text: deviated nasal septum
        ---
        ## Indications
        - Nasal obstruction from a deviated septum
        ## Steps
        1. A hemitransfixion incision was made.
        2. **The bent cartilage and bone were removed.**
        3. The incision was closed.
        """

    static func library(_ turbinates: String = turbinates) -> Library {
        let procedures = [
            ("Content/30802.md", turbinates), ("Content/30140.md", resection), ("Content/30520.md", septoplasty),
        ].compactMap { ProcedureParser.parse(text: $0.1, path: $0.0).procedure }
        return Library(root: URL(fileURLWithPath: "/"), procedures: procedures, diagnostics: [])
    }

    /// The first `code-set` question of 30802 (seeds 1…) whose key carries the septoplasty.
    static func codeSetWithSeptoplasty(_ generator: QuestionGenerator) throws -> (seed: UInt64, question: Question) {
        for seed in UInt64(1)...64 {
            let q = try generator.generate(itemID: "cpt:30802/code-set", seed: seed)
            if q.answer.text.contains("30520") { return (seed, q) }
        }
        throw QuestionGenerationError.unknownItem("no code set with 30520 in 64 seeds")
    }

    @Test func parsesTheAddedDiagnosis() throws {
        let (procedure, diagnostics) = ProcedureParser.parse(text: Self.turbinates, path: "Content/30802.md")
        #expect(diagnostics == [])
        let addition = try #require(procedure?.additions.first)
        #expect(
            addition.diagnoses == [
                AddedDiagnosis(
                    code: "J34.2", text: "deviated nasal septum", preop: "deviated nasal septum", location: .init(line: 26, column: 13))
            ])
        #expect(addition.diagnosis(for: .right)?.code == "J34.2")
        #expect(addition.diagnosis(for: nil)?.code == "J34.2")
    }

    @Test func sidedAddedDiagnosisFollowsTheScenarioSide() throws {
        let sided = Self.turbinates.replacingOccurrences(
            of: "    diagnosis:\n      code: J34.2\n      text: deviated nasal septum\n      preop: deviated nasal septum\n",
            with:
                "    diagnosis:\n      - code: S83.241A\n        side: right\n        text: flap tear of the right medial meniscus\n      - code: S83.242A\n        side: left\n        text: flap tear of the left medial meniscus\n"
        )
        let addition = try #require(ProcedureParser.parse(text: sided, path: "a.md").procedure?.additions.first)
        #expect(addition.diagnosis(for: .right)?.code == "S83.241A")
        #expect(addition.diagnosis(for: .left)?.code == "S83.242A")
        #expect(addition.diagnosis(for: nil) == nil)
    }

    @Test func codeSetCodesTheAddedServicesDiagnosisAfterTheMainOne() throws {
        let generator = QuestionGenerator(library: Self.library())
        let (seed, q) = try Self.codeSetWithSeptoplasty(generator)
        #expect(seed == 2)
        #expect(q.answer.text == "30802, 30520, J34.3, J34.2")
        #expect(q.stem.contains("PREOPERATIVE DIAGNOSIS: 1. Nasal obstruction from enlarged turbinates. 2. Deviated nasal septum.\n"))
        #expect(q.stem.contains("POSTOPERATIVE DIAGNOSIS: 1. Hypertrophy of the inferior turbinates. 2. Deviated nasal septum.\n"))
        #expect(q.stem.contains("PROCEDURE: 1. Radiofrequency reduction of the inferior turbinates. 2. Septoplasty.\n"))
        let key = try #require(q.options.first { $0.correct })
        #expect(
            key.rationale.contains(
                " The postoperative diagnosis also documents “deviated nasal septum”, the condition 30520 treats: J34.2 supports 30520 and is reported after J34.3, the diagnosis of 30802."
            ))
        // Every option keeps a well-formed diagnosis part: two codes, or the main one alone when the
        // added diagnosis is the element left out.
        for option in q.options where !option.correct {
            let dx = option.text.components(separatedBy: ", ").filter { $0.first!.isLetter }
            #expect(dx == ["J34.3", "J34.2"] || dx.count == 2 && dx.last == "J34.2" || dx == ["J34.3"], "\(option.text)")
        }
    }

    @Test func aCodeSetWithoutTheAddedServiceCodesTheMainDiagnosisAlone() throws {
        let generator = QuestionGenerator(library: Self.library())
        for seed in UInt64(1)...8 {
            let q = try generator.generate(itemID: "cpt:30802/code-set", seed: seed)
            guard !q.answer.text.contains("30520") else { continue }
            #expect(q.answer.text == "30802, J34.3")
            #expect(q.stem.contains("POSTOPERATIVE DIAGNOSIS: Hypertrophy of the inferior turbinates.\n"))
            #expect(!q.stem.contains("Deviated nasal septum"))
        }
    }

    @Test func bundlingReportListsTheAddedCondition() throws {
        let generator = QuestionGenerator(library: Self.library())
        var told = 0
        for seed in UInt64(1)...12 {
            let q = try generator.generate(itemID: "cpt:30802/bundling", seed: seed)
            guard q.answer.text.contains("30520") else { continue }
            told += 1
            #expect(q.stem.contains("POSTOPERATIVE DIAGNOSIS: 1. Hypertrophy of the inferior turbinates. 2. Deviated nasal septum.\n"))
        }
        #expect(told > 0)
    }

    @Test func pregnancyCodeGoesBeforeTheOtherChaptersCodes() {
        #expect(QuestionGenerator.inserting("O72.1", into: "O32.1XX0, Z37.0, Z3A.39") == "O32.1XX0, O72.1, Z37.0, Z3A.39")
        #expect(QuestionGenerator.inserting("O72.1", into: "O66.41, O34.211, Z37.0") == "O66.41, O34.211, O72.1, Z37.0")
        #expect(QuestionGenerator.inserting("Z30.2", into: "O32.1XX0, Z37.0, Z3A.39") == "O32.1XX0, Z37.0, Z3A.39, Z30.2")
        #expect(QuestionGenerator.inserting("J34.2", into: "J34.3") == "J34.3, J34.2")
        #expect(QuestionGenerator.inserting("O72.1", into: "O76") == "O76, O72.1")
    }

    @Test func listingKeepsNumberingAndSaysSameWhenBothLinesAgree() {
        let septum = AddedDiagnosis(
            code: "J34.2", text: "deviated nasal septum", preop: "deviated nasal septum", location: .init(line: 1, column: 1))
        let bleeding = AddedDiagnosis(code: "O72.1", text: "postpartum hemorrhage", location: .init(line: 1, column: 1))
        #expect(
            QuestionGenerator.listing(septum, preop: "Enlarged turbinates.", postop: "Same.", listed: 1)
                == ("1. Enlarged turbinates. 2. Deviated nasal septum.", "Same."))
        #expect(
            QuestionGenerator.listing(bleeding, preop: "Breech.", postop: "1. Frank breech. 2. Single live-born infant.", listed: 2)
                == ("Breech.", "1. Frank breech. 2. Single live-born infant. 3. Postpartum hemorrhage."))
    }
}
