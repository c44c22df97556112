import ArgumentParser
import Determinism
import Drill
import FSRS
import Foundation
import ProgressStore
import Questions

/// `codedrill drill`: the daily study session, one answer per line.
struct DrillCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "Study what is due today, then new items: one scenario question at a time.",
        discussion: """
            Answer with the option's letter (b) or the code (27284, 27284-RT); add ? if you were unsure \
            (b?) or ! if you were sure (b!). A wrong answer counts as Again, right as Good, right but \
            unsure as Hard, right and sure as Easy. At the prompt: ? help, s skip, u undo the last \
            answer, q quit. End of input saves and ends the session. Every answer is saved before the \
            next question is shown.

            With --json every output line is one JSON object (type question, feedback, undone, \
            error, help, session, summary); input is one answer or command per line.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Learner name (default: your login name; created on first use).")
    var learner: String?

    @Option(help: ArgumentHelp("Only items with this tag (repeatable).", valueName: "tag"))
    var tag: [String] = []

    @Option(help: ArgumentHelp("Only items of this procedure family (repeatable).", valueName: "family"))
    var family: [String] = []

    @Option(help: ArgumentHelp("Only questions of this kind (repeatable), e.g. vignette.", valueName: "kind"))
    var kind: [String] = []

    @Option(name: .customLong("new"), help: ArgumentHelp("At most N new items this session (within the daily limit).", valueName: "n"))
    var newLimit: Int?

    @Option(name: .customLong("max"), help: ArgumentHelp("At most N questions this session.", valueName: "n"))
    var maxQuestions: Int?

    @Flag(help: "Write one JSON object per line instead of text.")
    var json = false

    func validate() throws {
        if let newLimit, newLimit < 0 { throw ValidationError("--new must be 0 or more") }
        if let maxQuestions, maxQuestions < 1 { throw ValidationError("--max must be 1 or more") }
    }

    func execute() throws {
        let setup = try StudySetup(global, learnerName: learner)
        let selection = ItemSelection(tags: Set(tag), families: Set(family), kinds: Set(kind))
        if selection != .all, setup.catalog.items(selection).isEmpty {
            throw CommandFailure("no items match the filters (\(describe(selection))); `codedrill library` lists families", status: .usage)
        }
        let scheduler = try LearnerScheduling.scheduler(for: setup.learner)
        let fixed = try global.fixedDate()
        let session = try DrillSession(
            store: setup.store, catalog: setup.catalog, learner: setup.learner, scheduler: scheduler,
            options: DrillOptions(selection: selection, newLimit: newLimit, maxQuestions: maxQuestions),
            clock: .system(fixedDate: fixed))
        let out = DrillOutput(json: json)
        let input = StudyInput { out.render([.problem(InputProblem(message: $0))]) }
        out.render(try session.opening(createdLearner: setup.createdLearner))
        while !session.isFinished {
            // End of input, or a stop signal (Ctrl-C, a closed terminal, kill), ends the session like `q`.
            let line = input.readLine().map(DrillInput.init(line:)) ?? .quit
            out.render(try session.handle(line))
        }
        try input.exitIfStopped()
    }

    private func describe(_ selection: ItemSelection) -> String {
        var parts: [String] = []
        if !selection.tags.isEmpty { parts.append("tag " + selection.tags.sorted().joined(separator: ", ")) }
        if !selection.families.isEmpty { parts.append("family " + selection.families.sorted().joined(separator: ", ")) }
        if !selection.kinds.isEmpty { parts.append("kind " + selection.kinds.sorted().joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }
}

/// Renders drill events as text for people or as JSON lines for programs.
struct DrillOutput {
    let json: Bool

    private func emit<T: Encodable>(_ value: T) { Terminal.jsonLine(value) }

    private struct Help: Encodable {
        var type = "help"
        var text: String
    }

    static let helpText = """
        Answer with a letter (b) or the code (27284, 27284-RT). Add ? if unsure (b?), ! if sure (b!).
        Commands: ? help · s skip · u undo the last answer · q quit (progress is always saved)
        """

    /// Renders `events` in order.
    func render(_ events: [DrillEvent]) {
        for event in events {
            switch event {
            case .started(let start): self.start(start)
            case .question(let question): show(question)
            case .feedback(let feedback): self.feedback(feedback)
            case .undone(let undone): self.undone(undone)
            case .problem(let problem):
                self.problem(problem)
                prompt()
            case .help:
                help()
                prompt()
            case .summary(let summary): self.summary(summary)
            }
        }
    }

    private func start(_ s: DrillStart) {
        if json { return emit(s) }
        let (learner, created, planned) = (s.learner, s.created, s.planned)
        if created { Terminal.line("Created learner '\(learner)'.") }
        if planned == 0 {
            Terminal.line("Nothing is due for \(learner) and no new items are left today. Come back tomorrow!")
        } else {
            Terminal.line("Drill for \(learner): \(planned) question\(planned == 1 ? "" : "s") planned. Type ? for help.")
        }
    }

    private func show(_ q: ShownQuestion) {
        if json { return emit(q) }
        Terminal.line("")
        Terminal.line(Style.bold("[\(q.index)/\(q.total)]") + Style.dim(" \(q.kind)\(q.new ? " · new" : "")"))
        Terminal.line(TextWrap.wrap(q.stem))
        if !q.options.isEmpty {
            Terminal.line("")
            for option in q.options { Terminal.line(TextWrap.wrap("\(option.label.lowercased())) \(option.text)", indent: "  ")) }
        }
        prompt()
    }

    private func prompt() {
        if !json { Terminal.prompt("answer> ") }
    }

    private func feedback(_ f: Feedback) {
        if json { return emit(f) }
        let answer = f.answer.label.map { "\($0). \(f.answer.text)" } ?? f.answer.text
        Terminal.line(f.correct ? Style.green("✓ Right: \(answer)") : Style.red("✗ Wrong: the answer is \(answer)"))
        if let note = f.modifierNote { Terminal.line(TextWrap.wrap("Modifier: \(note)", indent: "  ")) }
        if let chosen = f.chosenRationale { Terminal.line(TextWrap.wrap("Your choice (\(f.given)): \(chosen)", indent: "  ")) }
        Terminal.line(TextWrap.wrap("Why: \(f.rationale)", indent: "  "))
        Terminal.line(Style.dim("  Next review in \(f.dueIn)\(f.again ? " (again later in this session)" : "").  [\(f.rating)]"))
    }

    private func undone(_ u: Undone) {
        if json { return emit(u) }
        Terminal.line("Undone: your answer '\(u.given)' to \(u.item) was removed; here it is again.")
    }

    private func problem(_ p: InputProblem) {
        if json { return emit(p) }
        Terminal.line(p.message)
    }

    private func help() {
        if json { return emit(Help(text: Self.helpText)) }
        Terminal.line(Self.helpText)
    }

    private func summary(_ s: DrillSummary) {
        if json { return emit(s) }
        Terminal.line("")
        Terminal.line(Style.bold("Session done for \(s.learner)."))
        Terminal.line(
            "Answered \(s.answered) (\(s.correct) right, \(s.accuracy.formatted1)%) in \(minutes(s.seconds)); \(s.newItems) new item\(s.newItems == 1 ? "" : "s")."
        )
        if s.remaining > 0 { Terminal.line("\(s.remaining) question\(s.remaining == 1 ? "" : "s") left for later.") }
        Terminal.line("Due tomorrow: \(s.dueTomorrow). Study streak: \(s.streak) day\(s.streak == 1 ? "" : "s").")
    }

    private func minutes(_ seconds: Int) -> String {
        seconds < 60 ? "\(seconds) s" : "\(seconds / 60) min \(seconds % 60) s"
    }
}

extension Double {
    /// One decimal, without a trailing `.0`.
    var formatted1: String {
        let r = (self * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(format: "%.1f", r)
    }
}

extension GlobalOptions {
    /// The fixed clock from `--now` or `$CODEDRILL_NOW`, or `nil` for the system clock.
    func fixedDate() throws -> Date? {
        (now ?? environment["CODEDRILL_NOW"]) == nil ? nil : try currentDate()
    }
}
