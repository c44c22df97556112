import CodingContent
import QuestionBanks
import SourceText

/// Which items a drill, exam, `codedrill questions` or `codedrill bank export` may use: by tag,
/// family, kind or category. Empty sets mean "any"; the sets are combined with "and".
public struct ItemSelection: Sendable, Hashable {
    /// Items with at least one of these tags.
    public var tags: Set<String>
    /// Items whose procedure is in one of these families.
    public var families: Set<String>
    /// Items of one of these kinds (raw values, e.g. `vignette`, `true-false`).
    public var kinds: Set<String>
    /// Items filed under one of these category paths (`coding-rules/modifiers`): a path selects its
    /// own category and everything below it, comparing whole components without regard to case.
    /// An authored item's category is its `$CATEGORY:`; a generated item's is its procedure's section.
    public var categories: Set<String>

    /// Creates a selection.
    public init(tags: Set<String> = [], families: Set<String> = [], kinds: Set<String> = [], categories: Set<String> = []) {
        self.tags = tags
        self.families = families
        self.kinds = kinds
        self.categories = categories
    }

    /// Every item.
    public static let all = ItemSelection()

    /// Whether `item` is selected.
    public func matches(_ item: Item) -> Bool {
        matches(kind: item.kind.rawValue, tags: item.tags, family: item.family, category: item.category)
    }

    /// Whether something with these properties is selected (also used for bank questions that are not
    /// items, such as essays, whose kind is `essay` or `description`).
    public func matches(kind: String, tags: [String], family: String?, category: [String]) -> Bool {
        (self.tags.isEmpty || tags.contains(where: self.tags.contains))
            && (families.isEmpty || family.map(families.contains) == true)
            && (kinds.isEmpty || kinds.contains(kind))
            && (categories.isEmpty || categories.contains { Self.isPrefix($0, of: category) })
    }

    /// Whether the path `wanted` (`a/b`) is the start of `category`, component by component.
    static func isPrefix(_ wanted: String, of category: [String]) -> Bool {
        let components = wanted.split(separator: "/").map { $0.trimmed }.filter { !$0.isEmpty }
        guard components.count <= category.count else { return false }
        return zip(components, category).allSatisfy { $0.caseInsensitiveCompare($1) == .orderedSame }
    }
}

/// Every item of a library and the question for any (item, seed): the one question source of drills,
/// exams, `codedrill questions` and `codedrill bank export`.
///
/// Items are the generated ones (procedures by path, kinds in `QuestionKind.generated` order), then the
/// diagnosis scenarios' `diagnosis-sequence` items (by path), then the drillable authored questions of the library's question banks (by file and line).
public struct QuestionCatalog: Sendable {
    /// The scenario-question generator over the library's procedures.
    public let generator: QuestionGenerator
    /// The `diagnosis-sequence` questions of the library's ICD-10-CM diagnosis scenarios.
    public let scenarios: DiagnosisSequenceGenerator
    /// Every question of the library's banks that read without errors, drillable or not (essays and
    /// descriptions are here but are not items), sorted by path and line.
    public let authored: [AuthoredQuestion]
    /// Every item, in a stable order: generated items, then authored ones.
    public let items: [Item]
    private let byID: [String: Int]
    private let authoredByID: [String: Int]

    /// Indexes a library: its procedures and its question bank.
    public init(library: Library) {
        self.init(
            generator: QuestionGenerator(library: library), authored: library.bank.questions,
            scenarios: DiagnosisSequenceGenerator(scenarios: library.scenarios))
    }

    /// Indexes a generator and authored questions (tests, tools). When two authored questions share an
    /// id, the first is used (the bank reader already reports and drops duplicates).
    public init(
        generator: QuestionGenerator, authored: [AuthoredQuestion],
        scenarios: DiagnosisSequenceGenerator = DiagnosisSequenceGenerator(scenarios: [])
    ) {
        self.generator = generator
        self.scenarios = scenarios
        self.authored = authored
        var authoredByID: [String: Int] = [:]
        for (i, question) in authored.enumerated() where authoredByID[question.id] == nil { authoredByID[question.id] = i }
        self.authoredByID = authoredByID
        let authoredItems = authored.indices.filter { authoredByID[authored[$0].id] == $0 }.compactMap { Item(authored: authored[$0]) }
        items = generator.items + scenarios.items + authoredItems
        var byID: [String: Int] = [:]
        for (i, item) in items.enumerated() where byID[item.id] == nil { byID[item.id] = i }
        self.byID = byID
    }

    /// The item with `id`, if the library has it.
    public func item(id: String) -> Item? { byID[id].map { items[$0] } }

    /// The items a selection admits, in catalog order.
    public func items(_ selection: ItemSelection) -> [Item] { items.filter(selection.matches) }

    /// The generated items of the procedure or diagnosis scenario with `code`, in kind order.
    public func items(code: String) -> [Item] { generator.items(code: code) + scenarios.items(code: code) }

    /// The bank question with `id` (`gift:…`), drillable or not.
    public func authoredQuestion(id: String) -> AuthoredQuestion? { authoredByID[id].map { authored[$0] } }

    /// Why the library has no item `id`, or `nil` when it has one.
    public func problem(itemID id: String) -> QuestionGenerationError? {
        if byID[id] != nil { return nil }
        if let question = authoredQuestion(id: id) {
            let reason = AuthoredRendering.problem(question) ?? "it cannot be rendered"
            return .unavailable(id, reason: reason + ", so it is not drilled")
        }
        return id.hasPrefix("gift:") ? .unknownItem(id) : generator.problem(itemID: id)
    }

    /// The question for `itemID` and `seed`: the same pair always gives the same question.
    public func question(itemID: String, seed: UInt64) throws(QuestionGenerationError) -> Question {
        if let index = authoredByID[itemID], let item = item(id: itemID) {
            return AuthoredRendering.render(authored[index], kind: item.kind, seed: seed)
        }
        if let problem = problem(itemID: itemID) { throw problem }
        if let question = scenarios.generate(itemID: itemID, seed: seed) { return question }
        return try generator.generate(itemID: itemID, seed: seed)
    }
}
