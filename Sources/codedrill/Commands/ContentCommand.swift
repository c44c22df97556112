import ArgumentParser
import CodingContent
import Foundation

/// `codedrill content`: maintenance of content files.
struct ContentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "content",
        abstract: "Maintain content files (upgrade format v1 files to v2).",
        subcommands: [ContentUpgradeCommand.self]
    )
}

/// `codedrill content upgrade FILE…`: rewrites v1 files as v2 in place, atomically.
struct ContentUpgradeCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Rewrite format v1 content files as format v2 in place, without losing a word.",
        discussion: """
            contrasts become 'instead' (rules_out becomes 'here'); 'format: 2' is added; setting, anesthesia and \
            RT/LT modifiers are inferred when missing and marked with a comment to check. Each file is replaced \
            atomically; a file with errors is left untouched. Exit 0 when every file is upgraded or already v2, \
            65 when some file could not be upgraded, 74 on a write error.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Content files to upgrade.", valueName: "file"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one content file to upgrade") }
    }

    func execute() throws {
        let cwd = LibraryAccess.workingDirectory
        var failed = 0
        for file in files {
            let url = URL(fileURLWithPath: file, relativeTo: cwd)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw CommandFailure("cannot read \(file)", status: .ioError)
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                Terminal.diagnostic("\(file):1:1: error: file is not valid UTF-8; save it as UTF-8")
                failed += 1
                continue
            }
            switch ContentUpgrade.upgrade(text: text, path: file) {
            case .upgraded(let upgraded):
                try AtomicFile.write(upgraded, to: file)
                Terminal.line("upgraded \(file)")
            case .alreadyCurrent:
                Terminal.line("\(file) is already format 2")
            case .failed(let diagnostics):
                for diagnostic in diagnostics { Terminal.diagnostic(diagnostic.description) }
                failed += 1
            }
        }
        if failed > 0 {
            throw CommandFailure("\(failed) of \(files.count) file\(files.count == 1 ? "" : "s") not upgraded", status: .dataError)
        }
    }
}
