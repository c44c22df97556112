import CodingContent
import Determinism
import Drill
import Foundation
import Questions

/// Text and CSV renderings of `ItemAnalysis`.
enum ItemAnalysisOutput {
    /// What each figure means and its healthy range, printed under the table.
    static let legend = [
        ("facility", "mean score on the item, % of the maximum; 35–80 is about right, above 90 too easy, below 20 too hard"),
        ("sd", "spread of the item's score, %; near 0 means nearly everyone scored the same"),
        ("guess", "what a blind guess scores, %; facility should be well above it"),
        (
            "discr",
            "discrimination index: correlation of the item with the rest of the test ×100; 30+ good, 20–29 weak, below 0 check the key"
        ),
        ("effic", "discriminative efficiency: discr as % of the most this item could reach; below 15 check the item"),
        ("α", "coefficient of internal consistency (Cronbach's alpha), %; 75+ good for a practice exam, 90+ for high stakes"),
        ("error ratio", "share of the score spread that is noise, %; below 50 is good"),
        ("SE", "standard error: ± % points a learner's score may move by chance"),
        ("–", "not computable from these attempts (too few, or no spread)"),
    ]

    /// A one-decimal figure, `–` when absent.
    static func figure(_ value: Double?) -> String {
        guard let value = ItemAnalysis.rounded(value) else { return "–" }
        return String(format: "%.1f", value)
    }

    /// A flag in words.
    static func words(_ flag: ItemFlag) -> String {
        switch flag {
        case .tooEasy: "too easy"
        case .tooHard: "too hard"
        case .negativeDiscrimination: "negative discrimination"
        case .lowEfficiency: "low efficiency"
        case .unchosenDistractor: "a distractor nobody chose"
        }
    }

    /// The report for people: whole-test figures, then the items, flagged ones first, with the answers
    /// given to each flagged item, then the legend.
    static func text(_ analysis: ItemAnalysis, filter: ResultFilter) -> String {
        var lines: [String] = []
        let test = analysis.test
        var scope =
            "\(test.attempts) first attempt\(test.attempts == 1 ? "" : "s") by \(test.learners) learner\(test.learners == 1 ? "" : "s")"
        if let blueprint = filter.blueprint { scope += ", blueprint \(blueprint)" }
        if let since = filter.since { scope += ", since \(CodedrillJSON.timestamp(since))" }
        if filter.includeDrills { scope += ", first drill answers included" }
        lines.append("Item analysis: \(scope)")
        guard test.attempts > 0 else {
            lines.append("No submitted exam attempts match: nothing to analyse.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append(
            "Test: mean \(figure(test.mean))%  median \(figure(test.median))%  SD \(figure(test.standardDeviation))  "
                + "skewness \(figure(test.skewness))  kurtosis \(figure(test.kurtosis))")
        lines.append(
            "      α \(figure(test.internalConsistency))%  error ratio \(figure(test.errorRatio))%  SE \(figure(test.standardError))"
                + (test.questions == nil ? "  (attempts differ in length: α needs one blueprint, see --blueprint)" : ""))
        lines.append("")
        let ordered = analysis.items.filter { !$0.flags.isEmpty } + analysis.items.filter { $0.flags.isEmpty }
        let width = max(4, ordered.map(\.item.count).max() ?? 4)
        lines.append(
            "  \(Column.pad("item", width))  \(Column.right("n", 5))  \(Column.right("facility", 8))  \(Column.right("sd", 5))  \(Column.right("guess", 5))  \(Column.right("discr", 6))  \(Column.right("effic", 6))  flags"
        )
        for row in ordered {
            let marker = row.flags.isEmpty ? " " : "!"
            lines.append(
                "\(marker) \(Column.pad(row.item, width))  \(Column.right(String(row.attempts), 5))  \(Column.right(figure(row.facility), 8))  "
                    + "\(Column.right(figure(row.standardDeviation), 5))  \(Column.right(figure(row.randomGuessScore), 5))  "
                    + "\(Column.right(figure(row.discriminationIndex), 6))  \(Column.right(figure(row.discriminativeEfficiency), 6))  "
                    + row.flags.map(words).joined(separator: ", "))
            if !row.flags.isEmpty {
                lines.append("    answers: " + answers(row))
            }
        }
        lines.append("")
        lines.append("Legend")
        let keyWidth = legend.map(\.0.count).max() ?? 0
        for (key, meaning) in legend { lines.append("  \(Column.pad(key, keyWidth))  \(meaning)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `27284 ✓ 3 (60.0%); 27286 2 (40.0%); 27280 0 (shown 5)`.
    static func answers(_ row: ItemAnalysis.ItemRow) -> String {
        row.answers.map { answer in
            let name = answer.answer ?? "(no answer)"
            let mark = answer.correct ? " ✓" : ""
            if answer.count == 0 { return "\(name)\(mark) 0 (shown \(answer.shown ?? 0))" }
            return "\(name)\(mark) \(answer.count) (\(figure(answer.percent))%)"
        }.joined(separator: "; ")
    }

    /// One CSV row per item, then a blank line and the whole-test figures as `figure,value` rows.
    static func csv(_ analysis: ItemAnalysis) -> String {
        var rows = [["item", "kind", "attempts", "facility", "sd", "random_guess", "discrimination", "efficiency", "flags", "answers"]]
        func cell(_ value: Double?) -> String { ItemAnalysis.rounded(value).map { String($0) } ?? "" }
        for row in analysis.items {
            rows.append([
                row.item, row.kind, String(row.attempts), cell(row.facility), cell(row.standardDeviation),
                cell(row.randomGuessScore), cell(row.discriminationIndex), cell(row.discriminativeEfficiency),
                row.flags.map(\.rawValue).joined(separator: " "),
                row.answers.map { "\($0.answer ?? "(no answer)")\($0.correct ? " (correct)" : ""): \($0.count)" }.joined(separator: "; "),
            ])
        }
        let test = analysis.test
        var text = CSV.text(rows)
        text += "\r\n"
        text += CSV.text([
            ["test", "value"], ["attempts", String(test.attempts)], ["learners", String(test.learners)],
            ["questions", test.questions.map(String.init) ?? ""], ["mean", cell(test.mean)], ["median", cell(test.median)],
            ["sd", cell(test.standardDeviation)], ["skewness", cell(test.skewness)], ["kurtosis", cell(test.kurtosis)],
            ["cic", cell(test.internalConsistency)], ["error_ratio", cell(test.errorRatio)],
            ["standard_error", cell(test.standardError)],
        ])
        return text
    }
}

/// Text and CSV renderings of `ClassReport`.
enum ClassReportOutput {
    /// One line per learner, then each learner's exams and weakest families.
    static func text(_ report: ClassReport) -> String {
        guard !report.learners.isEmpty else { return "No learners in this database.\n" }
        var lines = ["learner                 reviews  retention  due  overdue  streak  exams  mean exam"]
        for row in report.learners {
            lines.append(
                Column.pad(row.learner, 22) + "  " + Column.right(String(row.reviews), 7) + "  "
                    + Column.right(row.retention.map { String(format: "%.1f%%", $0) } ?? "–", 9) + "  " + Column.right(String(row.due), 3)
                    + "  "
                    + Column.right(String(row.overdue), 7) + "  " + Column.right(String(row.streak), 6) + "  "
                    + Column.right(String(row.exams.count), 5) + "  "
                    + Column.right(row.meanExamScore.map { String(format: "%.1f%%", $0) } ?? "–", 9))
        }
        for row in report.learners where !row.exams.isEmpty || !row.weakestFamilies.isEmpty {
            lines.append("")
            lines.append(row.learner)
            for exam in row.exams {
                let score = exam.percent.map { String(format: "%.1f%%", $0) } ?? exam.status
                let verdict = exam.passed.map { $0 ? " pass" : " fail" } ?? ""
                lines.append("  exam \(exam.attempt) \(exam.blueprint) \(CodedrillJSON.timestamp(exam.startedAt)): \(score)\(verdict)")
            }
            if !row.weakestFamilies.isEmpty {
                lines.append(
                    "  weakest: "
                        + row.weakestFamilies.map { "\($0.name) \(String(format: "%.1f", $0.percent))% (\($0.correct)/\($0.answers))" }
                        .joined(separator: ", "))
            }
        }
        lines.append("")
        lines.append("retention: right answers on cards in the review phase, last 30 days (target per learner); due: backlog now")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One CSV row per learner.
    static func csv(_ report: ClassReport) -> String {
        var rows = [
            [
                "learner", "reviews", "retention", "target_retention", "due", "overdue", "streak", "exams", "mean_exam_score",
                "weakest_families",
            ]
        ]
        for row in report.learners {
            rows.append([
                row.learner, String(row.reviews), row.retention.map { String($0) } ?? "", String(row.targetRetention),
                String(row.due), String(row.overdue), String(row.streak), String(row.exams.count),
                row.meanExamScore.map { String($0) } ?? "", row.weakestFamilies.map(\.name).joined(separator: "; "),
            ])
        }
        return CSV.text(rows)
    }
}

/// RFC 4180 CSV: cells with commas, quotes or line breaks are quoted, quotes doubled.
enum CSV {
    /// The rows as CSV text, each ending in CRLF as RFC 4180 asks.
    static func text(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map { cell in
                cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: ",") + "\r\n"
        }.joined()
    }
}

/// Padding for the reports' aligned columns.
enum Column {
    /// `text` padded with spaces on the right to `width`.
    static func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
    /// `text` padded with spaces on the left to `width`.
    static func right(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
}
