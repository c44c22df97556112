import ArgumentParser
import Determinism
import FSRS
import Foundation

/// `codedrill fsrs`: tools around the FSRS-6 scheduler.
struct FSRSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsrs",
        abstract: "FSRS-6 scheduler tools.",
        subcommands: [Replay.self, Optimize.self]
    )

    /// `codedrill fsrs replay`: the scheduler as a filter over JSON lines (a contract in DESIGN.md).
    struct Replay: CodeDrillCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay review histories from standard input and print the FSRS-6 state after each review.",
            discussion: """
                Reads one JSON object per line, {"reviews": [["2026-01-01T09:00:00Z", 3], …]} with ratings \
                1 again, 2 hard, 3 good, 4 easy, and writes one line per input line: \
                {"states": [{"difficulty": …, "due": "…", "interval_days": …, "stability": …}, …]}. \
                No learning steps and no fuzz: the states match py-fsrs 6.3.2 with learning_steps=(), \
                relearning_steps=(), enable_fuzzing=False. Blank lines are skipped. A bad line stops the \
                run with exit status 65; bad options exit with 64.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Option(name: .long, help: ArgumentHelp("Desired retention, in (0, 1].", valueName: "r"))
        var desiredRetention: Double = 0.9

        @Option(
            name: .long, help: ArgumentHelp("The 21 FSRS-6 weights, comma-separated (default: the FSRS-6 defaults).", valueName: "w0,…,w20")
        )
        var params: String?

        func execute() throws {
            let scheduler = try makeScheduler()
            let encoder = CodedrillJSON.encoder(pretty: false)
            var lineNumber = 0
            while let line = readLine(strippingNewline: true) {
                lineNumber += 1
                if line.allSatisfy(\.isWhitespace) { continue }
                do {
                    let states = try ReplayLine(line).replay(with: scheduler)
                    let data = try encoder.encode(ReplayOutput(states: states))
                    Terminal.line(String(decoding: data, as: UTF8.self))
                } catch let problem as ReplayLine.Problem {
                    throw CommandFailure("stdin:\(lineNumber): \(problem.message)", status: .dataError)
                }
            }
        }

        /// The contract's scheduler from the options; bad options are usage errors (64).
        func makeScheduler() throws -> Scheduler {
            var parameters = Parameters.default
            if let params {
                let fields = params.split(separator: ",", omittingEmptySubsequences: false)
                var values: [Double] = []
                for (index, field) in fields.enumerated() {
                    let text = field.trimmingCharacters(in: .whitespaces)
                    guard let value = Double(text) else {
                        throw CommandFailure("--params: w\(index) '\(text)' is not a number", status: .usage)
                    }
                    values.append(value)
                }
                do {
                    parameters = try Parameters(values)
                } catch {
                    throw CommandFailure("--params: \(error)", status: .usage)
                }
            }
            do {
                return try Scheduler.withoutSteps(parameters: parameters, desiredRetention: desiredRetention)
            } catch {
                throw CommandFailure("--desired-retention: \(error)", status: .usage)
            }
        }
    }
}
