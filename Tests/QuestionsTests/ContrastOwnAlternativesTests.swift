import CodingContent
import Foundation
import Testing

@testable import Questions

/// The contrast rules of instructor reviews 77291 and 89793: a contrast asks about one of the file's
/// nearest alternatives, and a finding taken from another file never names the code it would make.
@Suite struct ContrastOwnAlternativesTests {
    private static let shipped: QuestionGenerator? = TestLibraries.all.first { $0.name == "shipped" }?.shared.generator

    /// 13101's first four alternatives are 13121, 13132, 12032 and 12002; 12011 (site, repair and
    /// length all different) is never the code asked about.
    @Test func aContrastAsksAboutOneOfTheFilesFirstFourAlternatives() throws {
        let generator = try #require(Self.shipped)
        var asked: Set<String> = []
        for seed: UInt64 in 1...24 {
            let q = try generator.generate(itemID: "cpt:13101/contrast", seed: seed)
            let target = try #require(q.stem.split(separator: " ").dropLast().last.map(String.init))
            asked.insert(target)
        }
        #expect(asked.isSubset(of: ["13121", "13132", "12032", "12002"]), "\(asked)")
        #expect(asked.count >= 2)
    }

    /// In a cheek lesion's 11442 contrast, no option claims the note would become a trunk code
    /// (11602, 11603): the malignancy findings of 11402 and 11403 are not 11442's own.
    @Test func anotherFilesFindingNamesNoCodeForThisNote() throws {
        let generator = try #require(Self.shipped)
        for seed: UInt64 in 1...24 {
            let q = try generator.generate(itemID: "cpt:11442/contrast", seed: seed)
            for option in q.options where !option.correct {
                #expect(!option.rationale.contains("11602") && !option.rationale.contains("11603"), "\(q.id): \(option.rationale)")
                #expect(
                    option.rationale.hasPrefix("That finding would change the code to ")
                        || option.rationale.hasPrefix("That finding does not make this note "), "\(q.id): \(option.rationale)")
            }
        }
    }
}
