import CodingContent
import Foundation
import Testing

@Suite("Library search order")
struct LibraryLocatorTests {
    /// A temporary tree: `work/` (no library), `data/codedrill/library/Content`, `usr/bin/codedrill`
    /// and `usr/share/codedrill/library/QuestionBanks`.
    struct Tree {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("codedrill-locator-\(UUID().uuidString)")
        var work: URL { root.appendingPathComponent("work") }
        var data: URL { root.appendingPathComponent("data") }
        var binary: URL { root.appendingPathComponent("usr/bin/codedrill") }

        init() throws {
            for path in ["work/sub", "data/codedrill/library/Content", "usr/bin", "usr/share/codedrill/library/QuestionBanks"] {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(path), withIntermediateDirectories: true)
            }
            #expect(FileManager.default.createFile(atPath: binary.path, contents: Data()))
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func theDataDirectoryComesBeforeTheBinarysShareAndTheCheckout() throws {
        let tree = try Tree()
        defer { tree.remove() }
        let found = LibraryLocator.resolve(
            explicit: nil, environment: ["XDG_DATA_HOME": tree.data.path], workingDirectory: tree.work.appendingPathComponent("sub"),
            executable: tree.binary)
        #expect(found.standardizedFileURL.path == tree.data.appendingPathComponent("codedrill/library").standardizedFileURL.path)
    }

    @Test func theShareDirectoryBesideTheBinaryIsNext() throws {
        let tree = try Tree()
        defer { tree.remove() }
        let found = LibraryLocator.resolve(
            explicit: nil, environment: ["HOME": tree.root.appendingPathComponent("nohome").path], workingDirectory: tree.work,
            executable: tree.binary)
        #expect(found.standardizedFileURL.path == tree.root.appendingPathComponent("usr/share/codedrill/library").standardizedFileURL.path)
    }

    @Test func anEnclosingLibraryAndTheEnvironmentComeFirst() throws {
        let tree = try Tree()
        defer { tree.remove() }
        let environment = ["XDG_DATA_HOME": tree.data.path]
        let inside = tree.data.appendingPathComponent("codedrill/library/Content")
        #expect(
            LibraryLocator.resolve(explicit: nil, environment: environment, workingDirectory: inside, executable: tree.binary).path
                == tree.data.appendingPathComponent("codedrill/library").standardizedFileURL.path)
        let chosen = LibraryLocator.resolve(
            explicit: nil, environment: environment.merging(["CODEDRILL_LIBRARY": "/elsewhere"]) { $1 }, workingDirectory: tree.work,
            executable: tree.binary)
        #expect(chosen.path == "/elsewhere")
    }
}
