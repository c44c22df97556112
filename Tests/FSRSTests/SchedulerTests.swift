import Foundation
import Testing

@testable import FSRS

/// py-fsrs `tests/test_basic.py` vectors (fsrs6-vectors.md A1–A6), fsrs-rs C7/C9, and the py-fsrs
/// 6.3.2 E vectors.
struct SchedulerTests {
    let start = date("2022-11-29T12:30:00Z")
    let day: TimeInterval = 86_400

    @Test func intervalsWithDefaultStepsAndNoFuzz() throws {  // A1
        let scheduler = try Scheduler(enableFuzzing: false)
        var card = Card.new(at: start)
        var now = start
        var intervals: [Int] = []
        let ratings: [Rating] = [.good, .good, .good, .good, .good, .good, .again, .again, .good, .good, .good, .good, .good]
        for rating in ratings {
            card = try scheduler.review(card, rating: rating, at: now)
            intervals.append(card.scheduledDays!)
            now = card.due
        }
        #expect(intervals == [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21])
        #expect(card.phase == .review && card.reps == 13 && card.lapses == 1)
    }

    @Test func memoryStateMatchesPyFsrsAndFsrsRs() throws {  // A2, C7
        var card = Card.new(at: start)
        var now = start
        for (rating, offset) in zip([Rating.again, .good, .good, .good, .good, .good], [0, 0, 1, 3, 8, 21]) {
            now += Double(offset) * day
            card = try Scheduler.default.review(card, rating: rating, at: now, fuzzSeed: 42)
        }
        #expect(isClose(card.memory!.stability, 53.626902917, relative: 1e-10))
        #expect(isClose(card.memory!.difficulty, 6.357487084, relative: 1e-9))
    }

    @Test func memoryStateWithoutShortTermWeights() throws {  // C7, w17 = w18 = w19 = 0
        let scheduler = try Scheduler.withoutSteps(parameters: parameters(replacing: [17: 0, 18: 0, 19: 0]))
        var now = start
        var reviews: [(date: Date, rating: Rating)] = []
        for (rating, offset) in zip([Rating.again, .good, .good, .good, .good, .good], [0, 0, 1, 3, 8, 21]) {
            now += Double(offset) * day
            reviews.append((now, rating))
        }
        let last = try scheduler.replay(reviews).last!.memory!
        #expect(isClose(last.stability, 53.335106, relative: 1e-6))
        #expect(isClose(last.difficulty, 6.3574867, relative: 1e-6))
    }

    @Test func repeatedEasySameDayDrivesDifficultyToOne() throws {  // A3
        var card = Card.new(at: start)
        for index in 0..<10 {
            card = try Scheduler.default.review(card, rating: .easy, at: start + Double(index) * 1e-6)
        }
        #expect(card.memory!.difficulty == 1.0)
    }

    @Test func neverReviewedCardHasZeroRetrievability() {  // A5
        #expect(Scheduler.default.retrievability(of: .new(at: start), at: start + day) == 0)
    }

    @Test func retrievabilityCountsWholeDaysOnly() throws {
        let card = try stepless.review(.new(at: start), rating: .good, at: start)
        #expect(stepless.retrievability(of: card, at: start + day - 1) == 1.0)
        #expect(stepless.retrievability(of: card, at: start - 10) == 1.0)
        let oneDay = stepless.parameters.retrievability(elapsedDays: 1, stability: 2.3065)
        #expect(stepless.retrievability(of: card, at: start + 2 * day - 1) == oneDay)
    }

    @Test func wholeDaysSurviveFloatingPointDatesCenturiesAway() {
        for base in [date("2026-03-01T09:00:00Z"), date("2400-06-15T23:59:59Z"), date("9000-01-01T00:00:00Z")] {
            for days in [1, 2, 365, 36500] {
                let due = base.addingTimeInterval(Double(days) * day)
                #expect(Scheduler.elapsedDays(from: base, to: due) == days)
                #expect(Scheduler.elapsedDays(from: base, to: due.addingTimeInterval(-1)) == days - 1)
            }
        }
        #expect(Scheduler.elapsedDays(from: start, to: start + day - 0.001) == 0)
        // Negative spans floor like Python's timedelta.days.
        #expect(Scheduler.elapsedDays(from: start, to: start - 10) == -1)
        #expect(Scheduler.elapsedDays(from: start, to: start - day) == -1)
        #expect(Scheduler.elapsedDays(from: start, to: start - day - 1) == -2)
    }

    @Test func cardStaysCompact() {
        // Field order keeps copies cheap (see Card.swift); 88 bytes in the original order.
        #expect(MemoryLayout<Card>.size == 74)
    }

    @Test func stabilityNeverFallsBelowFloor() throws {  // A6
        let scheduler = try Scheduler(enableFuzzing: false)
        var card = Card.new(at: start)
        for _ in 0..<1000 {
            card = try scheduler.review(card, rating: .again, at: card.due + day)
            #expect(card.memory!.stability >= 0.001)
        }
        #expect(card.memory!.stability == 0.001)
    }

    /// Rows are [rating, elapsed days, R before, S, D, interval] as py-fsrs 6.3.2 printed them (4 d.p.).
    func checkRows(_ reviews: [(date: Date, rating: Rating)], _ rows: [[Double]]) throws {
        var card = Card.new(at: reviews[0].date)
        for (review, row) in zip(reviews, rows) {
            let r = stepless.retrievability(of: card, at: review.date)
            card = try stepless.review(card, rating: review.rating, at: review.date)
            if !row[2].isNaN { #expect(abs(r - row[2]) <= 5e-5) }
            #expect(abs(card.memory!.stability - row[3]) <= 5e-5)
            #expect(abs(card.memory!.difficulty - row[4]) <= 5e-5)
            #expect(card.scheduledDays == Int(row[5]))
        }
    }

    @Test func goodAtEachDueDateMatchesPyFsrs() throws {  // E1
        var reviews: [(date: Date, rating: Rating)] = [(start, .good)]
        for days in [2, 11, 46] { reviews.append((reviews.last!.date + Double(days) * day, .good)) }
        try checkRows(
            reviews,
            [
                [3, .nan, .nan, 2.3065, 2.1181, 2], [3, 2, 0.9095, 10.9643, 2.1112, 11],
                [3, 11, 0.8998, 46.2802, 2.1043, 46], [3, 46, 0.9004, 162.8622, 2.0975, 163],
            ])
    }

    @Test func lapseThenGoodsMatchesPyFsrs() throws {  // E2
        let first = date("2024-01-01T09:09:00Z")
        var reviews: [(date: Date, rating: Rating)] = [(first, .again), (first + 60, .good)]
        for days in [1, 3, 8, 21] { reviews.append((reviews.last!.date + Double(days) * day, .good)) }
        try checkRows(
            reviews,
            [
                [1, .nan, .nan, 0.212, 6.4133, 1], [3, 0, 1.0, 0.2467, 6.4021, 1], [3, 1, 0.7809, 2.0215, 6.3909, 2],
                [3, 3, 0.8707, 7.8637, 6.3798, 8], [3, 8, 0.8988, 21.9177, 6.3686, 22], [3, 21, 0.9029, 53.6269, 6.3575, 54],
            ])
    }

    @Test func underTwentyFourHoursIsSameDayEvenAcrossMidnight() throws {  // E3
        let reviews: [(date: Date, rating: Rating)] = [
            (date("2024-01-01T09:09:00Z"), .again), (date("2024-01-01T09:10:00Z"), .good),
            (date("2024-01-02T09:00:00Z"), .good), (date("2024-01-05T09:00:00Z"), .good),
            (date("2024-01-13T09:00:00Z"), .good), (date("2024-02-03T09:00:00Z"), .good),
        ]
        let states = try stepless.replay(reviews)
        #expect(isClose(states[2].memory!.stability, 0.2842063592758949, relative: 1e-12))
        #expect(isClose(states[5].memory!.stability, 45.105867194342935, relative: 1e-12))
        #expect(isClose(states[5].memory!.difficulty, 6.357487083997829, relative: 1e-12))
        #expect(states.map { $0.scheduledDays! } == [1, 1, 1, 3, 15, 45])
    }

    @Test func fsrs5EraParametersMatchFsrsRs() throws {  // C9, padded with w19 = 0, w20 = 0.5
        let p = try Parameters([
            0.6845422, 1.6790825, 4.7349424, 10.042885, 7.4410233, 0.64219797, 1.071918, 0.0025195254,
            1.432437, 0.1544, 0.8692766, 2.0696752, 0.0953, 0.2975, 2.4691248, 0.19542035, 3.201072,
            0.18046261, 0.121442534, 0, 0.5,
        ])
        let scheduler = try Scheduler.withoutSteps(parameters: p)
        var now = start
        var reviews: [(date: Date, rating: Rating)] = []
        for (rating, offset) in zip([Rating.again, .good, .good, .good, .good], [0, 1, 3, 8, 21]) {
            now += Double(offset) * day
            reviews.append((now, rating))
        }
        let states = try scheduler.replay(reviews)
        #expect(isClose(states[4].memory!.stability, 31.722992, relative: 1e-5))
        #expect(isClose(states[4].memory!.difficulty, 7.382128, relative: 1e-5))

        let good = scheduler.nextMemory(MemoryState(stability: 20.925528, difficulty: 7.005062), elapsedDays: 21, rating: .good)
        #expect(isClose(good.stability, 40.87456, relative: 1e-5))
        #expect(isClose(good.difficulty, 6.9913807, relative: 1e-5))

        let before = states[3]
        let expected: [Rating: (Double, Double)] = [
            .again: (2.9691455, 8.000659), .hard: (17.091452, 7.6913934), .good: (31.722992, 7.382128), .easy: (71.7502, 7.0728626),
        ]
        let outcomes = try scheduler.preview(before, at: before.lastReview! + 21 * day)
        for (rating, (s, d)) in expected {
            #expect(isClose(outcomes[rating]!.memory!.stability, s, relative: 1e-5))
            #expect(isClose(outcomes[rating]!.memory!.difficulty, d, relative: 1e-5))
            // At retention 0.9 the interval is S itself.
            #expect(isClose(p.interval(desiredRetention: 0.9, stability: s), s, relative: 1e-12))
        }
        #expect(isClose(p.interval(desiredRetention: 0.9, stability: 121.01552), 121.01551, relative: 1e-6))
    }

    @Test func reviewBeforePreviousReviewIsRefused() throws {
        let card = try stepless.review(.new(at: start), rating: .good, at: date("2026-01-01T09:00:00Z"))
        let early = date("2026-01-01T08:00:00Z")
        #expect(throws: FSRSError.reviewBeforePreviousReview(review: early, previous: card.lastReview!)) {
            try stepless.review(card, rating: .good, at: early)
        }
        #expect(
            FSRSError.reviewBeforePreviousReview(review: early, previous: card.lastReview!).description
                == "review at 2026-01-01T08:00:00Z is before the previous review at 2026-01-01T09:00:00Z")
        #expect(throws: FSRSError.self) {
            try stepless.replay([(date("2026-01-02T00:00:00Z"), .good), (date("2026-01-01T00:00:00Z"), .good)])
        }
        // The same instant is allowed (a same-day review).
        #expect(try stepless.review(card, rating: .good, at: card.lastReview!).scheduledDays == 2)
    }

    @Test func learningStepsFollowPyFsrs() throws {
        let scheduler = try Scheduler(enableFuzzing: false)
        let new = Card.new(at: start)
        let outcomes = try scheduler.preview(new, at: start)
        #expect(outcomes[.again]!.due == start + 60 && outcomes[.again]!.step == 0)
        #expect(outcomes[.hard]!.due == start + 330 && outcomes[.hard]!.phase == .learning)
        #expect(outcomes[.good]!.due == start + 600 && outcomes[.good]!.step == 1)
        #expect(outcomes[.easy]!.phase == .review && outcomes[.easy]!.step == nil && outcomes[.easy]!.scheduledDays == 8)
        // A review-phase Again goes to relearning; Hard there waits 1.5 × the only step.
        let reviewCard = outcomes[.easy]!
        let lapsed = try scheduler.review(reviewCard, rating: .again, at: reviewCard.due)
        #expect(lapsed.phase == .relearning && lapsed.step == 0 && lapsed.due == reviewCard.due + 600 && lapsed.lapses == 1)
        let hard = try scheduler.review(lapsed, rating: .hard, at: lapsed.due)
        #expect(hard.phase == .relearning && hard.due == lapsed.due + 900)
        // Without relearning steps an Again stays in review with a whole-day interval.
        let staying = try stepless.review(reviewCard, rating: .again, at: reviewCard.due)
        #expect(staying.phase == .review && staying.scheduledDays == 1 && staying.lapses == 1)
    }
}

/// Seeded fuzz: reproducible, and inside py-fsrs's range.
struct FuzzTests {
    @Test func fuzzRangesMatchPyFsrsAndAnki() {
        #expect(Fuzz.range(intervalDays: 3, maximumInterval: 36500) == 2...4)
        #expect(Fuzz.range(intervalDays: 7, maximumInterval: 36500) == 5...9)
        #expect(Fuzz.range(intervalDays: 10, maximumInterval: 36500) == 8...12)
        #expect(Fuzz.range(intervalDays: 17, maximumInterval: 36500) == 14...20)
        #expect(Fuzz.range(intervalDays: 37, maximumInterval: 36500) == 33...41)
        // py-fsrs spreads the unclamped interval (Anki clamps first and gives 92...99 here).
        #expect(Fuzz.range(intervalDays: 100, maximumInterval: 99) == 93...99)
        #expect(Fuzz.interval(2, maximumInterval: 36500, unit: 0.99) == 2)
        #expect(Fuzz.interval(10, maximumInterval: 36500, unit: 0) == 8)
        #expect(Fuzz.interval(10, maximumInterval: 36500, unit: 0.5) == 10)  // round(10.5) = 10
        #expect(Fuzz.interval(10, maximumInterval: 36500, unit: 0.999) == 13)  // py-fsrs's rounding reaches high + 1
        #expect(Fuzz.range(intervalDays: 36500, maximumInterval: 36500) == 34673...36500)
        #expect(Fuzz.interval(36500, maximumInterval: 36500, unit: 0.99999) == 36500)
    }

    @Test func seededDrawsCoverPyFsrsDistribution() {
        var counts: [Int: Int] = [:]
        for seed in 0..<20_000 as Range<UInt64> {
            var generator = SplitMix64(seed: seed)
            counts[Fuzz.interval(10, maximumInterval: 36500, unit: generator.nextUnit()), default: 0] += 1
        }
        #expect(Set(counts.keys) == Set(8...13))
        // py-fsrs: 8 and 13 get 10 % each, 9…12 get 20 % each.
        for (days, share) in [8: 0.1, 9: 0.2, 10: 0.2, 11: 0.2, 12: 0.2, 13: 0.1] {
            #expect(abs(Double(counts[days]!) / 20_000 - share) < 0.01)
        }
    }

    @Test func reviewFuzzIsReproducibleAndInRange() throws {
        let start = date("2026-01-01T09:00:00Z")
        let fuzzed = try Scheduler(learningSteps: [])
        let plain = try Scheduler(learningSteps: [], enableFuzzing: false)
        var card = try plain.review(.new(at: start), rating: .easy, at: start)
        card = try plain.review(card, rating: .good, at: card.due)
        let exact = try plain.review(card, rating: .good, at: card.due).scheduledDays!
        let range = Fuzz.range(intervalDays: exact, maximumInterval: 36500)
        var seen = Set<Int>()
        for reps in 0..<200 {
            let seed = Fuzz.seed(item: "cpt:27284/vignette", reps: reps)
            let once = try fuzzed.review(card, rating: .good, at: card.due, fuzzSeed: seed)
            let again = try fuzzed.review(card, rating: .good, at: card.due, fuzzSeed: seed)
            #expect(once == again)
            #expect(once.memory == (try plain.review(card, rating: .good, at: card.due)).memory)
            #expect((range.lowerBound...range.upperBound + 1).contains(once.scheduledDays!))
            seen.insert(once.scheduledDays!)
        }
        #expect(seen.count >= range.count)
    }

    @Test func seedsAreStableAcrossProcesses() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(Fuzz.seed(item: "a", reps: 1) != Fuzz.seed(item: "a", reps: 2))
        #expect(Fuzz.seed(item: "a", reps: 1) != Fuzz.seed(item: "b", reps: 1))
    }
}
