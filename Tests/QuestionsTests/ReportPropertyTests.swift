import CodingContent
import Foundation
import SourceText
import Testing

@testable import Questions

/// Properties of generator v2 over every item of each test library and many seeds: the report
/// layout, each fact told once, distractors from the same body area, code sets crossed over two decisions,
/// contrasts only between alternatives.
@Suite struct ReportPropertyTests {
    static let seeds: [UInt64] = Array(1...UInt64(PropertySeeds.count))
    static let headings = [
        "PREOPERATIVE DIAGNOSIS: ", "\nPOSTOPERATIVE DIAGNOSIS: ", "\nPROCEDURE: ", "\nANESTHESIA: ", "\nDESCRIPTION OF PROCEDURE: ",
    ]

    @Test(arguments: TestLibraries.all)
    func everyStemIsAProcedureReportWithItsHeadingsInOrder(_ named: NamedLibrary) async throws {
        let generator = await named.questions()
        // Service notes have their own headings (ServicePropertyTests).
        let operative = Set(named.library.procedures.filter { $0.layout == .operative }.map(\.code))
        // `em-level` stems are visit notes (EMLevelQuestionTests checks them).
        for item in generator.items where operative.contains(item.code) && item.kind != .emLevel {
            for seed in Self.seeds {
                let stem = try generator.generate(item: item, seed: seed).stem
                var position = stem.startIndex
                for heading in Self.headings {
                    let found = stem.range(of: heading, range: position..<stem.endIndex)
                    #expect(found != nil, "\(item.id)#\(seed) lacks \(heading.trimmed)")
                    if let found { position = found.upperBound }
                }
                #expect(stem.hasPrefix("PREOPERATIVE DIAGNOSIS: "), "\(item.id)#\(seed)")
            }
        }
    }

    /// The content words of a sentence (as the generator counts them).
    /// The connectives the generator puts before a narrated step ("Next, …", "After that, …"): glue, not content.
    static let connectives: Set<String> = ["next", "subsequently", "then", "after", "that", "finally", "lastly", "afterwards"]

    static func words(_ sentence: String) -> Set<String> {
        Set(Wording.tokens(sentence).filter { Wording.isContent($0) && !connectives.contains($0) })
    }

    /// Over format v2 files: a v1 file's steps were written before the rule and may name the same
    /// structure twice ("the transverse carpal ligament"); `lint` asks for their upgrade.
    @Test(arguments: TestLibraries.all)
    func noTwoSentencesOfAReportShareMostOfTheirWords(_ named: NamedLibrary) async throws {
        let generator = await named.questions()
        let v2 = Set(named.library.procedures.filter { $0.format == 2 }.map(\.code))
        #expect(!v2.isEmpty)
        for item in generator.items where v2.contains(item.code) {
            for seed in Self.seeds.prefix(20) {
                let q = try generator.generate(item: item, seed: seed)
                // The narrative: findings and description, sentence by sentence.
                let body = q.stem.components(separatedBy: "\n").filter {
                    $0.hasPrefix("FINDINGS: ") || $0.hasPrefix("DESCRIPTION OF PROCEDURE: ")
                }
                .map { String($0.drop { $0 != ":" }.dropFirst()) }.joined(separator: " ")
                let sentences = body.components(separatedBy: ". ").map(Self.words).filter { $0.count >= 4 }
                for a in sentences.indices {
                    for b in sentences.indices where b > a {
                        let shared = sentences[a].intersection(sentences[b]).count
                        let smaller = min(sentences[a].count, sentences[b].count)
                        #expect(Double(shared) <= 0.6 * Double(smaller), "\(q.id): \(sentences[a].sorted()) / \(sentences[b].sorted())")
                    }
                }
                #expect(!q.stem.contains("No biopsies") && !q.stem.contains(" was never "), "\(q.id): a denial sentence")
            }
        }
    }

    @Test(arguments: TestLibraries.all)
    func noCodeDistractorComesFromOutsideTheFamilyAndTheAlternatives(_ named: NamedLibrary) async throws {
        let generator = await named.questions()
        let byCode = Dictionary(named.library.procedures.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        // The files that list each code as an alternative, and each family's codes (looked up per item).
        let listedBy = Dictionary(grouping: named.library.procedures.flatMap { p in p.contrasts.map { ($0.code, p.code) } }, by: \.0)
            .mapValues { $0.map(\.1) }
        let families = Dictionary(grouping: named.library.procedures.filter { $0.family != nil }, by: { $0.family! }).mapValues {
            $0.map(\.code)
        }
        var checked = 0
        for item in generator.items where [.vignette, .codeSet, .bundling].contains(item.kind) {
            let own = byCode[item.code]!
            // The family, the alternatives either way (described ones included), and for code sets
            // and bundling the codes the file itself reports with it or includes in it.
            // An alternative's own add-on for the same further work stands in for the key's add-on
            // (64636 beside 64635 where the key is 64633 with 64634: `sameWorkAddOn`).
            let neighbours = own.contrasts.map(\.code) + (own.family.flatMap { families[$0] } ?? [])
            let theirAddOns = neighbours.flatMap { byCode[$0]?.additions.filter { $0.type == .addOn }.map(\.code) ?? [] }
            let allowed = Set(
                [own.code] + own.contrasts.map(\.code) + own.additions.map(\.code) + own.inclusions.compactMap(\.code)
                    + (listedBy[own.code] ?? []) + (own.family.flatMap { families[$0] } ?? []) + theirAddOns)
            for seed in Self.seeds {
                let q = try generator.generate(item: item, seed: seed)
                for option in q.options {
                    for element in option.text.components(separatedBy: ", ") {
                        let code = element.components(separatedBy: "-")[0]
                        guard CodeShape.problem(code: code, system: .cpt) == nil || CodeShape.problem(code: code, system: .hcpcs) == nil
                        else { continue }
                        #expect(allowed.contains(code), "\(q.id): \(code) is neither family nor alternative of \(own.code)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 0)
    }

    @Test(arguments: TestLibraries.all)
    func theFirstAlternativeIsAlwaysOffered(_ named: NamedLibrary) async throws {
        let generator = await named.questions()
        let byCode = Dictionary(named.library.procedures.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        // Operative reports. A code set draws which of the file's alternatives is its wrong code
        // (InstructorReview50321CodeSetTests), so this rule is the vignette's.
        for item in generator.items where item.kind == .vignette && byCode[item.code]!.layout == .operative {
            guard let first = byCode[item.code]!.contrasts.first?.code else { continue }
            var offered = 0
            for seed in Self.seeds {
                let q = try generator.generate(item: item, seed: seed)
                let codes = q.options.map { $0.text.components(separatedBy: ", ")[0].components(separatedBy: "-")[0] }
                if codes.contains(first) { offered += 1 }
                #expect(codes.contains(first), "\(q.id): the nearest alternative \(first) is not offered")
            }
            #expect(offered > 0, "\(item.id): the nearest alternative \(first) is never offered")
        }
    }

    @Test(arguments: TestLibraries.all)
    func everyCodeChoiceQuestionHasFourOptions(_ named: NamedLibrary) async throws {
        let generator = await named.questions()
        for item in generator.items where [.vignette, .contrast, .diagnosis].contains(item.kind) {
            for seed in Self.seeds.prefix(10) {
                let q = try generator.generate(item: item, seed: seed)
                #expect(q.options.count == 4, "\(q.id): \(q.options.count) options")
            }
        }
    }

    /// The tokens of a code-set option: each code, each modifier and unit count on its own
    /// (`27284-RT` → `27284`, `-RT`), so that a changed modifier is one changed decision.
    static func tokens(_ option: String) -> [String] {
        option.components(separatedBy: ", ").flatMap { element -> [String] in
            let units = element.components(separatedBy: " × ")
            let parts = units[0].components(separatedBy: "-")
            return [parts[0]] + parts.dropFirst().map { "-" + $0 } + units.dropFirst().map { "× " + $0 }
        }
    }

    /// Whether the key is the one option whose elements occur most often across the options (the
    /// element-frequency cue a test-wise student uses without reading the note).
    static func keyStandsOut(_ options: [QuestionOption]) -> Bool {
        let elements = options.map { $0.text.components(separatedBy: ", ") }
        var frequency: [String: Int] = [:]
        for option in elements { for element in Set(option) { frequency[element, default: 0] += 1 } }
        let sums = elements.map { $0.reduce(0) { $0 + frequency[$1]! } }
        guard let k = options.firstIndex(where: \.correct) else { return false }
        return sums.indices.allSatisfy { $0 == k || sums[$0] < sums[k] }
    }

    @Test(arguments: TestLibraries.all)
    func everyCodeSetDistractorIsWrongOnTwoOfThreeDecisionsOrOnOneOrBothOfTwoWithoutAFrequencyCue(_ named: NamedLibrary) async throws {
        let generator = await named.questions()
        let addOns = Dictionary(
            named.library.procedures.map { ($0.code, Set($0.additions.filter { $0.type == .addOn }.map(\.code))) },
            uniquingKeysWith: { a, _ in a })
        var crossed = 0
        var checked = 0
        for item in generator.items where item.kind == .codeSet || item.kind == .bundling {
            for seed in Self.seeds {
                let q = try generator.generate(item: item, seed: seed)
                // An add-on goes only beside a primary code that lists it (17003 with 17000, never with
                // 17004 or 11102): when no distractor with another code can carry the key's add-on,
                // the key's code and add-on may be the elements that occur most often.
                let keyCodes = q.answer.text.components(separatedBy: ", ").map { String($0.prefix { $0 != "-" && $0 != " " }) }
                let loneAddOn = keyCodes.dropFirst().contains { code in
                    addOns[keyCodes[0]]?.contains(code) == true
                        && !q.options.contains {
                            !$0.correct && !$0.text.hasPrefix(keyCodes[0])
                                && $0.text.components(separatedBy: ", ").contains { $0.hasPrefix(code) }
                        }
                }
                // Two options (a service with one wrong value) cannot hide an omission; four always can.
                if q.options.count == 4, !loneAddOn {
                    #expect(!Self.keyStandsOut(q.options), "\(q.id): the key is the option whose elements occur most often")
                }
                checked += 1
                let key = Self.tokens(q.answer.text)
                // What each distractor changes: the key's tokens it drops and the tokens it brings.
                func change(_ o: QuestionOption) -> (dropped: Set<String>, added: Set<String>) {
                    let t = Self.tokens(o.text)
                    return (Set(key).subtracting(t), Set(t).subtracting(key))
                }
                let wrong = q.options.filter { !$0.correct }
                let double = wrong.filter { $0.rationale.hasPrefix("Two decisions are wrong. ") }
                if double.count == 3 {
                    // The balanced three-decision design: each distractor is wrong on two decisions
                    // (both named), each wrong value is in two of them, so every two distractors
                    // share one wrong value and differ in the other.
                    for option in double { #expect(option.rationale.components(separatedBy: ": ").count >= 3, "\(q.id)") }
                    let changes = double.map(change)
                    for a in changes.indices {
                        for b in changes.indices where b > a {
                            let shared = changes[a].added.intersection(changes[b].added)
                                .union(changes[a].dropped.intersection(changes[b].dropped))
                            #expect(!shared.isEmpty, "\(q.id): \(double[a].text) and \(double[b].text) share no wrong value")
                        }
                    }
                    crossed += 1
                    continue
                }
                if double.isEmpty {
                    // One decision only: three different wrong values of it.
                    for option in wrong { #expect(change(option) != (dropped: [], added: []), "\(q.id): \(option.text)") }
                    continue
                }
                // A 2×2 crossing: two distractors wrong on one decision each, the third on both, and
                // its rationale names both.
                #expect(double.count == 1 && wrong.count == 3, "\(q.id)")
                guard double.count == 1, wrong.count == 3 else { continue }
                let both = change(double[0])
                let single = wrong.filter { $0.text != double[0].text }.map(change)
                #expect(
                    single[0].dropped.isDisjoint(with: single[1].dropped) || single[0].added.isDisjoint(with: single[1].added), "\(q.id)")
                #expect(both.dropped == single[0].dropped.union(single[1].dropped), "\(q.id): \(double[0].text)")
                #expect(both.added == single[0].added.union(single[1].added), "\(q.id): \(double[0].text)")
                #expect(double[0].rationale.components(separatedBy: ": ").count >= 3, "\(q.id): one decision named")
                // Every token of the two decisions is in exactly half of the options.
                var frequency: [String: Int] = [:]
                for option in q.options { for token in Set(Self.tokens(option.text)) { frequency[token, default: 0] += 1 } }
                for token in both.dropped.union(both.added) { #expect(frequency[token] == 2, "\(q.id): \(token)") }
                crossed += 1
            }
        }
        #expect(checked > 0)
        if named.name == "shipped" { #expect(crossed * 10 >= checked * 8, "\(crossed) of \(checked) crossed") }
    }

    @Test(arguments: TestLibraries.all)
    func everyContrastIsBetweenAlternatives(_ named: NamedLibrary) async throws {
        let generator = await named.questions()
        let byCode = Dictionary(named.library.procedures.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        for item in generator.items where item.kind == .contrast {
            let own = byCode[item.code]!
            for seed in Self.seeds.prefix(20) {
                let q = try generator.generate(item: item, seed: seed)
                let target = q.stem.components(separatedBy: "for the code to be ").last!.components(separatedBy: " ")[0]
                #expect(own.contrasts.contains { $0.code == target }, "\(q.id): \(target) is not an 'instead' of \(item.code)")
                #expect(!own.additions.contains { $0.code == target } || own.contrasts.contains { $0.code == target }, "\(q.id)")
            }
        }
    }

    @Test(arguments: TestLibraries.all)
    func noItemTaggedCPCIsAPCSItem(_ named: NamedLibrary) {
        let catalog = named.catalog
        let cpc = catalog.items(ItemSelection(tags: ["cpc"]))
        #expect(!cpc.isEmpty)
        #expect(!cpc.contains { $0.kind == .pcs })
    }

    @Test func aFormatV1LibraryLintsWithoutErrorsAndGeneratesEveryCodingKindItCan() throws {
        // The gallbladder files of the fixture are format v1.
        let root = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/Library/Content/gallbladder")
        var procedures: [Procedure] = []
        var diagnostics: [Diagnostic] = []
        for name in ["47562.md", "47563.md", "47600.md"] {
            let (procedure, found) = ProcedureParser.parse(
                text: try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8), path: name)
            diagnostics += found
            procedures += procedure.map { [$0] } ?? []
        }
        #expect(procedures.allSatisfy { $0.format == 1 })
        let library = Library(root: root, procedures: procedures, diagnostics: diagnostics)
        let lint = Linter(asOfDay: 20_261_125).lint(library)
        #expect(lint.filter { $0.severity == .error } == [])
        #expect(lint.count == 3)  // one "format v1" reminder per file
        let generator = QuestionGenerator(procedures: procedures)
        #expect(Set(generator.items.map(\.kind)) == [.vignette, .vignetteEntry, .contrast, .codeSet, .pcs, .diagnosis])
        for item in generator.items {
            let q = try generator.generate(item: item, seed: 5)
            #expect(q.stem.hasPrefix("PREOPERATIVE DIAGNOSIS: "), "\(q.id)")
        }
    }
}
