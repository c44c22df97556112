import Foundation
import ProgressStore

/// One scored response, the input of item analysis.
public struct ScoredResponse: Sendable, Equatable {
    /// The item id.
    public var item: String
    /// The question kind.
    public var kind: String
    /// The mark: 1 right, 0 wrong or unanswered (every codedrill question is worth one mark).
    public var mark: Double
    /// What the answer picked (`ResultRecord.choice`); `nil` when unanswered.
    public var choice: String?
    /// The options shown (`ResultRecord.options`).
    public var options: [String]?
    /// The right answer's text.
    public var key: String?

    /// Creates a value from all of its fields.
    public init(item: String, kind: String, mark: Double, choice: String?, options: [String]?, key: String?) {
        self.item = item
        self.kind = kind
        self.mark = mark
        self.choice = choice
        self.options = options
        self.key = key
    }
}

/// One attempt as item analysis sees it: its responses by position.
public struct ScoredAttempt: Sendable, Equatable {
    /// The learner (name or pseudonym).
    public var learner: String
    /// The blueprint, or `drill` for a learner's first drill answers.
    public var blueprint: String
    /// The responses, in question order (unanswered questions included, with mark 0).
    public var responses: [ScoredResponse]

    /// Creates a value from all of its fields.
    public init(learner: String, blueprint: String, responses: [ScoredResponse]) {
        self.learner = learner
        self.blueprint = blueprint
        self.responses = responses
    }

    /// The attempt's total mark.
    public var total: Double { responses.reduce(0) { $0 + $1.mark } }
}

/// Which results item analysis uses.
public struct ResultFilter: Sendable, Equatable {
    /// Only attempts at this blueprint (all when `nil`).
    public var blueprint: String?
    /// Only attempts started (drill answers given) at or after this instant.
    public var since: Date?
    /// Whether each learner's first drill answers form one more attempt (blueprint `drill`).
    public var includeDrills: Bool

    /// Creates a filter; the default takes every exam attempt and no drill answers.
    public init(blueprint: String? = nil, since: Date? = nil, includeDrills: Bool = false) {
        self.blueprint = blueprint
        self.since = since
        self.includeDrills = includeDrills
    }
}

/// Why a set of results cannot be analysed together.
public struct ResultConflict: Error, Equatable, Sendable, CustomStringConvertible {
    /// What disagrees, naming the learner, attempt and position.
    public var message: String
    /// The message.
    public var description: String { message }
}

/// Turns result records (from one database or many exported files) into the attempts item analysis
/// reads: the same records give the same attempts whatever their order or file.
public enum ResultSelection {
    /// The attempts `filter` selects: of each learner's submitted exam attempts at each blueprint
    /// (after the `since` and `blueprint` filters), the **first** one (earliest start, then lowest
    /// id), as Moodle's "first attempt" statistics do; with `includeDrills`, one more attempt per
    /// learner made of their first drill answer on each item. Attempts are ordered by learner,
    /// blueprint and start. A record repeated exactly (the same file read twice) counts once; two
    /// different records for one learner, attempt and position are a conflict.
    public static func attempts(_ records: [ResultRecord], filter: ResultFilter = ResultFilter()) throws(ResultConflict) -> [ScoredAttempt]
    {
        struct AttemptKey: Hashable {
            var learner: String
            var attempt: Int64
        }
        // Indices into `records`, not copies: a record holds a dozen strings and arrays.
        var exams: [AttemptKey: [Int]] = [:]
        var drills: [String: [String: Int]] = [:]
        for index in records.indices {
            let record = records[index]
            switch record.source {
            case .exam:
                guard let attempt = record.attempt, record.position != nil else { continue }
                if let blueprint = filter.blueprint, record.blueprint != blueprint { continue }
                if let since = filter.since, let started = record.startedAt, started < since { continue }
                exams[AttemptKey(learner: record.learner, attempt: attempt), default: []].append(index)
            case .drill:
                guard filter.includeDrills else { continue }
                if let since = filter.since, let answered = record.answeredAt, answered < since { continue }
                if let earlier = drills[record.learner]?[record.item], !isEarlier(record, than: records[earlier]) { continue }
                drills[record.learner, default: [:]][record.item] = index
            }
        }

        struct Candidate {
            var key: AttemptKey
            var blueprint: String
            var startedAt: Date
            var lines: [Int]
        }
        var first: [String: Candidate] = [:]  // by learner and blueprint
        for (key, lines) in exams {
            let sample = records[lines[0]]
            let candidate = Candidate(
                key: key, blueprint: sample.blueprint ?? "", startedAt: sample.startedAt ?? .distantPast, lines: lines)
            let slot = "\(key.learner)\u{0}\(candidate.blueprint)"
            if let held = first[slot], (held.startedAt, held.key.attempt) <= (candidate.startedAt, key.attempt) { continue }
            first[slot] = candidate
        }
        var attempts: [(ScoredAttempt, Date)] = []
        attempts.reserveCapacity(first.count + drills.count)
        for candidate in first.values {
            let sample = records[candidate.lines[0]]
            var byPosition: [Int] = []
            byPosition.reserveCapacity(candidate.lines.count)
            for index in candidate.lines.sorted(by: { records[$0].position! < records[$1].position! }) {
                let record = records[index]
                if let previous = byPosition.last, records[previous].position == record.position {
                    if records[previous] != record {
                        throw ResultConflict(
                            message:
                                "learner '\(record.learner)', attempt \(candidate.key.attempt), question \(record.position!) appears twice with different contents"
                        )
                    }
                    continue
                }
                if record.blueprint != sample.blueprint || record.startedAt != sample.startedAt || record.questions != sample.questions {
                    throw ResultConflict(
                        message:
                            "learner '\(record.learner)', attempt \(candidate.key.attempt): its lines disagree on the blueprint, start or number of questions"
                    )
                }
                byPosition.append(index)
            }
            let count = sample.questions ?? byPosition.count
            guard byPosition.count == count else {
                throw ResultConflict(
                    message:
                        "learner '\(candidate.key.learner)', attempt \(candidate.key.attempt): \(byPosition.count) of its \(count) questions are in the results"
                )
            }
            attempts.append(
                (
                    ScoredAttempt(
                        learner: candidate.key.learner, blueprint: candidate.blueprint,
                        responses: byPosition.map { scored(records[$0]) }), candidate.startedAt
                ))
        }
        for (learner, items) in drills {
            let ordered = items.values.sorted { isEarlier(records[$0], than: records[$1]) }
            attempts.append(
                (ScoredAttempt(learner: learner, blueprint: "drill", responses: ordered.map { scored(records[$0]) }), .distantFuture))
        }
        return attempts.sorted { ($0.0.learner, $0.0.blueprint, $0.1) < ($1.0.learner, $1.0.blueprint, $1.1) }.map(\.0)
    }

    private static func scored(_ record: ResultRecord) -> ScoredResponse {
        ScoredResponse(
            item: record.item, kind: record.kind, mark: record.correct ? 1 : 0, choice: record.choice,
            options: record.options, key: record.key)
    }

    private static func isEarlier(_ a: ResultRecord, than b: ResultRecord) -> Bool {
        ((a.answeredAt ?? .distantFuture), a.item, a.seed) < ((b.answeredAt ?? .distantFuture), b.item, b.seed)
    }
}
