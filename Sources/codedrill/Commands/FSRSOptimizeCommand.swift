import ArgumentParser
import CodingContent
import Determinism
import FSRS
import Foundation
import Questions

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
                if let reviews = FastReplayLine.reviews(line) {
                    histories.append(TrainingHistory(dated: reviews))
                    continue
                }
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

/// A quick reader for the usual shape of a replay line, `{"reviews": [["2026-01-01T09:00:00Z", 3], …]}`
/// (any spacing), because JSONDecoder was a third of `fsrs optimize`'s time. It accepts only lines that
/// `ReplayLine` accepts with the same result (plain strings, ratings 1–4 as single digits, dates in
/// order) and returns `nil` for anything else, which `ReplayLine` then reads or reports.
enum FastReplayLine {
    static func reviews(_ line: String) -> [(date: Date, rating: Rating)]? {
        var text = line
        return text.withUTF8 { bytes -> [(date: Date, rating: Rating)]? in
            var i = 0
            func skipSpace() { while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 } }
            func expect(_ byte: UInt8) -> Bool {
                skipSpace()
                guard i < bytes.count, bytes[i] == byte else { return false }
                i += 1
                return true
            }
            guard expect(UInt8(ascii: "{")), expect(UInt8(ascii: "\"")) else { return nil }
            let key = Array("reviews\"".utf8)
            guard i + key.count <= bytes.count, Array(bytes[i..<(i + key.count)]) == key else { return nil }
            i += key.count
            guard expect(UInt8(ascii: ":")), expect(UInt8(ascii: "[")) else { return nil }
            var reviews: [(date: Date, rating: Rating)] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                i += 1
            } else {
                while true {
                    guard expect(UInt8(ascii: "[")), expect(UInt8(ascii: "\"")) else { return nil }
                    let start = i
                    while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") { i += 1 }
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
                    let dateText = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                    i += 1
                    guard expect(UInt8(ascii: ",")) else { return nil }
                    skipSpace()
                    guard i + 1 < bytes.count, (UInt8(ascii: "1")...UInt8(ascii: "4")).contains(bytes[i]),
                        let rating = Rating(rawValue: Int(bytes[i] - UInt8(ascii: "0")))
                    else { return nil }
                    i += 1
                    guard expect(UInt8(ascii: "]")), let date = ISO8601.parse(dateText) else { return nil }
                    if let previous = reviews.last, date < previous.date { return nil }
                    reviews.append((date, rating))
                    skipSpace()
                    guard i < bytes.count else { return nil }
                    if bytes[i] == UInt8(ascii: ",") {
                        i += 1
                        continue
                    }
                    if bytes[i] == UInt8(ascii: "]") {
                        i += 1
                        break
                    }
                    return nil
                }
            }
            guard expect(UInt8(ascii: "}")) else { return nil }
            skipSpace()
            return i == bytes.count ? reviews : nil
        }
    }
}
