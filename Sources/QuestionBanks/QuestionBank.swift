import Foundation
import SourceText

/// Questions read from one or more question-bank files, with the problems found in them.
///
/// Questions with an error are left out; `diagnostics` says why.
public struct QuestionBank: Sendable, Equatable, Codable {
    /// One bank file handed to `read(files:)`.
    public struct File: Sendable, Equatable, Codable {
        /// The path used in diagnostics and source locations.
        public var path: String
        /// The file's bytes.
        public var data: Data

        /// Creates a file.
        public init(path: String, data: Data) {
            self.path = path
            self.data = data
        }
    }

    /// Usable questions, sorted by path, then line.
    public var questions: [AuthoredQuestion]
    /// Problems found, sorted by path, line, column and message.
    public var diagnostics: [Diagnostic]

    /// Creates a bank.
    public init(questions: [AuthoredQuestion], diagnostics: [Diagnostic]) {
        self.questions = questions
        self.diagnostics = diagnostics
    }

    /// Whether any diagnostic is an error (`codedrill lint` then fails).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Reads GIFT files and checks that ids are unique across all of them: the first use (by path,
    /// then line) wins and every later one is an error.
    public static func read(files: [File]) -> QuestionBank {
        var located: [LocatedQuestion] = []
        var diagnostics: [Diagnostic] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            switch UTF8Text.decode(file.data) {
            case .success(let text):
                let reading = GIFTReader.read(text: text, path: file.path)
                located += reading.questions
                diagnostics += reading.diagnostics
            case .failure:
                diagnostics += GIFTReader.parse(data: file.data, path: file.path).diagnostics
            }
        }
        let checked = rejectingDuplicateIDs(located, diagnostics: diagnostics)
        return QuestionBank(
            questions: checked.questions.map(\.question),
            diagnostics: checked.diagnostics.sorted(by: Diagnostic.ordered)
        )
    }

    /// Reads every `*.gift` file under `directory`, at any depth. Paths in diagnostics are
    /// `directory` joined with the file's relative path. A missing directory is an empty bank;
    /// an unreadable file is an error diagnostic.
    public static func load(directory: String) -> QuestionBank {
        load(paths: giftFiles(in: directory))
    }

    /// Reads the GIFT files at `paths` (as `giftFiles(in:)` lists them).
    public static func load(paths: [String]) -> QuestionBank {
        var files: [File] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            do {
                files.append(File(path: path, data: try Data(contentsOf: URL(fileURLWithPath: path))))
            } catch {
                diagnostics.append(
                    Diagnostic(
                        path: path, line: 1, column: 1, severity: .error,
                        message: "cannot read file: \(error.localizedDescription)"
                    ))
            }
        }
        var bank = read(files: files)
        bank.diagnostics = (bank.diagnostics + diagnostics).sorted(by: Diagnostic.ordered)
        return bank
    }

    /// Paths of the `*.gift` files under `directory` (recursively), sorted.
    public static func giftFiles(in directory: String) -> [String] {
        FileTree.files(under: directory, withExtension: "gift")
    }

    /// Keeps the first question with each id (in path, then line order) and reports the others.
    static func rejectingDuplicateIDs(
        _ questions: [LocatedQuestion], diagnostics: [Diagnostic]
    )
        -> (questions: [LocatedQuestion], diagnostics: [Diagnostic])
    {
        let ordered = questions.enumerated().sorted { lhs, rhs in
            let l = lhs.element.question.source
            let r = rhs.element.question.source
            return (l?.path ?? "", l?.line ?? 0, lhs.offset) < (r?.path ?? "", r?.line ?? 0, rhs.offset)
        }.map(\.element)
        var firstUse: [String: AuthoredQuestion.Location] = [:]
        var kept: [LocatedQuestion] = []
        var diagnostics = diagnostics
        for located in ordered {
            let question = located.question
            let source = question.source ?? AuthoredQuestion.Location(path: "", line: 0)
            if let first = firstUse[question.id] {
                diagnostics.append(
                    Diagnostic(
                        path: source.path, line: located.idLocation.line, column: located.idLocation.column,
                        severity: .error,
                        message: "duplicate id '\(question.id)' (first used at \(first.path):\(first.line))"
                    ))
            } else {
                firstUse[question.id] = source
                kept.append(located)
            }
        }
        return (kept, diagnostics)
    }
}
