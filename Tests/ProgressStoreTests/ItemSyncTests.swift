import FSRS
import Foundation
import Testing

@testable import ProgressStore

@Suite("Item sync")
struct ItemSyncTests {
    @Test func syncAddsChangesRetiresAndRestoresKeepingHistory() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try ProgressStore(path: directory.file("progress.sqlite"))
        let pat = try store.addLearner(named: "Pat", at: monday)
        let original = sampleItems(3)
        #expect(try store.syncItems(original, at: monday) == ItemSyncReport(added: 3))
        let review = try store.answer("item-2", learner: pat.id, giving: reviewCard(due: monday + 86_400))

        var edited = original[1]
        edited.contentHash = "h1-edited"
        let later = monday + 3_600
        #expect(try store.syncItems([original[0], edited], at: later) == ItemSyncReport(changed: 1, retired: 1, unchanged: 1))
        #expect(try store.item(id: "item-2")?.retiredAt == later)
        #expect(try store.item(id: "item-1")?.record.contentHash == "h1-edited")
        #expect(try store.items().map(\.id) == ["item-0", "item-1"])
        #expect(try store.items(includingRetired: true).map(\.id) == ["item-0", "item-1", "item-2"])
        #expect(try store.card(learner: pat.id, item: "item-2") == review.after)
        #expect(try store.reviews(learner: pat.id) == [review])

        #expect(try store.syncItems([original[0], edited, original[2]], at: later + 60) == ItemSyncReport(restored: 1, unchanged: 2))
        let restored = try #require(try store.item(id: "item-2"))
        #expect(restored.retiredAt == nil)
        #expect(restored.firstSeenAt == monday)
        #expect(restored.position == 3)
        #expect(try store.check().isSound)
    }

    @Test func newItemsJoinTheEndOfTheIntroductionOrderForEveryLearner() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try ProgressStore(path: directory.file("progress.sqlite"))
        let early = try store.addLearner(named: "Early", at: monday)
        _ = try store.syncItems([ItemRecord(id: "b", kind: "k", source: "s", contentHash: "1")], at: monday)
        let late = try store.addLearner(named: "Late", at: monday)
        _ = try store.syncItems(
            [
                ItemRecord(id: "z", kind: "k", source: "s", contentHash: "1"),
                ItemRecord(id: "b", kind: "k", source: "s", contentHash: "1"),
                ItemRecord(id: "a", kind: "k", source: "s", contentHash: "1"),
            ],
            at: monday)
        #expect(try store.items().map(\.position) == [1, 2, 3])
        for learner in [early, late] {
            let queue = try store.dueQueue(learner: learner.id, at: monday, dayStart: monday)
            #expect(queue.new.map(\.item) == ["b", "z", "a"])
        }
        #expect(try store.check().isSound)
    }

    @Test func syncWithoutRetiringOnlyAdds() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, _) = try makeStore(directory, items: sampleItems(2))
        let report = try store.syncItems(sampleItems(1, prefix: "other-"), at: monday, retireMissing: false)
        #expect(report == ItemSyncReport(added: 1))
        #expect(try store.items().count == 3)
    }

    @Test func duplicateOrEmptyIdsAreRefusedAndChangeNothing() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, _) = try makeStore(directory, items: sampleItems(2))
        #expect(throws: StoreError(.dataError, "item 'item-1' is listed twice")) {
            try store.syncItems(sampleItems(2) + [sampleItems(2)[1]], at: monday)
        }
        #expect(throws: StoreError(.dataError, "an item id cannot be empty")) {
            try store.syncItems([ItemRecord(id: "", kind: "k", source: "s", contentHash: "h")], at: monday)
        }
        #expect(try store.items().map(\.id) == ["item-0", "item-1"])
    }

    @Test func activeItemsMatchOnlyTheExactSetInAnyOrder() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try ProgressStore(path: directory.file("progress.sqlite"))
        #expect(try store.activeItemsMatch([]))
        let items = sampleItems(4)
        _ = try store.syncItems(items, at: monday)
        #expect(try store.activeItemsMatch(items))
        #expect(try store.activeItemsMatch(items.reversed()))
        #expect(try !store.activeItemsMatch(Array(items.dropLast())))
        #expect(try !store.activeItemsMatch(items + sampleItems(1, prefix: "extra-")))
        var edited = items
        edited[2].contentHash = "h2-edited"
        #expect(try !store.activeItemsMatch(edited))
        edited = items
        edited[0].source = "Content/elsewhere.md"
        #expect(try !store.activeItemsMatch(edited))

        // Retired items are not active: after a sync without item-3, the three others match.
        _ = try store.syncItems(Array(items.prefix(3)), at: monday + 60)
        #expect(try store.activeItemsMatch(Array(items.prefix(3))))
        #expect(try !store.activeItemsMatch(items))
    }
}
