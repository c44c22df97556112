import ArgumentParser
import FSRS
import Foundation
import ProgressStore

/// `codedrill db`: look after the progress database file.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Check or back up the progress database.",
        subcommands: [DatabaseCheckCommand.self, DatabaseBackupCommand.self, DatabaseExerciseCommand.self]
    )
}

/// `codedrill db check`: integrity and schema version.
struct DatabaseCheckCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the progress database's integrity and schema version.",
        discussion: "Exit status: 0 when sound, 65 when problems are found or the file is not a codedrill database."
    )

    @OptionGroup var global: GlobalOptions

    func execute() throws {
        let store = try global.openExistingStore()
        let check = try store.check()
        for problem in check.problems { Terminal.line("problem: \(problem)") }
        if check.isSound {
            Terminal.line("\(store.path): ok (schema version \(check.schemaVersion))")
        } else {
            throw CommandFailure(
                "\(store.path): \(check.problems.count) problem(s) found (schema version \(check.schemaVersion))",
                status: .dataError)
        }
    }
}

/// `codedrill db backup PATH`: an online copy, safe while someone is drilling.
struct DatabaseBackupCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the progress database to a new file, safely, even while a drill is running."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The new file to write (must not exist).", valueName: "path"))
    var destination: String

    func execute() throws {
        let store = try global.openExistingStore()
        try store.backup(to: destination)
        Terminal.line("backed up \(store.path) to \(destination)")
    }
}

/// `codedrill db exercise`: a hidden load generator for the crash and concurrency tests. Records
/// answers in a loop and prints `committed <review id>` after each commit.
struct DatabaseExerciseCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise",
        abstract: "Record synthetic answers in a loop (for tests).",
        shouldDisplay: false
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Learner to record for (added when missing).")
    var learner: String

    @Option(help: "Number of answers to record.")
    var count: Int

    @Option(help: "Item ids are this prefix followed by 0, 1, 2, …")
    var itemPrefix: String

    @Option(help: "Number of distinct items to cycle through.")
    var items: Int = 10

    @Option(help: "Wait until this file exists before opening the database (starts processes together).")
    var startFile: String?

    func execute() throws {
        guard count >= 0, items > 0 else { throw CommandFailure("--count must be ≥ 0 and --items > 0", status: .usage) }
        if let startFile {
            while !FileManager.default.fileExists(atPath: startFile) { usleep(1_000) }
        }
        let store = try global.openStore()
        let start = try global.currentDate()
        let learner = try store.ensureLearner(named: learner, at: start)
        let records = (0..<items).map {
            ItemRecord(id: "\(itemPrefix)\($0)", kind: "exercise", source: "exercise", contentHash: "0")
        }
        _ = try store.syncItems(records, at: start, retireMissing: false)
        for index in 0..<count {
            let now = global.now == nil ? Date() : start
            let correct = index % 4 != 0
            let answer = LearnerAnswer(
                learner: learner.id, item: records[index % items].id, seed: UInt64(index), given: correct ? "a" : "b",
                correct: correct, rating: correct ? .good : .again, responseMilliseconds: 1_000, answeredAt: now)
            let review = try store.record(answer) { current in Self.nextCard(after: current, at: now, correct: correct) }
            Terminal.line("committed \(review.id)")
        }
    }

    /// A stand-in schedule (not FSRS): enough to make every answer change the card.
    static func nextCard(after card: Card?, at now: Date, correct: Bool) -> Card {
        var next = card ?? Card.new(at: now)
        next.phase = .review
        next.step = nil
        next.reps += 1
        if !correct && card != nil { next.lapses += 1 }
        next.memory = MemoryState(stability: Double(next.reps), difficulty: correct ? 5 : 7)
        next.lastReview = now
        next.due = now.addingTimeInterval(86_400 * Double(next.reps))
        return next
    }
}
