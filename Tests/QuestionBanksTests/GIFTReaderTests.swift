import Foundation
import Testing

@testable import QuestionBanks

/// Reads `text` as the file `bank.gift`.
func readGIFT(_ text: String) -> QuestionBank {
    GIFTReader.parse(text: text, path: "bank.gift")
}

/// A source location in `bank.gift`.
func at(_ line: Int) -> AuthoredQuestion.Location {
    AuthoredQuestion.Location(path: "bank.gift", line: line)
}

/// Shorthand for bank answers in the bank tests (`Answer` alone is a question's right answer).
typealias BankAnswer = AuthoredQuestion.WeightedAnswer

@Suite("GIFT reader: question kinds")
struct GIFTReaderKindTests {
    @Test func multipleChoiceOnOneLine() {
        let bank = readGIFT(
            """
            // [id:modifiers/bilateral]
            ::Bilateral::Which modifier reports the same procedure on both sides in one session? {=50 ~51 ~59}
            """)
        #expect(bank.diagnostics == [])
        #expect(
            bank.questions == [
                AuthoredQuestion(
                    id: "gift:modifiers/bilateral", title: "Bilateral", source: at(2),
                    text: "Which modifier reports the same procedure on both sides in one session?",
                    kind: .multipleChoice,
                    answers: [BankAnswer(text: "50", weight: 100), BankAnswer(text: "51", weight: 0), BankAnswer(text: "59", weight: 0)]
                )
            ])
    }

    @Test func multipleChoiceOverSeveralLinesWithFeedbackOnEachAnswer() {
        let bank = readGIFT(
            """
            // [id:q]
            Which modifier marks a bilateral procedure?
            {
              =50 # right: one line, both sides
              ~RT # wrong: only the right side
                ~LT   #   wrong: only the left side
            }
            """)
        #expect(bank.diagnostics == [])
        #expect(
            bank.questions == [
                AuthoredQuestion(
                    id: "gift:q", source: at(2), text: "Which modifier marks a bilateral procedure?",
                    kind: .multipleChoice,
                    answers: [
                        BankAnswer(text: "50", weight: 100, feedback: "right: one line, both sides"),
                        BankAnswer(text: "RT", weight: 0, feedback: "wrong: only the right side"),
                        BankAnswer(text: "LT", weight: 0, feedback: "wrong: only the left side"),
                    ]
                )
            ])
    }

    @Test func multipleAnswerWithNegativeAndDecimalWeights() {
        let bank = readGIFT(
            """
            // [id:q]
            Which are anatomic modifiers? {
            ~%33.33333%RT#yes
            ~%33.33333%LT
            ~%33.33333%F5
            ~%-100%59#no: a distinct-service modifier
            }
            """)
        #expect(bank.diagnostics == [])
        #expect(bank.questions.first?.kind == .multipleAnswer)
        #expect(
            bank.questions.first?.answers == [
                BankAnswer(text: "RT", weight: 33.33333, feedback: "yes"),
                BankAnswer(text: "LT", weight: 33.33333),
                BankAnswer(text: "F5", weight: 33.33333),
                BankAnswer(text: "59", weight: -100, feedback: "no: a distinct-service modifier"),
            ])
    }

    @Test func singleChoiceKeepsPartialCreditOptions() {
        let bank = readGIFT("// [id:q]\nPick one. {=A ~%50%B ~C}")
        #expect(bank.diagnostics == [])
        #expect(bank.questions.first?.kind == .multipleChoice)
        #expect(bank.questions.first?.answers.map(\.weight) == [100, 50, 0])
    }

    @Test func trueFalseInEverySpelling() {
        let bank = readGIFT(
            """
            // [id:t]
            Add-on codes are exempt from modifier 51. {T}

            // [id:true]
            Add-on codes are exempt from modifier 51. {TRUE}

            // [id:f]
            A 90-day global starts on the day of surgery. {F}

            // [id:false]
            A 90-day global starts on the day of surgery. {FALSE#It starts the day before.#Right: the day before counts.}

            // [id:right-only]
            Sequela codes take 7th character S. {T##Yes, S is for sequela.}
            """)
        #expect(bank.diagnostics == [])
        let answers = bank.questions.map(\.answers)
        #expect(
            answers == [
                [BankAnswer(text: "True", weight: 100), BankAnswer(text: "False", weight: 0)],
                [BankAnswer(text: "True", weight: 100), BankAnswer(text: "False", weight: 0)],
                [BankAnswer(text: "True", weight: 0), BankAnswer(text: "False", weight: 100)],
                [
                    BankAnswer(text: "True", weight: 0, feedback: "It starts the day before."),
                    BankAnswer(text: "False", weight: 100, feedback: "Right: the day before counts."),
                ],
                [BankAnswer(text: "True", weight: 100, feedback: "Yes, S is for sequela."), BankAnswer(text: "False", weight: 0)],
            ])
        #expect(bank.questions.allSatisfy { $0.kind == .trueFalse })
        #expect(bank.questions.map(\.text).last == "Sequela codes take 7th character S.")
    }

    @Test func shortAnswerAcceptsEveryEqualsAnswer() {
        let bank = readGIFT(
            """
            // [id:q]
            Code a right-sided hip fusion without osteotomy. {=27284 =27284-RT =%50%27284#Add the side for full credit.}
            """)
        #expect(bank.diagnostics == [])
        #expect(bank.questions.first?.kind == .shortAnswer)
        #expect(
            bank.questions.first?.answers == [
                BankAnswer(text: "27284", weight: 100),
                BankAnswer(text: "27284-RT", weight: 100),
                BankAnswer(text: "27284", weight: 50, feedback: "Add the side for full credit."),
            ])
    }

    @Test func shortAnswerWithoutLeadingEquals() {
        let bank = readGIFT("// [id:q]\nWhich modifier means bilateral? {50}")
        #expect(bank.diagnostics == [])
        #expect(bank.questions.first?.kind == .shortAnswer)
        #expect(bank.questions.first?.answers == [BankAnswer(text: "50", weight: 100)])
    }

    @Test func matchingPairsIncludingADistractor() {
        let bank = readGIFT(
            """
            // [id:q]
            Match each 7th character with its encounter. {
              =A -> initial encounter
              =D->subsequent encounter
              =S -> sequela
              = -> follow-up visit for an unrelated problem
              ####Active treatment is A; routine healing is D.
            }
            """)
        #expect(bank.diagnostics == [])
        #expect(
            bank.questions == [
                AuthoredQuestion(
                    id: "gift:q", source: at(2), text: "Match each 7th character with its encounter.", kind: .matching,
                    pairs: [
                        .init(prompt: "A", answer: "initial encounter"),
                        .init(prompt: "D", answer: "subsequent encounter"),
                        .init(prompt: "S", answer: "sequela"),
                        .init(prompt: "", answer: "follow-up visit for an unrelated problem"),
                    ],
                    generalFeedback: "Active treatment is A; routine healing is D."
                )
            ])
    }

    @Test func numericalWithToleranceRangeAndSeveralWeightedAnswers() {
        let bank = readGIFT(
            """
            // [id:tolerance]
            How many days after surgery does a major global period run? {#90:0}

            // [id:range]
            Name a day inside a 10-day global period after surgery. {#1..10}

            // [id:weighted]
            How many days does a major global period cover in all? {#
              =92#Right: the day before, the day of surgery and 90 days after.
              =%50%91:0#Close: count the day before surgery too.
              ~#Count the day before, the day of surgery and the 90 days after.
            }

            // [id:plain]
            Days in a minor global period after surgery? {#10}
            """)
        #expect(bank.diagnostics == [])
        #expect(bank.questions.allSatisfy { $0.kind == .numerical })
        #expect(
            bank.questions.map(\.answers) == [
                [BankAnswer(text: "", weight: 100, numeric: .value(90, tolerance: 0))],
                [BankAnswer(text: "", weight: 100, numeric: .range(min: 1, max: 10))],
                [
                    BankAnswer(
                        text: "", weight: 100, feedback: "Right: the day before, the day of surgery and 90 days after.",
                        numeric: .value(92, tolerance: 0)),
                    BankAnswer(
                        text: "", weight: 50, feedback: "Close: count the day before surgery too.",
                        numeric: .value(91, tolerance: 0)),
                    BankAnswer(
                        text: "", weight: 0, feedback: "Count the day before, the day of surgery and the 90 days after.",
                        numeric: .anyOther),
                ],
                [BankAnswer(text: "", weight: 100, numeric: .value(10, tolerance: 0))],
            ])
    }

    @Test func numericalDecimalTolerance() {
        let bank = readGIFT("// [id:q]\nWeight percent? {#33.3:0.05}")
        #expect(bank.questions.first?.answers.first?.numeric == .value(33.3, tolerance: 0.05))
        #expect(AuthoredQuestion.NumericTarget.value(33.3, tolerance: 0.05).accepts(33.34))
        #expect(!AuthoredQuestion.NumericTarget.range(min: 1, max: 5).accepts(5.5))
    }

    @Test func missingWordKeepsTextOnBothSidesOfTheBlank() {
        let bank = readGIFT(
            """
            // [id:q]
            Modifier {=25 ~57 ~59} marks a separate E/M service on the day of a minor procedure.
            """)
        #expect(bank.diagnostics == [])
        let question = bank.questions.first
        #expect(question?.text == "Modifier ")
        #expect(question?.textAfterBlank == " marks a separate E/M service on the day of a minor procedure.")
        #expect(question?.displayText == "Modifier _____ marks a separate E/M service on the day of a minor procedure.")
        #expect(question?.kind == .multipleChoice)
    }

    @Test func missingWordWithTheAnswerBlockSpanningLinesInTheMiddle() {
        let bank = readGIFT(
            """
            // [id:q]
            An unplanned return to the operating room
            for a complication takes modifier {
              =78 #right
              ~79 #unrelated procedures
            } during the global period.
            """)
        #expect(bank.diagnostics == [])
        let question = bank.questions.first
        #expect(question?.text == "An unplanned return to the operating room\nfor a complication takes modifier ")
        #expect(question?.textAfterBlank == " during the global period.")
        #expect(
            question?.answers == [
                BankAnswer(text: "78", weight: 100, feedback: "right"), BankAnswer(text: "79", weight: 0, feedback: "unrelated procedures"),
            ])
    }

    @Test func essayAndDescription() {
        let bank = readGIFT(
            """
            // [id:essay]
            Explain when modifier 59 is the right choice. {}

            // [id:essay-feedback]
            Explain the separate-procedure rule. {####Look for a different site or session.}

            // [id:intro]
            ::Global surgery::The next questions are about the global surgical package.
            """)
        #expect(bank.diagnostics == [])
        #expect(
            bank.questions == [
                AuthoredQuestion(id: "gift:essay", source: at(2), text: "Explain when modifier 59 is the right choice.", kind: .essay),
                AuthoredQuestion(
                    id: "gift:essay-feedback", source: at(5), text: "Explain the separate-procedure rule.",
                    kind: .essay, generalFeedback: "Look for a different site or session."),
                AuthoredQuestion(
                    id: "gift:intro", title: "Global surgery", source: at(8),
                    text: "The next questions are about the global surgical package.", kind: .description),
            ])
    }

    @Test func generalFeedbackIsTakenFromTheLastFourHashes() {
        let bank = readGIFT("// [id:q]\nPick. {=A#a ~B#b ####General.}")
        #expect(bank.questions.first?.generalFeedback == "General.")
        #expect(
            bank.questions.first?.answers == [
                BankAnswer(text: "A", weight: 100, feedback: "a"), BankAnswer(text: "B", weight: 0, feedback: "b"),
            ])
    }
}

@Suite("GIFT reader: ids, tags, categories, comments, formats, escapes")
struct GIFTReaderStructureTests {
    @Test func idsAndTagsComeFromTheCommentBlockBeforeTheQuestion() {
        let bank = readGIFT(
            """
            // Modifier questions, reviewed 2026.
            // [id:modifiers/59-vs-xs] [tag:cpc]
            // [tag:modifiers] [tag:ncci] [tag:cpc]
            // [tag:odd \\] tag]
            Which modifier is more specific than 59 for a different organ? {=XS ~XU}
            """)
        #expect(bank.diagnostics == [])
        #expect(bank.questions.first?.id == "gift:modifiers/59-vs-xs")
        #expect(bank.questions.first?.tags == ["cpc", "modifiers", "ncci", "odd ] tag"])
        #expect(bank.questions.first?.source == at(5))
    }

    @Test func anIDAlreadyPrefixedIsNotPrefixedTwice() {
        #expect(readGIFT("// [id:gift:a/b]\nQ? {T}").questions.first?.id == "gift:a/b")
    }

    @Test func titleAndCategoryGiveTheIDWhenThereIsNoIDComment() {
        let bank = readGIFT(
            """
            $CATEGORY: Coding rules/Modifiers

            ::59 vs XS::Which modifier is more specific? {=XS ~59}

            $CATEGORY:   $course$/top/Global Surgery  

            ::Décision pour chirurgie::Which modifier marks the decision for major surgery? {=57 ~25}
            """)
        #expect(bank.diagnostics == [])
        #expect(
            bank.questions.map(\.id) == [
                "gift:coding-rules/modifiers/59-vs-xs", "gift:course/top/global-surgery/decision-pour-chirurgie",
            ])
        #expect(bank.questions.map(\.category) == [["Coding rules", "Modifiers"], ["$course$", "top", "Global Surgery"]])
    }

    @Test func commentsBetweenAndInsideQuestionsAreIgnored() {
        let bank = readGIFT(
            """
            // a comment block of its own

            // [id:q]
            Which modifier? {
              // options follow
              =XE
              // a comment between options
              ~XP
            }
            // trailing comment

            // http://example.org is not a comment in the middle of a line
            """)
        #expect(bank.diagnostics == [])
        #expect(bank.questions.first?.answers == [BankAnswer(text: "XE", weight: 100), BankAnswer(text: "XP", weight: 0)])
        #expect(bank.questions.count == 1)
    }

    @Test func formatMarkersSetTheTextFormatAndAreDroppedFromAnswers() {
        let bank = readGIFT(
            """
            // [id:q]
            [markdown]Which code is **bilateral**? {=[plain]50#[html]<b>yes</b> ~51 ####[markdown]*Both* sides.}

            // [id:unknown]
            [note] Not a format marker. {T}
            """)
        #expect(bank.diagnostics == [])
        let question = bank.questions.first
        #expect(question?.textFormat == .markdown)
        #expect(question?.text == "Which code is **bilateral**?")
        #expect(question?.answers.first == BankAnswer(text: "50", weight: 100, feedback: "<b>yes</b>"))
        #expect(question?.generalFeedback == "*Both* sides.")
        #expect(bank.questions.last?.textFormat == .moodle)
        #expect(bank.questions.last?.text == "[note] Not a format marker.")
    }

    @Test func escapedControlCharactersAreTextInQuestionsAndAnswers() {
        let bank = readGIFT(
            ##"""
            // [id:q]
            ::Title\: with colon::Which is right\: 1 \= 1, \{braces\} or \~tilde\~?\nSecond line. {
              =a \# b#feedback with \= and \~
              ~c \\ d
              ~\{e\}
            }
            """##)
        #expect(bank.diagnostics == [])
        let question = bank.questions.first
        #expect(question?.title == "Title: with colon")
        #expect(question?.text == "Which is right: 1 = 1, {braces} or ~tilde~?\nSecond line.")
        #expect(
            question?.answers == [
                BankAnswer(text: "a # b", weight: 100, feedback: "feedback with = and ~"),
                BankAnswer(text: #"c \ d"#, weight: 0),
                BankAnswer(text: "{e}", weight: 0),
            ])
    }

    @Test func questionsAreSeparatedByBlankLinesAndCRLFIsAccepted() {
        let bank = readGIFT("// [id:a]\r\nOne? {T}\r\n   \r\n// [id:b]\r\nTwo? {F}\r\n")
        #expect(bank.diagnostics == [])
        #expect(bank.questions.map(\.id) == ["gift:a", "gift:b"])
        #expect(bank.questions.map(\.source) == [at(2), at(5)])
    }

    @Test func byteOrderMarkIsIgnored() {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("// [id:a]\nOne? {T}\n".utf8)
        let bank = GIFTReader.parse(data: data, path: "bank.gift")
        #expect(bank.diagnostics == [])
        #expect(bank.questions.map(\.text) == ["One?"])
    }
}
