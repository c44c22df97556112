import Foundation
import Testing

@Suite struct BankCommandTests {
    /// A bank with one question of each drillable kind and one question lint warns about.
    static let bank = """
        // Modifier and add-on rules for the end-to-end test.

        $CATEGORY: rules/modifiers

        // [id:rules/bilateral]
        // [tag:cpc] [tag:modifiers]
        ::Bilateral::Which modifier reports the same procedure done on both sides at one session?
        {
          =50 # Right: 50 reports a bilateral procedure.
          ~51 # Wrong: 51 is for further, different procedures.
          ~59 # Wrong: 59 marks a distinct service.
          ####Check first whether the code already covers both sides.
        }

        // [id:rules/sides]
        // [tag:modifiers]
        ::Sides::Which modifiers name a side?
        {~%50%RT#Right side. ~%50%LT#Left side. ~%-100%50#Both sides, not one.}

        // [id:rules/add-on-alone]
        // [tag:cpc] [tag:add-on]
        An add-on code may be reported without its primary code.{F#It always needs its primary code.#Right.####Add-ons ride on a primary code.}

        $CATEGORY: rules/icd-10-cm

        // [id:rules/placeholder]
        // [tag:icd-10-cm]
        Type the code for the initial encounter for a scalp laceration (S01.01).
        {=S01.01XA # Right: X fills the sixth place. =%0%S01.01A # Wrong: A must be seventh.}

        // [id:rules/seventh]
        // [tag:icd-10-cm]
        Match each 7th character with its encounter.
        {
          =A -> active treatment
          =D -> routine healing care
          =S -> sequela
        }

        // [id:rules/global-days]
        How many days does a 90-day global period cover in all? {#92}

        This question has no id and no title.{T}

        """

    /// What `bank export --format gift` writes for `bank`.
    static let exported = """
        $CATEGORY: rules/modifiers

        // [id:rules/bilateral]
        // [tag:cpc] [tag:modifiers]
        ::Bilateral::Which modifier reports the same procedure done on both sides at one session? {
        \t=50#Right\\: 50 reports a bilateral procedure.
        \t~51#Wrong\\: 51 is for further, different procedures.
        \t~59#Wrong\\: 59 marks a distinct service.
        \t####Check first whether the code already covers both sides.
        }

        // [id:rules/sides]
        // [tag:modifiers]
        ::Sides::Which modifiers name a side? {
        \t~%50%RT#Right side.
        \t~%50%LT#Left side.
        \t~%-100%50#Both sides, not one.
        }

        // [id:rules/add-on-alone]
        // [tag:cpc] [tag:add-on]
        An add-on code may be reported without its primary code. {FALSE#It always needs its primary code.#Right. ####Add-ons ride on a primary code.}

        $CATEGORY: rules/icd-10-cm

        // [id:rules/placeholder]
        // [tag:icd-10-cm]
        Type the code for the initial encounter for a scalp laceration (S01.01). {
        \t=S01.01XA#Right\\: X fills the sixth place.
        \t=%0%S01.01A#Wrong\\: A must be seventh.
        }

        // [id:rules/seventh]
        // [tag:icd-10-cm]
        Match each 7th character with its encounter. {
        \t=A -> active treatment
        \t=D -> routine healing care
        \t=S -> sequela
        }

        // [id:rules/global-days]
        How many days does a 90-day global period cover in all? {#=92}

        """

    /// A one-procedure content file: the library then also has generated items.
    static let procedure = """
        ---
        code: "27284"
        system: CPT
        title: Hip fusion
        section: Surgery/Musculoskeletal System/Pelvis and Hip Joint
        tags: [cpc]
        ---
        ## Indications
        - Arthritis
        ## Steps
        1. The hip is opened.
        2. **The joint is fused.**
        3. The wound is closed.

        """

    @Test func aBankIsLintedExportedReimportedUnchangedAndReproduced() async throws {
        let dir = try CodedrillProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try dir.write(Self.bank, to: "QuestionBanks/rules.gift")

        let lint = try await CodedrillProcess.run(["lint", "--library", "."], in: dir)
        #expect(
            lint.stderr == """
                QuestionBanks/rules.gift:43:1: warning: question has no id: add a '// [id:…]' comment line or a '::title::' (the question is skipped)

                """)
        #expect(lint.stdout == "1 file, 0 errors, 1 warning\n")
        #expect(lint.status == 0)

        let export = try await CodedrillProcess.run(["bank", "export", "--format", "gift", "-o", "x.gift"], in: dir)
        #expect(export.stdout == "")
        #expect(export.stderr == "codedrill: wrote 6 questions to x.gift\n")
        #expect(export.status == 0)
        let file = try String(contentsOf: dir.appendingPathComponent("x.gift"), encoding: .utf8)
        #expect(file == Self.exported)

        let reimport = try await CodedrillProcess.run(["bank", "import", "x.gift"], in: dir)
        #expect(reimport.stdout == file)
        #expect(reimport.stderr == "")
        #expect(reimport.status == 0)

        let question = try await CodedrillProcess.run(
            ["questions", "--item", "gift:rules/bilateral", "--seed", "3", "--format", "json"], in: dir)
        #expect(
            question.stdout == """
                [
                  {
                    "answer" : {
                      "label" : "B",
                      "text" : "50"
                    },
                    "code" : "",
                    "id" : "gift:rules/bilateral#3",
                    "item" : "gift:rules/bilateral",
                    "kind" : "choice",
                    "options" : [
                      {
                        "correct" : false,
                        "label" : "A",
                        "rationale" : "Wrong: 59 marks a distinct service.",
                        "text" : "59"
                      },
                      {
                        "correct" : true,
                        "label" : "B",
                        "rationale" : "Right: 50 reports a bilateral procedure.",
                        "text" : "50"
                      },
                      {
                        "correct" : false,
                        "label" : "C",
                        "rationale" : "Wrong: 51 is for further, different procedures.",
                        "text" : "51"
                      }
                    ],
                    "rationale" : "Check first whether the code already covers both sides.",
                    "seed" : 3,
                    "stem" : "Which modifier reports the same procedure done on both sides at one session?"
                  }
                ]

                """)
        #expect(question.status == 0)
        // The same question comes out of a filtered listing.
        let listed = try await CodedrillProcess.run(
            ["questions", "--category", "rules/modifiers", "--kind", "choice", "--seed", "3", "--format", "json"], in: dir)
        #expect(listed.stdout == question.stdout)

        // The exported file, put into a library of its own, gives the same questions again.
        let copy = dir.appendingPathComponent("copy")
        try copy.write(file, to: "QuestionBanks/rules.gift")
        let again = try await CodedrillProcess.run(
            ["questions", "--item", "gift:rules/bilateral", "--seed", "3", "--format", "json"], in: copy)
        #expect(again.stdout == question.stdout)
    }

    @Test func generatedQuestionsAreExportedAndReadBackToo() async throws {
        let dir = try CodedrillProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try dir.write(Self.bank, to: "QuestionBanks/rules.gift")
        try dir.write(Self.procedure, to: "Content/27284.md")

        let export = try await CodedrillProcess.run(["bank", "export", "--kind", "vignette-entry", "--seed", "2"], in: dir)
        #expect(
            export.stdout == """
                $CATEGORY: Musculoskeletal System

                // [id:cpt:27284/vignette-entry]
                // [tag:cpc]
                ::CPT 27284 vignette-entry::[plain]PREOPERATIVE DIAGNOSIS\\: Arthritis.\\nPOSTOPERATIVE DIAGNOSIS\\: Same.\\nPROCEDURE\\: Operation as described below.\\nANESTHESIA\\: General endotracheal anesthesia.\\nDESCRIPTION OF PROCEDURE\\: The patient, a 27-year-old woman, was brought to the operating room. The hip is opened. The joint is fused. The wound is closed.\\n\\nEnter the CPT code for this procedure, with any modifier it needs. {=27284 ####27284 (Hip fusion) is correct\\: the note documents “The joint is fused”.}

                """)
        #expect(export.status == 0)

        let all = try await CodedrillProcess.run(["bank", "export", "-o", "all.gift"], in: dir)
        #expect(all.stderr == "codedrill: wrote 7 questions to all.gift\n")
        let file = try String(contentsOf: dir.appendingPathComponent("all.gift"), encoding: .utf8)
        let reimport = try await CodedrillProcess.run(["bank", "import", "all.gift", "-o", "back.gift"], in: dir)
        #expect(reimport.stderr == "codedrill: wrote 7 questions to back.gift\n")
        #expect(try String(contentsOf: dir.appendingPathComponent("back.gift"), encoding: .utf8) == file)
        // Nothing but the outputs is left behind (no temporary files).
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
                == ["Content", "QuestionBanks", "all.gift", "back.gift"])
    }

    @Test func aikenExportKeepsSingleAnswerChoicesAndListsTheRest() async throws {
        let dir = try CodedrillProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try dir.write(Self.bank, to: "QuestionBanks/rules.gift")

        let export = try await CodedrillProcess.run(["bank", "export", "--format", "aiken", "--tag", "cpc", "--tag", "modifiers"], in: dir)
        #expect(
            export.stdout == """
                Which modifier reports the same procedure done on both sides at one session?
                A. 50
                B. 51
                C. 59
                ANSWER: A

                """)
        #expect(
            export.stderr == """
                codedrill: skipped gift:rules/sides: Aiken has only single-answer multiple-choice questions
                codedrill: skipped gift:rules/add-on-alone: Aiken has only single-answer multiple-choice questions

                """)
        #expect(export.status == 0)

        try dir.write(export.stdout, to: "quiz.aiken")
        let reimport = try await CodedrillProcess.run(["bank", "import", "quiz.aiken"], in: dir)
        #expect(
            reimport.stdout == """
                // [id:quiz/which-modifier-reports-the-same-procedure-done-704934c0]
                [plain]Which modifier reports the same procedure done on both sides at one session? {
                \t=50
                \t~51
                \t~59
                }

                """)
        #expect(reimport.status == 0)
    }

    @Test func importReportsProblemsAndWritesNothingOnErrors() async throws {
        let dir = try CodedrillProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try dir.write(
            """
            // [id:a]
            Which modifier? {=50 ~51

            // [id:b]
            Fine? {T}

            // [id:c]
            Weight? {~%45%a ~%55%b ~c}

            """, to: "broken.gift")
        try dir.write("keep me\n", to: "out.gift")

        let result = try await CodedrillProcess.run(["bank", "import", "broken.gift", "-o", "out.gift"], in: dir)
        #expect(result.stdout == "")
        #expect(
            result.stderr == """
                broken.gift:2:17: error: unclosed '{': the answer block has no closing '}'
                broken.gift:8:11: warning: weight 45% is not a Moodle grade; Moodle refuses it unless imported with 'nearest grade'
                broken.gift:8:18: warning: weight 55% is not a Moodle grade; Moodle refuses it unless imported with 'nearest grade'
                codedrill: 1 error in broken.gift; nothing written

                """)
        #expect(result.status == 1)
        #expect(try String(contentsOf: dir.appendingPathComponent("out.gift"), encoding: .utf8) == "keep me\n")

        let missing = try await CodedrillProcess.run(["bank", "import", "nowhere.gift"], in: dir)
        #expect(missing.stderr == "codedrill: error: cannot read nowhere.gift: no such file\n")
        #expect(missing.status == 74)
    }

    @Test func badFiltersAreUsageErrorsAndUnwritableOutputIsAnIOError() async throws {
        let dir = try CodedrillProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try dir.write(Self.bank, to: "QuestionBanks/rules.gift")

        let kind = try await CodedrillProcess.run(["bank", "export", "--kind", "essays"], in: dir)
        #expect(kind.status == 64)
        #expect(kind.stderr.hasPrefix("codedrill: error: unknown kind 'essays'; expected one of vignette, vignette-entry,"))
        let none = try await CodedrillProcess.run(["bank", "export", "--tag", "nothing"], in: dir)
        #expect(none.stderr == "codedrill: error: no questions match the filters\n")
        #expect(none.status == 64)
        let unwritable = try await CodedrillProcess.run(["bank", "export", "-o", "nowhere/x.gift"], in: dir)
        #expect(unwritable.stderr == "codedrill: error: cannot create nowhere/x.gift: No such file or directory\n")
        #expect(unwritable.status == 74)
        let item = try await CodedrillProcess.run(["questions", "--item", "gift:rules/nothing"], in: dir)
        #expect(item.stderr == "codedrill: error: unknown item 'gift:rules/nothing': no question bank has it\n")
        #expect(item.status == 64)
    }
}
