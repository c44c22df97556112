import CodingContent
import Foundation
import Testing

@testable import Questions

@Suite struct AuthoredItemCatalogTests {
    let catalog = AuthoredFixture.catalog

    @Test func authoredQuestionsBecomeItemsAfterTheGeneratedOnes() {
        #expect(AuthoredFixture.bank.diagnostics == [])
        let generated = TestLibraries.fixtureGenerator.items
        #expect(Array(catalog.items.prefix(generated.count)) == generated)
        let authored = catalog.items.dropFirst(generated.count)
        #expect(
            authored.map(\.id) == [
                "gift:fixture/bilateral", "gift:fixture/add-on-alone", "gift:fixture/side-modifiers", "gift:fixture/decision",
                "gift:fixture/placeholder", "gift:fixture/seventh", "gift:fixture/global-days", "gift:fixture/half-unit",
                "gift:fixture/range",
            ])
        #expect(
            authored.map(\.kind) == [
                .choice, .trueFalse, .multipleAnswer, .choice, .shortAnswer, .matching, .numerical, .numerical, .numerical,
            ])
        #expect(
            authored.map(\.area) == [
                "Coding rules", "Coding rules", "Coding rules", "Coding rules", "Coding rules", "Coding rules",
                "Global Surgery", "Global Surgery", "Global Surgery",
            ])
    }

    @Test func anAuthoredItemCarriesTheBanksTagsCategoryAndFile() {
        #expect(catalog.item(id: "gift:fixture/bilateral") == Item(authored: AuthoredFixture.bank.questions[0]))
        let item = catalog.item(id: "gift:fixture/bilateral")!
        #expect(item.kind == .choice && item.tags == ["cpc", "modifiers"] && item.category == ["coding-rules", "modifiers"])
        #expect(item.code == "" && item.system == nil && item.family == nil && item.section == [])
        #expect(item.path == "QuestionBanks/fixture.gift")
        #expect(Item.area(category: []) == "Question bank")
        #expect(Item.area(category: ["icd_10-cm", "x"]) == "Icd 10 cm")
    }

    @Test func essaysAreInTheCatalogButAreNotItems() {
        #expect(catalog.item(id: "gift:fixture/essay") == nil)
        #expect(catalog.authoredQuestion(id: "gift:fixture/essay")?.kind == .essay)
        let error = QuestionGenerationError.unavailable(
            "gift:fixture/essay", reason: "it is an essay question, graded by a person, so it is not drilled")
        #expect(catalog.problem(itemID: "gift:fixture/essay") == error)
        #expect(throws: error) { try catalog.question(itemID: "gift:fixture/essay", seed: 1) }
        #expect(throws: QuestionGenerationError.unknownItem("gift:fixture/nothing")) {
            try catalog.question(itemID: "gift:fixture/nothing", seed: 1)
        }
        #expect(catalog.problem(itemID: "cpt:27284/vignette") == nil)
        #expect(catalog.problem(itemID: "gift:fixture/range") == nil)
    }

    @Test func categoriesSelectWholeLeadingComponentsIgnoringCase() {
        func ids(_ categories: Set<String>, kinds: Set<String> = []) -> [String] {
            catalog.items(ItemSelection(kinds: kinds, categories: categories)).map(\.id)
        }
        #expect(ids(["coding-rules/ICD-10-CM"]) == ["gift:fixture/placeholder", "gift:fixture/seventh"])
        #expect(ids(["coding-rules/icd"]) == [])
        #expect(ids(["coding-rules"]).count == 6)
        #expect(
            ids(["global surgery/", "coding-rules/modifiers"], kinds: ["numerical", "true-false"])
                == ["gift:fixture/add-on-alone", "gift:fixture/global-days", "gift:fixture/half-unit", "gift:fixture/range"])
        // A generated item's category is its procedure's section.
        #expect(ids(["Surgery/Digestive System"]) == catalog.items.filter { $0.area == "Digestive System" }.map(\.id))
        #expect(
            catalog.items(ItemSelection(tags: ["add-on", "icd-10-cm"])).map(\.id)
                == ["gift:fixture/add-on-alone", "gift:fixture/placeholder", "gift:fixture/seventh"])
    }

    @Test func theShippedBanksDrillableQuestionsAreAllItemsThatRenderAndJudge() throws {
        let shipped = try #require(TestLibraries.shipped)
        let library = shipped.library
        let catalog = shipped.catalog
        let drillable = library.bank.questions.filter { QuestionKind(authored: $0.kind) != nil }
        #expect(drillable.count == library.bank.questions.count)
        #expect(drillable.count >= 40)
        let items = catalog.items.filter(\.kind.isAuthored)
        #expect(items.map(\.id) == drillable.map(\.id))
        #expect(Set(items.map(\.kind)) == Set(QuestionKind.authored))
        #expect(Set(items.map(\.area)) == ["Coding rules", "Compliance", "Terminology and anatomy"])
        for item in items {
            for seed: UInt64 in 1...3 {
                let question = try catalog.question(itemID: item.id, seed: seed)
                #expect(question.kind == item.kind && question.item == item.id && question.id == "\(item.id)#\(seed)")
                #expect(question.kind.isEntry == question.options.isEmpty, "\(item.id)")
                #expect(question.judge(response: question.answer.label ?? question.answer.text).correct, "\(item.id)")
                #expect(!question.rationale.isEmpty, "\(item.id)")
                if !question.kind.isEntry {
                    let garbage = question.judge(response: "@@")
                    #expect(garbage.chosenLabel == nil && !garbage.correct && !garbage.isRecognised, "\(item.id)")
                }
            }
        }
    }
}
