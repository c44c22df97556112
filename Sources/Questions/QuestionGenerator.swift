import CodingContent
import Determinism
import Foundation

/// Why a question could not be generated for an item id.
public enum QuestionGenerationError: Error, Equatable, CustomStringConvertible {
    /// The id is not shaped `system:code/kind`, or names a code that is not in the library, or a
    /// `gift:` id that no question bank has.
    case unknownItem(String)
    /// The procedure (or bank question) exists but this kind cannot be generated or drilled, and why.
    case unavailable(String, reason: String)

    /// One line for an error message.
    public var description: String {
        switch self {
        case .unknownItem(let id): "unknown item '\(id)'"
        case .unavailable(let id, let reason): "item '\(id)' does not exist: \(reason)"
        }
    }
}

/// Turns a library's procedures into scenario questions: lists the items and renders any item for
/// any seed, deterministically.
///
/// All indexes that depend only on the library (family members, ranked neighbour codes, wrong
/// findings and steps, code pools) are built once here, so `generate(item:seed:)` only draws from
/// a seeded `SplitMix64` and assembles text.
public struct QuestionGenerator: Sendable {
    let index: LibraryIndex
    /// The E/M files (`visit`), which have only `em-level` items.
    let visits: VisitIndex
    /// Every item of the library: procedures by path, kinds in `QuestionKind.generated` order.
    public let items: [Item]
    /// Item id → procedure index, kind and the id's fingerprint (which keys the item's random stream).
    private let lookup: [String: (procedure: ProcedureID, kind: QuestionKind, stream: UInt64)]

    /// Indexes `library`'s procedures. When two files share a code, the first by path is used.
    public init(library: Library) { self.init(procedures: library.procedures) }

    /// Indexes `procedures` (tests, benchmarks).
    public init(procedures: [Procedure]) {
        index = LibraryIndex(procedures: procedures.filter { $0.visit == nil })
        visits = VisitIndex(procedures: procedures)
        items = index.entries.flatMap { entry in entry.kinds.map { Item(procedure: entry.procedure, kind: $0) } } + visits.items
        var lookup: [String: (procedure: ProcedureID, kind: QuestionKind, stream: UInt64)] = [:]
        for (i, entry) in zip(index.ids, index.entries) {
            for kind in entry.kinds {
                let id = Item.id(prefix: entry.procedure.itemPrefix, kind: kind)
                lookup[id] = (i, kind, Fingerprint.value(of: id))
            }
        }
        self.lookup = lookup
    }

    /// The item with `id`, if the library has it.
    public func item(id: String) -> Item? {
        if let found = visits.items.first(where: { $0.id == id }) { return found }
        guard let (prefix, kind) = Item.parse(id: id), let i = index.byPrefix[prefix], index[i].kinds.contains(kind) else {
            return nil
        }
        return Item(procedure: index[i].procedure, kind: kind)
    }

    /// The items of the procedure with `code`, in kind order (empty when the code is not in the library).
    public func items(code: String) -> [Item] {
        guard let entry = index.entries.first(where: { $0.code == code }) else { return visits.items.filter { $0.code == code } }
        return entry.kinds.map { Item(procedure: entry.procedure, kind: $0) }
    }

    /// Why the library has no item `id`, or `nil` when it has one.
    public func problem(itemID id: String) -> QuestionGenerationError? {
        guard let (prefix, kind) = Item.parse(id: id) else { return .unknownItem(id) }
        if visits.byPrefix[prefix] != nil {
            guard let reason = visits.problem(prefix: prefix, kind: kind) else { return nil }
            return .unavailable(id, reason: "\(prefix.split(separator: ":").last ?? "") cannot have \(kind.rawValue) questions: \(reason)")
        }
        guard let i = index.byPrefix[prefix] else { return .unknownItem(id) }
        guard let reason = index[i].missing[kind] else { return nil }
        return .unavailable(id, reason: "\(index[i].code) cannot have \(kind.rawValue) questions: \(reason)")
    }

    /// The question for `item` and `seed`: the same pair always gives the same question.
    public func generate(item: Item, seed: UInt64) throws(QuestionGenerationError) -> Question {
        try generate(itemID: item.id, seed: seed)
    }

    /// The question for the item with id `itemID` (as stored by a drill) and `seed`.
    ///
    /// Speed (`GeneratorBenchmarks`, 1,000-procedure library, release build, 2 shared cores, load
    /// average about 4, 2026-12-06 11:38 UTC): median 96,000 and 103,000 questions/s in two runs
    /// (30 allocations per question); the code before commit f4c13ba, run alternately with it, read
    /// 48,000 and 64,000 (44 allocations).
    /// After the format v2 kinds (36 allocations) and commits aaee129–4d08f70 (shared prepared
    /// choices, no Procedure copies, modifier options written in the index: 32 allocations), the
    /// standalone benchmark binary run alternately before/after at load 7–11 (2026-12-06 16:29 UTC)
    /// read medians of 31,000, 33,000 and 26,000 before and 39,000, 43,000 and 36,000 after.
    public func generate(itemID: String, seed: UInt64) throws(QuestionGenerationError) -> Question {
        // Procedure items first: the id lookup is one hash, while an E/M id must be parsed.
        guard let (i, kind, stream) = lookup[itemID] else {
            if let question = visits.generate(itemID: itemID, seed: seed) { return question }
            throw problem(itemID: itemID) ?? .unknownItem(itemID)
        }
        // Each item gets its own stream, so neighbouring items with the same seed look unrelated.
        var rng = SplitMix64(seed: seed ^ stream)
        var draft: Draft
        switch kind {
        case .vignette, .vignetteEntry: draft = vignette(i, entry: kind == .vignetteEntry, &rng)
        case .contrast: draft = contrast(i, &rng)
        case .codeSet: draft = codeSet(i, &rng)
        case .modifier: draft = modifier(i, &rng)
        case .bundling: draft = bundling(i, &rng)
        case .pcs: draft = pcs(i, &rng)
        case .diagnosis: draft = diagnosis(i, &rng)
        case .anesthesiaUnits: draft = anesthesiaUnits(i, &rng)
        case .drugUnits: draft = drugUnits(i, &rng)
        case .indication, .nextStep, .notIncluded, .diagnosisSequence, .emLevel,
            .choice, .multipleAnswer, .trueFalse, .shortAnswer, .numerical, .matching:
            throw .unknownItem(itemID)
        }
        rng.shuffle(&draft.choices)
        let options = draft.choices.enumerated().map { k, choice in
            QuestionOption(label: Question.label(k), text: choice.text, correct: choice.correct, rationale: choice.rationale)
        }
        let answer: CorrectAnswer
        if let right = options.first(where: \.correct) {
            answer = CorrectAnswer(label: right.label, text: right.text)
        } else {
            answer = CorrectAnswer(label: nil, text: draft.entryAnswer)
        }
        return Question(
            id: Self.questionID(itemID, seed), item: itemID, kind: kind, code: index[i].code, stem: draft.stem,
            options: options, answer: answer, rationale: draft.rationale, seed: seed, grading: draft.grading)
    }
}

extension QuestionGenerator {
    /// `item#seed`, built in one allocation, the seed's digits written in place: `String(seed)`
    /// and three appends cost about 1,500 instructions per question (callgrind, generator harness).
    /// The item id is copied as one block of bytes: byte by byte through its UTF-8 view this
    /// function cost about 1,100 instructions per question, now 560.
    static func questionID(_ itemID: String, _ seed: UInt64) -> String {
        var digits = 1
        var rest = seed / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        var item = itemID
        return item.withUTF8 { source in
            String(unsafeUninitializedCapacity: source.count + 1 + digits) { buffer in
                let prefix = buffer.initialize(fromContentsOf: source)
                buffer[prefix] = UInt8(ascii: "#")
                var value = seed
                var at = prefix + digits
                repeat {
                    buffer[at] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                    at -= 1
                } while value > 0
                return prefix + 1 + digits
            }
        }
    }
}

/// A question before its options are shuffled and labelled.
struct Draft {
    var stem: String
    var choices: [Choice]
    var rationale: String
    /// The expected entry of an entry question (no choices).
    var entryAnswer = ""
    /// How a typed number is graded (unit-count kinds), else `nil`.
    var grading: [GradedAnswer]?
    /// The coding decisions of a code set or bundling question that had a wrong value to offer
    /// (empty for other kinds).
    var decisions: [DecisionAxis] = []
}

/// One option before labelling.
struct Choice {
    var text: String
    var correct: Bool
    var rationale: String
}
