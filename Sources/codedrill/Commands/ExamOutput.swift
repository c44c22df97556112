import Determinism
import Drill
import Foundation

/// Renders exam events as text for people or as JSON lines for programs.
struct ExamOutput {
    let json: Bool

    private struct Help: Encodable {
        var type = "help"
        var text: String
    }

    static let helpText = """
        Answer with a letter (b) or the code (27284, 27284-RT). Add ? if unsure (b?), ! if sure (b!).
        Commands: n next · p previous · g 42 go to question 42 · f flag/unflag · l list all questions
                  submit hand in · q leave (the clock keeps running; resume with codedrill exam --resume) · ? help
        """

    private func emit<T: Encodable>(_ value: T) { Terminal.jsonLine(value) }

    /// Renders `events`; returns true when the exam is over for this run (submitted or left).
    @discardableResult
    func render(_ events: [ExamEvent]) -> Bool {
        var finished = false
        for event in events {
            switch event {
            case .exam(let header): self.header(header)
            case .question(let question): show(question)
            case .saved(let saved): self.saved(saved)
            case .list(let list): self.list(list)
            case .confirm(let confirm): json ? emit(confirm) : Terminal.line(confirm.message)
            case .report(let report):
                self.report(report)
                finished = true
            case .problem(let problem): json ? emit(problem) : Terminal.line(problem.message)
            case .help: json ? emit(Help(text: Self.helpText)) : Terminal.line(Self.helpText)
            case .paused(let paused):
                self.paused(paused)
                finished = true
            }
        }
        return finished
    }

    /// The prompt before each input line (text only).
    func prompt() {
        if !json { Terminal.prompt("exam> ") }
    }

    /// `3:59:12` for an hour or more, else `14:59`.
    static func clockText(_ seconds: Int) -> String {
        let s = max(0, seconds)
        let (h, m, r) = (s / 3600, s % 3600 / 60, s % 60)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(r))" : "\(m):\(two(r))"
    }

    private func header(_ h: ExamHeader) {
        if json { return emit(h) }
        let pass = h.passPercent.map { "pass mark \($0.formatted1)%" } ?? "no pass mark"
        if h.resumed {
            Terminal.line(
                "Resuming exam attempt \(h.attempt) for \(h.learner): \(h.name), \(h.answered) of \(h.questions) answered, \(Self.clockText(h.secondsLeft)) left."
            )
        } else {
            Terminal.line(
                "\(h.name): \(h.questions) questions, \(h.minutes) minutes, \(pass). Attempt \(h.attempt) for \(h.learner), seed \(h.seed.map(String.init) ?? "-")."
            )
            Terminal.line("No feedback until you submit. Every answer is saved as you give it. Type ? for help.")
        }
        Terminal.line("Time runs out at \(ISO8601.format(h.deadline)).")
        for note in h.notes { Terminal.line(TextWrap.wrap("Note: \(note).")) }
        if !h.resumed, !h.uncovered.isEmpty {
            Terminal.line(TextWrap.wrap("Not covered by this library yet: \(h.uncovered.joined(separator: "; ")).", indent: ""))
        }
    }

    private func show(_ q: ExamQuestionView) {
        if json { return emit(q) }
        var marks = ["\(q.part)", "\(Self.clockText(q.secondsLeft)) left"]
        if q.flagged { marks.append("flagged") }
        if let given = q.given { marks.append("your answer: \(given)") }
        Terminal.line("")
        Terminal.line(Style.bold("[\(q.index)/\(q.total)]") + Style.dim(" " + marks.joined(separator: " · ")))
        Terminal.line(TextWrap.wrap(q.stem))
        if !q.options.isEmpty {
            Terminal.line("")
            for option in q.options { Terminal.line(TextWrap.wrap("\(option.label.lowercased())) \(option.text)", indent: "  ")) }
        }
    }

    private func saved(_ s: ExamSaved) {
        if json { return emit(s) }
        if s.changed == "flag" {
            Terminal.line(s.flagged ? "Question \(s.index) flagged." : "Question \(s.index) unflagged.")
        } else {
            Terminal.line("Saved \(s.given ?? "-") for question \(s.index) (\(s.answered) of \(s.total) answered).")
        }
    }

    private func list(_ l: ExamList) {
        if json { return emit(l) }
        Terminal.line("")
        Terminal.line(
            "\(l.answered) of \(l.questions.count) answered, \(l.flagged) flagged, \(Self.clockText(l.secondsLeft)) left.  (- unanswered, * flagged, > on screen)"
        )
        var part = ""
        var row: [String] = []
        func flush() {
            if !row.isEmpty {
                var text = row.joined(separator: " ")
                while text.last == " " { text.removeLast() }
                Terminal.line(text)
            }
            row = []
        }
        for entry in l.questions {
            if entry.part != part {
                flush()
                part = entry.part
                Terminal.line(part)
            }
            let marker = entry.index == l.current ? ">" : " "
            let number = String(repeating: " ", count: max(0, 3 - String(entry.index).count)) + String(entry.index)
            let given = (entry.given ?? "-") + (entry.flagged ? "*" : "")
            row.append(marker + number + " " + given.padding(toLength: 9, withPad: " ", startingAt: 0))
            if row.count == 6 { flush() }
        }
        flush()
        Terminal.line("g N goes to a question; submit hands the exam in.")
    }

    private func paused(_ p: ExamPaused) {
        if json { return emit(p) }
        Terminal.line("")
        Terminal.line(
            "Exam attempt \(p.attempt) left open: \(p.answered) of \(p.total) answered, \(Self.clockText(p.secondsLeft)) left; the clock keeps running."
        )
        Terminal.line("Continue with `codedrill exam --resume` before \(ISO8601.format(p.deadline)).")
    }

    /// The score report.
    func report(_ r: ExamReport) {
        if json { return emit(r) }
        Terminal.line("")
        if r.autoSubmitted { Terminal.line("Time ran out: the exam was submitted with the answers given.") }
        Terminal.line(Style.bold("Exam report: \(r.name) (attempt \(r.attempt), \(r.learner))"))
        var score = "Score: \(r.correct) of \(r.questions) (\(r.percent.formatted1)%)"
        if let passed = r.passed, let mark = r.passPercent {
            score += ": " + (passed ? Style.green("PASS") : Style.red("FAIL")) + " (pass mark \(mark.formatted1)%)"
        }
        Terminal.line(score)
        Terminal.line(
            "Answered \(r.answered) of \(r.questions); time used \(Self.clockText(r.secondsUsed)) of \(Self.clockText(r.minutes * 60)); submitted \(ISO8601.format(r.submittedAt))."
        )
        Terminal.line("")
        let width = max(24, (r.parts.map(\.part.count).max() ?? 0) + 2)
        func row(_ label: String, _ questions: String, _ correct: String, _ percent: String) -> String {
            func right(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
            return label.padding(toLength: width, withPad: " ", startingAt: 0) + right(questions, 9) + right(correct, 9) + right(percent, 8)
        }
        Terminal.line(row("Part", "Questions", "Correct", "%"))
        for part in r.parts {
            Terminal.line(row(part.part, "\(part.questions)", "\(part.correct)", String(format: "%.1f", part.percent)))
        }
        Terminal.line(row("Total", "\(r.questions)", "\(r.correct)", String(format: "%.1f", r.percent)))
        guard !r.missed.isEmpty else { return }
        Terminal.line("")
        Terminal.line(Style.bold("Missed questions (\(r.missed.count)):"))
        for missed in r.missed {
            Terminal.line("")
            Terminal.line("[\(missed.index)] \(missed.part) · \(missed.id)")
            if let stem = missed.stem { Terminal.line(TextWrap.wrap(stem, indent: "  ")) }
            let given = missed.given.map { given in missed.givenText.map { "\(given). \($0)" } ?? given } ?? "no answer"
            Terminal.line(TextWrap.wrap("Your answer: \(given)", indent: "  "))
            if let answer = missed.answer {
                Terminal.line(TextWrap.wrap("Right answer: " + (answer.label.map { "\($0). " } ?? "") + answer.text, indent: "  "))
            } else {
                Terminal.line("  Right answer: unavailable (the item is no longer in the library)")
            }
            if let why = missed.rationale { Terminal.line(TextWrap.wrap("Why: \(why)", indent: "  ")) }
            if let chosen = missed.givenRationale { Terminal.line(TextWrap.wrap("Your choice: \(chosen)", indent: "  ")) }
        }
    }

    /// `codedrill exam history`.
    func history(_ entries: [ExamHistoryEntry], learner: String) {
        if json {
            for entry in entries { emit(entry) }
            return
        }
        guard !entries.isEmpty else {
            Terminal.line("\(learner) has no exam attempts yet; `codedrill exam` starts one.")
            return
        }
        func pad(_ s: String, _ n: Int) -> String { s.padding(toLength: max(n, s.count), withPad: " ", startingAt: 0) }
        let blueprintWidth = max(9, entries.map(\.blueprint.count).max() ?? 0) + 2
        Terminal.line(pad("ID", 6) + pad("Started", 22) + pad("Blueprint", blueprintWidth) + pad("Score", 16) + "Result")
        for e in entries {
            let score =
                e.correct.map { "\($0)/\(e.questions) (\(e.percent?.formatted1 ?? "0")%)" } ?? "\(e.answered)/\(e.questions) answered"
            let result: String
            switch e.status {
            case "submitted": result = e.passed.map { $0 ? "pass" : "fail" } ?? "submitted"
            case "open": result = "open: codedrill exam --resume"
            default: result = "time ran out: codedrill exam --resume submits it"
            }
            Terminal.line(
                pad(String(e.attempt), 6) + pad(ISO8601.format(e.startedAt), 22) + pad(e.blueprint, blueprintWidth) + pad(score, 16)
                    + result)
        }
    }
}
