import Foundation
import Testing

@testable import Questions

@Suite struct ItemTests {
    @Test func fixtureLibraryListsProceduresInPathOrderAndKindsInKindOrder() {
        let items = TestLibraries.fixtureGenerator.items
        let common: [QuestionKind] = [.vignette, .vignetteEntry, .contrast, .codeSet, .pcs, .diagnosis]
        let noContrast = common.filter { $0 != .contrast }
        let gallbladder: [String] = ["47562", "47563"].flatMap { code in common.map { "cpt:\(code)/\($0.rawValue)" } }
        // 47600 has no contrast: of its findings for 47562, the open and the laparoscopic
        // cholangiogram say the same but one word, so one goes and fewer than three remain.
        let open: [String] = noContrast.map { "cpt:47600/\($0.rawValue)" }
        // 27130 has no contrast: its one alternative's family offers no three findings of its own
        // (a hip fusion finding in a hip replacement question misleads nobody).
        let hip: [String] = noContrast.map { "cpt:27130/\($0.rawValue)" }
        let fusion: [String] = QuestionKind.generated.filter { $0 != .emLevel && !$0.isUnitCount }.map { "cpt:27284/\($0.rawValue)" }
        let other: [String] = common.map { "cpt:27286/\($0.rawValue)" }
        let expected: [String] = gallbladder + open + hip + fusion + other
        #expect(items.map(\.id) == expected)
        let first = items[0]
        #expect(first.code == "47562" && first.kind == .vignette && first.family == "cholecystectomy")
        #expect(first.area == "Digestive System" && first.tags == ["cpc", "digestive"])
        #expect(first.path.hasSuffix("Content/gallbladder/47562.md"))
    }

    @Test func pcsItemsAreForCCSStyleExamsAndNeverTaggedCPC() {
        let items = TestLibraries.fixtureGenerator.items
        let pcs = items.first { $0.id == "cpt:27284/pcs" }!
        #expect(pcs.tags == ["musculoskeletal", "ccs"])
        #expect(items.first { $0.id == "cpt:27284/vignette" }!.tags == ["cpc", "musculoskeletal"])
        #expect(TestLibraries.fixtureGenerator.items.filter { ItemSelection(tags: ["cpc"]).matches($0) }.allSatisfy { $0.kind != .pcs })
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
        #expect(generator.items.map(\.kind) == [.vignetteEntry])
        #expect(
            generator.problem(itemID: "cpt:27284/vignette")
                == .unavailable(
                    "cpt:27284/vignette",
                    reason:
                        "27284 cannot have vignette questions: it has fewer than three family members and alternatives ('instead') to offer as wrong codes"
                ))
        #expect(
            generator.problem(itemID: "cpt:27284/pcs")
                == .unavailable("cpt:27284/pcs", reason: "27284 cannot have pcs questions: it has no ICD-10-PCS crosswalk"))
        #expect(generator.problem(itemID: "cpt:99999/vignette") == .unknownItem("cpt:99999/vignette"))
        #expect(throws: QuestionGenerationError.self) { try generator.generate(itemID: "cpt:27284/contrast", seed: 1) }
    }

    @Test func retiredKindsAreNoLongerItemsAndSayWhy() {
        let generator = TestLibraries.fixtureGenerator
        #expect(!generator.items.contains { $0.kind.isRetired })
        #expect(
            generator.problem(itemID: "cpt:27284/next-step")
                == .unavailable(
                    "cpt:27284/next-step",
                    reason:
                        "27284 cannot have next-step questions: next-step questions are retired: they tested the operation, not its coding")
        )
        #expect(generator.item(id: "cpt:27284/indication") == nil)
    }

    @Test func aCodeWithFewerThanThreeFamilyMembersAndAlternativesHasNoVignette() throws {
        let generator = QuestionGenerator(procedures: [
            syntheticProcedure(
                code: "27284", family: "hip", steps: ["The hip was opened.", "The hip was fused.", "The wound was closed."],
                indications: ["Hip arthritis"]),
            syntheticProcedure(
                code: "27130", family: "hip-replacement",
                steps: ["The hip was opened.", "A cup and stem were implanted.", "The wound was closed."]),
        ])
        // 27130 is another family at the same site, not an alternative: it is no wrong option, and
        // an exam question needs three wrong options, so there is no vignette (before the review fix
        // it was a two-option vignette).
        #expect(generator.items(code: "27284").map(\.kind) == [.vignetteEntry])
        #expect(generator.item(id: "cpt:27284/vignette") == nil)
    }

    @Test func aCodeOfAnotherBodySystemIsNeverADistractor() {
        let generator = QuestionGenerator(procedures: [
            syntheticProcedure(
                code: "27284", family: "hip", steps: ["The hip was opened.", "The hip was fused.", "The wound was closed."]),
            syntheticProcedure(
                code: "47562", family: "gallbladder", section: "Surgery/Digestive System/Biliary Tract",
                steps: ["Ports were placed.", "The gallbladder was removed.", "The ports were closed."]),
        ])
        #expect(generator.items(code: "27284").map(\.kind) == [.vignetteEntry])
    }
}
