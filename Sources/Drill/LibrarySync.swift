import CodingContent
import Determinism
import Foundation
import ProgressStore
import Questions

/// Brings the store's items in line with the library before a session: new items are added in a
/// teaching order, edited ones updated, vanished ones retired (their history is kept).
public enum LibrarySync {
    /// Kinds in the order new items are introduced: recognise the procedure first, then its
    /// neighbours and details. Kinds not listed (authored questions) come after these.
    static let introductionOrder: [String] = [
        "vignette", "indication", "contrast", "vignette-entry", "not-included", "next-step", "diagnosis", "diagnosis-sequence", "pcs",
    ]

    /// The store records for every catalog item, in introduction order: by kind, then spread over
    /// the library by a stable hash of the id so that consecutive new items come from different procedures.
    public static func records(catalog: QuestionCatalog, library: Library) -> [ItemRecord] {
        var hashByPath: [String: String] = [:]
        for procedure in library.procedures { hashByPath[procedure.path] = procedure.contentHash }
        for scenario in library.scenarios { hashByPath[scenario.path] = scenario.contentHash }
        let ranked = catalog.items.map { item in
            let kind = introductionOrder.firstIndex(of: item.kind.rawValue) ?? introductionOrder.count
            return (rank: (kind, Fingerprint.value(of: item.id), item.id), item: item)
        }
        return ranked.sorted { $0.rank < $1.rank }.map { ranked in
            let item = ranked.item
            return ItemRecord(id: item.id, kind: item.kind.rawValue, source: item.path, contentHash: hashByPath[item.path] ?? "")
        }
    }

    /// Syncs the store with the catalog at `now`. When the store already holds exactly these items
    /// (the usual case: the library has not changed since the last session) nothing is written.
    @discardableResult
    public static func sync(store: ProgressStore, catalog: QuestionCatalog, library: Library, at now: Date) throws -> ItemSyncReport {
        let wanted = records(catalog: catalog, library: library)
        if try store.activeItemsMatch(wanted) { return ItemSyncReport(unchanged: wanted.count) }
        return try store.syncItems(wanted, at: now)
    }
}

/// The seeds that make every review of an item a fresh, reproducible variant.
public enum ReviewSeed {
    /// The question seed for a learner's `reps`-th review of `item`: differs per review, per learner,
    /// and stays below 2^31 so that people and JSON readers can pass it back to `codedrill questions --seed`.
    public static func question(learner: Int64, item: String, reps: Int) -> UInt64 {
        Fingerprint.value(of: "\(learner)|\(item)|\(reps)") & 0x7fff_ffff
    }
}

/// Human wording of waits and intervals.
public enum Wait {
    /// "10 minutes", "1 day", "3 months".
    public static func describe(from start: Date, to end: Date) -> String {
        let seconds = max(0, end.timeIntervalSince(start))
        func unit(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        switch seconds {
        case ..<90: return unit(max(1, Int((seconds / 60).rounded())), "minute")
        case ..<(90 * 60): return unit(Int((seconds / 60).rounded()), "minute")
        case ..<(36 * 3600): return unit(Int((seconds / 3600).rounded()), "hour")
        case ..<(60 * 86400): return unit(Int((seconds / 86400).rounded()), "day")
        case ..<(730 * 86400): return unit(Int((seconds / (30.4 * 86400)).rounded()), "month")
        default: return unit(Int((seconds / (365.25 * 86400)).rounded()), "year")
        }
    }
}
