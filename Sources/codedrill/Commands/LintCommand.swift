import ArgumentParser
import CodingContent
import Determinism
import Foundation
import Questions

/// `codedrill lint`: checks content files (and question banks) like a compiler.
struct LintCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the library's content files and report problems as path:line:column diagnostics.",
        discussion: "Exit 0 when there are no errors (warnings allowed), 1 when there are errors, 65 when the library cannot be read."
    )

    @OptionGroup var global: GlobalOptions

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("Check that ICD-10 codes are valid on this date (YYYY-MM-DD; default today).", valueName: "date"))
    var asOf: String?

    @Argument(
        help: ArgumentHelp(
            "Only report on these files or directories (the whole library is still read for cross-references).", valueName: "path"))
    var paths: [String] = []

    func execute() throws {
        let cwd = LibraryAccess.workingDirectory
        let library = try LibraryAccess.load(global)
        let day: Int
        if let asOf {
            guard let date = ISO8601.parse(asOf) else {
                throw CommandFailure("--as-of: '\(asOf)' is not a date like 2026-11-25", status: .usage)
            }
            day = ICD10Tables.day(date, in: TimeZone(identifier: "UTC")!)
        } else {
            day = ICD10Tables.day(try global.currentDate())
        }
        var diagnostics = Linter(asOfDay: day).lint(library)
        var files = library.allFiles
        if !paths.isEmpty {
            let wanted = paths.map { Library.displayPath(URL(fileURLWithPath: $0, relativeTo: cwd), workingDirectory: cwd) }
            for (path, given) in zip(wanted, paths)
            where !FileManager.default.fileExists(atPath: URL(fileURLWithPath: given, relativeTo: cwd).path) {
                throw CommandFailure("no such file or directory: \(path)", status: .dataError)
            }
            func selected(_ file: String) -> Bool { wanted.contains { file == $0 || file.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") } }
            diagnostics = diagnostics.filter { selected($0.path) }
            files = files.filter(selected)
        }
        for diagnostic in diagnostics { Terminal.diagnostic(diagnostic.description) }
        let report = LintReport(fileCount: files.count, diagnostics: diagnostics)
        Terminal.line(report.summary)
        if report.errorCount > 0 { throw ExitCode(ExitStatus.checkFailed.rawValue) }
    }
}
