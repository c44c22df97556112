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

    /// Two findings that differ by an amount are two codes, not one finding said twice: J1040's
    /// contrast for J1030 (40 mg) offers J1020's 20 mg, and the file's first alternative after the key
    /// (J1020, described outside the library) is the one the rationale names, not J1100's dexamethasone.
    @Test func findingsThatDifferByAnAmountAreBothOffered() throws {
        #expect(
            !FindingWords("the dose of methylprednisolone acetate given is 20 mg").repeats(
                FindingWords("the dose of methylprednisolone acetate given is 40 mg")))
        #expect(
            !FindingWords("the patient is younger than five").repeats(FindingWords("the patient is younger than twelve")))
        // The one-word rule still holds where no amount differs.
        #expect(
            FindingWords("the tunneled catheter is placed through a small neck incision").repeats(
                FindingWords("the tunneled catheter is placed through a neck incision")))
        let generator = try #require(Self.shipped)
        var asked = 0
        for seed: UInt64 in 1...12 {
            let q = try generator.generate(itemID: "hcpcs:J1040/contrast", seed: seed)
            guard q.stem.hasSuffix("for the code to be J1030 instead?") else { continue }
            asked += 1
            #expect(q.options.contains { $0.text == "The dose of methylprednisolone acetate given is 20 mg" && !$0.correct })
            let key = try #require(q.options.first { $0.correct })
            #expect(key.text == "The dose of methylprednisolone acetate given is 40 mg")
            #expect(
                key.rationale.hasSuffix(
                    "One wrong option, “The dose of methylprednisolone acetate given is 20 mg”, would make the note J1020 (methylprednisolone acetate injection, 20 mg)."
                ), "\(key.rationale)")
        }
        #expect(asked > 0)
    }

    /// A key that stands out by its length takes the longest wrong finding not drawn in place of the
    /// shortest drawn one after the lead; the lead stays, and nothing changes when no longer one exists.
    @Test func aKeyThatStandsOutByLengthGetsALongerWrongFinding() {
        func choice(_ text: String, _ correct: Bool = false) -> Choice { Choice(text: text, correct: correct, rationale: "") }
        let key = choice("The patient has no pacemaker yet, and both leads and a generator are implanted", true)
        let lead = choice("The generator alone is replaced")
        let short = choice("Only one lead is placed")
        let medium = choice("The leads are placed through a vein in the chest")
        let long = choice("A leadless pacemaker is placed in the right ventricle through a catheter")
        var choices = [key, lead, medium, short]
        QuestionGenerator.balanceLengths(&choices, wrong: [lead, medium, short, long])
        #expect(choices.map(\.text) == [key.text, lead.text, medium.text, long.text])
        var none = [key, lead, medium, short]
        QuestionGenerator.balanceLengths(&none, wrong: [lead, medium, short])
        #expect(none.map(\.text) == [key.text, lead.text, medium.text, short.text])
        // A key that does not stand out keeps the drawn findings.
        let plain = choice("Both leads and a generator are implanted", true)
        var balanced = [plain, lead, medium, short]
        QuestionGenerator.balanceLengths(&balanced, wrong: [lead, medium, short, long])
        #expect(balanced.map(\.text) == [plain.text, lead.text, medium.text, short.text])
    }
}
