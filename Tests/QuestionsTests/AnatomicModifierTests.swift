import CodingContent
import Foundation
import Testing

@testable import Questions

/// A finger, toe or eyelid is reported with the anatomic modifier that names it (F6, the right index
/// finger), not with RT or LT.
@Suite struct AnatomicModifierTests {
    static let generator = TestLibraries.shipped!.shared.generator
    let rightIndex = JudgementTests.entry("20604-F6", code: "20604")

    @Test func anatomicModifiersNameTheirSideAndSite() {
        #expect(AnatomicModifier.named.count == 24)
        let f6 = AnatomicModifier.named["F6"]
        #expect(f6?.side == .right)
        #expect(f6?.site == "the right index finger")
        #expect(f6?.structure == "a finger")
        #expect(AnatomicModifier.named["FA"]?.site == "the left thumb")
        #expect(AnatomicModifier.named["T9"]?.site == "the right fifth toe")
        #expect(AnatomicModifier.named["E2"]?.site == "the left lower eyelid")
        #expect(AnatomicModifier.side(of: "F1") == .left)
        #expect(AnatomicModifier.side(of: "59") == nil)
        #expect(
            ModifierGlossary.described("T5")
                == "modifier T5 (the procedure was on the right great toe, which this modifier names in place of RT or LT)")
    }

    @Test func aListedAnatomicModifierReplacesRTAndLTForItsSide() throws {
        let library = try #require(TestLibraries.shipped).library
        let p = try #require(library.procedures.first { $0.code == "20604" })
        #expect(p.sideModifier(for: .right) == "F6")
        #expect(p.sideModifier(for: .left) == "F1")
        #expect(p.sideModifier(for: .bilateral) == "50")
        #expect(p.modifiers.filter(\.isLaterality).map(\.modifier) == ["F6", "F1"])
        #expect(Self.generator.index[Self.generator.index.byCode["20604"]!].sides == [.right, .left])
    }

    @Test func theDigitModifierIsJudgedLikeRTAndLT() {
        #expect(
            rightIndex.judge(response: "20604 f6")
                == Judgement(correct: true, response: "20604-F6", modifierCorrect: true, modifierNote: "F6 matches the right index finger"))
        #expect(
            rightIndex.judge(response: "20604-F1")
                == Judgement(
                    correct: true, response: "20604-F1", modifierCorrect: false,
                    modifierNote: "F1 does not match: the scenario is on the right index finger (F6)"))
        #expect(
            rightIndex.judge(response: "20604-RT")
                == Judgement(
                    correct: true, response: "20604-RT", modifierCorrect: false,
                    modifierNote: "RT does not match: the scenario is on the right index finger (F6)"))
        #expect(
            rightIndex.judge(response: "20604")
                == Judgement(
                    correct: true, response: "20604", modifierCorrect: false,
                    modifierNote: "no laterality modifier given: the scenario is on the right index finger, so add F6"))
        #expect(
            JudgementTests.entry("47562", code: "47562").judge(response: "47562-F6").modifierNote
                == "F6 is not needed: this procedure is not reported by side")
    }

    @Test func theShippedCodeSetCarriesTheDigitModifierOfItsDiagnosisSide() throws {
        let q = try Self.generator.generate(itemID: "cpt:20604/code-set", seed: 1)
        #expect(q.answer.text == "20604-F6, M19.041")
        #expect(q.stem.contains("PROCEDURE: Ultrasound-guided injection of the right index finger proximal interphalangeal joint."))
        #expect(q.rationale.contains("The report names the right index finger, so the code takes F6."))
        let left = try Self.generator.generate(itemID: "cpt:20604/code-set", seed: 4)
        #expect(left.answer.text == "20604-F1, M19.042")
        for seed in UInt64(1)...12 {
            let key = try Self.generator.generate(itemID: "cpt:20604/code-set", seed: seed).answer.text
            #expect(["20604-F6, M19.041", "20604-F1, M19.042"].contains(key), "seed \(seed): \(key)")
        }
    }

    @Test func theShippedEntryAnswerCarriesTheDigitModifier() throws {
        let q = try Self.generator.generate(itemID: "cpt:20604/vignette-entry", seed: 1)
        #expect(q.answer.text == "20604-F6")
        #expect(q.stem.contains("PROCEDURE: Right index finger joint injection under ultrasound guidance."))
        #expect(q.stem.hasSuffix("\n\nEnter the CPT code for this procedure, with any modifier it needs."))
        #expect(
            q.rationale.contains(
                "The procedure was on the right index finger, so report it with the modifier that names it, F6, rather than RT: 20604-F6."))
        #expect(q.judge(response: "20604-RT").modifierNote == "RT does not match: the scenario is on the right index finger (F6)")
    }

    @Test func aWristAlternativeTakesRTOrLTBesideAFingerKey() throws {
        // 25000 (the first dorsal compartment at the wrist) lists RT and LT, no digit modifier.
        var seen = 0
        // The code set draws which alternative is its wrong code, so over enough seeds to meet 25000;
        // with the side wrong too, the wrist code names the other side.
        for seed in UInt64(1)...30 {
            let q = try Self.generator.generate(itemID: "cpt:26055/code-set", seed: seed)
            let right = q.answer.text.hasPrefix("26055-F7")
            for option in q.options where option.text.hasPrefix("25000") {
                let sideWrong = option.rationale.contains("Modifier: ")
                let side = right != sideWrong ? "RT" : "LT"
                #expect(option.text.hasPrefix("25000-\(side),"), "seed \(seed): \(option.text)")
                seen += 1
            }
        }
        #expect(seen > 0)
    }
}
