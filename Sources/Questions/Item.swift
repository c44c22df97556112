import CodingContent
import QuestionBanks

/// One piece of knowledge a learner is scheduled on: a procedure and a generated question kind, or
/// one authored question of a question bank.
///
/// A generated item's id (`cpt:27284/vignette`) depends only on the code's system, the code and the
/// kind, so editing a content file's wording keeps a learner's progress; changing the code starts a
/// new item. An authored item's id is the bank's `gift:…` id (from `// [id:…]`).
public struct Item: Sendable, Hashable, Codable, Identifiable {
    /// Stable id: `procedure.itemPrefix + "/" + kind.rawValue`, or an authored question's `gift:…` id.
    public var id: String
    /// The question kind.
    public var kind: QuestionKind
    /// The procedure's code; empty for authored items, which are about no one procedure.
    public var code: String
    /// The procedure's code system; `nil` for authored items.
    public var system: CodeSystem?
    /// The content file or question-bank file it comes from, as displayed in diagnostics.
    public var path: String
    /// The procedure's tags, or the authored question's `[tag:…]` tags (exam topics).
    public var tags: [String]
    /// The procedure's section path components; empty for authored items.
    public var section: [String]
    /// Where the item is filed, for `ItemSelection.categories`: an authored question's `$CATEGORY:`
    /// path (`["coding-rules", "modifiers"]`), or a procedure's section path.
    public var category: [String]
    /// The procedure's area (second section component), or for an authored item its first category
    /// component made readable (`coding-rules` → `Coding rules`); for reports and exam blueprints.
    public var area: String
    /// The procedure's family, if any; `nil` for authored items.
    public var family: String?

    /// Creates the item of `kind` for `procedure`.
    public init(procedure: Procedure, kind: QuestionKind) {
        id = Item.id(prefix: procedure.itemPrefix, kind: kind)
        self.kind = kind
        code = procedure.code
        system = procedure.system
        path = procedure.path
        // ICD-10-PCS is not on the CPC exam: its items are for CCS-style exams only.
        tags = kind == .pcs ? Item.pcsTags(procedure.tags) : procedure.tags
        section = procedure.section
        category = procedure.section
        area = procedure.area
        family = procedure.family
    }

    /// Creates the item of an authored question, or `nil` when its kind is not drilled (essays,
    /// descriptions) or it has more options than there are option letters.
    public init?(authored question: AuthoredQuestion) {
        guard let kind = QuestionKind(authored: question.kind), AuthoredRendering.problem(question) == nil else { return nil }
        id = question.id
        self.kind = kind
        code = ""
        system = nil
        path = question.source?.path ?? ""
        tags = question.tags
        section = []
        category = question.category
        area = Item.area(category: question.category)
        family = nil
    }

    /// A procedure's tags for its `pcs` item: without `cpc`, with `ccs`.
    static func pcsTags(_ tags: [String]) -> [String] {
        let kept = tags.filter { $0.lowercased() != "cpc" }
        return kept.contains { $0.lowercased() == "ccs" } ? kept : kept + ["ccs"]
    }

    /// The area of an authored item filed under `category`: the first component with hyphens and
    /// underscores read as spaces and the first letter capitalised; `Question bank` when uncategorised.
    public static func area(category: [String]) -> String {
        guard let first = category.first, !first.isEmpty else { return "Question bank" }
        let spaced = String(first.map { $0 == "-" || $0 == "_" ? " " : $0 })
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }

    /// The id of the item of `kind` for a procedure with item prefix `prefix` (`cpt:27284`).
    public static func id(prefix: String, kind: QuestionKind) -> String { prefix + "/" + kind.rawValue }

    /// Splits a generated item's id into its prefix (`cpt:27284`) and kind, or `nil` when it is not
    /// shaped `system:code/kind` with a generated kind (authored `gift:` ids never parse).
    public static func parse(id: String) -> (prefix: String, kind: QuestionKind)? {
        guard !id.hasPrefix("gift:"), let slash = id.lastIndex(of: "/"),
            let kind = QuestionKind(rawValue: String(id[id.index(after: slash)...])), !kind.isAuthored
        else {
            return nil
        }
        let prefix = String(id[..<slash])
        guard prefix.contains(":" as Character) else { return nil }
        return (prefix, kind)
    }
}
