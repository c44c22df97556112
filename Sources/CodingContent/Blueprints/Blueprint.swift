import Foundation
import SourceText
import Yams

/// A timed mock-exam layout: how many questions, how long, the pass mark, and the share of questions
/// drawn from each part of the library (`QuestionBanks/blueprints/*.yaml`).
public struct Blueprint: Sendable, Hashable, Codable {
    /// One part of the exam and the share of questions drawn from it.
    public struct Part: Sendable, Hashable, Codable {
        /// The heading used in the score report (`Musculoskeletal System`, `Modifiers`).
        public var label: String
        /// Which items belong to this part.
        public var selector: Selector
        /// Percentage of the exam's questions.
        public var share: Double
        /// Where the part is written.
        public var location: SourceLocation

        /// Creates a part.
        public init(label: String, selector: Selector, share: Double, location: SourceLocation) {
            self.label = label
            self.selector = selector
            self.share = share
            self.location = location
        }
    }

    /// What an item must have to belong to a part.
    public enum Selector: Sendable, Hashable, Codable {
        /// The procedure's area (second part of its section), e.g. `Digestive System`.
        case area(String)
        /// An item tag, e.g. `modifiers`.
        case tag(String)
        /// A question kind, e.g. `diagnosis`.
        case kind(String)
        /// One of several question kinds (`kind: [diagnosis, diagnosis-sequence]`).
        case kinds([String])

        /// Whether an item with these properties belongs here.
        public func matches(area: String?, tags: [String], kind: String) -> Bool {
            switch self {
            case .area(let wanted): area?.caseInsensitiveCompare(wanted) == .orderedSame
            case .tag(let wanted): tags.contains { $0.caseInsensitiveCompare(wanted) == .orderedSame }
            case .kind(let wanted): kind == wanted
            case .kinds(let wanted): wanted.contains(kind)
            }
        }
    }

    /// The blueprint's id: its file name without `.yaml`.
    public var id: String
    /// Display name.
    public var name: String
    /// Number of questions.
    public var questionCount: Int
    /// Time allowed, in minutes.
    public var minutes: Int
    /// Pass mark in percent.
    public var passPercent: Double
    /// The parts and their shares (summing to 100).
    public var parts: [Part]
    /// Areas of the real exam that the library does not cover yet (informational).
    public var uncovered: [String]
    /// Question kinds never drawn (e.g. `pcs` for an outpatient exam).
    public var excludedKinds: [String]
    /// The file path as displayed.
    public var path: String

    /// Creates a blueprint.
    public init(
        id: String, name: String, questionCount: Int, minutes: Int, passPercent: Double, parts: [Part],
        uncovered: [String] = [], excludedKinds: [String] = [], path: String = ""
    ) {
        self.id = id
        self.name = name
        self.questionCount = questionCount
        self.minutes = minutes
        self.passPercent = passPercent
        self.parts = parts
        self.uncovered = uncovered
        self.excludedKinds = excludedKinds
        self.path = path
    }

    /// How many questions each part gets for `total` questions: shares rounded by largest remainder,
    /// so the counts always add up to `total`.
    public func allocation(total: Int) -> [Int] {
        Blueprint.allocate(total, shares: parts.map(\.share))
    }

    /// `total` split in proportion to `shares` by largest remainder (ties to the earlier share), so
    /// the counts always add up to `total`; all zeros when `total` or the shares' sum is not positive.
    public static func allocate(_ total: Int, shares: [Double]) -> [Int] {
        let sum = shares.reduce(0, +)
        guard sum > 0, total > 0 else { return shares.map { _ in 0 } }
        let exact = shares.map { $0 / sum * Double(total) }
        var counts = exact.map { Int($0.rounded(.down)) }
        var left = total - counts.reduce(0, +)
        let order = exact.indices.sorted { (exact[$0] - Double(counts[$0]), -$0) > (exact[$1] - Double(counts[$1]), -$1) }
        var i = 0
        while left > 0 {
            counts[order[i % order.count]] += 1
            left -= 1
            i += 1
        }
        return counts
    }

    /// The one part an item with these properties counts for, as an index into `parts`, or `nil` when
    /// no part admits it. Parts may overlap (a diagnosis question about a hip procedure fits both
    /// `kind: diagnosis` and `area: Musculoskeletal System`); the narrower kind of selector wins:
    /// `kind` parts first, then `tag` parts, then `area` parts, each in file order. This keeps a
    /// topic part from being emptied by a broad body-system part, and depends only on the item and
    /// the blueprint, so a past exam's section table can be rebuilt exactly.
    public func part(area: String?, tags: [String], kind: String) -> Int? {
        for rank in 0..<3 {
            for (index, part) in parts.enumerated() where part.selector.precedence == rank {
                if part.selector.matches(area: area, tags: tags, kind: kind) { return index }
            }
        }
        return nil
    }
}

extension Blueprint.Selector {
    /// The order in which `Blueprint.part(area:tags:kind:)` tries selectors: kind, tag, area.
    var precedence: Int {
        switch self {
        case .kind, .kinds: 0
        case .tag: 1
        case .area: 2
        }
    }
}

/// Reads blueprint files, reporting problems as diagnostics.
public enum BlueprintParser {
    static let keys = ["name", "questions", "minutes", "pass", "parts", "uncovered", "exclude_kinds"]
    static let partKeys = ["label", "area", "tag", "kind", "share"]

    /// Parses one blueprint file's text. Returns the blueprint when it has no errors.
    public static func parse(text: String, path: String, id: String) -> (blueprint: Blueprint?, diagnostics: [Diagnostic]) {
        var sink = DiagnosticSink(path: path)
        var diagnostics: [Diagnostic] { sink.diagnostics }
        func error(_ l: SourceLocation, _ m: String) { sink.error(l, m) }
        func warning(_ l: SourceLocation, _ m: String) { sink.warning(l, m) }
        func loc(_ node: Node) -> SourceLocation { SourceLocation(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1) }

        let root: Node
        do {
            guard let node = try YAMLDocument.compose(text) else {
                error(SourceLocation(line: 1, column: 1), "blueprint is empty")
                return (nil, diagnostics)
            }
            root = node
        } catch let e as YamlError {
            switch e {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                error(SourceLocation(line: mark.line, column: mark.column), "invalid YAML: \(problem)")
            default:
                error(SourceLocation(line: 1, column: 1), "invalid YAML: \(e)")
            }
            return (nil, diagnostics)
        } catch {
            sink.error(SourceLocation(line: 1, column: 1), "invalid YAML: \(error)")
            return (nil, diagnostics)
        }
        guard let mapping = root.mapping else {
            error(loc(root), "a blueprint must be a mapping of 'key: value' lines")
            return (nil, diagnostics)
        }
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            if keys.contains(name) {
                values[name] = value
            } else {
                var message = "unknown blueprint key '\(Excerpt.of(name))'"
                if let s = Suggestion.closest(to: name, in: keys) { message += "; did you mean '\(s)'?" }
                warning(loc(key), message)
            }
        }
        func positiveInt(_ key: String) -> Int? {
            guard let node = values[key] else {
                error(SourceLocation(line: 1, column: 1), "missing required key '\(key)'")
                return nil
            }
            guard let n = node.int, n > 0 else {
                error(loc(node), "'\(key)' must be a positive whole number")
                return nil
            }
            return n
        }
        let name = values["name"]?.string ?? id
        let count = positiveInt("questions")
        let minutes = positiveInt("minutes")
        var pass: Double?
        if let node = values["pass"] {
            if let p = node.float, p > 0, p <= 100 { pass = p } else { error(loc(node), "'pass' must be a percentage between 1 and 100") }
        } else {
            error(SourceLocation(line: 1, column: 1), "missing required key 'pass'")
        }
        var parts: [Blueprint.Part] = []
        if let node = values["parts"] {
            if let sequence = node.sequence, !sequence.isEmpty {
                for item in sequence {
                    guard let m = item.mapping else {
                        error(loc(item), "each part must be a mapping with a selector and a share")
                        continue
                    }
                    var selectors: [Blueprint.Selector] = []
                    var share: Double?
                    var label: String?
                    for (key, value) in m {
                        let k = key.string ?? ""
                        switch k {
                        case "label": label = value.string
                        case "area": if let s = value.string { selectors.append(.area(s)) }
                        case "tag": if let s = value.string { selectors.append(.tag(s)) }
                        case "kind":
                            if let s = value.string {
                                selectors.append(.kind(s))
                            } else if let list = value.sequence?.compactMap(\.string), !list.isEmpty {
                                selectors.append(.kinds(list))
                            } else {
                                error(loc(value), "'kind' must be a question kind or a list of kinds")
                            }
                        case "share":
                            if let s = value.float, s > 0, s <= 100 {
                                share = s
                            } else {
                                error(loc(value), "'share' must be a percentage above 0 and at most 100")
                            }
                        default:
                            var message = "unknown part key '\(Excerpt.of(k))'"
                            if let s = Suggestion.closest(to: k, in: partKeys) { message += "; did you mean '\(s)'?" }
                            warning(loc(key), message)
                        }
                    }
                    guard selectors.count == 1 else {
                        error(
                            loc(item),
                            selectors.isEmpty
                                ? "a part needs one of 'area', 'tag' or 'kind'" : "a part takes only one of 'area', 'tag' or 'kind'")
                        continue
                    }
                    if m["share"] == nil { error(loc(item), "a part needs a 'share'") }
                    guard let share else { continue }
                    let selector = selectors[0]
                    let fallback: String
                    switch selector {
                    case .area(let s), .tag(let s), .kind(let s): fallback = s
                    case .kinds(let list): fallback = list.joined(separator: ", ")
                    }
                    parts.append(Blueprint.Part(label: label ?? fallback, selector: selector, share: share, location: loc(item)))
                }
                let sum = parts.reduce(0) { $0 + $1.share }
                if !parts.isEmpty, abs(sum - 100) > 0.5 {
                    error(loc(node), "part shares add up to \(sum.formatted0), not 100")
                }
            } else {
                error(loc(node), "'parts' must be a non-empty list")
            }
        } else {
            error(SourceLocation(line: 1, column: 1), "missing required key 'parts'")
        }
        let uncovered = values["uncovered"]?.sequence?.compactMap(\.string) ?? []
        let excluded = values["exclude_kinds"]?.sequence?.compactMap(\.string) ?? []
        guard let count, let minutes, let pass, !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        return (
            Blueprint(
                id: id, name: name, questionCount: count, minutes: minutes, passPercent: pass, parts: parts,
                uncovered: uncovered, excludedKinds: excluded, path: path), diagnostics
        )
    }
}

extension Double {
    /// The number without a trailing `.0` when it is whole.
    /// Only magnitudes an `Int` holds exactly are printed as one (the fuzzer found a share of 2.2e25 that
    /// trapped in `Int(_:)`).
    var formatted0: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
