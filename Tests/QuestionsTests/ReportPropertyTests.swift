import CodingContent
import Foundation
import SourceText
import Testing

@testable import Questions

/// Properties of generator v2 over every item of each test library and many seeds: the report
/// layout, each fact told once, distractors from the same body area, code sets one element off,
/// contrasts only between alternatives.
@Suite struct ReportPropertyTests {
    static let seeds: [UInt64] = Array(1...UInt64(PropertySeeds.count))
    static let headings = [
        "PREOPERATIVE DIAGNOSIS: ", "\nPOSTOPERATIVE DIAGNOSIS: ", "\nPROCEDURE: ", "\nANESTHESIA: ", "\nDESCRIPTION OF PROCEDURE: ",
    ]

    @Test(arguments: TestLibraries.all)
    func everyStemIsAProcedureReportWithItsHeadingsInOrder(_ named: NamedLibrary) throws {
        let generator = QuestionGenerator(library: named.library)
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
    func noTwoSentencesOfAReportShareMostOfTheirWords(_ named: NamedLibrary) throws {
        let generator = QuestionGenerator(library: named.library)
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
    func noCodeDistractorComesFromOutsideTheFamilyAndTheAlternatives(_ named: NamedLibrary) throws {
        let generator = QuestionGenerator(library: named.library)
        let byCode = Dictionary(named.library.procedures.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var checked = 0
        for item in generator.items where [.vignette, .codeSet, .bundling].contains(item.kind) {
            let own = byCode[item.code]!
            // The family, the alternatives either way (described ones included), and for code sets
            // and bundling the codes the file itself reports with it or includes in it.
            let allowed = Set(
                [own.code] + own.contrasts.map(\.code) + own.additions.map(\.code) + own.inclusions.compactMap(\.code)
                    + named.library.procedures.filter { $0.contrasts.contains { $0.code == own.code } }.map(\.code)
                    + named.library.procedures.filter { own.family != nil && $0.family == own.family }.map(\.code))
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
    func theFirstAlternativeIsAlwaysOffered(_ named: NamedLibrary) throws {
        let generator = QuestionGenerator(library: named.library)
        let byCode = Dictionary(named.library.procedures.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        // Operative reports: an anesthesia code set spends its wrong options on the physical-status
        // modifier (the same code with another P modifier), which this rule does not cover yet.
        for item in generator.items where [.vignette, .codeSet].contains(item.kind) && byCode[item.code]!.layout == .operative {
            guard let first = byCode[item.code]!.contrasts.first?.code else { continue }
            for seed in Self.seeds {
                let q = try generator.generate(item: item, seed: seed)
                let codes = q.options.map { $0.text.components(separatedBy: ", ")[0].components(separatedBy: "-")[0] }
                #expect(codes.contains(first), "\(q.id): the nearest alternative \(first) is not offered")
            }
        }
    }

    @Test(arguments: TestLibraries.all)
    func everyCodeChoiceQuestionHasFourOptions(_ named: NamedLibrary) throws {
        let generator = QuestionGenerator(library: named.library)
        for item in generator.items where [.vignette, .contrast, .diagnosis].contains(item.kind) {
            for seed in Self.seeds.prefix(10) {
                let q = try generator.generate(item: item, seed: seed)
                #expect(q.options.count == 4, "\(q.id): \(q.options.count) options")
            }
        }
    }

    @Test(arguments: TestLibraries.all)
    func everyCodeSetDistractorDiffersFromTheKeyInExactlyOneElement(_ named: NamedLibrary) throws {
        let generator = QuestionGenerator(library: named.library)
        var checked = 0
        for item in generator.items where item.kind == .codeSet {
            for seed in Self.seeds {
                let q = try generator.generate(item: item, seed: seed)
                let key = q.answer.text.components(separatedBy: ", ")
                for option in q.options where !option.correct {
                    let elements = option.text.components(separatedBy: ", ")
                    // One element replaced (same length, one position differs) or one element added.
                    let replaced = elements.count == key.count && zip(elements, key).filter { $0 != $1 }.count == 1
                    var added = false
                    if elements.count == key.count + 1 {
                        added = elements.indices.contains { k in
                            var without = elements
                            without.remove(at: k)
                            return without == key
                        }
                    }
                    // Or one element missing (a further diagnosis of the case left out).
                    var removed = false
                    if elements.count == key.count - 1 {
                        removed = key.indices.contains { k in
                            var without = key
                            without.remove(at: k)
                            return without == elements
                        }
                    }
                    #expect(replaced || added || removed, "\(q.id): \(option.text) vs \(q.answer.text)")
                    checked += 1
                }
            }
        }
        #expect(checked > 0)
    }

    @Test(arguments: TestLibraries.all)
    func everyContrastIsBetweenAlternatives(_ named: NamedLibrary) throws {
        let generator = QuestionGenerator(library: named.library)
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
        let catalog = QuestionCatalog(library: named.library)
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
