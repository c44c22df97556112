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
        (library.diagnostics + check(library.procedures) + check(scenarios: library.scenarios)).sorted(by: Diagnostic.ordered)
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
                error(
                    procedure, procedure.codeLocation,
                    "duplicate code \(procedure.code): also defined in \(first.path):\(first.codeLocation.line)")
            } else {
                firstByCode[procedure.code] = procedure
            }
        }
        for procedure in procedures {
            let noun = procedure.format == 2 ? "'instead' entry" : "contrast"
            for contrast in procedure.contrasts {
                if contrast.code == procedure.code {
                    error(procedure, contrast.location, "\(noun) names the file's own code \(contrast.code)")
                    continue
                }
                guard let other = firstByCode[contrast.code] else {
                    if contrast.describe == nil {
                        error(
                            procedure, contrast.location,
                            "\(noun) names \(contrast.code), which is not in the library (add 'describe' to say what it is)")
                    }
                    continue
                }
                if contrast.side != nil {
                    error(
                        procedure, contrast.location,
                        "\(noun) to \(contrast.code) gives a 'side', but \(contrast.code) is in the library: its own RT/LT modifiers say which sides it takes"
                    )
                }
                if !contrast.oneway, !other.contrasts.contains(where: { $0.code == procedure.code }) {
                    error(
                        procedure, contrast.location,
                        "\(noun) to \(contrast.code) is one-sided: \(other.path) has no 'instead' back to \(procedure.code) (add one, or mark this one 'oneway: true')"
                    )
                }
            }
            var seenContrast: Set<String> = []
            for contrast in procedure.contrasts where !seenContrast.insert(contrast.code).inserted {
                error(procedure, contrast.location, "\(noun) to \(contrast.code) is listed twice")
            }
            var seenAddition: Set<String> = []
            for addition in procedure.additions {
                if addition.code == procedure.code {
                    error(procedure, addition.location, "'in_addition' names the file's own code \(addition.code)")
                } else if firstByCode[addition.code] == nil, addition.describe == nil {
                    error(
                        procedure, addition.location,
                        "'in_addition' names \(addition.code), which is not in the library (add 'describe' to say what it is)")
                }
                if !seenAddition.insert(addition.code).inserted {
                    error(procedure, addition.location, "'in_addition' to \(addition.code) is listed twice")
                }
                for diagnosis in addition.diagnoses {
                    if let problem = tables.diagnosisProblem(diagnosis.code, on: asOfDay) {
                        error(procedure, diagnosis.location, "'in_addition' \(addition.code) diagnosis: " + problem)
                    }
                }
            }
            for inclusion in procedure.inclusions where inclusion.code == procedure.code {
                error(procedure, inclusion.location, "'included' names the file's own code \(procedure.code)")
            }
            for (line, finding) in repeatedFindings(procedure) {
                diagnostics.append(
                    Diagnostic(
                        path: procedure.path, line: line, column: 1, severity: .warning,
                        message: "finding repeats step \(finding): say each fact once (the finding, or the step)"))
            }
            for pcs in procedure.pcs {
                if let problem = tables.procedureProblem(pcs.code, on: asOfDay) { error(procedure, pcs.location, problem) }
            }
            if procedure.system == .icd10pcs, let problem = tables.procedureProblem(procedure.code, on: asOfDay) {
                error(procedure, procedure.codeLocation, problem)
            }
            for diagnosis in procedure.diagnoses {
                if let problem = tables.diagnosisProblem(diagnosis.code, on: asOfDay) { error(procedure, diagnosis.location, problem) }
                for also in diagnosis.also {
                    if let problem = tables.diagnosisProblem(also.code, on: asOfDay) { error(procedure, also.location, problem) }
                    if also.normalizedCode == diagnosis.normalizedCode {
                        error(procedure, also.location, "'also' repeats the diagnosis' own code \(also.code)")
                    }
                }
                var trapped: Set<String> = []
                let keyed = Set([diagnosis.normalizedCode] + diagnosis.also.map(\.normalizedCode))
                for trap in diagnosis.traps {
                    if let problem = tables.diagnosisProblem(trap.code, on: asOfDay) { error(procedure, trap.location, problem) }
                    if keyed.contains(trap.normalizedCode) {
                        error(procedure, trap.location, "trap \(trap.code) is a code this diagnosis reports; a trap is a wrong code")
                    } else if !trapped.insert(trap.normalizedCode).inserted {
                        error(procedure, trap.location, "trap \(trap.code) is listed twice")
                    }
                }
            }
        }
        return diagnostics
    }
}

extension Linter {
    /// The diagnosis-scenario rules that need the code tables or other files: every code of `codes`
    /// and `wrong` exists, is billable and valid on the lint date; no code (or category) appears in
    /// the note; no two scenarios share an id.
    public func check(scenarios: [DiagnosisScenario]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func error(_ s: DiagnosisScenario, _ at: SourceLocation, _ message: String) {
            diagnostics.append(Diagnostic(path: s.path, line: at.line, column: at.column, severity: .error, message: message))
        }
        var firstByID: [String: DiagnosisScenario] = [:]
        for scenario in scenarios.sorted(by: { $0.path < $1.path }) {
            if let first = firstByID[scenario.id] {
                error(
                    scenario, scenario.idLocation,
                    "duplicate scenario id \(scenario.id): also used in \(first.path):\(first.idLocation.line)")
            } else {
                firstByID[scenario.id] = scenario
            }
            if let first = scenario.codes.codes.first, let expected = DiagnosisScenario.chapter(of: first), expected != scenario.chapter {
                error(
                    scenario, scenario.codes.location,
                    "the first code \(first) is in the chapter '\(expected)', but 'chapter' says '\(scenario.chapter)' (a scenario is filed under its first code's chapter)"
                )
            }
            for sequence in [scenario.codes] + scenario.wrong.map(\.sequence) {
                for (code, at) in zip(sequence.codes, sequence.codeLocations) {
                    if let problem = tables.diagnosisProblem(code, on: asOfDay) { error(scenario, at, problem) }
                }
            }
            for (lineOffset, line) in scenario.note.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for (token, offset) in DiagnosisScenarioParser.codeLikeTokens(in: String(line))
                where tables.diagnoses[ICD10.normalize(token)] != nil {
                    error(
                        scenario, SourceLocation(line: scenario.noteLine + lineOffset, column: offset + 1),
                        "the note names the ICD-10-CM code \(token): write the documentation in clinical words, never code numbers")
                }
            }
        }
        return diagnostics
    }

    /// Findings that share a five-word run with a step: (line 1, step number). Words are lower-cased
    /// letter-and-digit runs; a run counts when three of its words have four letters or more, so
    /// shared anatomy ("the femoral head and the") alone never matches.
    func repeatedFindings(_ procedure: Procedure) -> [(Int, Int)] {
        guard !procedure.findings.isEmpty else { return [] }
        func runs(_ text: String) -> Set<String> {
            let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
            guard words.count >= 5 else { return [] }
            var result: Set<String> = []
            for k in 0...(words.count - 5) {
                let run = words[k..<(k + 5)]
                if run.filter({ $0.count >= 4 }).count >= 3 { result.insert(run.joined(separator: " ")) }
            }
            return result
        }
        let stepRuns = procedure.steps.map { runs($0.text) }
        var result: [(Int, Int)] = []
        for finding in procedure.findings {
            let own = runs(finding)
            if let s = stepRuns.firstIndex(where: { !$0.isDisjoint(with: own) }) {
                result.append((1, s + 1))
            }
        }
        return result
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
