import CodingContent
import Foundation
import Testing

@testable import Questions

/// The generator defects the CPC instructor's reviews of seeds 61847 and 23509 named: 7th-character
/// distractors that run the wrong way, an "other side" that is also another stage, and contrast
/// options that leave the key the only one in its own terms.
@Suite struct InstructorReview61847Tests {
    static let generator = TestLibraries.shipped!.shared.generator

    @Test func aLaterEncounterOfTheKeysOwnInjuryIsNeverOfferedForActiveTreatment() throws {
        #expect(DiagnosisDistractors.isLaterEncounter("S62024D", of: "S62024A"))
        #expect(DiagnosisDistractors.isLaterEncounter("S62024S", of: "S62024A"))
        #expect(DiagnosisDistractors.isLaterEncounter("T161XXD", of: "T161XXA"))
        // Another injury, or the other direction, is not this rule's business.
        #expect(!DiagnosisDistractors.isLaterEncounter("S62025D", of: "S62024A"))
        #expect(!DiagnosisDistractors.isLaterEncounter("S52531A", of: "S52531D"))
        #expect(!DiagnosisDistractors.isLaterEncounter("S62024B", of: "S62024A"))
        // Over every diagnosis and code-set question of the shipped library keyed with an initial
        // encounter: no option carries the key's own code with a later 7th character.
        var checked = 0
        for item in Self.generator.items where item.kind == .diagnosis || item.kind == .codeSet {
            for seed: UInt64 in 1...2 {
                let q = try Self.generator.generate(item: item, seed: seed)
                let keyCodes = Self.diagnosisCodes(in: q.answer.text).filter { $0.count == 7 && "ABC".contains($0.last!) }
                guard !keyCodes.isEmpty else { continue }
                checked += 1
                for option in q.options where !option.correct {
                    for code in Self.diagnosisCodes(in: option.text) {
                        #expect(!keyCodes.contains { DiagnosisDistractors.isLaterEncounter(code, of: $0) }, "\(q.id): \(option.text)")
                    }
                }
            }
        }
        #expect(checked > 100)
    }

    @Test func aCastChangeDuringHealingMeetsTheInitialEncounterCodeWithTheRuleBehindIt() throws {
        for seed: UInt64 in 1...8 {
            let q = try Self.generator.generate(itemID: "cpt:29075/diagnosis", seed: seed)
            let key = q.answer.text
            #expect(key.hasSuffix("D"), "\(q.id)")
            let initial = String(key.dropLast()) + "A"
            let option = try #require(q.options.first { $0.text == initial }, "\(q.id) offers \(q.options.map(\.text))")
            #expect(
                option.rationale.hasPrefix(
                    "\(initial) (Colles' fracture of \(key.contains("531") ? "right" : "left") radius, initial encounter for closed fracture) is the same injury with another 7th character, which marks active treatment of the injury (initial encounter); this encounter is routine care while the injury heals, after active treatment (subsequent encounter), so the 7th character is D."
                ))
        }
        #expect(DiagnosisTitles.encounter(of: "S52531S") == "a sequela, a condition left behind by the injury")
        #expect(DiagnosisTitles.encounter(of: "M1652") == nil)
        #expect(DiagnosisTitles.difference("S52531A", from: "S52531D") == "the episode of care (7th character)")
    }

    @Test func theOtherSideIsTheSameConditionAtTheSameStage() throws {
        let q = try Self.generator.generate(itemID: "cpt:65855/diagnosis", seed: 23509)
        #expect(q.answer.text == "H40.1122")
        // The author's three traps (the other stages, another type of the same stage) fill the
        // options, so no laterality option is drawn; where one is, it is the unspecified eye at the
        // same moderate stage (it takes the other side's place, H40.1112), not H40.1191, the mild stage.
        #expect(q.options.map(\.text) == ["H40.1123", "H40.1121", "H40.1122", "H40.1322"])
        #expect(!q.options.contains { $0.rationale.contains("leaves the side unspecified") })
        #expect(LibraryIndex.unspecifiedSide(of: "H401122", counterpart: "H401112") == "H401192")
        // Carpal tunnel: 0 is the unspecified limb, 3 both (not offered as "unspecified"); the
        // clavicle's unspecified side is its 3.
        #expect(LibraryIndex.unspecifiedSide(of: "G5601", counterpart: "G5602") == "G5600")
        #expect(LibraryIndex.unspecifiedSide(of: "S42022A", counterpart: "S42021A") == "S42023A")
    }

    /// The codes of an answer or option text: its comma-separated parts that look like ICD-10-CM
    /// codes, without the dot.
    static func diagnosisCodes(in text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            $0.first?.isLetter == true && $0.contains(".")
        }.map { $0.replacingOccurrences(of: ".", with: "") }
    }
}
