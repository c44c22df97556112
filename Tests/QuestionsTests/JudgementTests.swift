import Foundation
import Testing

@testable import Questions

@Suite struct JudgementTests {
    static func entry(_ answer: String, code: String) -> Question {
        Question(
            id: "cpt:\(code)/vignette-entry#1", item: "cpt:\(code)/vignette-entry", kind: .vignetteEntry, code: code,
            stem: "…", options: [], answer: CorrectAnswer(label: nil, text: answer), rationale: "…", seed: 1)
    }

    let sided = JudgementTests.entry("27284-RT", code: "27284")
    let unsided = JudgementTests.entry("47562", code: "47562")

    @Test func typedCodesAreNormalisedBeforeJudging() {
        #expect(sided.judge(response: " 27284 rt ").response == "27284-RT")
        #expect(sided.judge(response: "27284rt").response == "27284-RT")
        #expect(sided.judge(response: "2728.4, RT").response == "27284-RT")
        #expect(sided.judge(response: "27284-rt-59").response == "27284-RT-59")
        #expect(CodeEntry(parsing: "27284RT59", codeLength: 5).modifiers == ["RT", "59"])
        #expect(CodeEntry(parsing: "m16.11", codeLength: 5).code == "M1611")
    }

    @Test func anOptionLetterTypedIntoACodeQuestionIsNotAnAnswer() {
        #expect(sided.judge(response: "b") == Judgement.unrecognised("b"))
        #expect(sided.judge(response: " - ") == Judgement.unrecognised("-"))
        #expect(sided.judge(response: "272").isRecognised)
        #expect(sided.judge(response: "272").correct == false)
    }

    @Test func theRightCodeWithTheRightModifierIsFullyCorrect() {
        #expect(
            sided.judge(response: "27284-RT")
                == Judgement(correct: true, response: "27284-RT", modifierCorrect: true, modifierNote: "RT matches the right side"))
    }

    @Test func theModifierIsJudgedSeparatelyFromTheCode() {
        #expect(
            sided.judge(response: "27284 LT")
                == Judgement(
                    correct: true, response: "27284-LT", modifierCorrect: false,
                    modifierNote: "LT does not match: the scenario is on the right side (RT)"))
        #expect(
            sided.judge(response: "27284")
                == Judgement(
                    correct: true, response: "27284", modifierCorrect: false,
                    modifierNote: "no laterality modifier given: the scenario is on the right side, so add RT"))
        #expect(sided.judge(response: "27286-RT").correct == false)
        #expect(sided.judge(response: "27284-RT-59").modifierNote == "RT matches the right side; modifier 59 is not judged")
        #expect(JudgementTests.entry("27447-50", code: "27447").judge(response: "27447-50").modifierNote == "50 matches both sides")
    }

    @Test func anEmptyEntryIsNotRecognised() {
        #expect(sided.judge(response: "  ") == .unrecognised(""))
        #expect(sided.judge(response: "27286").isRecognised)
    }

    @Test func unsidedProceduresNeedNoModifier() {
        #expect(unsided.judge(response: "47562") == Judgement(correct: true, response: "47562"))
        #expect(
            unsided.judge(response: "47562-RT")
                == Judgement(
                    correct: true, response: "47562-RT", modifierCorrect: false,
                    modifierNote: "RT is not needed: this procedure is not reported by side"))
    }

    @Test func multipleChoiceAcceptsALabelOrAnOptionsText() {
        let q = Question(
            id: "cpt:27130/diagnosis#1", item: "cpt:27130/diagnosis", kind: .diagnosis, code: "27130", stem: "…",
            options: [
                QuestionOption(label: "A", text: "M16.12", correct: false, rationale: "…"),
                QuestionOption(label: "B", text: "M16.11", correct: true, rationale: "…"),
            ],
            answer: CorrectAnswer(label: "B", text: "M16.11"), rationale: "…", seed: 1)
        #expect(q.judge(response: " b ") == Judgement(correct: true, response: "B", chosenLabel: "B"))
        #expect(q.judge(response: "m1612") == Judgement(correct: false, response: "A", chosenLabel: "A"))
        #expect(q.judge(response: "E") == Judgement(correct: false, response: "E", isRecognised: false))
        #expect(q.judge(response: "??") == .unrecognised("??"))
    }
}
