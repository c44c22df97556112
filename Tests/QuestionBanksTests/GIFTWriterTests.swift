import Foundation
import Testing

@testable import QuestionBanks

/// A bank that uses every GIFT construct the reader supports.
let everyConstructGIFT = ##"""
    // Fixture: every construct codedrill reads.
    $CATEGORY: coding-rules/modifiers

    // [id:fixture/mc-one-line] [tag:cpc]
    // [tag:modifiers]
    ::One line::Which modifier reports a bilateral procedure? {=50#Both sides. ~51#Several procedures. ~59}

    // [id:fixture/mc-multi-line]
    [markdown]Which modifier is **most specific** for a separate organ?
    {
      =XS # The separate-structure modifier.
      ~XU # Unusual non-overlapping service.
      ~%50%59 # Accepted, but less specific.
      ####[markdown]Use an X modifier *when one fits*.
    }

    // [id:fixture/multiple-answer]
    Which are anatomic modifiers? {
      ~%33.33333%RT
      ~%33.33333%LT
      ~%33.33333%FA
      ~%-100%59#Not anatomic.
    }

    // [id:fixture/true-false]
    Add-on codes are exempt from modifier 51.{TRUE#They are never reduced as multiple procedures.#Correct.####Add-on codes ride on a primary code.}

    // [id:fixture/false]
    A sequela code is listed before the residual condition. {F}

    $CATEGORY: coding-rules/typed codes

    // [id:fixture/short-answer]
    Type the code for an ECG interpretation and report only.{=93010#Professional part only. =%50%93000#That includes the tracing.}

    // [id:fixture/matching]
    Match each modifier with its meaning. {
      =XE -> separate encounter
      =XS -> separate structure
      =XP -> separate practitioner
      = -> repeat procedure by the same physician
    }

    // [id:fixture/numerical]
    How many postoperative days does a major global period have? {#
      =90:0#Right.
      =%50%91..92#That counts the day before or the day of surgery.
      ~#Count only the days after surgery.
    }

    // [id:fixture/numerical-one]
    Days in a minor global period after surgery? {#10}

    // [id:fixture/missing-word]
    Modifier {=57 ~25} marks the visit that led to the decision for major surgery.

    // [id:fixture/essay]
    Explain the separate-procedure rule in your own words. {####Look for a different site, incision or session.}

    // [id:fixture/description]
    [plain]The next questions are about \{braces\}, \~tildes\~ and C\:\\paths.\nSecond line.

    // [id:fixture/escapes]
    ::Escapes\: all of them::Is 1 \= 1 \# true? {=Yes \{really\}#Because \~ and \: are text. ~No \\ never}
    """##

@Suite("GIFT writer")
struct GIFTWriterTests {
    @Test func writesEachKindTheWayMoodleReadsIt() {
        let questions = [
            AuthoredQuestion(
                id: "gift:m/a", title: "Bilateral", category: ["rules", "modifiers"], tags: ["cpc", "odd]tag"],
                text: "Which modifier?", kind: .multipleChoice,
                answers: [BankAnswer(text: "50", weight: 100, feedback: "Both sides."), BankAnswer(text: "51", weight: 0)],
                generalFeedback: "See the modifier list."
            ),
            AuthoredQuestion(
                id: "gift:m/b", category: ["rules", "modifiers"], text: "Add-on codes stand alone.", kind: .trueFalse,
                answers: [
                    BankAnswer(text: "True", weight: 0, feedback: "They need a primary code."),
                    BankAnswer(text: "False", weight: 100, feedback: "Right."),
                ]
            ),
            AuthoredQuestion(
                id: "gift:n", text: "Days?", kind: .numerical,
                answers: [BankAnswer(text: "", weight: 100, numeric: .value(90, tolerance: 0.5))]
            ),
            AuthoredQuestion(
                id: "gift:w", text: "Modifier ", textAfterBlank: " means bilateral.", kind: .shortAnswer,
                answers: [BankAnswer(text: "50", weight: 100), BankAnswer(text: "%50", weight: 50)]
            ),
        ]
        #expect(
            GIFTWriter.write(questions) == """
                $CATEGORY: rules/modifiers

                // [id:m/a]
                // [tag:cpc] [tag:odd\\]tag]
                ::Bilateral::Which modifier? {
                \t=50#Both sides.
                \t~51
                \t####See the modifier list.
                }

                // [id:m/b]
                Add-on codes stand alone. {FALSE#They need a primary code.#Right.}

                $CATEGORY:

                // [id:n]
                Days? {#=90:0.5}

                // [id:w]
                Modifier {=50 =%50%%50} means bilateral.

                """)
        let reread = readGIFT(GIFTWriter.write(questions))
        #expect(reread.diagnostics == [])
        #expect(reread.questions.map(\.withoutSource) == questions)
    }

    @Test func protectsTextsThatWouldReadAsStructure() {
        let question = AuthoredQuestion(
            id: "gift:p", text: "// not a comment", kind: .multipleChoice,
            answers: [
                BankAnswer(text: "[html] literal", weight: 100, feedback: "[plain] literal too"),
                BankAnswer(text: "%5% of the fee", weight: 0),
                BankAnswer(text: "a\nb", weight: 0),
            ]
        )
        let text = GIFTWriter.write([question])
        #expect(
            text == """
                // [id:p]
                [moodle]// not a comment {
                \t=[moodle][html] literal#[moodle][plain] literal too
                \t~%0%%5% of the fee
                \t~a\\nb
                }

                """)
        let read = readGIFT(text)
        #expect(read.diagnostics == [])
        #expect(read.questions.map(\.withoutSource) == [question])
    }

    @Test func everyConstructSurvivesAWriteAndReadBack() {
        let original = readGIFT(everyConstructGIFT)
        #expect(original.diagnostics == [])
        #expect(original.questions.count == 13)
        #expect(Set(original.questions.map(\.kind)) == Set(AuthoredQuestion.Kind.allCases))

        let written = GIFTWriter.write(original.questions)
        let reread = readGIFT(written)
        #expect(reread.diagnostics == [])
        #expect(reread.questions.map(\.withoutSource) == original.questions.map(\.withoutSource))
        // Writing again gives the same text: the writer's output is a fixed point.
        #expect(GIFTWriter.write(reread.questions) == written)
    }

    @Test func questionsSurviveJSONEncoding() throws {
        let questions = readGIFT(everyConstructGIFT).questions
        let data = try JSONEncoder().encode(questions)
        #expect(try JSONDecoder().decode([AuthoredQuestion].self, from: data) == questions)
    }

    @Test func theShippedBankSurvivesAWriteAndReadBack() {
        let bank = QuestionBank.load(directory: shippedBankDirectory)
        #expect(bank.questions.count >= 40)
        let reread = readGIFT(GIFTWriter.write(bank.questions))
        #expect(reread.diagnostics == [])
        #expect(reread.questions.map(\.withoutSource) == bank.questions.map(\.withoutSource))
    }
}

/// `QuestionBanks/` at the top of the package.
let shippedBankDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("QuestionBanks").path
