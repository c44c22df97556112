import ArgumentParser
import Determinism
import FSRS
import Foundation

/// `codedrill fsrs`: tools around the FSRS-6 scheduler.
struct FSRSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsrs",
        abstract: "FSRS-6 scheduler tools.",
        subcommands: [Replay.self]
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

        @Option(name: .long, help: ArgumentHelp("The 21 FSRS-6 weights, comma-separated (default: the FSRS-6 defaults).", valueName: "w0,…,w20"))
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

/// One input line of `fsrs replay`, decoded and checked.
struct ReplayLine {
    /// Why a line cannot be replayed, in one sentence.
    struct Problem: Error {
        var message: String
    }

    /// The reviews in order.
    var reviews: [(date: Date, rating: Rating)] = []

    private static let shape = #"expected {"reviews": [["2026-01-01T09:00:00Z", 3], …]}"#

    private struct Input: Decodable {
        var reviews: [Entry]
    }

    /// One `[date-time, rating]` pair; a wrong shape is reported with the review's number.
    private struct Entry: Decodable {
        var date: String
        var rating: Double

        init(from decoder: any Decoder) throws {
            let number = (decoder.codingPath.last?.intValue ?? 0) + 1
            guard var pair = try? decoder.unkeyedContainer(), pair.count == 2,
                let date = try? pair.decode(String.self), let rating = try? pair.decode(Double.self)
            else {
                throw Problem(message: #"review \#(number): expected ["2026-01-01T09:00:00Z", 3], a date-time and a rating 1–4"#)
            }
            self.date = date
            self.rating = rating
        }
    }

    /// Decodes `{"reviews": [[date-time, rating], …]}` and checks ratings, dates and their order.
    init(_ line: String) throws(Problem) {
        let input: Input
        do {
            input = try JSONDecoder().decode(Input.self, from: Data(line.utf8))
        } catch let problem as Problem {
            throw problem
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw Problem(message: "not valid JSON; \(Self.shape)")
        } catch {
            throw Problem(message: "not a replay request; \(Self.shape)")
        }
        for (index, entry) in input.reviews.enumerated() {
            guard (1...4).contains(entry.rating), entry.rating.rounded() == entry.rating,
                let rating = Rating(rawValue: Int(entry.rating))
            else {
                let shown = entry.rating.rounded() == entry.rating && abs(entry.rating) < 1e15
                    ? String(Int(entry.rating)) : String(entry.rating)
                throw Problem(message: "review \(index + 1): rating \(shown) is not 1–4 (1 again, 2 hard, 3 good, 4 easy)")
            }
            guard let date = ISO8601.parse(entry.date) else {
                throw Problem(message: "review \(index + 1): '\(entry.date)' is not an ISO 8601 date-time (example: 2026-01-01T09:00:00Z)")
            }
            if let previous = reviews.last, date < previous.date {
                throw Problem(message: "reviews out of order: review \(index + 1) at \(entry.date) is before review \(index) at \(input.reviews[index - 1].date)")
            }
            reviews.append((date, rating))
        }
    }

    /// The state after each review.
    func replay(with scheduler: Scheduler) throws(Problem) -> [ReplayOutput.State] {
        let cards: [Card]
        do {
            cards = try scheduler.replay(reviews)
        } catch {
            throw Problem(message: "reviews out of order: \(error)")  // unreachable: order is checked above
        }
        return cards.map { card in
            ReplayOutput.State(
                stability: card.memory?.stability ?? 0, difficulty: card.memory?.difficulty ?? 0,
                intervalDays: card.scheduledDays ?? 0, due: ISO8601.formatKeepingFraction(card.due))
        }
    }
}

/// One output line of `fsrs replay`.
struct ReplayOutput: Encodable {
    /// The state after one review.
    struct State: Encodable {
        var stability: Double
        var difficulty: Double
        var intervalDays: Int
        var due: String

        enum CodingKeys: String, CodingKey {
            case stability, difficulty, due
            case intervalDays = "interval_days"
        }
    }

    var states: [State]
}
