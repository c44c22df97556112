import ArgumentParser
import CodingContent
import Determinism
import Foundation
import Questions

/// `codedrill library`: what the library holds (procedures, families, areas).
struct LibraryCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "library",
        abstract: "Summarise the library: procedures, families and areas, and where it is."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func execute() throws {
        let library = try LibraryAccess.load(global)
        let summary = LibrarySummary(procedures: library.procedures, scenarios: library.scenarios)
        switch format {
        case .json:
            Terminal.line(try CodedrillJSON.string(summary, pretty: true))
        case .text:
            Terminal.line("Library: \(library.root.path)")
            Terminal.line("\(summary.procedures) procedures in \(summary.families) families across \(summary.areas.count) areas")
            Terminal.line(
                "\(library.bank.questions.count) authored questions in \(library.bankFiles.count) question-bank files; exam blueprints: \(library.blueprints.isEmpty ? "none" : library.blueprints.map(\.id).joined(separator: ", "))"
            )
            if summary.diagnosisScenarios > 0 {
                Terminal.line(
                    "ICD-10-CM: \(summary.diagnosisScenarios) diagnosis scenarios in \(summary.chapters.count) chapters ("
                        + summary.chapters.map { "\(Self.codeRange(of: $0.chapter)) \($0.scenarios)" }.joined(separator: ", ") + ")")
            }
            let series = summary.surgerySeries.filter { $0.procedures > 0 }
            if !series.isEmpty {
                Terminal.line(
                    "Surgery by series: "
                        + series.map { "\($0.series)s \($0.procedures) procedures in \($0.families) families" }.joined(separator: "; "))
            }
            var area = ""
            for family in summary.familyList {
                if family.area != area {
                    area = family.area
                    Terminal.line("")
                    Terminal.line(area)
                }
                Terminal.line("  \(family.name.padding(toLength: 30, withPad: " ", startingAt: 0)) \(family.codes.joined(separator: " "))")
            }
            if !library.diagnostics.isEmpty {
                Terminal.line("")
                Terminal.line("\(library.diagnostics.count) problems in content files: run `codedrill lint`")
            }
        }
    }

    /// The code range of a chapter title ("Neoplasms (C00-D49)" → "C00-D49"), or the title when it has none.
    static func codeRange(of chapter: String) -> String {
        guard chapter.hasSuffix(")"), let open = chapter.lastIndex(of: "(") else { return chapter }
        return String(chapter[chapter.index(after: open)..<chapter.index(before: chapter.endIndex)])
    }
}
