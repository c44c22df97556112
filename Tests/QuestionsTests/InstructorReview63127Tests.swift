import CodingContent
import Foundation
import Testing

@testable import Questions

/// The generator fix for instructor review 63127 (its one item rated 1: a contrast on 36556 offered
/// the same tunneled-catheter finding twice, once leading to the under-5 code 36557 for an adult).
@Suite struct InstructorReview63127Tests {
    /// Two findings that say the same but a word or two are one option, not two.
    @Test func nearlyTheSameFindingIsARepeat() {
        let tunneled = FindingWords("The catheter is tunneled under the skin to an exit site away from the vein, for long-term use")
        let cuffed = FindingWords(
            "The catheter is tunneled under the skin to an exit site away from the vein, usually with a cuff, for long-term use")
        #expect(tunneled.repeats(cuffed) && cuffed.repeats(tunneled))
        // One word of five or more apart: the open and the laparoscopic cholangiogram read alike.
        #expect(
            FindingWords("Dye is injected into the ducts and x-ray pictures are taken during the open operation")
                .repeats(FindingWords("Dye is injected into the bile ducts and x-ray pictures are taken during the operation")))
        // Different facts about the same catheter are not.
        #expect(!tunneled.repeats(FindingWords("The catheter is tunneled and attached to a port implanted in a pocket under the skin")))
        // Too few words to judge.
        #expect(!FindingWords("The whole lesion").repeats(FindingWords("The whole lesion is removed")))
    }

    /// The reviewed item: four different findings, the adult's tunneled catheter once, leading to 36558.
    @Test func theReviewedCentralLineContrastOffersEachFindingOnce() throws {
        let generator = try #require(TestLibraries.all.first { $0.name == "shipped" }).shared.generator
        let q = try generator.generate(itemID: "cpt:36556/contrast", seed: 63127)
        #expect(
            q.options.map(\.text) == [
                "The catheter is tunneled and attached to a port implanted in a pocket under the skin",
                "The catheter is inserted through a vein of the arm under imaging guidance and advanced until its tip is central",
                "The patient is younger than five years old",
                "The catheter is tunneled under the skin to an exit site away from the vein, usually with a cuff, for long-term use",
            ])
        #expect(q.options.first { $0.text.contains("usually with a cuff") }?.rationale.contains("36558") == true)
    }

    /// Over the shipped library, no contrast offers two options that repeat each other.
    @Test(arguments: TestLibraries.all)
    func noContrastOffersTheSameFindingTwice(_ named: NamedLibrary) async throws {
        let generator = await named.questions()
        for item in generator.items where item.kind == .contrast {
            for seed: UInt64 in 1...2 {
                let q = try generator.generate(item: item, seed: seed)
                let words = q.options.map { FindingWords($0.text) }
                for a in words.indices {
                    for b in words.indices where b > a {
                        #expect(!words[a].repeats(words[b]), "\(q.id): \(q.options[a].text) / \(q.options[b].text)")
                    }
                }
            }
        }
    }
}
