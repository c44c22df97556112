import ArgumentParser
import CodingContent
import Drill
import FSRS
import Foundation
import ProgressStore
import Questions

/// `codedrill exam`: timed mock exams (`take`, the default), their history and past reports.
struct ExamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exam",
        abstract: "Sit a timed mock exam, list past attempts, or print a past report.",
        usage: """
            codedrill exam [--learner <name>] [--blueprint <name>] [--questions <n>] [--minutes <m>] [--seed <s>] [--json]
            codedrill exam --resume [--learner <name>] [--json]
            codedrill exam history [--learner <name>] [--json]
            codedrill exam show <id> [--json]
            """,
        discussion: """
            `codedrill exam [options]` is `codedrill exam take [options]`; `codedrill help exam take` \
            explains the options and the commands at the exam prompt. See docs/exams.md.
            """,
        subcommands: [ExamTakeCommand.self, ExamHistoryCommand.self, ExamShowCommand.self],
        defaultSubcommand: ExamTakeCommand.self
    )
}

/// `codedrill exam take`: one timed exam, one input line at a time, no feedback until submission.
struct ExamTakeCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "take",
        abstract: "Sit a timed mock exam drawn per a blueprint (the default subcommand of `exam`).",
        discussion: """
            Questions are drawn per the blueprint (QuestionBanks/blueprints/NAME.yaml) and shown one at \
            a time with the time left; nothing says right or wrong until you submit. Answer with the \
            option's letter (b) or the code (27284, 27284-RT), with ? if unsure or ! if sure. Commands: \
            n next, p previous, g 42 go to question 42, f flag/unflag, l list all questions, submit \
            (asks y/n when questions are unanswered), q leave, ? help. Every answer is saved at once; \
            end of input leaves the exam open, and --resume continues it with the same deadline. At \
            the deadline the exam is submitted with what was answered. On submission each answered \
            question is recorded as one review, as in a drill.

            With --json every output line is one JSON object (type exam, question, saved, list, \
            confirm, report, error, help, paused); input is one answer or command per line.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Learner name (default: your login name; created on first use).")
    var learner: String?

    @Option(
        help: ArgumentHelp("Blueprint id: a file name in QuestionBanks/blueprints without .yaml (default: cpc-mock).", valueName: "name"))
    var blueprint: String?

    @Option(help: ArgumentHelp("Number of questions (default: the blueprint's).", valueName: "n"))
    var questions: Int?

    @Option(help: ArgumentHelp("Time allowed in minutes (default: the blueprint's).", valueName: "m"))
    var minutes: Int?

    @Option(help: ArgumentHelp("Seed of the draw: the same seed gives the same exam (default: from the clock).", valueName: "s"))
    var seed: UInt64?

    @Flag(help: "Continue your unfinished exam (its deadline is unchanged).")
    var resume = false

    @Flag(help: "Write one JSON object per line instead of text.")
    var json = false

    /// The blueprint used without `--blueprint`.
    static let defaultBlueprint = "cpc-mock"

    func validate() throws {
        if let questions, questions < 1 { throw ValidationError("--questions must be 1 or more") }
        if let minutes, minutes < 1 { throw ValidationError("--minutes must be 1 or more") }
        if resume, blueprint != nil || questions != nil || minutes != nil || seed != nil {
            throw ValidationError(
                "--resume continues the unfinished exam as it was drawn; it takes no --blueprint, --questions, --minutes or --seed")
        }
    }

    func execute() throws {
        let setup = try StudySetup(global, learnerName: learner, createLearner: !resume) { library in
            if !resume { _ = try Self.blueprint(blueprint ?? Self.defaultBlueprint, in: library) }
        }
        let scheduler = try LearnerScheduling.scheduler(for: setup.learner)
        let fixed = try global.fixedDate()
        let clock = { fixed ?? Date() }
        let out = ExamOutput(json: json)
        if setup.createdLearner { Terminal.note("created learner '\(setup.learner.name)'") }

        let session: ExamSession
        if resume {
            guard
                let open = try ExamSession.resume(
                    store: setup.store, catalog: setup.catalog, learner: setup.learner, blueprints: setup.library.blueprints,
                    scheduler: scheduler, clock: clock)
            else {
                throw CommandFailure("\(setup.learner.name) has no unfinished exam; start one with `codedrill exam`", status: .usage)
            }
            session = open
        } else {
            try settleUnfinished(setup, scheduler: scheduler, clock: clock)
            let chosen = try Self.blueprint(blueprint ?? Self.defaultBlueprint, in: setup.library)
            do {
                session = try ExamSession.start(
                    store: setup.store, catalog: setup.catalog, learner: setup.learner, blueprint: chosen,
                    settings: ExamSettings(questions: questions, minutes: minutes, seed: seed), scheduler: scheduler, clock: clock)
            } catch let unfinished as UnfinishedExam {
                // Another process started one since `settleUnfinished` looked.
                throw Self.mustResume(unfinished.attempt, learner: setup.learner.name, now: clock())
            }
        }

        let input = StudyInput {
            _ = out.render([.problem(InputProblem(message: $0))])
            out.prompt()
        }
        var finished = out.render(try session.opening())
        while !finished {
            out.prompt()
            guard let line = input.readLine() else {
                _ = out.render([.paused(session.pause())])
                break
            }
            finished = out.render(try session.handle(ExamInput(line: line)))
        }
        try input.exitIfStopped()
    }

    /// The blueprint with `id`, or a usage failure naming the ones the library has.
    private static func blueprint(_ id: String, in library: Library) throws -> Blueprint {
        if let found = library.blueprint(id: id) { return found }
        let known = library.blueprints.map(\.id).sorted()
        throw CommandFailure(
            "unknown blueprint '\(id)'; "
                + (known.isEmpty
                    ? "the library has no blueprints (QuestionBanks/blueprints/*.yaml)"
                    : "the library has \(known.joined(separator: ", "))"),
            status: .usage)
    }

    /// The refusal to start a new exam while `open` is not submitted.
    private static func mustResume(_ open: ExamAttempt, learner: String, now: Date) -> CommandFailure {
        let answered = open.questions.filter { $0.answer != nil }.count
        let left = ExamOutput.clockText(max(0, Int(open.deadline.timeIntervalSince(now).rounded(.up))))
        return CommandFailure(
            "\(learner) has an unfinished exam (attempt \(open.id): \(answered) of \(open.questions.count) answered, \(left) left); continue it with `codedrill exam --resume`",
            status: .usage)
    }

    /// Before a new exam: an unfinished one with time left must be resumed first; one whose time ran
    /// out is submitted now (as of its deadline), as a resume would.
    private func settleUnfinished(_ setup: StudySetup, scheduler: Scheduler, clock: @escaping () -> Date) throws {
        guard let open = try ExamSession.unfinishedAttempt(store: setup.store, learner: setup.learner) else { return }
        if clock() < open.deadline { throw Self.mustResume(open, learner: setup.learner.name, now: clock()) }
        guard
            let expired = try ExamSession.resume(
                store: setup.store, catalog: setup.catalog, learner: setup.learner, blueprints: setup.library.blueprints,
                scheduler: scheduler, clock: clock)
        else { return }
        let report = try expired.submit()
        Terminal.note(
            "exam attempt \(report.attempt) ran out of time and was submitted: \(report.correct) of \(report.questions) right; `codedrill exam show \(report.attempt)` prints its report"
        )
    }
}

/// `codedrill exam history`: a learner's attempts, newest first.
struct ExamHistoryCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List a learner's exam attempts with their scores, newest first.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Learner name (default: your login name).")
    var learner: String?

    @Flag(help: "Write one JSON object (type attempt) per attempt instead of text.")
    var json = false

    func execute() throws {
        let store = try global.openExistingStore()
        let name = learner ?? StudySetup.loginName
        guard let found = try store.learner(named: name) else {
            throw CommandFailure("no learner named '\(name)' in \(store.path)", status: .usage)
        }
        let library = try LibraryAccess.load(global)
        let now = try global.currentDate()
        let attempts = try store.examAttempts(learner: found.id)
        let entries = attempts.map { ExamHistoryEntry(attempt: $0, blueprint: library.blueprint(id: $0.blueprint), at: now) }
        ExamOutput(json: json).history(entries, learner: found.name)
    }
}

/// `codedrill exam show ID`: the report of a submitted attempt, rebuilt from the database.
struct ExamShowCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the report of a past exam attempt.",
        discussion: """
            Questions are regenerated from each stored item and seed; answers, correctness and the score \
            are the stored ones; part labels and the pass mark come from the blueprint in the library.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The attempt id (see `codedrill exam history`).", valueName: "id"))
    var id: Int64

    @Flag(help: "Write the report as one JSON object (type report).")
    var json = false

    func execute() throws {
        let store = try global.openExistingStore()
        guard let attempt = try store.examAttempt(id: id) else {
            throw CommandFailure("no exam attempt with id \(id) in \(store.path)", status: .usage)
        }
        guard attempt.submittedAt != nil else {
            throw CommandFailure("exam attempt \(id) is not submitted yet; `codedrill exam --resume` continues it", status: .usage)
        }
        let library = try LibraryAccess.load(global)
        let catalog = QuestionCatalog(library: library)
        let learner = try store.learners().first { $0.id == attempt.learner }?.name ?? "learner \(attempt.learner)"
        let report = ExamReport(attempt: attempt, learner: learner, blueprint: library.blueprint(id: attempt.blueprint), catalog: catalog)
        _ = ExamOutput(json: json).render([.report(report)])
    }
}

extension ExamProblem: ReportableError {
    /// The library cannot make the exam: bad input data.
    var exitStatus: ExitStatus { .dataError }
}
