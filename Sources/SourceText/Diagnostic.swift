/// One problem found in a content file or question bank, reported like a compiler does:
/// `path:line:column: severity: message`.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Codable, Comparable {
        /// Makes `lint` fail; the file (or the affected part) is not used.
        case error
        /// Reported, but the file is still used.
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    /// The file's path as given to the loader (relative to the working directory when possible).
    public var path: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column number (in characters).
    public var column: Int
    /// Error or warning.
    public var severity: Severity
    /// One-line message, lower case, no trailing period.
    public var message: String

    /// Creates a diagnostic.
    public init(path: String, line: Int, column: Int, severity: Severity, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `path:line:column: severity: message`.
    public var description: String { "\(path):\(line):\(column): \(severity.rawValue): \(message)" }

    /// Orders diagnostics by path, then line, then column, then message.
    public static func ordered(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        (lhs.path, lhs.line, lhs.column, lhs.message) < (rhs.path, rhs.line, rhs.column, rhs.message)
    }
}

/// A position inside a source file.
public struct SourceLocation: Sendable, Hashable, Codable {
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int

    /// Creates a location.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// The one way every parser (content files, GIFT and Aiken banks, blueprints, the linter) reports
/// problems: errors and warnings for one file are added here and handed over as `diagnostics`.
public struct DiagnosticSink: Sendable {
    /// The file's path as displayed.
    public let path: String
    /// What was reported, in order.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Whether any error was reported (the file, or the affected part, is not used).
    public private(set) var hasError = false

    /// A sink for the file at `path`.
    public init(path: String) { self.path = path }

    /// Reports an error at `location`.
    public mutating func error(_ location: SourceLocation, _ message: String) {
        report(.error, line: location.line, column: location.column, message)
    }

    /// Reports a warning at `location`.
    public mutating func warning(_ location: SourceLocation, _ message: String) {
        report(.warning, line: location.line, column: location.column, message)
    }

    /// Reports a problem at `line` and `column`.
    public mutating func report(_ severity: Diagnostic.Severity, line: Int, column: Int, _ message: String) {
        if severity == .error { hasError = true }
        diagnostics.append(Diagnostic(path: path, line: line, column: column, severity: severity, message: message))
    }
}
