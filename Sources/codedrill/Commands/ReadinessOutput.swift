import Drill
import Foundation

/// `stats --format json`: the report's keys plus `readiness` when an exam date is set.
struct StatsWithReadiness: Encodable {
    var report: StudyReport
    var readiness: Readiness?

    private enum Keys: String, CodingKey { case readiness }

    func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encodeIfPresent(readiness, forKey: .readiness)
    }
}

extension StatsCommand {
    /// The readiness block of `stats` in text.
    func printReadiness(_ readiness: Readiness?) {
        guard let r = readiness else { return }
        func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        Terminal.line("")
        Terminal.line(Style.bold("Exam readiness: \(r.examDate), \(r.daysLeft) day\(r.daysLeft == 1 ? "" : "s") left"))
        Terminal.line(
            "Predicted recall on exam day: \(percent(r.predictedRecall)) over \(r.started) started items (if you follow the schedule)")
        if let score = r.expectedScore, let blueprint = r.blueprint {
            Terminal.line("Expected score on \(blueprint): \(percent(score)) (items never started count as missed)")
        }
        let width = max(10, r.sections.map(\.name.count).max() ?? 10)
        for section in r.sections {
            let share = section.share.map { String(format: "  share %4.1f%%", $0 * 100) } ?? ""
            Terminal.line(
                "  \(section.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(String(format: "%5.1f", section.predictedRecall * 100))%  (\(section.started)/\(section.items) started)\(share)"
            )
        }
        if !r.atRisk.isEmpty {
            Terminal.line("Most at risk:")
            for item in r.atRisk.prefix(5) {
                Terminal.line("  \(item.item)  \(percent(item.predictedRecall))  due \(item.due)")
            }
        }
    }
}
