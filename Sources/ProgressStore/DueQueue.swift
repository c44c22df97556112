import FSRS
import Foundation
import GRDB

/// Which items a queue or a count may include. The store knows item ids and kinds only; the
/// content layer turns tags, codes or families into an id set.
public struct ItemFilter: Sendable, Equatable {
    /// Only these item ids, when set.
    public var items: Set<String>?
    /// Only items of these kinds, when set.
    public var kinds: Set<String>?

    /// Creates a filter; `nil` means "no restriction".
    public init(items: Set<String>? = nil, kinds: Set<String>? = nil) {
        self.items = items
        self.kinds = kinds
    }

    /// Every item.
    public static let all = ItemFilter()

    /// SQL conditions on `itemColumn` and `kindColumn`, and their arguments (JSON arrays read with
    /// `json_each`, so that a filter of any size is one bound parameter).
    func sql(itemColumn: String, kindColumn: String) -> (String, StatementArguments) {
        var sql = ""
        var arguments = StatementArguments()
        if let items {
            sql += " AND \(itemColumn) IN (SELECT value FROM json_each(?))"
            arguments += [Self.json(items)]
        }
        if let kinds {
            sql += " AND \(kindColumn) IN (SELECT value FROM json_each(?))"
            arguments += [Self.json(kinds)]
        }
        return (sql, arguments)
    }

    private static func json(_ values: Set<String>) -> String {
        String(decoding: (try? JSONEncoder().encode(values.sorted())) ?? Data("[]".utf8), as: UTF8.self)
    }
}

/// A card that is due, with the item's kind.
public struct DueCard: Sendable, Equatable {
    /// The item id.
    public var item: String
    /// The item's kind.
    public var kind: String
    /// The learner's card.
    public var card: Card

    /// Creates a value from all of its fields.
    public init(item: String, kind: String, card: Card) {
        self.item = item
        self.kind = kind
        self.card = card
    }
}

/// A never-seen item ready to be introduced.
public struct NewItem: Sendable, Equatable {
    /// The item id.
    public var item: String
    /// The item's kind.
    public var kind: String

    /// Creates a value from all of its fields.
    public init(item: String, kind: String) {
        self.item = item
        self.kind = kind
    }
}

/// What a learner should study now: due cards first, then new items, each within today's limits.
public struct DueQueue: Sendable, Equatable {
    /// Cards due at or before the queue's time, earliest due first (then by item id), at most the
    /// reviews left for today.
    public var due: [DueCard]
    /// New items in introduction order, at most the new items left for today.
    public var new: [NewItem]
    /// Reviews of already-seen cards recorded since the day started.
    public var reviewedToday: Int
    /// Items introduced (first answered) since the day started.
    public var introducedToday: Int

    /// Creates a value from all of its fields.
    public init(due: [DueCard], new: [NewItem], reviewedToday: Int, introducedToday: Int) {
        self.due = due
        self.new = new
        self.reviewedToday = reviewedToday
        self.introducedToday = introducedToday
    }
}

extension ProgressStore {
    /// The learner's queue at `now`.
    ///
    /// `due` holds the cards due at or before `now` whose items are not retired, earliest first, up
    /// to the learner's reviews-per-day minus the reviews already done since `dayStart`; `new`
    /// holds items the learner has never answered (not retired) in introduction order, up to
    /// new-per-day minus the items introduced since `dayStart`. `dayStart` is the start of the
    /// current study day (see `StudyCalendar.dayStart(containing:)`). `filter` restricts both.
    public func dueQueue(
        learner: Learner.ID, at now: Date, dayStart: Date, filter: ItemFilter = .all
    ) throws(StoreError) -> DueQueue {
        try read { db in
            guard let settings = try Learner.fetch(db, id: learner)?.settings else {
                throw StoreError.unknownLearner(learner)
            }
            let dayStartMilliseconds = Timestamp.milliseconds(dayStart)
            let reviewedToday =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM reviews
                        WHERE learner_id = ? AND reviewed_at >= ? AND before_phase IS NOT NULL
                        """,
                    arguments: [learner, dayStartMilliseconds]) ?? 0
            let introducedToday =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM cards WHERE learner_id = ? AND introduced_at >= ?",
                    arguments: [learner, dayStartMilliseconds]) ?? 0

            let (dueFilter, dueFilterArguments) = filter.sql(itemColumn: "c.item_id", kindColumn: "i.kind")
            let dueRows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT c.item_id, i.kind, \(CardColumns.list(prefix: "c.")) FROM cards c JOIN items i ON i.id = c.item_id
                    WHERE c.learner_id = ? AND c.due_at <= ? AND i.retired_at IS NULL\(dueFilter)
                    ORDER BY c.due_at, c.item_id
                    LIMIT ?
                    """,
                arguments: [learner, Timestamp.milliseconds(now)] + dueFilterArguments
                    + [max(0, settings.reviewsPerDay - reviewedToday)])
            var due: [DueCard] = []
            while let row = try dueRows.next() {
                due.append(DueCard(item: row[0], kind: row[1], card: try CardColumns.card(row, at: 2)!))
            }

            let (newFilter, newFilterArguments) = filter.sql(itemColumn: "n.item_id", kindColumn: "i.kind")
            let new = try Row.fetchAll(
                db,
                sql: """
                    SELECT n.item_id, i.kind FROM new_items n JOIN items i ON i.id = n.item_id
                    WHERE n.learner_id = ? AND i.retired_at IS NULL\(newFilter)
                    ORDER BY n.position
                    LIMIT ?
                    """,
                arguments: [learner] + newFilterArguments + [max(0, settings.newPerDay - introducedToday)]
            ).map { NewItem(item: $0["item_id"], kind: $0["kind"]) }

            return DueQueue(due: due, new: new, reviewedToday: reviewedToday, introducedToday: introducedToday)
        }
    }
}
