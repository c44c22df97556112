import ArgumentParser
import Determinism
import Drill
import Foundation
import ProgressStore

/// `codedrill stats`: a learner's progress at a glance.
struct StatsCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show a learner's progress: due counts, daily reviews, forecast, retention, weak spots."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Learner name (default: your login name).")
    var learner: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func execute() throws {
        let setup = try StudySetup(global, learnerName: learner, createLearner: false)
        let report = try StudyReport(
            store: setup.store, learner: setup.learner, catalog: setup.catalog, at: setup.now,
            calendar: StudyCalendar())
        let readiness = try Readiness(
            store: setup.store, learner: setup.learner, catalog: setup.catalog,
            blueprints: setup.library.blueprints, at: setup.now, calendar: StudyCalendar())
        switch format {
        case .json: Terminal.line(try CodedrillJSON.string(StatsWithReadiness(report: report, readiness: readiness), pretty: false))
        case .text:
            print(report)
            printReadiness(readiness)
        }
    }

    private func print(_ r: StudyReport) {
        Terminal.line(Style.bold("Progress for \(r.learner)"))
        Terminal.line(
            "Due now \(r.dueNow) (overdue \(r.overdue)) · later today \(r.dueLaterToday) · new available \(r.newAvailable) (\(r.newLeftToday) left today)"
        )
        Terminal.line("Reviews in all: \(r.totalReviews) · study streak: \(r.streak) day\(r.streak == 1 ? "" : "s")")
        if let retention = r.retention {
            Terminal.line(
                "Retention on review cards (30 days): \((retention * 100).formatted1)% (target \((r.targetRetention * 100).formatted1)%)")
        } else {
            Terminal.line("Retention on review cards: no reviews of graduated cards yet (target \((r.targetRetention * 100).formatted1)%)")
        }
        Terminal.line("")
        Terminal.line("Reviews per day, last 30 days")
        bars(r.reviewsPerDay)
        Terminal.line("")
        Terminal.line("Due forecast, next 14 days")
        bars(r.forecast)
        table("Accuracy by section", r.bySection)
        table("Accuracy by question kind", r.byKind)
        table("Weakest families", r.weakestFamilies)
    }

    private func bars(_ days: [StudyReport.DayCount]) {
        let peak = max(1, days.map(\.count).max() ?? 1)
        for day in days {
            let width = Int((Double(day.count) / Double(peak) * 40).rounded(.up))
            Terminal.line("  \(day.day) \(String(repeating: "█", count: width))\(day.count > 0 ? " \(day.count)" : "")")
        }
    }

    private func table(_ title: String, _ rows: [StudyReport.Score]) {
        guard !rows.isEmpty else { return }
        Terminal.line("")
        Terminal.line(title)
        let width = max(10, rows.map(\.name.count).max() ?? 10)
        for row in rows {
            Terminal.line(
                "  \(row.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(String(format: "%5.1f", row.percent))%  (\(row.correct)/\(row.answers))"
            )
        }
    }
}
