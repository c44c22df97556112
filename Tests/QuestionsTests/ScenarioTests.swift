import CodingContent
import Foundation
import Testing

@testable import Questions

@Suite struct ScenarioTests {
    static func hip(_ code: String, patient: PatientProfile = .adult, contrasts: [Contrast] = [], steps: [Step]) -> Procedure {
        Procedure(
            code: code, system: .cpt, title: "Hip operation \(code)", section: ["Surgery", "Musculoskeletal System", "Hip"],
            family: "hip", patient: patient, contrasts: contrasts, indications: ["Hip pain"], steps: steps, path: "Content/\(code).md")
    }

    static func step(_ text: String, key: Bool = false) -> Step { Step(text: text, isKey: key, location: .init(line: 1, column: 1)) }

    @Test func aFemaleChildIsAGirlWithTheRightArticleAndPronouns() throws {
        let child = Self.hip(
            "27284", patient: PatientProfile(sex: .female, minimumAge: 8, maximumAge: 8),
            steps: [
                Self.step("The hip was opened."), Self.step("The joint was fused.", key: true), Self.step("The wound was closed."),
            ])
        let generator = QuestionGenerator(procedures: [child])
        for seed in UInt64(1)...40 {
            let stem = try generator.generate(itemID: "cpt:27284/vignette-entry", seed: seed).stem
            #expect(
                stem.contains("DESCRIPTION OF PROCEDURE: An 8-year-old girl was brought to the operating room")
                    || stem.contains("DESCRIPTION OF PROCEDURE: The patient, an 8-year-old girl, was brought to the operating room"),
                "\(stem)")
            #expect(!stem.contains("His ") && !stem.contains(" his "))
        }
    }

    @Test func keyStepsAreAlwaysToldAndOtherStepsKeepTheirOrder() throws {
        let steps = (1...8).map { Self.step("Step number \($0) was done.", key: $0 == 4 || $0 == 7) }
        let generator = QuestionGenerator(procedures: [Self.hip("27284", steps: steps)])
        for seed in UInt64(1)...100 {
            let stem = try generator.generate(itemID: "cpt:27284/vignette-entry", seed: seed).stem
            let told = stem.components(separatedBy: "umber ").dropFirst().map { Int($0.prefix { $0.isNumber })! }
            #expect(told.contains(4) && told.contains(7), "\(stem)")
            #expect(told == told.sorted())
            #expect(told.count >= 2 + 3)  // the key steps and at least half of the six others
        }
    }

    @Test func sentencesThatNameACodeOrQuoteTheAnswersContrastAreNotTold() throws {
        let a = Self.hip(
            "27284",
            contrasts: [
                Contrast(
                    code: "27286", when: "the femur is cut", rulesOut: "The surgeon kept the femoral shaft completely intact.",
                    location: .init(line: 1, column: 1))
            ],
            steps: [
                Self.step("The hip was opened."), Self.step("The joint was fused.", key: true),
                Self.step("Billing note: do not report 27286 here."), Self.step("The wound was closed."),
            ])
        let b = Self.hip(
            "27286",
            contrasts: [
                Contrast(code: "27284", when: "the surgeon kept the femoral shaft completely intact", location: .init(line: 1, column: 1))
            ], steps: [Self.step("The hip was opened."), Self.step("The femur was cut.", key: true), Self.step("The wound was closed.")])
        let generator = QuestionGenerator(procedures: [a, b])
        for seed in UInt64(1)...50 {
            // Two codes make no vignette (three wrong options are needed); the entry item tells the same report.
            let stem = try generator.generate(itemID: "cpt:27284/vignette-entry", seed: seed).stem
            #expect(!stem.contains("27286") && !stem.contains("Billing note"))
            #expect(!stem.contains("femoral shaft completely intact"))
            #expect(stem.contains("he joint was fused."))  // "The joint…" or "Then the joint…"
        }
    }
}
