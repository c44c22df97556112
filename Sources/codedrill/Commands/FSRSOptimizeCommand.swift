import ArgumentParser
import CodingContent
import FSRS
import Foundation

extension FSRSCommand {
    /// `codedrill fsrs optimize`: fits FSRS-6 weights to review histories given as `fsrs replay` input.
    struct Optimize: CodeDrillCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fit the 21 FSRS-6 weights to review histories read from standard input.",
            discussion: """
                Reads one card per line in the `fsrs replay` input format, {"reviews": [["2026-01-01T09:00:00Z", 3], …]}, \
                and prints one JSON object: params (21 weights), method, the log loss and RMSE(bins) of the \
                default and the fitted weights, and the counts used. Days start at 04:00 UTC; every review a \
                study day or more after the previous one is a prediction target. A bad line stops the run \
                with exit status 65.
                """
        )

        @OptionGroup var global: GlobalOptions

        func execute() throws {
            var histories: [TrainingHistory] = []
            var lineNumber = 0
            while let line = readLine(strippingNewline: true) {
                lineNumber += 1
                if line.allSatisfy(\.isWhitespace) { continue }
                do {
                    histories.append(TrainingHistory(dated: try ReplayLine(line).reviews))
                } catch {
                    throw CommandFailure("stdin:\(lineNumber): \(error.message)", status: .dataError)
                }
            }
            let result = Optimizer.fit(histories)
            Terminal.line(try CodedrillJSON.string(OptimizeOutput(result), pretty: false))
        }
    }
}

/// The JSON `fsrs optimize` and `optimize` print.
struct OptimizeOutput: Encodable {
    struct Quality: Encodable {
        var logLoss: Double
        var rmseBins: Double

        init(_ quality: FitQuality) {
            logLoss = quality.logLoss
            rmseBins = quality.rmseBins
        }
    }

    struct Counts: Encodable {
        var cards: Int
        var reviews: Int
        var targets: Int
    }

    var params: [Double]
    var method: String
    var `default`: Quality
    var fitted: Quality
    var counts: Counts
    var iterations: Int

    init(_ result: OptimizerResult) {
        params = result.parameters
        method = result.method.rawValue
        self.default = Quality(result.defaultQuality)
        fitted = Quality(result.fittedQuality)
        counts = Counts(cards: result.cards, reviews: result.reviews, targets: result.targets)
        iterations = result.iterations
    }
}
