import Foundation
import Testing

@testable import Questions

@Suite struct AuthoredItemRenderingTests {
    @Test func multipleChoiceShufflesTheAuthorsOptionsWithTheirFeedback() throws {
        #expect(
            try AuthoredFixture.question("bilateral")
                == Question(
                    id: "gift:fixture/bilateral#3", item: "gift:fixture/bilateral", kind: .choice, code: "",
                    stem: "Which modifier reports a bilateral procedure?",
                    options: [
                        QuestionOption(label: "A", text: "59", correct: false, rationale: "Wrong: 59 marks a distinct service."),
                        QuestionOption(
                            label: "B", text: "50", correct: true, rationale: "Right: 50 reports the same procedure on both sides."),
                        QuestionOption(
                            label: "C", text: "76", correct: false, rationale: "Wrong: 76 reports a repeat by the same physician."),
                        QuestionOption(
                            label: "D", text: "51", correct: false, rationale: "Wrong: 51 reports further, different procedures."),
                    ],
                    answer: CorrectAnswer(label: "B", text: "50"), rationale: "Read the code's description first.", seed: 3))
    }

    @Test func theSameSeedGivesTheSameOrderAndSeedsVaryIt() throws {
        #expect(try AuthoredFixture.question("bilateral", seed: 9) == AuthoredFixture.question("bilateral", seed: 9))
        let orders = try (1...6).map { try AuthoredFixture.question("bilateral", seed: $0).options.map(\.text) }
        #expect(
            orders == [
                ["59", "76", "51", "50"], ["50", "76", "51", "59"], ["59", "50", "76", "51"],
                ["51", "50", "76", "59"], ["59", "50", "76", "51"], ["76", "59", "51", "50"],
            ])
    }

    @Test func aMissingWordQuestionShowsTheBlankAndFallsBackToNoRationale() throws {
        let question = try AuthoredFixture.question("decision")
        #expect(question.stem == "Modifier _____ marks the decision for major surgery.")
        #expect(question.options.map(\.text) == ["24", "57", "25"])
        #expect(question.answer == CorrectAnswer(label: "B", text: "57"))
        #expect(question.rationale == "")
    }

    @Test func trueFalseIsAlwaysTrueThenFalse() throws {
        let expected = Question(
            id: "gift:fixture/add-on-alone#3", item: "gift:fixture/add-on-alone", kind: .trueFalse, code: "",
            stem: "An add-on code may be reported on its own.",
            options: [
                QuestionOption(label: "A", text: "True", correct: false, rationale: "Not so: an add-on always needs its primary code."),
                QuestionOption(label: "B", text: "False", correct: true, rationale: "Right: an add-on is never reported alone."),
            ],
            answer: CorrectAnswer(label: "B", text: "False"), rationale: "Add-on codes ride on a primary code.", seed: 3)
        #expect(try AuthoredFixture.question("add-on-alone") == expected)
        for seed: UInt64 in 1...5 {
            #expect(try AuthoredFixture.question("add-on-alone", seed: seed).options == expected.options)
        }
    }

    @Test func multipleAnswerMarksEveryPositiveWeightAndSaysHowToAnswer() throws {
        var expected = Question(
            id: "gift:fixture/side-modifiers#3", item: "gift:fixture/side-modifiers", kind: .multipleAnswer, code: "",
            stem: "Which modifiers name a body side? Choose all that apply.\n\nType the letters of all the right options.",
            options: [
                QuestionOption(label: "A", text: "LT", correct: true, rationale: "Right: LT is the left side."),
                QuestionOption(label: "B", text: "59", correct: false, rationale: "Wrong: 59 marks a distinct service."),
                QuestionOption(label: "C", text: "RT", correct: true, rationale: "Right: RT is the right side."),
            ],
            answer: CorrectAnswer(label: "A,C", text: "LT; RT"), rationale: "RT and LT name sides; 50 and 59 do not.", seed: 3)
        expected.multipleAnswers = true
        #expect(try AuthoredFixture.question("side-modifiers") == expected)
    }

    @Test func shortAnswerIsAnEntryThatCarriesEveryAuthoredAnswer() throws {
        #expect(
            try AuthoredFixture.question("placeholder")
                == Question(
                    id: "gift:fixture/placeholder#3", item: "gift:fixture/placeholder", kind: .shortAnswer, code: "",
                    stem: "Type the complete code for the initial encounter for a scalp laceration in subcategory S01.01.",
                    options: [], answer: CorrectAnswer(label: nil, text: "S01.01XA"),
                    // The keyed answer's own explanation leads, without its "Right:" verdict.
                    rationale: "X fills the sixth place so that A is seventh. Fill empty places before a 7th character with X.",
                    seed: 3,
                    grading: [
                        GradedAnswer(text: "S01.01XA", credit: 100, feedback: "Right: X fills the sixth place so that A is seventh."),
                        GradedAnswer(text: "S01.01A", credit: 0, feedback: "Wrong: the 7th character must sit in the seventh place."),
                    ]))
    }

    @Test func numericalIsAnEntryWithRangesForEveryAnswer() throws {
        #expect(
            try AuthoredFixture.question("global-days")
                == Question(
                    id: "gift:fixture/global-days#3", item: "gift:fixture/global-days", kind: .numerical, code: "",
                    stem: "How many days does a 90-day global period cover in all?",
                    options: [], answer: CorrectAnswer(label: nil, text: "92"),
                    rationale: "The day before, the day of surgery and 90 days after. Major surgery: 92 days in all.", seed: 3,
                    grading: [
                        GradedAnswer(
                            min: 92, max: 92, credit: 100, feedback: "Right: the day before, the day of surgery and 90 days after."),
                        GradedAnswer(min: 90, max: 90, credit: 0, feedback: "Wrong: add the day before and the day of surgery."),
                        GradedAnswer(credit: 0, feedback: "Count the day before, the day of surgery and the 90 days after."),
                    ]))
        let tolerance = try AuthoredFixture.question("half-unit")
        #expect(tolerance.answer == CorrectAnswer(label: nil, text: "5 ± 0.5"))
        #expect(tolerance.grading == [GradedAnswer(min: 4.5, max: 5.5, credit: 100)])
        #expect(tolerance.rationale == "")
        let range = try AuthoredFixture.question("range")
        #expect(range.answer == CorrectAnswer(label: nil, text: "1 to 3"))
        #expect(range.grading == [GradedAnswer(min: 1, max: 3, credit: 100)])
    }

    @Test func matchingNumbersThePromptsInTheStemAndLettersTheShuffledAnswers() throws {
        var expected = Question(
            id: "gift:fixture/seventh#3", item: "gift:fixture/seventh", kind: .matching, code: "",
            stem: """
                Match each 7th character with its encounter.

                1. A
                2. D
                3. S

                Type the letter that goes with each numbered item, in order (3 letters).
                """,
            // Labels skip A, D and S, the letters being matched.
            options: [
                QuestionOption(label: "B", text: "an unrelated visit", correct: false, rationale: "Goes with none of the items."),
                QuestionOption(label: "C", text: "a sequela", correct: true, rationale: "Goes with 3 (S)."),
                QuestionOption(label: "E", text: "active treatment", correct: true, rationale: "Goes with 1 (A)."),
                QuestionOption(label: "F", text: "routine care while healing", correct: true, rationale: "Goes with 2 (D)."),
            ],
            answer: CorrectAnswer(label: "E,F,C", text: "A → active treatment; D → routine care while healing; S → a sequela"),
            rationale: "A is for every encounter with active treatment.", seed: 3)
        expected.prompts = ["A", "D", "S"]
        #expect(try AuthoredFixture.question("seventh") == expected)
        let object = try JSONSerialization.jsonObject(with: jsonBytes(expected)) as! [String: Any]
        #expect(object["prompts"] as? [String] == ["A", "D", "S"])
        #expect(object["multipleAnswers"] == nil)
    }

    @Test func authoredQuestionsEncodeTheContractAndGradingOnlyForTypedKinds() throws {
        let choice = try JSONSerialization.jsonObject(with: jsonBytes(AuthoredFixture.question("bilateral"))) as! [String: Any]
        #expect(choice.keys.sorted() == ["answer", "code", "id", "item", "kind", "options", "rationale", "seed", "stem"])
        let typed = try AuthoredFixture.question("global-days")
        let object = try JSONSerialization.jsonObject(with: jsonBytes(typed)) as! [String: Any]
        #expect(object.keys.sorted() == ["answer", "code", "grading", "id", "item", "kind", "options", "rationale", "seed", "stem"])
        #expect(try JSONDecoder().decode(Question.self, from: jsonBytes(typed)) == typed)
    }
}
