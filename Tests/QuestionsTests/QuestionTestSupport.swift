import CodingContent
import Determinism
import Foundation
import Synchronization
import Testing

@testable import Questions

/// Libraries the question tests run over.
enum TestLibraries {
    /// The small library under `Fixtures/Library`: two families of three codes (hip, gallbladder).
    static let fixture: Library = {
        let root = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/Library")
        return try! Library.load(root: root)
    }()

    /// A generator over the fixture library.
    static let fixtureGenerator = QuestionGenerator(library: fixture)

    /// The services library under `Fixtures/Services`: one or two files of every service layout.
    static let services: Library = {
        let root = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/Services")
        return try! Library.load(root: root)
    }()

    /// A generator over the services library.
    static let servicesGenerator = QuestionGenerator(library: services)

    /// The services library with a name, for the property tests that run over it.
    static let namedServices = NamedLibrary(name: "services", library: services)

    /// The shipped `Content/` when it has procedures, read once for every test that uses it.
    static let shipped: NamedLibrary? = {
        guard let library = try? Library.load(root: LibraryLocator.bundledRoot), !library.procedures.isEmpty else { return nil }
        return NamedLibrary(name: "shipped", library: library)
    }()

    /// The fixture, the shipped `Content/` when it has procedures, and `$CODEDRILL_TEST_LIBRARY`
    /// when set (to check a content branch before it lands).
    static let all: [NamedLibrary] = {
        var result = [NamedLibrary(name: "fixture", library: fixture)]
        if let shipped { result.append(shipped) }
        if let path = ProcessInfo.processInfo.environment["CODEDRILL_TEST_LIBRARY"], !path.isEmpty,
            let extra = try? Library.load(root: URL(fileURLWithPath: path)), !extra.procedures.isEmpty
        {
            result.append(NamedLibrary(name: path, library: extra))
        }
        return result
    }()
}

/// A library with a name for test output, and its questions shared by the tests that read them.
struct NamedLibrary: Sendable, CustomTestStringConvertible {
    let name: String
    let library: Library
    /// The library's one generator and the questions it made, shared by every test of the process.
    let shared: SharedQuestions
    var testDescription: String { name }

    init(name: String, library: Library) {
        self.name = name
        self.library = library
        shared = SharedQuestions(generator: QuestionGenerator(library: library))
    }

    /// A catalog over the library and its banks, as `QuestionCatalog(library:)` builds it, on the shared generator.
    var catalog: QuestionCatalog {
        QuestionCatalog(
            generator: shared.generator, authored: library.bank.questions,
            scenarios: DiagnosisSequenceGenerator(scenarios: library.scenarios))
    }

    /// The library's generator, with the question of every item for each of the first
    /// `SharedQuestions.seeds` seeds made on the first call and kept for the tests after it.
    func questions() async -> SharedQuestions.Generated { await shared.generated() }
}

/// The questions of every item of one library for seeds 1...`seeds`, generated once per test
/// process and read by every property test. The shipped library has some 3,000 items: each property
/// test used to build its own generator and make the same 24,000 questions again (most of the
/// suite's time). A question depends only on the library, the item and the seed, whichever generator
/// makes it; `theSameSeedReproducesTheQuestionByteForByte` compares these with a fresh generator's.
final class SharedQuestions: Sendable {
    /// The seeds kept: the property seeds, at most 12 (a full run's later seeds are made when asked for).
    static let seeds = min(PropertySeeds.count, 12)

    /// The shared generator.
    let generator: QuestionGenerator
    private let generation = Mutex<Task<Generated, Never>?>(nil)

    init(generator: QuestionGenerator) { self.generator = generator }

    /// The questions, made by the first caller's task; later callers wait for it without holding a thread.
    func generated() async -> Generated {
        let task = generation.withLock { task in
            if let task { return task }
            let generator = self.generator
            let made = Task { Generated(generator) }
            task = made
            return made
        }
        return await task.value
    }

    /// A generator with the questions (or generation errors) it made for seeds 1...`seeds`.
    struct Generated: Sendable {
        /// The shared generator.
        let generator: QuestionGenerator
        private let made: [String: [Result<Question, QuestionGenerationError>]]

        fileprivate init(_ generator: QuestionGenerator) {
            self.generator = generator
            var made: [String: [Result<Question, QuestionGenerationError>]] = [:]
            made.reserveCapacity(generator.items.count)
            for item in generator.items {
                made[item.id] = (1...UInt64(SharedQuestions.seeds)).map { seed in
                    Result { () throws(QuestionGenerationError) in try generator.generate(item: item, seed: seed) }
                }
            }
            self.made = made
        }

        /// Every item of the library.
        var items: [Item] { generator.items }
        /// The generator's index.
        var index: LibraryIndex { generator.index }

        /// The question of `item` for `seed`: the one made before when kept, else made now.
        func generate(item: Item, seed: UInt64) throws(QuestionGenerationError) -> Question {
            if (1...UInt64(SharedQuestions.seeds)).contains(seed), let kept = made[item.id] { return try kept[Int(seed) - 1].get() }
            return try generator.generate(item: item, seed: seed)
        }
    }
}

/// The JSON bytes of a question, as `codedrill questions --format json` writes them.
func jsonBytes(_ question: Question) -> Data {
    try! CodedrillJSON.encoder(pretty: true).encode(question)
}

/// A one-step-per-line procedure for synthetic libraries.
func syntheticProcedure(
    code: String, family: String?, section: String = "Surgery/Musculoskeletal System/Hip", steps: [String],
    indications: [String] = ["A typical patient"], contrasts: [Contrast] = []
) -> Procedure {
    Procedure(
        code: code, system: .cpt, title: "Procedure \(code)", section: section.split(separator: "/").map(String.init),
        family: family, contrasts: contrasts, indications: indications,
        steps: steps.enumerated().map { Step(text: $1, isKey: $0 == 1, location: .init(line: 10 + $0, column: 4)) },
        path: "Content/\(code).md")
}

/// How many seeds the property tests try per item: 200 in release builds or with
/// `CODEDRILL_FULL_PROPERTIES=1`, 8 in debug builds (what `swift test` builds). The shipped library
/// has some 5,000 items, so 8 seeds are 40,000 questions per property; 25 made the suite take
/// minutes of CPU on CI. A full run is one variable away.
enum PropertySeeds {
    static let count: Int = {
        if ProcessInfo.processInfo.environment["CODEDRILL_FULL_PROPERTIES"] == "1" { return 200 }
        #if DEBUG
        return 8
        #else
        return 200
        #endif
    }()
}
