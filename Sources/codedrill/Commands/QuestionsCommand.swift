import ArgumentParser
import CodingContent
import Determinism
import Foundation
import Questions

/// `codedrill questions`: renders questions through `QuestionCatalog`, e.g. to reproduce what a drill
/// showed.
struct QuestionsCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "questions",
        abstract: "Render questions: scenario questions from content files and authored questions from question banks.",
        discussion: """
            Without filters, one question per item of the library (generated items, then authored ones). \
            --item ITEM --seed N --format json reproduces exactly the question a drill or exam showed for \
            that item and seed (ITEM is e.g. cpt:27284/vignette or gift:modifiers/59-vs-xs). Filters \
            combine with "and"; a repeated --tag or --category means "any of".
            Kinds: \(QuestionKind.allCases.map(\.rawValue).joined(separator: ", ")).
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only questions about this code.", valueName: "code"))
    var code: String?

    @Option(help: ArgumentHelp("Only questions of this kind.", valueName: "kind"))
    var kind: String?

    @Option(help: ArgumentHelp("Only questions with this tag (repeatable).", valueName: "tag"))
    var tag: [String] = []

    @Option(
        help: ArgumentHelp("Only questions filed under this category path (repeatable), e.g. coding-rules/modifiers.", valueName: "path"))
    var category: [String] = []

    @Option(
        help: ArgumentHelp(
            "Only this item (e.g. cpt:27284/vignette, gift:modifiers/59-vs-xs); not combined with other filters.", valueName: "item"))
    var item: String?

    @Option(help: ArgumentHelp("The first seed.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Questions per item, with seeds seed, seed+1, …", valueName: "n"))
    var count: Int = 1

    @Option(help: ArgumentHelp("Output format.", valueName: "json|text"))
    var format: Format = .text

    func execute() throws {
        guard count >= 1 else { throw CommandFailure("--count must be at least 1, got \(count)", status: .usage) }
        if item != nil, code != nil || kind != nil || !tag.isEmpty || !category.isEmpty {
            throw CommandFailure(
                "--item cannot be combined with --code, --kind, --tag or --category (the item names one question)", status: .usage)
        }
        var wantedKind: QuestionKind?
        if let kind {
            guard let parsed = QuestionKind(rawValue: kind), !parsed.isRetired else {
                let known = QuestionKind.allCases.filter { !$0.isRetired }.map(\.rawValue)
                throw CommandFailure("unknown kind '\(kind)'; expected one of \(known.joined(separator: ", "))", status: .usage)
            }
            wantedKind = parsed
        }

        let library = try LibraryAccess.load(global)
        let catalog = QuestionCatalog(library: library)
        let items = try selectItems(catalog, library: library, kind: wantedKind)

        var questions: [Question] = []
        questions.reserveCapacity(items.count * count)
        for item in items {
            for offset in 0..<count {
                questions.append(try catalog.question(itemID: item.id, seed: seed &+ UInt64(offset)))
            }
        }
        switch format {
        case .json:
            let data = try CodedrillJSON.encoder(pretty: true).encode(questions)
            Terminal.line(String(decoding: data, as: UTF8.self))
        case .text:
            Terminal.line(questions.map(QuestionText.render).joined(separator: "\n"))
        }
    }

    /// The items the filters select, or a failure saying why none can be.
    private func selectItems(_ catalog: QuestionCatalog, library: Library, kind: QuestionKind?) throws -> [Item] {
        let generator = catalog.generator
        let errors = library.diagnostics.filter { $0.severity == .error }
        /// A missing code or item is bad input data when some file failed to load (it may be that
        /// file), and a bad option value otherwise.
        func missing(_ what: String) -> CommandFailure {
            if let first = errors.first {
                return CommandFailure(
                    "\(what); \(errors.count) error(s) in the library may hide it (first: \(first.description)); run 'codedrill lint'",
                    status: .dataError)
            }
            return CommandFailure(what, status: .usage)
        }
        func duplicateCheck(_ code: String) throws {
            let paths = library.procedures.filter { $0.code == code }.map(\.path)
            if paths.count > 1 {
                throw CommandFailure(
                    "code \(code) is defined in more than one file (\(paths.joined(separator: ", "))); run 'codedrill lint'",
                    status: .dataError)
            }
        }
        if let item {
            if item.hasPrefix("gift:") {
                if let found = catalog.item(id: item) { return [found] }
                if case .unavailable(_, let reason)? = catalog.problem(itemID: item) {
                    throw CommandFailure("\(item): \(reason)", status: .usage)
                }
                throw missing("unknown item '\(item)': no question bank has it")
            }
            guard let parsed = Item.parse(id: item) else {
                throw CommandFailure("'\(item)' is not an item id like cpt:27284/vignette or gift:modifiers/59-vs-xs", status: .usage)
            }
            let code = String(parsed.prefix.split(separator: ":", maxSplits: 1).last ?? "")
            try duplicateCheck(code)
            if let found = catalog.item(id: item) { return [found] }
            if case .unavailable(_, let reason)? = generator.problem(itemID: item) { throw CommandFailure(reason, status: .usage) }
            throw missing("unknown item '\(item)': no \(parsed.prefix) in the library")
        }
        let selection = ItemSelection(tags: Set(tag), kinds: Set(kind.map { [$0.rawValue] } ?? []), categories: Set(category))
        var items: [Item]
        if let code {
            try duplicateCheck(code)
            items = catalog.items(code: code)
            if items.isEmpty {
                throw missing(
                    library.procedure(code: code) == nil && !library.scenarios.contains(where: { $0.id == code })
                        ? "unknown code '\(code)': it is not in the library" : "code \(code) has no questions")
            }
            items = items.filter(selection.matches)
            if items.isEmpty, let kind, let prefix = catalog.items(code: code).first.map({ $0.id.split(separator: "/")[0] }) {
                let reason =
                    generator.problem(itemID: "\(prefix)/\(kind.rawValue)")?.description ?? "no \(kind.rawValue) questions for \(code)"
                throw CommandFailure(reason, status: .usage)
            }
        } else {
            items = catalog.items(selection)
        }
        if code == nil, !errors.isEmpty {
            Terminal.note(
                "warning: \(errors.count) error(s) in the library; the procedures and questions they affect are skipped (run 'codedrill lint')"
            )
        }
        return items
    }
}

/// The human-readable rendering of a question: stem, options, answer and rationales.
enum QuestionText {
    static func render(_ q: Question) -> String {
        var lines = ["== \(q.id)", "", q.stem, ""]
        for option in q.options { lines.append("  \(option.label). \(option.text)") }
        if !q.options.isEmpty { lines.append("") }
        lines.append("Answer: " + (q.answer.label.map { "\($0). " } ?? "") + q.answer.text)
        lines.append("Why: " + q.rationale)
        for option in q.options where !option.correct { lines.append("  \(option.label): \(option.rationale)") }
        return lines.joined(separator: "\n")
    }
}
