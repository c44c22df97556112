/// One piece of knowledge a learner is scheduled on: a procedure and a question kind.
///
/// The id (`cpt:27284/vignette`) depends only on the code's system, the code and the kind, so editing
/// a content file's wording keeps a learner's progress; changing the code starts a new item.
public struct Item: Sendable, Hashable, Codable, Identifiable {
    /// Stable id: `procedure.itemPrefix + "/" + kind.rawValue`.
    public var id: String
    /// The question kind.
    public var kind: QuestionKind
    /// The procedure's code.
    public var code: String
    /// The procedure's code system.
    public var system: CodeSystem
    /// The content file it comes from, as displayed in diagnostics.
    public var path: String
    /// The procedure's tags (exam topics).
    public var tags: [String]
    /// The procedure's section path components.
    public var section: [String]
    /// The procedure's area (second section component), for reports and exam blueprints.
    public var area: String
    /// The procedure's family, if any.
    public var family: String?

    /// Creates the item of `kind` for `procedure`.
    public init(procedure: Procedure, kind: QuestionKind) {
        id = Item.id(prefix: procedure.itemPrefix, kind: kind)
        self.kind = kind
        code = procedure.code
        system = procedure.system
        path = procedure.path
        tags = procedure.tags
        section = procedure.section
        area = procedure.area
        family = procedure.family
    }

    /// The id of the item of `kind` for a procedure with item prefix `prefix` (`cpt:27284`).
    public static func id(prefix: String, kind: QuestionKind) -> String { prefix + "/" + kind.rawValue }

    /// Splits an item id into its prefix (`cpt:27284`) and kind, or `nil` when it is not shaped
    /// `system:code/kind` with a known kind.
    public static func parse(id: String) -> (prefix: String, kind: QuestionKind)? {
        guard let slash = id.lastIndex(of: "/"), let kind = QuestionKind(rawValue: String(id[id.index(after: slash)...])) else {
            return nil
        }
        let prefix = String(id[..<slash])
        guard prefix.contains(":") else { return nil }
        return (prefix, kind)
    }
}
