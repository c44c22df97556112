import Determinism
import Foundation
import SourceText
import Testing

@testable import QuestionBanks

/// An error in `mock-exam.txt`.
private func aikenError(_ line: Int, _ column: Int, _ message: String) -> Diagnostic {
    Diagnostic(path: "mock-exam.txt", line: line, column: column, severity: .error, message: message)
}

@Suite("Aiken reader and writer")
struct AikenTests {
    @Test func readsQuestionsWithDotAndParenthesisOptions() {
        let bank = AikenReader.parse(
            text: """
                Which modifier reports a bilateral procedure?
                A. 50
                B) 51
                C.59
                ANSWER: A

                  Which 7th character marks a sequela?
                  A) A
                  B) D
                  C) S
                  ANSWER:   C
                """, path: "mock-exam.txt")
        #expect(bank.diagnostics == [])
        #expect(
            bank.questions == [
                AuthoredQuestion(
                    id: "gift:mock-exam/which-modifier-reports-a-bilateral-procedure-"
                        + Fingerprint.shortHex(of: "Which modifier reports a bilateral procedure?"),
                    source: .init(path: "mock-exam.txt", line: 1),
                    text: "Which modifier reports a bilateral procedure?", textFormat: .plain, kind: .multipleChoice,
                    answers: [BankAnswer(text: "50", weight: 100), BankAnswer(text: "51", weight: 0), BankAnswer(text: "59", weight: 0)]
                ),
                AuthoredQuestion(
                    id: "gift:mock-exam/which-7th-character-marks-a-sequela-"
                        + Fingerprint.shortHex(of: "Which 7th character marks a sequela?"),
                    source: .init(path: "mock-exam.txt", line: 7),
                    text: "Which 7th character marks a sequela?", textFormat: .plain, kind: .multipleChoice,
                    answers: [BankAnswer(text: "A", weight: 0), BankAnswer(text: "D", weight: 0), BankAnswer(text: "S", weight: 100)]
                ),
            ])
    }

    @Test func idsAreShortenedAtAWordAndKeepAHashOfTheWholeText() {
        let text = "When a procedure is performed on both sides of the body during one operative session, which modifier applies?"
        #expect(
            AikenReader.id(text: text, path: "banks/Mock Exam.aiken")
                == "gift:mock-exam/when-a-procedure-is-performed-on-both-sides-of-" + Fingerprint.shortHex(of: text))
    }

    @Test func diagnostics() {
        let bank = AikenReader.parse(
            text: """
                A. an option before any question
                ANSWER: A
                A question whose text
                runs over two lines?
                A. yes
                B. no
                ANSWER: A

                Only one option?
                A. yes
                ANSWER: A

                Letters out of order?
                A. one
                C. two
                ANSWER: A

                BankAnswer names no option?
                A. one
                B. two
                ANSWER: E

                Lower-case answer?
                A. one
                B. two
                ANSWER: b

                Empty option?
                A.
                B. two
                ANSWER: B

                Never answered?
                A. one
                B. two
                """, path: "mock-exam.txt")
        #expect(
            bank.diagnostics == [
                aikenError(1, 1, "option line outside a question"),
                aikenError(2, 1, "ANSWER line outside a question"),
                aikenError(3, 1, "question has no ANSWER line (Aiken question text must fit on one line)"),
                aikenError(9, 1, "a question needs at least two options"),
                aikenError(15, 1, "option 'C' is out of sequence (expected 'B'); Moodle numbers options by position"),
                aikenError(21, 9, "answer 'E' names no option"),
                aikenError(26, 9, "ANSWER must be one capital letter, e.g. 'ANSWER: B'"),
                aikenError(29, 1, "empty option"),
                aikenError(33, 1, "question has no ANSWER line (Aiken question text must fit on one line)"),
            ])
        #expect(bank.questions.map(\.text) == ["runs over two lines?"])
    }

    @Test func notUTF8() {
        let bank = AikenReader.parse(data: Data([0x51, 0x3F, 0x0A, 0x41, 0x2E, 0x20, 0xE9, 0x0A]), path: "mock-exam.txt")
        #expect(bank.diagnostics == [aikenError(2, 4, "file is not valid UTF-8")])
    }

    @Test func duplicateQuestionTextsGiveDuplicateIDs() {
        let bank = AikenReader.parse(text: "Same?\nA. a\nB. b\nANSWER: A\n\nSame?\nA. c\nB. d\nANSWER: B\n", path: "mock-exam.txt")
        #expect(
            bank.diagnostics == [
                aikenError(6, 1, "duplicate id '\(AikenReader.id(text: "Same?", path: "mock-exam.txt"))' (first used at mock-exam.txt:1)")
            ])
    }

    @Test func writerKeepsSingleAnswerQuestionsAndListsTheRest() {
        let questions = [
            AuthoredQuestion(
                id: "gift:a", text: "Which modifier\nmeans bilateral?", kind: .multipleChoice,
                answers: [BankAnswer(text: "51", weight: 0, feedback: "lost in Aiken"), BankAnswer(text: "50", weight: 100)],
                generalFeedback: "lost too"
            ),
            AuthoredQuestion(
                id: "gift:b", text: "True?", kind: .trueFalse,
                answers: [BankAnswer(text: "True", weight: 100), BankAnswer(text: "False", weight: 0)]),
            AuthoredQuestion(
                id: "gift:c", text: "Partial?", kind: .multipleChoice,
                answers: [BankAnswer(text: "x", weight: 100), BankAnswer(text: "y", weight: 50)]),
            AuthoredQuestion(
                id: "gift:d", text: "A. looks like an option", kind: .multipleChoice,
                answers: [BankAnswer(text: "x", weight: 100), BankAnswer(text: "y", weight: 0)]),
            AuthoredQuestion(
                id: "gift:e", text: "One option?", kind: .multipleChoice,
                answers: [BankAnswer(text: "x", weight: 100)]),
            AuthoredQuestion(
                id: "gift:f", text: "Modifier ", textAfterBlank: " means bilateral.", kind: .multipleChoice,
                answers: [BankAnswer(text: "50", weight: 100), BankAnswer(text: "59", weight: 0)]),
        ]
        let output = AikenWriter.write(questions)
        #expect(
            output.text == """
                Which modifier means bilateral?
                A. 51
                B. 50
                ANSWER: B

                Modifier _____ means bilateral.
                A. 50
                B. 59
                ANSWER: A

                """)
        #expect(
            output.skipped == [
                .init(id: "gift:b", reason: "Aiken has only single-answer multiple-choice questions"),
                .init(id: "gift:c", reason: "Aiken needs exactly one correct option and no partial credit"),
                .init(id: "gift:d", reason: "the question text would be read as an option or answer line"),
                .init(id: "gift:e", reason: "Aiken needs 2 to 26 options"),
            ])
    }

    @Test func readWriteReadGivesTheSameQuestions() {
        let first = AikenReader.parse(
            text: """
                Which modifier marks a distinct procedural service?
                A) 25
                B) 59
                C) 76
                ANSWER: B

                Which 7th character is for routine healing?
                A. A
                B. D
                C. S
                ANSWER: B
                """, path: "mock-exam.txt")
        let output = AikenWriter.write(first.questions)
        #expect(output.skipped == [])
        let second = AikenReader.parse(text: output.text, path: "mock-exam.txt")
        #expect(second.diagnostics == [])
        #expect(second.questions.map(\.withoutSource) == first.questions.map(\.withoutSource))
    }

    @Test func aikenQuestionsConvertToGIFTAndKeepTheirIDs() {
        let aiken = AikenReader.parse(text: "Which modifier means bilateral?\nA. 50\nB. 51\nANSWER: A\n", path: "mock-exam.txt")
        let gift = readGIFT(GIFTWriter.write(aiken.questions))
        #expect(gift.diagnostics == [])
        #expect(gift.questions.map(\.withoutSource) == aiken.questions.map(\.withoutSource))
    }
}
