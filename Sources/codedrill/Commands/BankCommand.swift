import ArgumentParser
import Foundation
import QuestionBanks
import Questions

/// `codedrill bank`: moves question banks between codedrill and an LMS such as Moodle.
struct BankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bank",
        abstract: "Export the library's questions as GIFT or Aiken, or check and convert a bank file to GIFT.",
        subcommands: [BankExportCommand.self, BankImportCommand.self]
    )
}

/// The exchange formats of `codedrill bank`.
enum BankFormat: String, ExpressibleByArgument, CaseIterable {
    /// Moodle GIFT, codedrill's native bank format.
    case gift
    /// Moodle Aiken: single-answer multiple choice only.
    case aiken
}

/// `codedrill bank export`: the authored bank and one rendering of every generated item.
struct BankExportCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the library's authored and generated questions as GIFT or Aiken.",
        discussion: """
            Writes every question of QuestionBanks/ (essays and descriptions included), then one rendering \
            of each generated item (seeded with --seed), so that Moodle imports them. Generated choice \
            questions become GIFT multiple choice with per-option feedback; typed ones become short answer. \
            Aiken holds single-answer multiple choice only: the questions it cannot hold are listed on \
            standard error. Filters combine with "and"; a repeated filter means "any of".
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Output format.", valueName: "gift|aiken"))
    var format: BankFormat = .gift

    @Option(help: ArgumentHelp("Only questions with this tag (repeatable).", valueName: "tag"))
    var tag: [String] = []

    @Option(help: ArgumentHelp("Only questions of this kind (repeatable): a question kind, essay or description.", valueName: "kind"))
    var kind: [String] = []

    @Option(
        help: ArgumentHelp("Only questions filed under this category path (repeatable), e.g. coding-rules/modifiers.", valueName: "path"))
    var category: [String] = []

    @Option(help: ArgumentHelp("The seed of the generated questions' rendering.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(
        name: [.customShort("o"), .long],
        help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func execute() throws {
        let known = QuestionKind.allCases.filter { !$0.isRetired }.map(\.rawValue) + ["essay", "description"]
        if let unknown = kind.first(where: { !known.contains($0) }) {
            throw CommandFailure("unknown kind '\(unknown)'; expected one of \(known.joined(separator: ", "))", status: .usage)
        }
        let library = try LibraryAccess.load(global)
        let errors = library.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            Terminal.note("warning: \(errors) error(s) in the library; what they affect is left out (run 'codedrill lint')")
        }
        let selection = ItemSelection(tags: Set(tag), kinds: Set(kind), categories: Set(category))
        let questions = BankExport.questions(QuestionCatalog(library: library), selection: selection, seed: seed)
        guard !questions.isEmpty else {
            let filtered = !(tag.isEmpty && kind.isEmpty && category.isEmpty)
            throw CommandFailure(
                filtered ? "no questions match the filters" : "the library has no questions to export",
                status: filtered ? .usage : .dataError)
        }

        let text: String
        var written = questions.count
        switch format {
        case .gift:
            text = GIFTWriter.write(questions)
        case .aiken:
            let aiken = AikenWriter.write(questions)
            for skipped in aiken.skipped { Terminal.note("skipped \(skipped.id): \(skipped.reason)") }
            text = aiken.text
            written -= aiken.skipped.count
        }
        try BankOutput.write(text, to: output, count: written)
    }
}

/// `codedrill bank import`: checks a GIFT or Aiken file and writes it as native GIFT.
struct BankImportCommand: CodeDrillCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Check a GIFT or Aiken file and write its questions as codedrill's native GIFT.",
        discussion: """
            Problems are reported on standard error as path:line:column: severity: message. With any \
            error nothing is written and the exit status is 1; warnings alone do not stop the import. \
            The output, with an [id:…] comment for every question, can go into QuestionBanks/.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The bank file to read.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The file's format (default: aiken for *.aiken files, else gift).", valueName: "gift|aiken"))
    var format: BankFormat?

    @Option(
        name: [.customShort("o"), .long],
        help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func execute() throws {
        let url = URL(fileURLWithPath: file, relativeTo: LibraryAccess.workingDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw CommandFailure("cannot read \(file): \(isDirectory.boolValue ? "it is a directory" : "no such file")", status: .ioError)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CommandFailure("cannot read \(file): permission denied or I/O error", status: .ioError)
        }
        let chosen = format ?? (url.pathExtension.lowercased() == "aiken" ? .aiken : .gift)
        let bank =
            switch chosen {
            case .gift: GIFTReader.parse(data: data, path: file)
            case .aiken: AikenReader.parse(data: data, path: file)
            }
        for diagnostic in bank.diagnostics { Terminal.diagnostic(diagnostic.description) }
        if bank.hasErrors {
            let count = bank.diagnostics.filter { $0.severity == .error }.count
            Terminal.note("\(count) error\(count == 1 ? "" : "s") in \(file); nothing written")
            throw ExitCode(ExitStatus.checkFailed.rawValue)
        }
        try BankOutput.write(GIFTWriter.write(bank.questions), to: output, count: bank.questions.count)
    }
}

/// Where `bank` output goes: standard output, or a file written atomically with a note saying so.
enum BankOutput {
    /// Writes `text` to `path` (with a note on standard error) or, when `path` is `nil`, to standard output.
    static func write(_ text: String, to path: String?, count: Int) throws {
        guard let path else {
            Terminal.output(text)
            return
        }
        try AtomicFile.write(text, to: path)
        Terminal.note("wrote \(count) question\(count == 1 ? "" : "s") to \(path)")
    }
}
