import CodingContent
import Foundation
import Testing

@testable import Questions

/// Which wrong values code-set and bundling options use (instructor reviews 29411, 70577, 63127 and
/// 18853): the nearest alternative, no trivial side flip beside real decisions, the file's own
/// pathology alternative as the wrong diagnosis, nothing the note denies, an add-on only beside a
/// primary that lists it, and bundling options that keep the key's code.
@Suite struct CodeSetNearnessTests {
    static let generator: QuestionGenerator? = TestLibraries.all.first { $0.name == "shipped" }.map {
        QuestionGenerator(library: $0.library)
    }
    static let seeds: [UInt64] = [1, 2, 3, 29411]

    /// The options' texts of `item` for each seed.
    static func options(_ item: String) throws -> [[String]] {
        let generator = try #require(Self.generator)
        return try Self.seeds.map { try generator.generate(itemID: item, seed: $0).options.map(\.text) }
    }

    /// The main codes (modifiers dropped) of a question's options.
    static func mains(_ options: [String]) -> Set<String> {
        Set(options.map { String($0.prefix { $0 != "-" && $0 != "," && $0 != " " }) })
    }

    @Test func a12002CodeSetOffers12032NotTheTrunkRepair13101() throws {
        for options in try Self.options("cpt:12002/code-set") {
            #expect(Self.mains(options) == ["12002", "12032"], "\(options)")
            // “Puncture wound with foreign body” where the note finds no foreign body is no trap.
            #expect(!options.contains { $0.contains("S51.84") || $0.contains("S51.82") }, "\(options)")
        }
    }

    @Test func a38500CodeSetOffersTheDeepNodeAndTheReactivePathologyNotTheOtherSide() throws {
        let generator = try #require(Self.generator)
        for seed in Self.seeds {
            let q = try generator.generate(itemID: "cpt:38500/code-set", seed: seed)
            let texts = q.options.map(\.text)
            #expect(Self.mains(texts) == ["38500", "38510"], "\(texts)")
            let side = q.answer.text.contains("-RT") ? "-RT" : "-LT"
            #expect(texts.allSatisfy { $0.contains(side) }, "\(texts)")
            if q.answer.text.hasSuffix("C81.11") {
                // The author's first trap, another type of classic Hodgkin lymphoma, is the wrong
                // diagnosis; never the other side's code.
                #expect(texts.contains { $0.hasSuffix("C81.21") } && !texts.contains { $0.contains("C81.12") }, "\(texts)")
                let type = try #require(q.options.first { !$0.correct && $0.text.hasSuffix("C81.21") })
                #expect(
                    type.rationale.contains(
                        "would be coded only if the pathology had named the mixed cellularity type of classic Hodgkin lymphoma"))
            }
        }
    }

    @Test func a43251CodeSetOffersTheHyperplasticPolypBesideTheAdenomaNeverTheLiver() throws {
        let generator = try #require(Self.generator)
        var adenoma = 0
        for seed: UInt64 in 1...8 {
            let q = try generator.generate(itemID: "cpt:43251/code-set", seed: seed)
            let texts = q.options.map(\.text)
            #expect(!texts.contains { $0.contains("D13.4") }, "\(texts)")
            if q.answer.text.hasSuffix("D13.1") {
                adenoma += 1
                #expect(texts.contains { $0.hasSuffix("K31.7") }, "\(texts)")
            }
        }
        #expect(adenoma > 0)
    }

    @Test func a50230CodeSetTakesTheOpenAlternativeFirst() throws {
        let generator = try #require(Self.generator)
        let i = try #require(generator.index.byCode["50230"])
        let c = generator.index.choices(i)
        #expect(c.codeSetOrder.prefix(4).map { c.codes[$0].text } == ["50220", "50240", "50545", "50546"])
        for options in try Self.options("cpt:50230/code-set") { #expect(Self.mains(options) == ["50230", "50220"], "\(options)") }
    }

    @Test func noAddOnBesideAPrimaryThatDoesNotListIt() throws {
        for item in ["cpt:64635/code-set", "cpt:64635/bundling"] {
            for options in try Self.options(item) {
                #expect(!options.contains { $0.contains("64625") && $0.contains("64636") }, "\(options)")
                #expect(!options.contains { $0.contains("64493") && $0.contains("64636") }, "\(options)")
            }
        }
        // 17003 goes with 17000 only: the nearest alternative (17004, fifteen or more lesions, first in
        // 17000's list since review 71363) is offered without it, and the key is not the one option with an add-on.
        let generator = try #require(Self.generator)
        let q = try generator.generate(itemID: "cpt:17000/code-set", seed: 1)
        #expect(q.options.map(\.text) == ["17000, 17003 × 4, L57.0", "17000, 17003 × 4, L82.1", "17004, L57.0", "17004, L82.1"])
    }

    @Test func anAddOnOnTheSameSideCarriesTheSideModifierOnEveryOption() throws {
        // 64480 is a second level of the same side's injection (`side: same`): 64479-LT, 64480-LT
        // (instructor reviews 71363, 67801). A wrong or missing side is wrong on both lines.
        let generator = try #require(Self.generator)
        var told = 0
        for seed: UInt64 in 1...12 {
            let q = try generator.generate(itemID: "cpt:64479/code-set", seed: seed)
            guard q.answer.text.contains("64480") else { continue }
            told += 1
            let side = try #require(q.answer.text.hasPrefix("64479-LT") ? "LT" : q.answer.text.hasPrefix("64479-RT") ? "RT" : nil)
            #expect(q.answer.text.hasPrefix("64479-\(side), 64480-\(side), "), "\(q.answer.text)")
            #expect(q.rationale.contains("The add-on is done on the same side, so its line carries \(side) too."))
            for option in q.options.map(\.text) where option.hasPrefix("64479") && option.contains("64480") {
                let first = option.split(separator: ",")[0].dropFirst(5)
                let second = try #require(option.split(separator: ",").first { $0.contains("64480") }).trimmingCharacters(in: .whitespaces)
                #expect(second == "64480" + first, "\(option)")
            }
        }
        #expect(told > 0)
        // 69990, the microscope, has no side: 55400-LT, 69990.
        for seed: UInt64 in 1...6 {
            let q = try generator.generate(itemID: "cpt:55400/code-set", seed: seed)
            #expect(!q.options.contains { $0.text.contains("69990-") }, "\(q.options.map(\.text))")
        }
    }

    @Test func bundlingNeedsACodedIncludedServiceAndKeepsTheKeysCode() throws {
        let generator = try #require(Self.generator)
        // 96360 names no code for its included work (the IV start and flushes): no bundling item.
        #expect(throws: (any Error).self) { try generator.generate(itemID: "cpt:96360/bundling", seed: 1) }
        for options in try Self.options("cpt:59510/bundling") {
            #expect(Self.mains(options) == ["59510"], "\(options)")
            #expect(options.contains { $0.contains("59426") })
        }
    }

    @Test func aDeniedWordRulesAWrongDiagnosisOut() {
        let denied = ConditionWords.denied(
            Diagnosis(
                code: "S51.812A", side: .left, text: "laceration of the left forearm without foreign body",
                location: .init(line: 1, column: 1)),
            in: Procedure(
                code: "12002", system: .cpt, title: "Repair", section: [], indications: [], steps: [], path: "Content/12002.md"))
        #expect(denied == ["foreign", "body"])
        let key = "Laceration without foreign body of left forearm, initial encounter"
        #expect(
            ConditionWords.isContradicted("Puncture wound with foreign body of left forearm, initial encounter", key: key, denied: denied))
        #expect(
            !ConditionWords.isContradicted(
                "Puncture wound without foreign body of left forearm, initial encounter", key: key, denied: denied))
        // The with/without trap of a documented condition stays (K57.32 beside K57.20).
        #expect(
            !ConditionWords.isContradicted(
                "Diverticulitis of large intestine without perforation or abscess without bleeding",
                key: "Diverticulitis of large intestine with perforation and abscess without bleeding", denied: ["bleeding"]))
    }
}
