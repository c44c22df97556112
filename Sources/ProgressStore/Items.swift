import Foundation
import GRDB

/// An item as the content layer describes it when syncing: what the learner is scheduled on.
public struct ItemRecord: Sendable, Equatable, Hashable {
    /// The stable identifier, such as `cpt:27284/vignette` or a GIFT question's id.
    public var id: String
    /// The question kind (`vignette`, `code-selection`, `gift`, …), used for filters and accuracy.
    public var kind: String
    /// The file the item comes from, relative to the library.
    public var source: String
    /// A hash of the content the item is generated from; a change is recorded, progress is kept.
    public var contentHash: String

    /// Creates an item description.
    public init(id: String, kind: String, source: String, contentHash: String) {
        self.id = id
        self.kind = kind
        self.source = source
        self.contentHash = contentHash
    }
}

/// An item as the store knows it.
public struct StoredItem: Sendable, Equatable {
    /// The item's description as last synced.
    public var record: ItemRecord
    /// Place in the order in which new items are introduced (first-sync order).
    public var position: Int64
    /// When the item was first synced.
    public var firstSeenAt: Date
    /// When the item disappeared from the library; `nil` while it exists. Retired items keep their
    /// cards and reviews but are never scheduled.
    public var retiredAt: Date?

    /// Creates a value from all of its fields.
    public init(record: ItemRecord, position: Int64, firstSeenAt: Date, retiredAt: Date?) {
        self.record = record
        self.position = position
        self.firstSeenAt = firstSeenAt
        self.retiredAt = retiredAt
    }

    /// The stable identifier.
    public var id: String { record.id }
    /// Whether the item has disappeared from the library.
    public var isRetired: Bool { retiredAt != nil }
}

/// What a sync changed.
public struct ItemSyncReport: Sendable, Equatable {
    /// Items seen for the first time.
    public var added = 0
    /// Known items whose kind, source or content hash changed (progress kept).
    public var changed = 0
    /// Known items that came back after being retired.
    public var restored = 0
    /// Items no longer in the library, now retired.
    public var retired = 0
    /// Items present and identical.
    public var unchanged = 0

    /// Creates a report.
    public init(added: Int = 0, changed: Int = 0, restored: Int = 0, retired: Int = 0, unchanged: Int = 0) {
        self.added = added
        self.changed = changed
        self.restored = restored
        self.retired = retired
        self.unchanged = unchanged
    }
}

extension ProgressStore {
    /// Brings the items table in line with the library: adds new items (at the end of the
    /// introduction order, in the order given), updates changed ones, restores returning ones and,
    /// when `retireMissing` is true, retires every active item that is not in `items`. One
    /// transaction; a duplicate id in `items` is an error and changes nothing.
    public func syncItems(
        _ items: [ItemRecord], at now: Date, retireMissing: Bool = true
    ) throws(StoreError) -> ItemSyncReport {
        var seen = Set<String>()
        for item in items {
            if item.id.isEmpty { throw .data("an item id cannot be empty") }
            if !seen.insert(item.id).inserted { throw .data("item '\(item.id)' is listed twice") }
        }
        let nowMilliseconds = Timestamp.milliseconds(now)
        return try write { db in
            var report = ItemSyncReport()
            var nextPosition = try Int64.fetchOne(db, sql: "SELECT coalesce(max(position), 0) + 1 FROM items") ?? 1
            let select = try db.cachedStatement(
                sql: "SELECT kind, source, content_hash, retired_at FROM items WHERE id = ?")
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO items (id, kind, source, content_hash, position, first_seen_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)
            let introduce = try db.cachedStatement(
                sql: "INSERT INTO new_items (learner_id, item_id, position) SELECT id, ?, ? FROM learners")
            let update = try db.cachedStatement(
                sql: "UPDATE items SET kind = ?, source = ?, content_hash = ?, retired_at = NULL WHERE id = ?")
            for item in items {
                guard let row = try Row.fetchOne(select, arguments: [item.id]) else {
                    try insert.execute(arguments: [
                        item.id, item.kind, item.source, item.contentHash, nextPosition, nowMilliseconds,
                    ])
                    try introduce.execute(arguments: [item.id, nextPosition])
                    nextPosition += 1
                    report.added += 1
                    continue
                }
                let wasRetired = (row["retired_at"] as Int64?) != nil
                let differs =
                    (row["kind"] as String) != item.kind || (row["source"] as String) != item.source
                    || (row["content_hash"] as String) != item.contentHash
                if wasRetired {
                    report.restored += 1
                } else if differs {
                    report.changed += 1
                } else {
                    report.unchanged += 1
                }
                if wasRetired || differs {
                    try update.execute(arguments: [item.kind, item.source, item.contentHash, item.id])
                }
            }
            if retireMissing {
                let present = String(decoding: try JSONEncoder().encode(items.map(\.id)), as: UTF8.self)
                try db.execute(
                    sql: """
                        UPDATE items SET retired_at = ?
                        WHERE retired_at IS NULL AND id NOT IN (SELECT value FROM json_each(?))
                        """,
                    arguments: [nowMilliseconds, present])
                report.retired = db.changesCount
            }
            return report
        }
    }

    /// Every item in introduction order; retired ones only when `includingRetired`.
    public func items(includingRetired: Bool = false) throws(StoreError) -> [StoredItem] {
        try read { db in
            let filter = includingRetired ? "" : "WHERE retired_at IS NULL"
            // Columns by position, rows from a cursor: a drill reads every item at start-up.
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, kind, source, content_hash, position, first_seen_at, retired_at FROM items \(filter) ORDER BY position
                    """)
            var items: [StoredItem] = []
            while let row = try rows.next() {
                items.append(
                    StoredItem(
                        record: ItemRecord(id: row[0], kind: row[1], source: row[2], contentHash: row[3]),
                        position: row[4], firstSeenAt: Timestamp.date(row[5] as Int64), retiredAt: Timestamp.date(row[6] as Int64?)))
            }
            return items
        }
    }

    /// Whether the items that are not retired are exactly `records`, in any order. One query that
    /// returns one string: a drill checks this at every start, and the library rarely changes.
    /// A `false` is always safe (the caller then syncs), so the comparison only needs to be exact
    /// when it says `true`.
    public func activeItemsMatch(_ records: [ItemRecord]) throws(StoreError) -> Bool {
        // Fields joined by U+001F, records by U+001E, sorted by id bytes as SQLite's BINARY collation sorts.
        let expected = records.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
            .map { $0.id + "\u{1F}" + $0.kind + "\u{1F}" + $0.source + "\u{1F}" + $0.contentHash }
            .joined(separator: "\u{1E}")
        let stored = try read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT group_concat(line, char(30)) FROM (
                        SELECT id || char(31) || kind || char(31) || source || char(31) || content_hash AS line
                        FROM items WHERE retired_at IS NULL ORDER BY id)
                    """)
        }
        return (stored ?? "") == expected
    }

    /// The item with identifier `id`, retired or not.
    public func item(id: String) throws(StoreError) -> StoredItem? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM items WHERE id = ?", arguments: [id]).map(StoredItem.init(row:))
        }
    }
}

extension StoredItem {
    init(row: Row) {
        self.init(
            record: ItemRecord(id: row["id"], kind: row["kind"], source: row["source"], contentHash: row["content_hash"]),
            position: row["position"], firstSeenAt: Timestamp.date(row["first_seen_at"] as Int64),
            retiredAt: Timestamp.date(row["retired_at"] as Int64?))
    }
}
