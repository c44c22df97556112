import ArgumentParser
import CodingContent
import Determinism
import FSRS
import Foundation
import ProgressStore
import Questions

/// `codedrill optimize [--learner NAME]`: fits FSRS-6 weights to a learner's own reviews and stores them.
struct OptimizeCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Fit FSRS-6 weights to a learner's reviews; later schedules use them.",
        discussion: """
            Study days start at 04:00 local time. With fewer than \(Optimizer.minimumTargetsForFullFit) reviews \
            made a day or more after the previous review of the same item nothing is stored and the exit status \
            is 1. `codedrill learner set NAME --params default` goes back to the default weights.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Learner name (default: your login name).")
    var learner: String?

    @Flag(help: "Print the result as JSON (the `fsrs optimize` format).")
    var json = false

    func execute() throws {
        let store = try global.openStore()
        let name = learner ?? StudySetup.loginName
        guard let found = try store.learner(named: name) else {
            throw CommandFailure("no learner named '\(name)' in \(store.path)", status: .usage)
        }
        let offset = TimeInterval(TimeZone.current.secondsFromGMT(for: try global.currentDate()))
        let histories = try store.reviewHistories(learner: found.id).map { reviews in
            TrainingHistory(
                dated: reviews.compactMap { review in Rating(rawValue: review.rating).map { (review.date, $0) } },
                utcOffset: offset)
        }
        let result = Optimizer.fit(histories)
        guard result.method == .fitted else {
            throw CommandFailure(
                "too few reviews to fit '\(name)': \(result.targets) review\(result.targets == 1 ? "" : "s") a day or more after the previous one (need \(Optimizer.minimumTargetsForFullFit)); the default weights stay",
                status: .checkFailed)
        }
        _ = try store.setFSRSParameters(result.parameters, learner: found.id, at: try global.currentDate())
        if json {
            Terminal.line(try CodedrillJSON.string(OptimizeOutput(result), pretty: false))
            return
        }
        Terminal.line(
            "fitted FSRS-6 weights for '\(name)' from \(result.targets) reviews of \(result.cards) items (\(result.reviews) reviews in all)"
        )
        Terminal.line(
            "log loss \(format(result.defaultQuality.logLoss)) → \(format(result.fittedQuality.logLoss)) · RMSE(bins) \(format(result.defaultQuality.rmseBins)) → \(format(result.fittedQuality.rmseBins)) (defaults → fitted)"
        )
        Terminal.line("weights: \(result.parameters.map { String(format: "%.4f", $0) }.joined(separator: ","))")
    }

    private func format(_ value: Double) -> String { String(format: "%.4f", value) }
}
