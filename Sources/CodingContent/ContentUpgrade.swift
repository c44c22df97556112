import SourceText

/// Rewrites a format v1 content file as format v2 without losing a word: the body is kept byte for
/// byte and every front-matter line is kept; `contrasts` becomes `instead` (`rules_out` → `here`),
/// `format: 2` is inserted, and `setting`, `anesthesia` and side modifiers are added when missing,
/// inferred from the file and marked with a comment for the author to check.
public enum ContentUpgrade {
    /// What upgrading one file gives.
    public enum Outcome: Sendable, Equatable {
        /// The v2 text to write.
        case upgraded(String)
        /// The file is already format v2; nothing to write.
        case alreadyCurrent
        /// The file cannot be upgraded: its parse errors, or why the rewrite was refused.
        case failed([Diagnostic])
    }

    /// The comment marking inferred values.
    static let inferredMark = "  # inferred by 'codedrill content upgrade': check"

    /// Upgrades the text of the file at `path` (the path is used in diagnostics only).
    public static func upgrade(text: String, path: String) -> Outcome {
        let (parsed, diagnostics) = ProcedureParser.parse(text: text, path: path)
        guard let original = parsed else { return .failed(diagnostics.filter { $0.severity == .error }) }
        if original.format == 2 { return .alreadyCurrent }

        // Keep the file's own line ending; split keeping everything after the front matter verbatim.
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: newline)
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmed == "---" }) else {
            return .failed([refusal(path, "front matter is not closed")])
        }
        var front = Array(lines[1..<close])
        renameContrasts(&front)
        var added: [String] = []
        if original.settings.isEmpty { added.append("setting: \(original.usualSetting.rawValue)" + inferredMark) }
        if original.anesthesia.isEmpty { added.append("anesthesia: \(original.usualAnesthesia.rawValue)" + inferredMark) }
        if original.modifiers.isEmpty, original.isSided {
            added += [
                "modifiers:" + inferredMark,
                "  - modifier: RT", "    when: the procedure is done on the right side",
                "  - modifier: LT", "    when: the procedure is done on the left side",
            ]
        }
        front.insert("format: 2", at: 0)
        front += added
        lines.replaceSubrange(1..<close, with: front)
        let upgraded = lines.joined(separator: newline)

        // Refuse anything that changed what the file says (a flow-style mapping the line rewrite missed…).
        let (reparsed, after) = ProcedureParser.parse(text: upgraded, path: path)
        guard let result = reparsed else {
            let first = after.first { $0.severity == .error }?.message ?? "unknown problem"
            return .failed([refusal(path, "the rewritten file would not parse (\(first)); upgrade it by hand")])
        }
        guard sameContent(original, result) else {
            return .failed([refusal(path, "the rewrite would change the file's meaning (unusual YAML layout?); upgrade it by hand")])
        }
        return .upgraded(upgraded)
    }

    private static func refusal(_ path: String, _ message: String) -> Diagnostic {
        Diagnostic(path: path, line: 1, column: 1, severity: .error, message: message)
    }

    /// `contrasts:` → `instead:`, and `rules_out:` keys inside that block → `here:`.
    static func renameContrasts(_ front: inout [String]) {
        var inBlock = false
        for k in front.indices {
            let line = front[k]
            let topLevel = line.first.map { !$0.isWhitespace && $0 != "-" && $0 != "#" } ?? false
            if topLevel { inBlock = line.hasPrefix("contrasts:") }
            if line.hasPrefix("contrasts:") {
                front[k] = "instead:" + line.dropFirst("contrasts:".count)
            } else if inBlock, let range = line.range(of: "rules_out:") {
                let before = line[..<range.lowerBound]
                if before.allSatisfy({ $0 == " " || $0 == "-" || $0 == "\t" }) {
                    front[k] = before + "here:" + line[range.upperBound...]
                }
            }
        }
    }

    /// Whether two parses say the same things (locations and the v2 additions aside).
    static func sameContent(_ a: Procedure, _ b: Procedure) -> Bool {
        func contrasts(_ p: Procedure) -> [String] { p.contrasts.map { "\($0.code)|\($0.when)|\($0.rulesOut ?? "")|\($0.oneway)" } }
        func diagnoses(_ p: Procedure) -> [String] { p.diagnoses.map { "\($0.code)|\($0.side?.rawValue ?? "")|\($0.text)" } }
        return a.code == b.code && a.system == b.system && a.title == b.title && a.section == b.section && a.family == b.family
            && a.patient == b.patient && contrasts(a) == contrasts(b) && a.pcs.map(\.code) == b.pcs.map(\.code)
            && a.pcs.map(\.side) == b.pcs.map(\.side) && diagnoses(a) == diagnoses(b) && a.tags == b.tags && a.summary == b.summary
            && a.indications == b.indications && a.steps.map(\.text) == b.steps.map(\.text) && a.steps.map(\.isKey) == b.steps.map(\.isKey)
            && a.notes == b.notes && a.findings == b.findings && a.additions.map(\.code) == b.additions.map(\.code)
            && a.inclusions.map(\.service) == b.inclusions.map(\.service) && a.report == b.report
    }
}

extension Procedure {
    /// Whether the procedure is done on a side: it lists side modifiers, or its crosswalk or
    /// diagnoses name a side.
    public var isSided: Bool {
        modifiers.contains { $0.isLaterality } || pcs.contains { $0.side == .right || $0.side == .left }
            || diagnoses.contains { $0.side == .right || $0.side == .left }
    }

    /// The usual setting: the first `setting`, else guessed from the file (endoscopy → endoscopy
    /// suite, an ICD-10-PCS file → inpatient, skin repair → office, else outpatient surgery).
    public var usualSetting: CareSetting {
        if let first = settings.first { return first }
        if tags.contains(where: { $0.lowercased() == "endoscopy" }) || section.contains(where: { $0.lowercased().contains("endoscopy") }) {
            return .endoscopySuite
        }
        if system == .icd10pcs { return .inpatient }
        if area.lowercased().hasPrefix("integumentary") { return .office }
        return .outpatientSurgery
    }

    /// The usual anesthesia: the first `anesthesia`, else the one a step names, else the usual one
    /// for the setting.
    public var usualAnesthesia: AnesthesiaType {
        if let first = anesthesia.first { return first }
        let text = steps.map { $0.text.lowercased() }.joined(separator: " ")
        let named: [(String, AnesthesiaType)] = [
            ("general anesthe", .general), ("general endotracheal", .general), ("monitored anesthesia", .monitored),
            ("spinal anesthe", .spinal), ("epidural", .epidural), ("nerve block", .regional), ("regional anesthe", .regional),
            ("sedation", .moderateSedation), ("lidocaine", .local), ("local anesthe", .local), ("topical anesthe", .topical),
        ]
        if let found = named.first(where: { text.contains($0.0) }) { return found.1 }
        switch usualSetting {
        case .endoscopySuite: return .moderateSedation
        case .office, .emergencyDepartment: return .local
        case .outpatientSurgery, .inpatient: return .general
        case .imagingDepartment, .laboratory, .infusionCenter: return .none
        case .laborAndDelivery: return .epidural
        case .bedside, .interventionalSuite, .cathLab: return .local
        }
    }
}
