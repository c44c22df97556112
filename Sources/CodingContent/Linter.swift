import Foundation
import SourceText

/// The library-wide content rules: duplicate codes, contrasts that name missing codes or are not
/// answered, and ICD-10 codes checked against the official tables on a date.
public struct Linter: Sendable {
    /// The official code sets.
    public var tables: ICD10Tables
    /// The date codes must be valid on, as `yyyymmdd`.
    public var asOfDay: Int

    /// Creates a linter checking codes against `tables` on `asOfDay` (`yyyymmdd`).
    public init(tables: ICD10Tables = .shipped, asOfDay: Int) {
        self.tables = tables
        self.asOfDay = asOfDay
    }

    /// Every diagnostic for the library: the files' own and the cross-file ones, sorted by path and line.
    public func lint(_ library: Library) -> [Diagnostic] {
        (library.diagnostics + check(library.procedures)).sorted(by: Diagnostic.ordered)
    }

    /// The cross-file and code-table rules over parsed procedures.
    public func check(_ procedures: [Procedure]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func error(_ p: Procedure, _ at: SourceLocation, _ message: String) {
            diagnostics.append(Diagnostic(path: p.path, line: at.line, column: at.column, severity: .error, message: message))
        }
        var firstByCode: [String: Procedure] = [:]
        for procedure in procedures.sorted(by: { $0.path < $1.path }) {
            if let first = firstByCode[procedure.code] {
                error(procedure, procedure.codeLocation,
                      "duplicate code \(procedure.code): also defined in \(first.path):\(first.codeLocation.line)")
            } else {
                firstByCode[procedure.code] = procedure
            }
        }
        for procedure in procedures {
            for contrast in procedure.contrasts {
                if contrast.code == procedure.code {
                    error(procedure, contrast.location, "a contrast names the file's own code \(contrast.code)")
                    continue
                }
                guard let other = firstByCode[contrast.code] else {
                    error(procedure, contrast.location, "contrast names \(contrast.code), which is not in the library")
                    continue
                }
                if !contrast.oneway, !other.contrasts.contains(where: { $0.code == procedure.code }) {
                    error(procedure, contrast.location,
                          "contrast to \(contrast.code) is one-sided: \(other.path) has no contrast back to \(procedure.code) (add one, or mark this one 'oneway: true')")
                }
            }
            var seenContrast: Set<String> = []
            for contrast in procedure.contrasts where !seenContrast.insert(contrast.code).inserted {
                error(procedure, contrast.location, "contrast to \(contrast.code) is listed twice")
            }
            for pcs in procedure.pcs {
                if let problem = tables.procedureProblem(pcs.code, on: asOfDay) { error(procedure, pcs.location, problem) }
            }
            if procedure.system == .icd10pcs, let problem = tables.procedureProblem(procedure.code, on: asOfDay) {
                error(procedure, procedure.codeLocation, problem)
            }
            for diagnosis in procedure.diagnoses {
                if let problem = tables.diagnosisProblem(diagnosis.code, on: asOfDay) { error(procedure, diagnosis.location, problem) }
            }
        }
        return diagnostics
    }
}

/// The outcome of linting: what was checked and what was found.
public struct LintReport: Sendable {
    /// Number of files checked.
    public var fileCount: Int
    /// Diagnostics, sorted by path and line.
    public var diagnostics: [Diagnostic]

    /// Creates a report.
    public init(fileCount: Int, diagnostics: [Diagnostic]) {
        self.fileCount = fileCount
        self.diagnostics = diagnostics
    }

    /// Number of errors.
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    /// Number of warnings.
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// `N files, E errors, W warnings` (singular where it is one).
    public var summary: String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(count(fileCount, "file")), \(count(errorCount, "error")), \(count(warningCount, "warning"))"
    }
}
