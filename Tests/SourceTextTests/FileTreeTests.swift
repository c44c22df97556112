import Foundation
import Testing

@testable import SourceText

@Suite("File tree")
struct FileTreeTests {
    @Test func listsRegularFilesByExtensionSortedSkippingHiddenAndLinkedDirectories() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("codedrill-filetree-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        for directory in ["b/deeper", "a", ".hidden", "dir.md"] {
            try fm.createDirectory(at: root.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        for file in ["z.md", "a/one.MD", "b/deeper/two.md", "b/notes.txt", ".secret.md", ".hidden/three.md", "a/md"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(file))
        }
        try fm.createSymbolicLink(
            atPath: root.appendingPathComponent("linked.md").path, withDestinationPath: root.appendingPathComponent("z.md").path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("loop").path, withDestinationPath: root.path)

        let found = FileTree.files(under: root.path, withExtension: "md").map { String($0.dropFirst(root.path.count + 1)) }
        #expect(found == ["a/one.MD", "b/deeper/two.md", "linked.md", "z.md"])
        #expect(FileTree.files(under: root.path + "/", withExtension: "txt") == [root.path + "/b/notes.txt"])
        #expect(FileTree.files(under: root.appendingPathComponent("missing").path, withExtension: "md").isEmpty)
    }
}
