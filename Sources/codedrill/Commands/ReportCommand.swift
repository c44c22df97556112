import ArgumentParser
import CodingContent
import Determinism
import Drill
import Foundation
import ProgressStore
import Questions

/// `codedrill report`: the instructor's view of a class (docs/reports.md).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports for instructors: item analysis of exam questions, and a class roster.",
        subcommands: [ReportItemsCommand.self, ReportLearnersCommand.self]
    )
}

/// Output formats of the reports.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    /// A table for people.
    case text
    /// One JSON object.
    case json
    /// Comma-separated values for a spreadsheet.
    case csv
}

/// `codedrill report items`: Moodle's quiz statistics for every item of the exams taken.
struct ReportItemsCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "items",
        abstract: "Item analysis of exam questions: facility, discrimination, distractors, test reliability.",
        discussion: """
            Uses each learner's first submitted attempt at each blueprint, from the database or from \
            files written by `codedrill results export` (--from, repeatable). Figures follow Moodle's quiz \
            statistics; docs/reports.md gives every formula and how to act on it.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only attempts at this blueprint.", valueName: "name"))
    var blueprint: String?

    @Option(help: ArgumentHelp("Only attempts started on or after this date (YYYY-MM-DD, UTC, or ISO 8601).", valueName: "date"))
    var since: String?

    @Option(name: .customLong("kind"), help: ArgumentHelp("Only rows of items of this kind (repeatable).", valueName: "kind"))
    var kinds: [String] = []

    @Option(help: "Output format: text, json or csv.")
    var format: ReportFormat = .text

    @Option(
        name: .customLong("from"),
        help: ArgumentHelp(
            "Read results files (`codedrill results export`) instead of the database (repeatable).", valueName: "file"))
    var files: [String] = []

    @Flag(help: "Also count each learner's first drill answer on each item, as one more attempt per learner.")
    var includeDrills = false

    func execute() throws {
        let filter = ResultFilter(blueprint: blueprint, since: try since.map(Self.date), includeDrills: includeDrills)
        let records: [ResultRecord]
        if files.isEmpty {
            let store = try global.openExistingStore()
            let catalog = QuestionCatalog(library: try LibraryAccess.load(global))
            records = ResultRecord.records(try store.recordedResponses(includeDrills: includeDrills), catalog: catalog, anonymize: false)
        } else {
            records = try files.flatMap(ResultFiles.read)
        }
        let attempts: [ScoredAttempt]
        do {
            attempts = try ResultSelection.attempts(records, filter: filter)
        } catch {
            throw CommandFailure(error.message, status: .dataError)
        }
        let analysis = ItemAnalysis(attempts: attempts, kinds: Set(kinds))
        switch format {
        case .json: Terminal.line(try CodedrillJSON.string(analysis, pretty: false))
        case .csv: Terminal.output(ItemAnalysisOutput.csv(analysis))
        case .text: Terminal.output(ItemAnalysisOutput.text(analysis, filter: filter))
        }
    }

    /// `--since`: a calendar date (midnight UTC) or an ISO 8601 date-time.
    static func date(_ text: String) throws -> Date {
        if let date = ISO8601.parse(text) ?? ISO8601.parse(text + "T00:00:00Z") { return date }
        throw CommandFailure("--since: '\(text)' is not a date (YYYY-MM-DD) or an ISO 8601 date-time", status: .usage)
    }
}

/// `codedrill report learners`: the class roster.
struct ReportLearnersCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "learners",
        abstract: "Every learner's reviews, retention, backlog, streak, exam scores and weakest families."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output format: text, json or csv.")
    var format: ReportFormat = .text

    func execute() throws {
        let now = try global.currentDate()
        let store = try global.openExistingStore()
        let library = try LibraryAccess.load(global)
        let report = try ClassReport(
            store: store, catalog: QuestionCatalog(library: library), blueprints: library.blueprints,
            at: now, calendar: StudyCalendar())
        switch format {
        case .json: Terminal.line(try CodedrillJSON.string(report, pretty: false))
        case .csv: Terminal.output(ClassReportOutput.csv(report))
        case .text: Terminal.output(ClassReportOutput.text(report))
        }
    }
}

/// Reading results files named on the command line.
enum ResultFiles {
    /// The records of `path`; unreadable files exit 74, bad lines 65 with `file:line: problem`.
    static func read(_ path: String) throws -> [ResultRecord] {
        let url = URL(fileURLWithPath: path, relativeTo: LibraryAccess.workingDirectory)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CommandFailure("cannot read \(path): \((error as NSError).localizedDescription)", status: .ioError)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure("\(path): not UTF-8 text", status: .dataError)
        }
        do {
            return try ResultLines.parse(text, file: path)
        } catch {
            throw CommandFailure(error.description, status: .dataError)
        }
    }
}
