import FSRS
import Foundation
import GRDB

/// How a `Card` maps to the eight card columns, which `cards` holds bare and `reviews` holds twice,
/// prefixed `before_` and `after_`.
enum CardColumns {
    /// The column names, without prefix, in the order of `values(_:)`.
    static let names = ["phase", "step", "stability", "difficulty", "due_at", "last_review_at", "reps", "lapses"]

    /// `names` with `prefix`, comma-separated.
    static func list(prefix: String = "") -> String {
        names.map { prefix + $0 }.joined(separator: ", ")
    }

    /// The column values of `card`, or eight NULLs for no card.
    static func values(_ card: Card?) -> [(any DatabaseValueConvertible)?] {
        guard let card else { return Array(repeating: nil, count: names.count) }
        return [
            card.phase.rawValue, card.step, card.memory?.stability, card.memory?.difficulty,
            Timestamp.milliseconds(card.due), card.lastReview.map(Timestamp.milliseconds), card.reps,
            card.lapses,
        ]
    }

    /// The card stored in the eight columns starting at position `start`, in `names` order (a query
    /// that selects `list(prefix:)`), or `nil` when its phase is NULL. Reading by position skips the
    /// column-name lookups, for queries that read many cards.
    static func card(_ row: Row, at start: Int) throws -> Card? {
        guard let phaseName = row[start] as String? else { return nil }
        guard let phase = CardPhase(rawValue: phaseName) else {
            throw StoreError.data("unknown card phase '\(phaseName)' in the database")
        }
        let stability = row[start + 2] as Double?
        let difficulty = row[start + 3] as Double?
        let memory = stability.flatMap { s in difficulty.map { MemoryState(stability: s, difficulty: $0) } }
        return Card(
            phase: phase, step: row[start + 1], memory: memory,
            due: Timestamp.date(row[start + 4] as Int64),
            lastReview: Timestamp.date(row[start + 5] as Int64?),
            reps: row[start + 6], lapses: row[start + 7])
    }

    /// The card stored in the columns with `prefix`, or `nil` when its phase is NULL (no card).
    static func card(_ row: Row, prefix: String = "") throws -> Card? {
        guard let phaseName = row[prefix + "phase"] as String? else { return nil }
        guard let phase = CardPhase(rawValue: phaseName) else {
            throw StoreError.data("unknown card phase '\(phaseName)' in the database")
        }
        let stability = row[prefix + "stability"] as Double?
        let difficulty = row[prefix + "difficulty"] as Double?
        let memory = stability.flatMap { s in difficulty.map { MemoryState(stability: s, difficulty: $0) } }
        return Card(
            phase: phase, step: row[prefix + "step"], memory: memory,
            due: Timestamp.date(row[prefix + "due_at"] as Int64),
            lastReview: Timestamp.date(row[prefix + "last_review_at"] as Int64?),
            reps: row[prefix + "reps"], lapses: row[prefix + "lapses"])
    }
}

extension Card {
    /// The card as the store will read it back: dates rounded to the millisecond.
    var roundedToMilliseconds: Card {
        var card = self
        card.due = Timestamp.date(Timestamp.milliseconds(due))
        card.lastReview = lastReview.map { Timestamp.date(Timestamp.milliseconds($0)) }
        return card
    }
}
