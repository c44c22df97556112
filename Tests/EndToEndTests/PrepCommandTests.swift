import FSRS
import Foundation
import Testing

/// `fsrs optimize`, `optimize`, `learner set --exam-date` and readiness in `stats`, run as a process.
struct PrepCommandTests {
    /// `fsrs replay` input lines for `histories`, one review day = one calendar day at noon UTC.
    static func lines(_ histories: [TrainingHistory]) -> String {
        let start = Date(timeIntervalSince1970: 1_577_880_000)  // 2020-01-01T12:00:00Z
        return histories.map { history in
            var day = 0
            var minute = 0
            let reviews = history.reviews.map { review -> String in
                day += review.elapsedDays
                minute = review.elapsedDays == 0 ? minute + 1 : 0
                let date = start.addingTimeInterval(Double(day) * 86_400 + Double(minute) * 60)
                return "[\"\(date.formatted(.iso8601))\", \(review.rating.rawValue)]"
            }
            return "{\"reviews\": [\(reviews.joined(separator: ", "))]}"
        }.joined(separator: "\n") + "\n"
    }

    @Test func fsrsOptimizePrintsFittedParametersAndLosses() async throws {
        let directory = try CodedrillProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let histories = SimulatedHistories.generate(parameters: Parameters.defaultValues, cards: 150, reviewsPerCard: 5, seed: 4)
        let result = try await CodedrillProcess.run(["fsrs", "optimize"], in: directory, input: Self.lines(histories))
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["params"] as? [Double])?.count == 21)
        #expect(json["method"] as? String == "fitted")
        let counts = try #require(json["counts"] as? [String: Int])
        #expect(counts["cards"] == 150 && counts["reviews"] == 750)
        #expect(counts["targets"] == histories.reduce(0) { $0 + $1.targetCount })
        let fitted = try #require((json["fitted"] as? [String: Double])?["logLoss"])
        let defaults = try #require((json["default"] as? [String: Double])?["logLoss"])
        #expect(fitted <= defaults)
        // The same losses as the library computes (the dates round-trip to the same study days).
        let quality = Optimizer.quality(Parameters.defaultValues, histories: histories)
        #expect(abs(defaults - quality.logLoss) < 1e-12)
    }

    @Test func fsrsOptimizeNamesABadLine() async throws {
        let directory = try CodedrillProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = "{\"reviews\": [[\"2026-01-01T09:00:00Z\", 3]]}\n{\"reviews\": [[\"2026-01-01T09:00:00Z\", 5]]}\n"
        let result = try await CodedrillProcess.run(["fsrs", "optimize"], in: directory, input: input)
        #expect(result.status == 65)
        #expect(result.stderr == "codedrill: error: stdin:2: review 1: rating 5 is not 1–4 (1 again, 2 hard, 3 good, 4 easy)\n")
    }

    @Test func examDateAndWeightsAreStoredWithTheLearner() async throws {
        let directory = try CodedrillProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let env = ["CODEDRILL_NOW": "2026-02-01T09:00:00Z"]
        #expect(try await CodedrillProcess.run(["learner", "add", "pat"], in: directory, environment: env).status == 0)
        let bad = try await CodedrillProcess.run(["learner", "set", "pat", "--exam-date", "2026-02-30"], in: directory, environment: env)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--exam-date '2026-02-30' is not a date; expected YYYY-MM-DD or none"))
        let set = try await CodedrillProcess.run(
            ["learner", "set", "pat", "--exam-date", "2026-03-01", "--exam-blueprint", "cpc-mock"], in: directory, environment: env)
        #expect(set.status == 0)
        #expect(set.stdout.hasSuffix("pat: default FSRS-6 weights, exam on 2026-03-01 (blueprint cpc-mock)\n"))
        let optimize = try await CodedrillProcess.run(["optimize", "--learner", "pat"], in: directory, environment: env)
        #expect(optimize.status == 1)
        #expect(
            optimize.stderr
                == "codedrill: error: too few reviews to fit 'pat': 0 reviews a day or more after the previous one (need 64); the default weights stay\n"
        )
        let stats = try await CodedrillProcess.run(["stats", "--learner", "pat", "--format", "json"], in: directory, environment: env)
        #expect(stats.status == 0, "\(stats.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        let readiness = try #require(json["readiness"] as? [String: Any])
        #expect(readiness["daysLeft"] as? Int == 28)
        #expect(readiness["predictedRecall"] as? Double == 0)
        #expect(readiness["blueprint"] as? String == "cpc-mock")
        let cleared = try await CodedrillProcess.run(["learner", "set", "pat", "--exam-date", "none"], in: directory, environment: env)
        #expect(cleared.stdout.hasSuffix("pat: default FSRS-6 weights, no exam date\n"))
    }
}
