import Determinism
import FSRS
import Foundation
import SourceText

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
                let shown =
                    entry.rating.rounded() == entry.rating && abs(entry.rating) < 1e15
                    ? String(Int(entry.rating)) : String(entry.rating)
                throw Problem(message: "review \(index + 1): rating \(shown) is not 1–4 (1 again, 2 hard, 3 good, 4 easy)")
            }
            guard let date = ISO8601.parse(entry.date) else {
                throw Problem(
                    message: "review \(index + 1): '\(Excerpt.of(entry.date))' is not an ISO 8601 date-time (example: 2026-01-01T09:00:00Z)"
                )
            }
            if let previous = reviews.last, date < previous.date {
                throw Problem(
                    message:
                        "reviews out of order: review \(index + 1) at \(entry.date) is before review \(index) at \(input.reviews[index - 1].date)"
                )
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
