import CodingContent
import Determinism
import Questions
import Testing

@testable import Drill

@Suite struct ExamDrawTests {
    @Test func sharesAreRoundedByLargestRemainderAndAddUp() {
        #expect(Blueprint.allocate(10, shares: [40, 40, 20]) == [4, 4, 2])
        #expect(Blueprint.allocate(7, shares: [40, 40, 20]) == [3, 3, 1])
        #expect(Blueprint.allocate(3, shares: [1, 1, 1, 1]) == [1, 1, 1, 0])
        #expect(Blueprint.allocate(0, shares: [50, 50]) == [0, 0])
        #expect(miniBlueprint.allocation(total: 100) == [40, 40, 20])
    }

    @Test func anItemCountsForItsKindPartBeforeItsTagOrAreaPart() {
        let blueprint = Blueprint(
            id: "b", name: "b", questionCount: 10, minutes: 10, passPercent: 70,
            parts: [part("Hips", .area("Musculoskeletal System"), 50), part("Tagged", .tag("cpc"), 25), part("Dx", .kind("diagnosis"), 25)])
        #expect(blueprint.part(area: "Musculoskeletal System", tags: ["cpc"], kind: "diagnosis") == 2)
        #expect(blueprint.part(area: "Musculoskeletal System", tags: ["CPC"], kind: "vignette") == 1)
        #expect(blueprint.part(area: "musculoskeletal system", tags: [], kind: "vignette") == 0)
        #expect(blueprint.part(area: "Digestive System", tags: [], kind: "vignette") == nil)
    }

    @Test func questionsAreGroupedByPartWithoutRepeatsAndWithoutExcludedKinds() {
        let draw = ExamDraw.draw(blueprint: miniBlueprint, items: fixtureCatalog.items, count: 10, seed: 7)
        #expect(draw.wanted == [4, 4, 2])
        #expect(draw.drawn == [4, 4, 2])
        #expect(draw.notes == [])
        #expect(draw.questions.map(\.part) == [0, 0, 0, 0, 1, 1, 1, 1, 2, 2])
        #expect(Set(draw.questions.map(\.item)).count == 10)
        for question in draw.questions {
            let item = fixtureCatalog.item(id: question.item)!
            #expect(item.kind != .pcs)
            #expect(miniBlueprint.part(area: item.area, tags: item.tags, kind: item.kind.rawValue) == question.part)
            #expect(question.seed < 1 << 31)
        }
    }

    @Test func theSameSeedDrawsTheSameExamAndAnotherSeedAnother() {
        let first = ExamDraw.draw(blueprint: miniBlueprint, items: fixtureCatalog.items, count: 10, seed: 7)
        #expect(ExamDraw.draw(blueprint: miniBlueprint, items: fixtureCatalog.items, count: 10, seed: 7) == first)
        let other = ExamDraw.draw(blueprint: miniBlueprint, items: fixtureCatalog.items, count: 10, seed: 8)
        #expect(other.questions.map(\.item) != first.questions.map(\.item))
    }

    @Test func anEmptyPartIsFilledFromTheOthersInProportionAndSaysSo() {
        let blueprint = Blueprint(
            id: "b", name: "b", questionCount: 10, minutes: 10, passPercent: 70,
            parts: [
                part("Hips", .area("Musculoskeletal System"), 40), part("Gallbladder", .area("Digestive System"), 40),
                part("Modifiers", .tag("modifiers"), 20),
            ])
        let draw = ExamDraw.draw(blueprint: blueprint, items: fixtureCatalog.items, count: 10, seed: 3)
        #expect(draw.wanted == [4, 4, 2])
        #expect(draw.drawn == [5, 5, 0])
        #expect(draw.notes == ["Modifiers: 2 questions wanted, the library has none; filled from the other parts"])
        #expect(draw.questions.count == 10)
    }

    @Test func aShortPartGivesAllItHasAndTheRestComesFromTheOthers() {
        let blueprint = Blueprint(
            id: "b", name: "b", questionCount: 10, minutes: 10, passPercent: 70,
            parts: [part("Dx", .kind("diagnosis"), 90), part("Gallbladder", .area("Digestive System"), 10)])
        let draw = ExamDraw.draw(blueprint: blueprint, items: fixtureCatalog.items, count: 10, seed: 3)
        #expect(draw.wanted == [9, 1])
        #expect(draw.drawn == [6, 4])
        #expect(draw.notes == ["Dx: 9 questions wanted, the library has only 6; filled from the other parts"])
    }

    @Test func aLibraryTooSmallForTheExamGivesAShorterOneAndSaysSo() {
        let draw = ExamDraw.draw(blueprint: miniBlueprint, items: fixtureCatalog.items, count: 100, seed: 1)
        #expect(draw.drawn == [13, 11, 6])
        #expect(draw.questions.count == 30)
        #expect(Set(draw.questions.map(\.item)).count == 30)
        #expect(
            draw.notes == [
                "Musculoskeletal System: 40 questions wanted, the library has only 13; filled from the other parts",
                "Digestive System: 40 questions wanted, the library has only 11; filled from the other parts",
                "ICD-10-CM diagnosis coding: 20 questions wanted, the library has only 6; filled from the other parts",
                "the library has only 30 questions for this blueprint, so the exam has 30 instead of 100",
            ])
    }
}

@Suite struct ExamInputTests {
    @Test func commandsAreRecognised() {
        #expect(ExamInput(line: "n") == .next)
        #expect(ExamInput(line: " P ") == .previous)
        #expect(ExamInput(line: "g 42") == .go(42))
        #expect(ExamInput(line: "goto 7") == .go(7))
        #expect(ExamInput(line: "f") == .flag)
        #expect(ExamInput(line: "l") == .list)
        #expect(ExamInput(line: "SUBMIT") == .submit)
        #expect(ExamInput(line: "y") == .yes)
        #expect(ExamInput(line: "no") == .no)
        #expect(ExamInput(line: "q") == .quit)
        #expect(ExamInput(line: "?") == .help)
        #expect(ExamInput(line: "") == .empty)
    }

    @Test func answersKeepTheirConfidenceAndCodesStartingWithGStayAnswers() {
        #expect(ExamInput(line: "b") == .answer("b", .plain))
        #expect(ExamInput(line: "c?") == .answer("c", .unsure))
        #expect(ExamInput(line: "27284-RT !") == .answer("27284-RT", .sure))
        #expect(ExamInput(line: "G0105") == .answer("G0105", .plain))
    }

    @Test func aGoToWithoutANumberSaysWhatToType() {
        #expect(ExamInput(line: "g") == .invalid("type g and a question number, for example g 42"))
        #expect(ExamInput(line: "g x") == .invalid("type g and a question number, for example g 42"))
    }
}
