import CodingContent
import Determinism
import Foundation
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

    /// The fixture, the shipped `Content/` when it has procedures, and `$CODEDRILL_TEST_LIBRARY`
    /// when set (to check a content branch before it lands).
    static let all: [NamedLibrary] = {
        var result = [NamedLibrary(name: "fixture", library: fixture)]
        if let shipped = try? Library.load(root: LibraryLocator.bundledRoot), !shipped.procedures.isEmpty {
            result.append(NamedLibrary(name: "shipped", library: shipped))
        }
        if let path = ProcessInfo.processInfo.environment["CODEDRILL_TEST_LIBRARY"], !path.isEmpty,
            let extra = try? Library.load(root: URL(fileURLWithPath: path)), !extra.procedures.isEmpty
        {
            result.append(NamedLibrary(name: path, library: extra))
        }
        return result
    }()
}

/// A library with a name for test output.
struct NamedLibrary: Sendable, CustomTestStringConvertible {
    var name: String
    var library: Library
    var testDescription: String { name }
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
