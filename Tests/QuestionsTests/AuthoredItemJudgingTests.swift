import Foundation
import Testing

@testable import Questions

@Suite struct AuthoredItemJudgingTests {
    @Test func choiceTakesALabelOrTheOptionsTextAndRejectsUnknownLabels() throws {
        let question = try AuthoredFixture.question("bilateral")
        #expect(question.judge(response: " b ") == Judgement(correct: true, response: "B", chosenLabel: "B"))
        #expect(question.judge(response: "50") == Judgement(correct: true, response: "B", chosenLabel: "B"))
        #expect(question.judge(response: "d") == Judgement(correct: false, response: "D", chosenLabel: "D"))
        #expect(question.judge(response: "z") == Judgement(correct: false, response: "z", isRecognised: false))
        #expect(question.judge(response: "what?") == .unrecognised("what?"))
        #expect(question.judge(response: "") == .unrecognised(""))
    }

    @Test func trueFalseTakesALabelOrTheWord() throws {
        let question = try AuthoredFixture.question("add-on-alone")
        #expect(question.judge(response: "b") == Judgement(correct: true, response: "B", chosenLabel: "B"))
        #expect(question.judge(response: "F") == Judgement(correct: true, response: "B", chosenLabel: "B"))
        #expect(question.judge(response: "false") == Judgement(correct: true, response: "B", chosenLabel: "B"))
        #expect(question.judge(response: "True") == Judgement(correct: false, response: "A", chosenLabel: "A"))
        #expect(question.judge(response: "c") == .unrecognised("c"))
    }

    @Test func multipleAnswerIsRightOnlyForExactlyThePositiveOptions() throws {
        let question = try AuthoredFixture.question("side-modifiers")
        #expect(question.judge(response: "a,c") == Judgement(correct: true, response: "A,C", chosenLabel: "A,C"))
        #expect(question.judge(response: "CA") == Judgement(correct: true, response: "A,C", chosenLabel: "A,C"))
        #expect(question.judge(response: "c a") == Judgement(correct: true, response: "A,C", chosenLabel: "A,C"))
        #expect(question.judge(response: "a") == Judgement(correct: false, response: "A", chosenLabel: "A"))
        #expect(question.judge(response: "abc") == Judgement(correct: false, response: "A,B,C", chosenLabel: "A,B,C"))
        #expect(question.judge(response: "a,d") == .unrecognised("a,d"))
        #expect(question.judge(response: " , ") == .unrecognised(","))
    }

    @Test func matchingNeedsOneLetterPerPromptAndNamesTheWrongPairs() throws {
        let question = try AuthoredFixture.question("seventh")
        // The prompts are the letters A, D and S, so the options are labelled B, C, E, F.
        #expect(question.judge(response: "efc") == Judgement(correct: true, response: "E,F,C", chosenLabel: "E,F,C"))
        #expect(question.judge(response: "E, F, C") == Judgement(correct: true, response: "E,F,C", chosenLabel: "E,F,C"))
        #expect(
            question.judge(response: "ebc")
                == Judgement(
                    correct: false, response: "E,B,C", chosenLabel: "E,B,C",
                    feedback: "2 goes with F (routine care while healing), not B."))
        #expect(
            question.judge(response: "fec").feedback
                == "1 goes with E (active treatment), not F; 2 goes with F (routine care while healing), not E.")
        #expect(question.judge(response: "ef") == .unrecognised("ef"))
        #expect(question.judge(response: "efcb") == .unrecognised("efcb"))
        #expect(question.judge(response: "efa") == .unrecognised("efa"))
    }

    @Test func shortAnswerIgnoresCaseSpacesAndCodePunctuation() throws {
        let question = try AuthoredFixture.question("placeholder")
        let right = Judgement(correct: true, response: "S0101XA", feedback: "Right: X fills the sixth place so that A is seventh.")
        #expect(question.judge(response: "S01.01XA") == right)
        #expect(question.judge(response: " s0101xa ") == right)
        #expect(question.judge(response: "s01.01 xa") == right)
        #expect(
            question.judge(response: "S01.01A")
                == Judgement(correct: false, response: "S0101A", feedback: "Wrong: the 7th character must sit in the seventh place."))
        #expect(question.judge(response: "S01.01XD") == Judgement(correct: false, response: "S0101XD"))
        #expect(question.judge(response: "   ") == .unrecognised(""))
    }

    @Test func shortAnswerTextThatIsNotACodeIsComparedAsWords() {
        let question = Question(
            id: "gift:t#1", item: "gift:t", kind: .shortAnswer, code: "", stem: "…", options: [],
            answer: CorrectAnswer(label: nil, text: "Separate procedure"), rationale: "", seed: 1,
            grading: [GradedAnswer(text: "Separate procedure", credit: 100)])
        #expect(question.judge(response: "  separate   PROCEDURE ") == Judgement(correct: true, response: "separate PROCEDURE"))
        #expect(question.judge(response: "separateprocedure") == Judgement(correct: false, response: "separateprocedure"))
    }

    @Test func numericalJudgesTheFirstAnswerWhoseRangeHoldsTheNumber() throws {
        let days = try AuthoredFixture.question("global-days")
        #expect(
            days.judge(response: "92")
                == Judgement(correct: true, response: "92", feedback: "Right: the day before, the day of surgery and 90 days after."))
        #expect(days.judge(response: " 92.0 ").correct)
        #expect(
            days.judge(response: "90")
                == Judgement(correct: false, response: "90", feedback: "Wrong: add the day before and the day of surgery."))
        #expect(
            days.judge(response: "91")
                == Judgement(correct: false, response: "91", feedback: "Count the day before, the day of surgery and the 90 days after."))
        #expect(days.judge(response: "ninety-two") == .unrecognised("ninety-two"))
        #expect(days.judge(response: "") == .unrecognised(""))

        let tolerance = try AuthoredFixture.question("half-unit")
        #expect(tolerance.judge(response: "4.5") == Judgement(correct: true, response: "4.5"))
        #expect(tolerance.judge(response: "5.5").correct)
        #expect(tolerance.judge(response: "5.51") == Judgement(correct: false, response: "5.51"))
        let range = try AuthoredFixture.question("range")
        #expect(range.judge(response: "1").correct && range.judge(response: "2.5").correct && range.judge(response: "3").correct)
        #expect(!range.judge(response: "0.99").correct)
    }

    @Test func theToleranceBoundIsNotLostToBinaryRounding() {
        // 5 - 0.1 is 4.9000000000000004 in binary; 4.9 must still be accepted, as Moodle accepts it.
        let near = GradedAnswer(min: 5 - 0.1, max: 5 + 0.1, credit: 100)
        #expect(near.accepts(4.9) && near.accepts(5.1))
        #expect(!near.accepts(4.89) && !near.accepts(5.11))
    }
}
