import Foundation
import Testing
@testable import FSRS

/// One random review history and the states py-fsrs 6.3.2 computed for it
/// (scripts/fsrs-fixture/generate.py).
struct FixtureHistory {
    /// The reviews in order.
    var reviews: [(date: Date, rating: Rating)]
    /// The raw state rows, one per review.
    var states: [[Any]]

    static func load(_ name: String) throws -> [FixtureHistory] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "jsonl", subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let reviews = try #require(object["reviews"] as? [[Any]]).map { pair in
                (date: date(pair[0] as! String), rating: Rating(rawValue: pair[1] as! Int)!)
            }
            return FixtureHistory(reviews: reviews, states: try #require(object["states"] as? [[Any]]))
        }
    }
}

struct PyFsrsFixtureTests {
    /// 1,200 histories on the replay contract's scheduler: no steps, no fuzz, default weights, r = 0.9.
    @Test func replayMatchesPyFsrsOnRandomHistories() throws {
        let histories = try FixtureHistory.load("pyfsrs-replay")
        #expect(histories.count >= 1000)
        var worst = 0.0
        var reviews = 0
        for (number, history) in histories.enumerated() {
            let cards = try stepless.replay(history.reviews)
            for (card, row) in zip(cards, history.states) {
                let (s, d, days) = (row[0] as! Double, row[1] as! Double, row[2] as! Int)
                let memory = try #require(card.memory)
                worst = max(worst, abs(memory.stability - s) / s, abs(memory.difficulty - d) / d)
                #expect(isClose(memory.stability, s, relative: 1e-4), "history \(number + 1)")
                #expect(isClose(memory.difficulty, d, relative: 1e-4), "history \(number + 1)")
                #expect(card.scheduledDays == days, "history \(number + 1)")
                #expect(card.due == card.lastReview! + Double(days) * Scheduler.secondsPerDay)
                reviews += 1
            }
        }
        #expect(reviews > 20_000)
        // Same float64 operations in the same order as py-fsrs: far inside the 1e-4 contract.
        #expect(worst < 1e-12)
    }

    /// The replay fixture exercises what matters: same-day repeats, reviews on both sides of 24 hours,
    /// early and late reviews, gaps of years, millisecond timestamps.
    @Test func replayFixtureCoversTheInterestingGaps() throws {
        let histories = try FixtureHistory.load("pyfsrs-replay")
        var sameDay = 0, justUnderADay = 0, justOverADay = 0, early = 0, late = 0, years = 0, millis = 0
        for history in histories {
            let cards = try stepless.replay(history.reviews)
            for index in history.reviews.indices.dropFirst() {
                let gap = history.reviews[index].date.timeIntervalSince(history.reviews[index - 1].date)
                if gap < 86_400 { sameDay += 1 }
                if (86_000..<86_400).contains(gap) { justUnderADay += 1 }
                if (86_400..<86_800).contains(gap) { justOverADay += 1 }
                if history.reviews[index].date < cards[index - 1].due { early += 1 }
                if history.reviews[index].date > cards[index - 1].due + 86_400 { late += 1 }
                if gap > 365 * 86_400 { years += 1 }
            }
            if history.reviews[0].date.timeIntervalSince1970.rounded(.down) != history.reviews[0].date.timeIntervalSince1970 {
                millis += 1
            }
        }
        #expect(sameDay > 3000 && justUnderADay > 100 && justOverADay > 100)
        #expect(early > 3000 && late > 3000 && years > 500 && millis > 50)
    }

    /// 300 histories with py-fsrs's default steps (1 min, 10 min / 10 min), fuzz off.
    @Test func stepsMatchPyFsrsOnRandomHistories() throws {
        let scheduler = try Scheduler(enableFuzzing: false)
        let histories = try FixtureHistory.load("pyfsrs-steps")
        #expect(histories.count >= 300)
        let phases: [Int: CardPhase] = [1: .learning, 2: .review, 3: .relearning]
        var seen = Set<CardPhase>()
        for (number, history) in histories.enumerated() {
            let cards = try scheduler.replay(history.reviews)
            for (card, row) in zip(cards, history.states) {
                let memory = try #require(card.memory)
                #expect(card.phase == phases[row[0] as! Int], "history \(number + 1)")
                #expect(card.step == row[1] as? Int, "history \(number + 1)")
                #expect(isClose(memory.stability, row[2] as! Double, relative: 1e-4), "history \(number + 1)")
                #expect(isClose(memory.difficulty, row[3] as! Double, relative: 1e-4), "history \(number + 1)")
                #expect(abs(card.due.timeIntervalSince1970 - (row[4] as! Double)) < 1e-3, "history \(number + 1)")
                seen.insert(card.phase)
            }
        }
        #expect(seen == Set(CardPhase.allCases))
    }
}
