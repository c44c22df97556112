/// Which items a drill or exam may use: by tag, family, kind or area. Empty sets mean "any".
public struct ItemSelection: Sendable, Hashable {
    /// Items with at least one of these tags.
    public var tags: Set<String>
    /// Items whose procedure is in one of these families.
    public var families: Set<String>
    /// Items of one of these kinds (raw values, e.g. `vignette`).
    public var kinds: Set<String>

    /// Creates a selection.
    public init(tags: Set<String> = [], families: Set<String> = [], kinds: Set<String> = []) {
        self.tags = tags
        self.families = families
        self.kinds = kinds
    }

    /// Every item.
    public static let all = ItemSelection()

    /// Whether `item` is selected.
    public func matches(_ item: Item) -> Bool {
        (tags.isEmpty || item.tags.contains(where: tags.contains))
            && (families.isEmpty || item.family.map(families.contains) == true)
            && (kinds.isEmpty || kinds.contains(item.kind.rawValue))
    }
}

/// Every item of a library and the question for any (item, seed): the one question source of drills,
/// exams and `codedrill questions`.
public struct QuestionCatalog: Sendable {
    /// The scenario-question generator over the library's procedures.
    public let generator: QuestionGenerator
    /// Every item, in a stable order (procedures by path and kind).
    public let items: [Item]
    private let byID: [String: Int]

    /// Indexes a library.
    public init(library: Library) {
        generator = QuestionGenerator(library: library)
        items = generator.items
        var byID: [String: Int] = [:]
        for (i, item) in items.enumerated() where byID[item.id] == nil { byID[item.id] = i }
        self.byID = byID
    }

    /// The item with `id`, if the library has it.
    public func item(id: String) -> Item? { byID[id].map { items[$0] } }

    /// The items a selection admits, in catalog order.
    public func items(_ selection: ItemSelection) -> [Item] { items.filter(selection.matches) }

    /// The question for `itemID` and `seed`: the same pair always gives the same question.
    public func question(itemID: String, seed: UInt64) throws(QuestionGenerationError) -> Question {
        try generator.generate(itemID: itemID, seed: seed)
    }
}
