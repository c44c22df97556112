import CodingContent
import Drill
import Foundation
import ProgressStore
import Questions

/// What a study command (drill, exam, stats) needs: the library, its questions, the store and the
/// learner, set up in one place.
struct StudySetup {
    let library: Library
    let catalog: QuestionCatalog
    let store: ProgressStore
    let learner: Learner
    let createdLearner: Bool
    let now: Date

    /// Loads the library, opens the store, syncs items and finds (or creates) the learner.
    /// `check` vets the library first (a command's own arguments against it), so that a bad request
    /// fails before anything is written.
    init(
        _ global: GlobalOptions, learnerName: String?, createLearner: Bool = true,
        check: (Library) throws -> Void = { _ in }
    ) throws {
        now = try global.currentDate()
        let name = learnerName ?? StudySetup.loginName
        let start = try StudyStart(
            storePath: try global.databasePath(), learnerName: name, at: now,
            loadLibrary: { try LibraryAccess.load(global) }, check: check)
        library = start.library
        catalog = start.catalog
        store = start.store
        let broken = Set(library.diagnostics.filter { $0.severity == .error }.map(\.path))
        if !broken.isEmpty {
            Terminal.note("warning: \(broken.count) file\(broken.count == 1 ? "" : "s") with errors left out; run `codedrill lint`")
        }
        if let existing = start.learner {
            learner = existing
            createdLearner = false
        } else if createLearner {
            if let problem = ProgressStore.problem(withLearnerName: name) { throw CommandFailure(problem, status: .usage) }
            // Several processes may start with the same new name at once: one adds, all study.
            (learner, createdLearner) = try store.addLearnerIfMissing(named: name, at: now)
        } else {
            throw CommandFailure("no learner named '\(name)' in \(store.path)", status: .usage)
        }
    }

    /// The login name: `$USER`, else `$LOGNAME`, else the account name, else `learner`.
    static var loginName: String {
        let env = ProcessInfo.processInfo.environment
        for key in ["USER", "LOGNAME"] { if let name = env[key], !name.isEmpty { return name } }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "learner"
    }
}

/// Word-wraps text for the terminal.
enum TextWrap {
    /// `text` broken at spaces so that no line is longer than `width`, each line prefixed by `indent`.
    static func wrap(_ text: String, width: Int = 96, indent: String = "") -> String {
        var lines: [String] = []
        for paragraph in text.components(separatedBy: "\n") {
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                if !line.isEmpty, line.count + 1 + word.count > width - indent.count {
                    lines.append(indent + line)
                    line = String(word)
                } else {
                    line += line.isEmpty ? String(word) : " " + word
                }
            }
            lines.append(indent + line)
        }
        return lines.joined(separator: "\n")
    }
}

/// ANSI styling, only when `Terminal.colorEnabled`.
enum Style {
    static func green(_ s: String) -> String { paint(s, "32") }
    static func red(_ s: String) -> String { paint(s, "31") }
    static func bold(_ s: String) -> String { paint(s, "1") }
    static func dim(_ s: String) -> String { paint(s, "2") }
    private static func paint(_ s: String, _ code: String) -> String {
        Terminal.colorEnabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
