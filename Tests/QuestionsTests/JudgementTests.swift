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

    /// An anesthesia entry is keyed with its physical status (instructor review 64403): the class is
    /// judged like a side, apart from the code, and other modifiers are not judged.
    @Test func anAnesthesiaEntryJudgesThePhysicalStatus() {
        let anesthesia = JudgementTests.entry("00840-P3", code: "00840")
        #expect(
            anesthesia.judge(response: "00840 p3")
                == Judgement(
                    correct: true, response: "00840-P3", modifierCorrect: true, modifierNote: "P3 matches the documented physical status"))
        #expect(
            anesthesia.judge(response: "00840")
                == Judgement(
                    correct: true, response: "00840", modifierCorrect: false,
                    modifierNote: "no physical status modifier given: the record documents P3"))
        #expect(
            anesthesia.judge(response: "00840-P2-QK")
                == Judgement(
                    correct: true, response: "00840-P2-QK", modifierCorrect: false,
                    modifierNote: "P2 does not match: the record documents P3; modifier QK is not judged"))
        #expect(anesthesia.judge(response: "00790-P3").correct == false)
        // A key without a class judges none.
        #expect(unsided.judge(response: "47562-P1").modifierNote == "modifier P1 is not judged")
    }

    /// Over the shipped library: an anesthesia entry asks for the class and keys the one its record
    /// documents.
    @Test func anAnesthesiaEntryIsKeyedWithTheRecordsClass() throws {
        let generator = try #require(TestLibraries.shipped).shared.generator
        for seed: UInt64 in 1...4 {
            let q = try generator.generate(itemID: "cpt:00840/vignette-entry", seed: seed)
            #expect(q.stem.hasSuffix("Enter the CPT anesthesia code for this service, with its physical status modifier."))
            let line = try #require(q.stem.split(separator: "\n").first { $0.hasPrefix("ASA PHYSICAL STATUS: ") })
            #expect(q.answer.text == "00840-P" + line.dropFirst("ASA PHYSICAL STATUS: ".count))
        }
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
