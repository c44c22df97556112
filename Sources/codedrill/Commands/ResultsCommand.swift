import ArgumentParser
import CodingContent
import Determinism
import Drill
import Foundation
import ProgressStore
import Questions

/// `codedrill results`: learners' answers leaving the database, for analysis elsewhere.
struct ResultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "Export exam answers as JSON lines, to combine classes kept in several databases.",
        subcommands: [ResultsExportCommand.self]
    )
}

/// `codedrill results export`: every submitted exam answer as one JSON line (docs/reports.md).
struct ResultsExportCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every submitted exam answer as JSON lines (item, seed, answer, correct, time, attempt, learner).",
        discussion: """
            `codedrill report items --from FILE --from FILE…` then analyses several databases' exports \
            together, with the same figures as one database holding everyone. The file is written \
            atomically: a reader never sees half of it.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("learner"), help: ArgumentHelp("Only this learner (repeatable; default: everyone).", valueName: "name"))
    var learners: [String] = []

    @Flag(help: "Replace names by stable pseudonyms (learner-…), the same in every export of this database.")
    var anonymize = false

    @Flag(help: "Also write each learner's first drill answer on each item (source \"drill\").")
    var includeDrills = false

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write.", valueName: "file"))
    var output: String

    func execute() throws {
        let store = try global.openExistingStore()
        let known = Set(try store.learners().map(\.name))
        if let unknown = learners.first(where: { !known.contains($0) }) {
            throw CommandFailure("no learner named '\(unknown)' in \(store.path)", status: .usage)
        }
        let catalog = QuestionCatalog(library: try LibraryAccess.load(global))
        let records = ResultRecord.records(
            try store.recordedResponses(learners: learners, includeDrills: includeDrills), catalog: catalog, anonymize: anonymize)
        try AtomicFile.write(try ResultLines.text(records), to: output)
        let attempts = Set(records.compactMap { record in record.attempt.map { "\(record.learner)\u{0}\($0)" } }).count
        Terminal.note(
            "wrote \(records.count) answer\(records.count == 1 ? "" : "s") from \(attempts) exam attempt\(attempts == 1 ? "" : "s") to \(output)"
        )
    }
}
