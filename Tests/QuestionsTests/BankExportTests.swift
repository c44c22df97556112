import CodingContent
import Foundation
import QuestionBanks
import Testing

@testable import Questions

@Suite struct BankExportTests {
    @Test func aGeneratedChoiceQuestionBecomesGIFTMultipleChoiceWithItsRationales() throws {
        let catalog = AuthoredFixture.catalog
        let item = catalog.item(id: "cpt:27284/vignette")!
        let question = try catalog.question(itemID: item.id, seed: 1)
        let exported = BankExport.authoredQuestion(question, item: item)
        #expect(
            exported
                == AuthoredQuestion(
                    id: "gift:cpt:27284/vignette", title: "CPT 27284 vignette", category: [item.area, item.family!], tags: item.tags,
                    text: question.stem, textFormat: .plain, kind: .multipleChoice,
                    answers: question.options.map { .init(text: $0.text, weight: $0.correct ? 100 : 0, feedback: $0.rationale) },
                    generalFeedback: question.rationale))
        #expect(item.area == "Musculoskeletal System" && item.family == "hip-arthrodesis")
    }

    @Test func aGeneratedEntryQuestionBecomesShortAnswer() throws {
        let catalog = AuthoredFixture.catalog
        let item = catalog.item(id: "cpt:27284/vignette-entry")!
        let question = try catalog.question(itemID: item.id, seed: 4)
        let exported = BankExport.authoredQuestion(question, item: item)
        #expect(exported.kind == .shortAnswer)
        #expect(exported.answers == [AuthoredQuestion.WeightedAnswer(text: question.answer.text, weight: 100)])
        #expect(exported.generalFeedback == question.rationale)
    }

    @Test func exportHasTheWholeBankThenOneRenderingPerGeneratedItem() {
        let catalog = AuthoredFixture.catalog
        let all = BankExport.questions(catalog, selection: .all, seed: 1)
        #expect(all.count == AuthoredFixture.bank.questions.count + TestLibraries.fixtureGenerator.items.count)
        #expect(Array(all.prefix(10)) == AuthoredFixture.bank.questions)
        let essays = BankExport.questions(catalog, selection: ItemSelection(kinds: ["essay"]), seed: 1)
        #expect(essays.map(\.id) == ["gift:fixture/essay"])
        let tagged = BankExport.questions(catalog, selection: ItemSelection(tags: ["modifiers"], kinds: ["multiple-answer"]), seed: 1)
        #expect(tagged.map(\.id) == ["gift:fixture/side-modifiers"])
    }

    @Test(arguments: [false, true])
    func exportedGIFTReadsBackToTheSameQuestions(shipped: Bool) throws {
        let catalog = shipped ? try #require(TestLibraries.shipped).catalog : AuthoredFixture.catalog
        let exported = BankExport.questions(catalog, selection: .all, seed: 7)
        let text = GIFTWriter.write(exported)
        let back = GIFTReader.parse(text: text, path: "export.gift")
        // The length cue is a warning about a question, not about the round trip: a generated contrast
        // keeps it where its file has no longer wrong finding (`QuestionGenerator.balanceLengths`).
        #expect(back.diagnostics.filter { !$0.message.hasPrefix("the right answer is the longest option by far") } == [])
        #expect(back.questions.map(\.withoutSource) == exported.map(\.withoutSource))
        #expect(GIFTWriter.write(back.questions) == text)
    }

    @Test func aikenKeepsTheSingleAnswerChoicesAndListsTheRest() {
        let exported = BankExport.questions(
            AuthoredFixture.catalog, selection: ItemSelection(categories: ["coding-rules/modifiers"]), seed: 1)
        let aiken = AikenWriter.write(exported)
        #expect(aiken.skipped.map(\.id) == ["gift:fixture/add-on-alone", "gift:fixture/side-modifiers"])
        #expect(
            aiken.text == """
                Which modifier reports a bilateral procedure?
                A. 50
                B. 51
                C. 59
                D. 76
                ANSWER: A

                Modifier _____ marks the decision for major surgery.
                A. 57
                B. 25
                C. 24
                ANSWER: A

                """)
    }
}
