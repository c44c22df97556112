import Determinism
import Foundation
import QuestionBanks
import SourceText

/// Problems that stop a library from being read at all.
public enum LibraryError: Error, Equatable, CustomStringConvertible {
    /// The library directory does not exist.
    case notFound(String)
    /// The directory exists but holds neither `Content/` nor `QuestionBanks/`.
    case notALibrary(String)

    public var description: String {
        switch self {
        case .notFound(let path): "library directory '\(path)' does not exist"
        case .notALibrary(let path): "'\(path)' is not a codedrill library: it has neither Content/ nor QuestionBanks/"
        }
    }
}

/// A directory holding `Content/` (procedure files) and/or `QuestionBanks/`, read into memory.
public struct Library: Sendable {
    /// The library directory.
    public var root: URL
    /// Every procedure that parsed without errors, ordered by path.
    public var procedures: [Procedure]
    /// Problems found while reading files (cross-file rules are `Linter`'s).
    public var diagnostics: [Diagnostic]
    /// Paths (as displayed) of every content file read, ordered.
    public var contentFiles: [String]
    /// The authored questions of `QuestionBanks/**/*.gift` (their diagnostics are in `diagnostics`).
    public var bank: QuestionBank
    /// Paths of the question-bank files read.
    public var bankFiles: [String]
    /// Exam blueprints of `QuestionBanks/blueprints/*.yaml` that parsed without errors.
    public var blueprints: [Blueprint]
    /// Paths of the blueprint files read.
    public var blueprintFiles: [String]
    /// ICD-10-CM diagnosis scenarios (content files with `system: ICD-10-CM`) that parsed without errors, ordered by path.
    public var scenarios: [DiagnosisScenario] = []

    /// Creates a library from already-parsed parts (tests, benchmarks).
    public init(
        root: URL, procedures: [Procedure], diagnostics: [Diagnostic] = [], contentFiles: [String] = [],
        bank: QuestionBank = QuestionBank(questions: [], diagnostics: []), bankFiles: [String] = [],
        blueprints: [Blueprint] = [], blueprintFiles: [String] = [], scenarios: [DiagnosisScenario] = []
    ) {
        self.scenarios = scenarios
        self.root = root
        self.procedures = procedures
        self.diagnostics = diagnostics
        self.contentFiles = contentFiles
        self.bank = bank
        self.bankFiles = bankFiles
        self.blueprints = blueprints
        self.blueprintFiles = blueprintFiles
    }

    /// Every file read: content, banks and blueprints.
    public var allFiles: [String] { contentFiles + bankFiles + blueprintFiles }

    /// The blueprint with `id` (its file name without `.yaml`).
    public func blueprint(id: String) -> Blueprint? { blueprints.first { $0.id == id } }

    /// The procedure with `code`, if any.
    public func procedure(code: String) -> Procedure? { procedures.first { $0.code == code } }

    /// Reads every `Content/**/*.md` file (except `README.md` files) under `root`.
    /// - Parameter workingDirectory: paths under it are displayed relative to it.
    public static func load(root: URL, workingDirectory: URL? = nil) throws -> Library {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LibraryError.notFound(root.path)
        }
        let content = root.appendingPathComponent("Content")
        let banks = root.appendingPathComponent("QuestionBanks")
        guard fm.fileExists(atPath: content.path) || fm.fileExists(atPath: banks.path) else {
            throw LibraryError.notALibrary(root.path)
        }
        var procedures: [Procedure] = []
        var diagnostics: [Diagnostic] = []
        var contentPaths: [String] = []
        var scenarios: [DiagnosisScenario] = []
        // Files are parsed on every core: parsing is pure, and start-up time matters to a drill.
        // Job 0 reads the question bank and the blueprints (the longest job, so it starts first),
        // the others a content file each.
        let urls = contentFileURLs(in: content)
        let paths = urls.map { displayPath($0, workingDirectory: workingDirectory) }
        let bankDirectory = displayPath(banks, workingDirectory: workingDirectory)
        let bankFiles = fm.fileExists(atPath: banks.path) ? QuestionBank.giftFiles(in: bankDirectory) : []
        let blueprintDirectory = banks.appendingPathComponent("blueprints")
        let read = Array(0...urls.count).parallelMap { job -> LoadJob in
            if job == 0 {
                return .banks(
                    QuestionBank.load(paths: bankFiles),
                    readBlueprints(in: blueprintDirectory, workingDirectory: workingDirectory))
            }
            let i = job - 1
            guard let data = FileManager.default.contents(atPath: urls[i].path) else {
                return .content(nil, [Diagnostic(path: paths[i], line: 1, column: 1, severity: .error, message: "cannot read the file")])
            }
            if case .success(let text) = UTF8Text.decode(data, rejectingNUL: true), DiagnosisScenarioParser.isScenario(text: text) {
                let (scenario, found) = DiagnosisScenarioParser.parse(text: text, path: paths[i], hash: Fingerprint.hex(of: data))
                return .scenario(scenario, found)
            }
            let (procedure, found) = ProcedureParser.parse(data: data, path: paths[i])
            return .content(procedure, found)
        }
        var bank = QuestionBank(questions: [], diagnostics: [])
        var blueprintReading = BlueprintReading()
        for (job, result) in read.enumerated() {
            switch result {
            case .banks(let questions, let blueprints):
                bank = questions
                blueprintReading = blueprints
            case .content(let procedure, let found):
                contentPaths.append(paths[job - 1])
                diagnostics.append(contentsOf: found)
                if let procedure { procedures.append(procedure) }
            case .scenario(let scenario, let found):
                contentPaths.append(paths[job - 1])
                diagnostics.append(contentsOf: found)
                if let scenario { scenarios.append(scenario) }
            }
        }
        diagnostics += bank.diagnostics
        diagnostics += blueprintReading.diagnostics
        return Library(
            root: root, procedures: procedures, diagnostics: diagnostics, contentFiles: contentPaths,
            bank: bank, bankFiles: bankFiles, blueprints: blueprintReading.blueprints,
            blueprintFiles: blueprintReading.files, scenarios: scenarios)
    }

    /// What one job of `load` read: the bank and blueprints, or one content file.
    private enum LoadJob: Sendable {
        case banks(QuestionBank, BlueprintReading)
        case content(Procedure?, [Diagnostic])
        case scenario(DiagnosisScenario?, [Diagnostic])
    }

    /// What `readBlueprints(in:workingDirectory:)` found.
    private struct BlueprintReading: Sendable {
        var blueprints: [Blueprint] = []
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
    }

    /// Reads the `*.yaml` exam blueprints under `directory`.
    private static func readBlueprints(in directory: URL, workingDirectory: URL?) -> BlueprintReading {
        var reading = BlueprintReading()
        for url in Library.files(in: directory, withExtension: "yaml") {
            let path = displayPath(url, workingDirectory: workingDirectory)
            reading.files.append(path)
            guard let data = FileManager.default.contents(atPath: url.path), case .success(let text) = UTF8Text.decode(data) else {
                reading.diagnostics.append(
                    Diagnostic(path: path, line: 1, column: 1, severity: .error, message: "cannot read the file as UTF-8 text"))
                continue
            }
            let (blueprint, found) = BlueprintParser.parse(text: text, path: path, id: url.deletingPathExtension().lastPathComponent)
            reading.diagnostics += found
            if let blueprint { reading.blueprints.append(blueprint) }
        }
        return reading
    }

    /// Content files under `directory`, sorted by path: `*.md` except `README.md`.
    public static func contentFileURLs(in directory: URL) -> [URL] {
        files(in: directory, withExtension: "md").filter { $0.lastPathComponent.lowercased() != "readme.md" }
    }

    /// Regular files with `pathExtension` under `directory`, recursively, sorted by path.
    public static func files(in directory: URL, withExtension pathExtension: String) -> [URL] {
        FileTree.files(under: directory.path, withExtension: pathExtension).map { URL(fileURLWithPath: $0) }
    }

    /// `url`'s path relative to `workingDirectory` when it lies inside it, else absolute.
    public static func displayPath(_ url: URL, workingDirectory: URL?) -> String {
        let path = url.standardizedFileURL.path
        guard let base = workingDirectory?.standardizedFileURL.path else { return path }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// Finds the library a command works on (the command-line contract's search order).
public enum LibraryLocator {
    /// The library of the checkout this binary was built from (`Content/`, `QuestionBanks/` beside
    /// `Package.swift`): what `swift run` and the tests use. An installed binary must not rely on
    /// it — the checkout may be gone — so it comes last.
    public static var bundledRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Where an installed library lives, in search order: the data directory
    /// (`$XDG_DATA_HOME/codedrill/library`, else `~/.local/share/codedrill/library`, beside the
    /// progress database), then `share/codedrill/library` next to the binary's directory
    /// (`/usr/local/bin/codedrill` → `/usr/local/share/codedrill/library`).
    public static func installedRoots(environment: [String: String], executable: URL?) -> [URL] {
        var roots: [URL] = []
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            roots.append(URL(fileURLWithPath: dataHome).appendingPathComponent("codedrill/library"))
        } else if let home = environment["HOME"], !home.isEmpty {
            roots.append(URL(fileURLWithPath: home).appendingPathComponent(".local/share/codedrill/library"))
        }
        if let executable {
            roots.append(
                executable.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
                    .appendingPathComponent("share/codedrill/library"))
        }
        return roots
    }

    /// The running binary, for `installedRoots`.
    public static var currentExecutable: URL? {
        #if os(Linux)
        return URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        #else
        return Bundle.main.executableURL
        #endif
    }

    /// `explicit` (`--library`), else `$CODEDRILL_LIBRARY`, else the nearest enclosing directory of
    /// `workingDirectory` with `Content/` or `QuestionBanks/`, else an installed library
    /// (`installedRoots`), else the checkout the binary was built from. When none exists the
    /// answer is the data directory's library, so that the error names where to install one.
    public static func resolve(
        explicit: String?, environment: [String: String], workingDirectory: URL,
        executable: URL? = nil
    ) -> URL {
        if let explicit, !explicit.isEmpty { return URL(fileURLWithPath: explicit, relativeTo: workingDirectory).standardizedFileURL }
        if let env = environment["CODEDRILL_LIBRARY"], !env.isEmpty {
            return URL(fileURLWithPath: env, relativeTo: workingDirectory).standardizedFileURL
        }
        var directory = workingDirectory.standardizedFileURL
        while true {
            if isLibrary(directory) { return directory }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        let installed = installedRoots(environment: environment, executable: executable)
        if let found = installed.first(where: isLibrary) { return found }
        if isLibrary(bundledRoot) { return bundledRoot }
        return installed.first ?? bundledRoot
    }

    /// Whether `directory` holds `Content/` or `QuestionBanks/`.
    private static func isLibrary(_ directory: URL) -> Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: directory.appendingPathComponent("Content").path)
            || fm.fileExists(atPath: directory.appendingPathComponent("QuestionBanks").path)
    }
}
