import Foundation
@testable import Questions
import Testing

@Suite struct ItemTests {
    @Test func fixtureLibraryHasEveryKindForEveryProcedureInPathOrder() {
        let items = TestLibraries.fixtureGenerator.items
        let codes = ["47562", "47563", "47600", "27130", "27284", "27286"]
        #expect(items.map(\.id) == codes.flatMap { code in QuestionKind.generated.map { "cpt:\(code)/\($0.rawValue)" } })
        let first = items[0]
        #expect(first.code == "47562" && first.kind == .vignette && first.family == "cholecystectomy")
        #expect(first.area == "Digestive System" && first.tags == ["cpc", "digestive"])
        #expect(first.path.hasSuffix("Content/gallbladder/47562.md"))
    }

    @Test func itemIDsParseIntoPrefixAndKind() {
        #expect(Item.parse(id: "cpt:27284/vignette-entry")! == ("cpt:27284", .vignetteEntry))
        #expect(Item.parse(id: "pcs:0SG904Z/pcs")! == ("pcs:0SG904Z", .pcs))
        #expect(Item.parse(id: "cpt:27284/essay") == nil)
        #expect(Item.parse(id: "27284/vignette") == nil)
        #expect(Item.parse(id: "cpt:27284/choice") == nil)
        #expect(Item.parse(id: "gift:modifiers/vignette") == nil)
    }

    @Test func aLoneProcedureHasOnlyTheKindsThatNeedNoOtherProcedure() {
        let alone = syntheticProcedure(code: "27284", family: "hip", steps: ["One was done.", "Two was done.", "Three was done."])
        let generator = QuestionGenerator(procedures: [alone])
        #expect(generator.items.map(\.kind) == [.vignetteEntry, .nextStep])
        #expect(generator.problem(itemID: "cpt:27284/vignette")
            == .unavailable("cpt:27284/vignette", reason: "27284 cannot have vignette questions: the library has no other CPT code to offer as a wrong option"))
        #expect(generator.problem(itemID: "cpt:27284/pcs")
            == .unavailable("cpt:27284/pcs", reason: "27284 cannot have pcs questions: it has no ICD-10-PCS crosswalk"))
        #expect(generator.problem(itemID: "cpt:99999/vignette") == .unknownItem("cpt:99999/vignette"))
        #expect(throws: QuestionGenerationError.self) { try generator.generate(itemID: "cpt:27284/contrast", seed: 1) }
    }

    @Test func aTwoCodeLibraryStillMakesVignettesWithTwoOptions() throws {
        let generator = QuestionGenerator(procedures: [
            syntheticProcedure(code: "27284", family: "hip", steps: ["The hip was opened.", "The hip was fused.", "The wound was closed."],
                               indications: ["Hip arthritis"]),
            syntheticProcedure(code: "47562", family: "gallbladder", section: "Surgery/Digestive System/Biliary Tract",
                               steps: ["Ports were placed.", "The gallbladder was removed.", "The ports were closed."],
                               indications: ["Gallstones", "Hip arthritis"]),
        ])
        let q = try generator.generate(itemID: "cpt:27284/vignette", seed: 3)
        #expect(q.options.map(\.text).sorted() == ["27284", "47562"])
        #expect(generator.items(code: "27284").map(\.kind) == [.vignette, .vignetteEntry, .indication, .nextStep, .notIncluded])
        // An indication both procedures list is never a wrong option.
        let indication = try generator.generate(itemID: "cpt:27284/indication", seed: 1)
        #expect(indication.options.map(\.text).sorted() == ["Gallstones.", "Hip arthritis."])
    }

    @Test func familyMembersAreNeverEachOthersIndicationOrForeignStep() {
        let generator = QuestionGenerator(procedures: [
            syntheticProcedure(code: "27284", family: "hip", steps: ["The hip was opened.", "The joint was fused.", "The wound was closed."],
                               indications: ["Arthritis"]),
            syntheticProcedure(code: "27286", family: "hip", steps: ["The hip was opened.", "The femur was cut.", "The wound was closed."],
                               indications: ["Deformity"]),
        ])
        #expect(generator.items(code: "27284").map(\.kind) == [.vignette, .vignetteEntry, .nextStep])
    }
}
