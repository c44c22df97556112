import ArgumentParser
import Foundation
import ProgressStore

/// `codedrill learner`: manage the people studying with one database.
struct LearnerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learner",
        abstract: "List, add, rename or delete learners.",
        subcommands: [
            LearnerListCommand.self, LearnerAddCommand.self, LearnerRenameCommand.self, LearnerSetCommand.self,
            LearnerDeleteCommand.self,
        ]
    )
}

/// `codedrill learner list`: one name per line.
struct LearnerListCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List learners, one name per line.")

    @OptionGroup var global: GlobalOptions

    func execute() throws {
        for learner in try global.openStore().learners() { Terminal.line(learner.name) }
    }
}

/// `codedrill learner add NAME`.
struct LearnerAddCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a learner.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The learner's name (unique; quote names with spaces).")
    var name: String

    func execute() throws {
        let learner = try global.openStore().addLearner(named: name, at: global.currentDate())
        Terminal.line("added learner '\(learner.name)'")
    }
}

/// `codedrill learner rename OLD NEW`.
struct LearnerRenameCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename", abstract: "Rename a learner; their progress is kept.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The current name.")
    var oldName: String

    @Argument(help: "The new name.")
    var newName: String

    func execute() throws {
        _ = try global.openStore().renameLearner(oldName, to: newName)
        Terminal.line("renamed learner '\(oldName)' to '\(newName)'")
    }
}

/// `codedrill learner delete NAME [--yes]`: asks for the name again unless `--yes`.
struct LearnerDeleteCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a learner and all of their progress.",
        discussion: """
            Asks you to type the learner's name to confirm, unless --yes is given. Without a matching \
            answer (or at end of input) nothing is deleted and the exit status is 1.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The learner to delete.")
    var name: String

    @Flag(help: "Delete without asking for confirmation.")
    var yes = false

    func execute() throws {
        let store = try global.openStore()
        guard try store.learner(named: name) != nil else {
            throw CommandFailure("no learner named '\(name)'", status: .dataError)
        }
        if !yes {
            Terminal.prompt("This deletes all progress of '\(name)'. Type the learner's name to confirm: ")
            let typed = readLine(strippingNewline: true)
            if typed == nil { Terminal.line() }
            guard typed == name else {
                throw CommandFailure("not confirmed; learner '\(name)' was not deleted", status: .checkFailed)
            }
        }
        let deletion = try store.deleteLearner(named: name)
        Terminal.line("deleted learner '\(name)' (\(deletion.cards) cards, \(deletion.reviews) reviews)")
    }
}

/// `codedrill learner set NAME [--new-per-day N] [--reviews-per-day N] [--retention R]`.
struct LearnerSetCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change a learner's daily limits or target retention; without options, show them.",
        discussion: "Defaults: 20 new items and 200 reviews per study day, retention 0.9."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The learner.")
    var name: String

    @Option(name: .customLong("new-per-day"), help: ArgumentHelp("New items introduced per study day.", valueName: "n"))
    var newPerDay: Int?

    @Option(name: .customLong("reviews-per-day"), help: ArgumentHelp("Reviews per study day.", valueName: "n"))
    var reviewsPerDay: Int?

    @Option(help: ArgumentHelp("Desired retention FSRS schedules for, between 0.7 and 0.99.", valueName: "r"))
    var retention: Double?

    @Option(name: .customLong("exam-date"), help: ArgumentHelp("The exam day the schedule aims at, or none.", valueName: "YYYY-MM-DD"))
    var examDate: String?

    @Option(name: .customLong("exam-blueprint"), help: ArgumentHelp("The exam's blueprint (for readiness in stats).", valueName: "name"))
    var examBlueprint: String?

    @Option(help: ArgumentHelp("FSRS weights: `default` drops the ones `codedrill optimize` stored.", valueName: "default"))
    var params: String?

    func validate() throws {
        if let newPerDay, newPerDay < 0 { throw ValidationError("--new-per-day must be 0 or more") }
        if let reviewsPerDay, reviewsPerDay < 0 { throw ValidationError("--reviews-per-day must be 0 or more") }
        if let retention, !(0.7...0.99).contains(retention) { throw ValidationError("--retention must be between 0.7 and 0.99") }
        if let examDate, examDate != "none", !ExamGoal.isValidDay(examDate) {
            throw ValidationError("--exam-date '\(examDate)' is not a date; expected YYYY-MM-DD or none")
        }
        if examBlueprint != nil, examDate == "none" { throw ValidationError("--exam-blueprint needs an exam date") }
        if let params, params != "default" {
            throw ValidationError("--params takes only 'default' (run `codedrill optimize` to fit weights)")
        }
    }

    func execute() throws {
        let store = try global.openStore()
        guard let learner = try store.learner(named: name) else {
            throw CommandFailure("no learner named '\(name)'", status: .dataError)
        }
        var settings = learner.settings
        if let newPerDay { settings.newPerDay = newPerDay }
        if let reviewsPerDay { settings.reviewsPerDay = reviewsPerDay }
        if let retention { settings.desiredRetention = retention }
        if settings != learner.settings { settings = try store.updateSettings(settings, learner: learner.id).settings }
        let plan = try LearnerPlanOptions(examDate: examDate, examBlueprint: examBlueprint, params: params)
            .apply(to: learner, store: store)
        Terminal.line(
            "\(name): \(settings.newPerDay) new per day, \(settings.reviewsPerDay) reviews per day, retention \(settings.desiredRetention)")
        Terminal.line("\(name): \(plan.summary)")
    }
}
