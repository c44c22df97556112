import CodingContent
import Determinism
import Questions

/// The questions of one mock exam, drawn from a catalog per a blueprint: a pure function of the
/// blueprint, the items, the number of questions and the seed, so the same seed gives the same exam.
public struct ExamDraw: Sendable, Equatable {
    /// One drawn question: the item, the seed of its question, and the blueprint part it counts for.
    public struct Drawn: Sendable, Equatable {
        /// The item id.
        public var item: String
        /// The question's seed (below 2^31, so people can pass it to `codedrill questions --seed`).
        public var seed: UInt64
        /// Index into the blueprint's parts.
        public var part: Int
    }

    /// The questions in exam order: grouped by part in blueprint order, shuffled within a part.
    public var questions: [Drawn]
    /// Questions each part should have had by its share.
    public var wanted: [Int]
    /// Questions each part got (after filling shortfalls from the other parts).
    public var drawn: [Int]
    /// One sentence per shortfall: a part the library cannot fill, or an exam shorter than asked.
    public var notes: [String]

    /// Draws `count` questions for `blueprint` from `items`.
    ///
    /// Items of the blueprint's excluded kinds, and items no part admits, are never drawn. Each item
    /// counts for one part (`Blueprint.part(area:tags:kind:)`), and no item is drawn twice. Each part
    /// gets its share of `count` (`Blueprint.allocation(total:)`); when a part has too few items, the
    /// missing questions are shared out by the same rule among the parts that still have items, and a
    /// note says so. When the whole library is too small, the exam is shorter and a note says so.
    public static func draw(blueprint: Blueprint, items: [Item], count: Int, seed: UInt64) -> ExamDraw {
        var rng = SplitMix64(seed: seed)
        let excluded = Set(blueprint.excludedKinds)
        var pools = blueprint.parts.map { _ in [String]() }
        for item in items where !excluded.contains(item.kind.rawValue) {
            if let part = blueprint.part(area: item.area, tags: item.tags, kind: item.kind.rawValue) {
                pools[part].append(item.id)
            }
        }
        for index in pools.indices { rng.shuffle(&pools[index]) }

        let wanted = blueprint.allocation(total: count)
        var drawn = zip(wanted, pools).map { min($0, $1.count) }
        var notes: [String] = []
        for (index, part) in blueprint.parts.enumerated() where wanted[index] > pools[index].count {
            let has = pools[index].isEmpty ? "none" : "only \(pools[index].count)"
            notes.append(
                "\(part.label): \(wanted[index]) question\(wanted[index] == 1 ? "" : "s") wanted, the library has \(has); filled from the other parts"
            )
        }
        // Share each shortfall among the parts with items left, in proportion to their shares. Every
        // round draws at least one question or finds no part with items left, so it ends.
        var missing = count - drawn.reduce(0, +)
        while missing > 0 {
            let spare = pools.indices.filter { drawn[$0] < pools[$0].count }
            if spare.isEmpty { break }
            let extra = Blueprint.allocate(missing, shares: spare.map { blueprint.parts[$0].share })
            for (index, more) in zip(spare, extra) {
                drawn[index] += min(more, pools[index].count - drawn[index])
            }
            missing = count - drawn.reduce(0, +)
        }
        if missing > 0 {
            let total = drawn.reduce(0, +)
            notes.append(
                "the library has only \(total) question\(total == 1 ? "" : "s") for this blueprint, so the exam has \(total) instead of \(count)"
            )
        }

        var questions: [Drawn] = []
        for (index, pool) in pools.enumerated() {
            for item in pool.prefix(drawn[index]) {
                questions.append(Drawn(item: item, seed: rng.next() & 0x7fff_ffff, part: index))
            }
        }
        return ExamDraw(questions: questions, wanted: wanted, drawn: drawn, notes: notes)
    }
}
