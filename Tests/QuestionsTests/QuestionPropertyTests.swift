import CodingContent
import Foundation
import Synchronization
import Testing

@testable import Questions

/// Properties every generated question must have, over every item of each test library and many seeds.
@Suite struct QuestionPropertyTests {
    static let seeds: [UInt64] = Array(1...UInt64(PropertySeeds.count))

    @Test(arguments: TestLibraries.all)
    func everyMultipleChoiceQuestionHasExactlyOneCorrectOptionAndDistinctTexts(_ named: NamedLibrary) async throws {
        let generator = await named.questions()
        for item in generator.items where !item.kind.isEntry {
            for seed in Self.seeds {
                let q = try generator.generate(item: item, seed: seed)
                #expect(q.options.filter(\.correct).count == 1, "\(q.id)")
                #expect((2...4).contains(q.options.count), "\(q.id)")
                #expect(q.options.map(\.label) == Array(["A", "B", "C", "D"].prefix(q.options.count)), "\(q.id)")
                #expect(Set(q.options.map { $0.text.lowercased() }).count == q.options.count, "\(q.id) duplicate options")
                let right = q.options.first(where: \.correct)
                #expect(q.answer.label == right?.label && q.answer.text == right?.text, "\(q.id)")
            }
        }
    }

    @Test(arguments: TestLibraries.all)
    func stemsNeverGiveTheAnswerAway(_ named: NamedLibrary) async throws {
        let generator = await named.questions()
        let index = generator.index
        // `em-level` items come from E/M files, outside the procedure index (EMLevelQuestionTests checks their stems).
        for item in generator.items where item.kind != .emLevel {
            let i = index.byPrefix[item.id.components(separatedBy: "/")[0]]!
            let procedure = index[i].procedure
            // Phrases only the contrasts leading to this code use (not its own steps, findings,
            // diagnoses or PROCEDURE lines: a report of this procedure may say what it says).
            var ownPhrases: Set<Int> = []
            let ownTexts =
                procedure.steps.map(\.text) + procedure.findings + (procedure.report?.procedure ?? [])
                + procedure.diagnoses.flatMap { [$0.text, $0.preop ?? "", $0.pathology ?? ""] }
            for text in ownTexts { ownPhrases.formUnion(Wording.distinctivePhrases(text)) }
            var leading: Set<Int> = []
            for id in index[i].clausesTo { leading.formUnion(index[id].phrases) }
            leading.subtract(ownPhrases)
            for seed in Self.seeds {
                let q = try generator.generate(item: item, seed: seed)
                let stem = q.stem.lowercased()
                if q.kind == .modifier {
                    // Ages like "52-year-old" are not the answer; "modifier 52" or "45385-52" would be.
                    #expect(
                        !stem.contains("modifier \(q.answer.text.lowercased())") && !stem.contains("-\(q.answer.text.lowercased())"),
                        "\(q.id): the stem contains the answer")
                } else if !q.kind.isUnitCount {  // a unit count is a number a dose or an age may share
                    #expect(!stem.contains(q.answer.text.lowercased()), "\(q.id): the stem contains the answer")
                }
                switch q.kind {
                case .vignette, .vignetteEntry, .pcs, .diagnosis, .codeSet, .bundling:
                    for option in q.options {
                        for element in option.text.components(separatedBy: ", ") {
                            #expect(!Self.containsCode(q.stem, element), "\(q.id): the stem names option \(option.text)")
                        }
                    }
                    #expect(!Self.containsCode(q.stem, q.code), "\(q.id): the stem names the code")
                    // The PROCEDURE line is the surgeon's ("Total thyroidectomy") and may contain the
                    // title's words, but is never the title itself; no other line names it.
                    let lines = q.stem.split(separator: "\n")
                    let procedureLine = lines.first { $0.hasPrefix("PROCEDURE: ") }.map { String($0.dropFirst(11)) } ?? ""
                    #expect(!ReportWording.repeatsTitle(procedureLine, title: procedure.title), "\(q.id): the PROCEDURE line is the title")
                    // A service document's heading line (EXAM, TEST ORDERED, SERVICE, ORDER, ITEM) plays the
                    // PROCEDURE line's part: the order as written may name the test.
                    let headings = ["PROCEDURE: ", "EXAM: ", "TEST ORDERED: ", "SERVICE: ", "ORDER: ", "ITEM: "]
                    let rest = lines.filter { line in !headings.contains { line.hasPrefix($0) } }.joined(separator: "\n").lowercased()
                    #expect(!rest.contains(procedure.title.lowercased()), "\(q.id): the stem names the title")
                    if q.kind != .diagnosis, q.kind != .codeSet {
                        let stemPhrases = Wording.distinctivePhrases(q.stem)
                        #expect(stemPhrases.isDisjoint(with: leading), "\(q.id): the stem quotes a contrast that leads to \(q.code)")
                    }
                case .contrast:
                    let right = q.options.first(where: \.correct)!.text
                    let stemPhrases = Wording.distinctivePhrases(q.stem)
                    #expect(
                        stemPhrases.isDisjoint(with: Wording.distinctivePhrases(right)), "\(q.id): the stem quotes the answer's finding")
                default:
                    break
                }
                if stem.contains("woman") || stem.contains("girl") || stem.contains("female") {
                    #expect(!q.stem.contains("His surgeon") && !q.stem.contains("on his "), "\(q.id): pronoun")
                }
                if stem.contains(" man ") || stem.contains(" boy") || stem.contains("male patient") && !stem.contains("female") {
                    #expect(!q.stem.contains("Her surgeon") && !q.stem.contains("on her "), "\(q.id): pronoun")
                }
            }
        }
    }

    @Test(arguments: TestLibraries.all)
    func everyOptionAndQuestionHasARationale(_ named: NamedLibrary) async throws {
        let generator = await named.questions()
        for item in generator.items {
            for seed in Self.seeds.prefix(50) {
                let q = try generator.generate(item: item, seed: seed)
                #expect(!q.rationale.isEmpty, "\(q.id)")
                #expect(!q.stem.isEmpty, "\(q.id)")
                for option in q.options { #expect(!option.rationale.isEmpty, "\(q.id) \(option.label)") }
            }
        }
    }

    @Test(arguments: TestLibraries.all)
    func entryQuestionsAcceptTheirOwnAnswer(_ named: NamedLibrary) async throws {
        let generator = await named.questions()
        for item in generator.items where item.kind.isEntry {
            for seed in Self.seeds {
                let q = try generator.generate(item: item, seed: seed)
                #expect(q.options.isEmpty && q.answer.label == nil, "\(q.id)")
                let verdict = q.judge(response: q.answer.text)
                #expect(verdict.correct && verdict.modifierCorrect != false, "\(q.id): \(verdict)")
                // A unit count is a number, not the code.
                if !item.kind.isUnitCount { #expect(q.judge(response: q.code).correct, "\(q.id)") }
            }
        }
    }

    @Test(arguments: TestLibraries.all)
    func theSameSeedReproducesTheQuestionByteForByte(_ named: NamedLibrary) async throws {
        let first = await named.questions()  // the questions every property test reads
        let second = QuestionGenerator(library: named.library)  // a fresh index, as in another process
        for item in first.items {
            for seed in Self.seeds.prefix(25) {
                #expect(jsonBytes(try first.generate(item: item, seed: seed)) == jsonBytes(try second.generate(item: item, seed: seed)))
            }
        }
    }

    /// Share of consecutive seed pairs whose questions differ, per kind: stems for scenario kinds,
    /// stem or options otherwise.
    static func varietyRates(_ generator: SharedQuestions.Generated) throws -> [QuestionKind: Double] {
        var differing: [QuestionKind: Int] = [:]
        var pairs: [QuestionKind: Int] = [:]
        for item in generator.items {
            var previous: Question?
            for seed in seeds {
                let q = try generator.generate(item: item, seed: seed)
                if let previous {
                    let scenario: Set<QuestionKind> = [
                        .vignette, .vignetteEntry, .pcs, .diagnosis, .contrast, .codeSet, .modifier, .bundling,
                    ]
                    let differs =
                        scenario.contains(item.kind)
                        ? previous.stem != q.stem
                        : previous.stem != q.stem || previous.options.map(\.text) != q.options.map(\.text)
                    differing[item.kind, default: 0] += differs ? 1 : 0
                    pairs[item.kind, default: 0] += 1
                }
                previous = q
            }
        }
        return pairs.reduce(into: [:]) { result, entry in
            result[entry.key] = Double(differing[entry.key] ?? 0) / Double(entry.value)
        }
    }

    @Test(arguments: TestLibraries.all)
    func twoSeedsUsuallyGiveDifferentQuestions(_ named: NamedLibrary) async throws {
        let rates = try Self.varietyRates(await named.questions())
        for kind in [QuestionKind.vignette, .vignetteEntry, .pcs, .diagnosis, .contrast, .codeSet, .modifier, .bundling] {
            if let rate = rates[kind] { #expect(rate >= 0.9, "\(kind.rawValue): \(rate)") }
        }
        let report = QuestionKind.allCases.compactMap { k in rates[k].map { "\(k.rawValue) \(String(format: "%.3f", $0))" } }
        print("variety (\(named.name)): " + report.joined(separator: ", "))
    }

    /// Whether `text` contains `code` as a whole word (not inside a longer number).
    static func containsCode(_ text: String, _ code: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: code, options: .caseInsensitive, range: searchRange) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            let boundary: (Character?) -> Bool = { c in c.map { !$0.isLetter && !$0.isNumber } ?? true }
            if boundary(before), boundary(after) { return true }
            searchRange = found.upperBound..<text.endIndex
        }
        return false
    }
}

@Suite("Question generation across threads")
struct ConcurrentGenerationTests {
    /// Options and rationales are written on a procedure's first question; questions generated on
    /// many threads at once by a fresh generator must equal the ones generated one by one (the shared
    /// questions, made in turn by one task).
    @Test func questionsGeneratedConcurrentlyEqualSequentialOnes() async throws {
        let shipped = try #require(TestLibraries.all.first { $0.name == "shipped" })
        let sequential = await shipped.questions()
        let items = sequential.items
        let expected = try items.map { try sequential.generate(item: $0, seed: 1) }
        let concurrent = QuestionGenerator(library: shipped.library)
        let results = Mutex<[Question?]>(Array(repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            let question = try? concurrent.generate(item: items[i], seed: 1)
            results.withLock { $0[i] = question }
        }
        #expect(items.count > 300)
        #expect(results.withLock { $0 } == expected.map { Optional($0) })
    }
}

@Suite("Word ids")
struct TextWordsTests {
    @Test func wordIDsFollowTheTokensAndIgnoreCaseAndPunctuation() {
        let text = "The surgeon reams the acetabulum, then impacts a CUP — 4 screws; Ødegaard's café."
        let words = TextWords(text)
        let tokens = Wording.tokens(text)
        #expect(
            tokens == [
                "the", "surgeon", "reams", "the", "acetabulum", "then", "impacts", "a", "cup", "4", "screws", "ødegaard", "s", "café",
            ])
        #expect(words.ids == tokens.map(TextWords.id(of:)))
        #expect(words.content == tokens.map(Wording.isContent))
        #expect(TextWords("REAMS the Acetabulum").ids == TextWords("reams, the acetabulum!").ids)
        #expect(TextWords("REAMS the Acetabulum").key == TextWords("reams, the acetabulum!").key)
        #expect(TextWords("reams the acetabulum").key != TextWords("the acetabulum reams").key)
        // Content ids: sorted, distinct, stop words and short words dropped.
        #expect(
            words.contentIDs
                == Array(
                    Set(
                        ["surgeon", "reams", "acetabulum", "impacts", "cup", "screws", "ødegaard", "café"]
                            .map(TextWords.id(of:)))
                ).sorted())
        #expect(
            TextWords("the surgeon reams the acetabulum").phrases
                .isSubset(of: TextWords("First the surgeon reams the acetabulum gently").phrases))
        #expect(TextWords("the surgeon reams the acetabulum").phrases.count == 2)
    }
}
