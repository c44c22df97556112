import Determinism
import Foundation
import SourceText
import Yams

/// Reads one content file (format v1 or v2: YAML front matter + Markdown sections) into a
/// `Procedure`, collecting every problem as a `Diagnostic` with the file's line and column.
public enum ProcedureParser {
    /// The front-matter keys of format v1.
    public static let v1Keys = [
        "code", "system", "title", "section", "family", "patient", "contrasts", "icd10pcs", "diagnoses", "tags",
    ]
    /// The keys format v2 adds (a v1 file may use them while it is migrated).
    public static let v2Keys = [
        "format", "index", "setting", "anesthesia", "report", "findings", "instead", "in_addition", "included", "modifiers",
        "icd10pcs_complete", "visit", "base_units", "minutes", "physical_status", "unit", "dose", "units",
    ]
    /// Every front-matter key either format knows.
    public static let knownKeys = v1Keys + v2Keys
    /// The v2 fields a v1 file is reminded of when it lacks them, in this order.
    public static let upgradeFields = ["setting", "anesthesia", "report", "findings", "modifiers", "in_addition", "included"]
    static let contrastKeys = ["code", "when", "rules_out", "oneway"]
    static let insteadKeys = ["code", "when", "here", "describe", "side", "oneway"]
    static let additionKeys = [
        "code", "when", "type", "modifier", "describe", "note", "step", "after", "procedure", "specimen",
        "diagnosis", "units", "side", "always",
    ]
    static let addedDiagnosisKeys = ["code", "side", "text", "preop"]
    static let inclusionKeys = ["service", "code", "reason", "why", "step"]
    static let modifierKeys = ["modifier", "when", "note", "step", "after"]
    static let reportKeys = ["procedure", "specimen", "told"]
    static let diagnosisKeys = ["code", "side", "text", "preop", "pathology", "also", "order", "traps"]
    static let patientKeys = ["sex", "age"]
    static let sectionNames = ["Indications", "Steps", "Notes"]

    /// Parses raw file bytes. Returns the procedure when the file is usable (no errors), and all diagnostics.
    public static func parse(data: Data, path: String) -> (procedure: Procedure?, diagnostics: [Diagnostic]) {
        let text: String
        switch UTF8Text.decode(data, rejectingNUL: true) {
        case .success(let decoded): text = decoded
        case .failure(let invalid):
            return (
                nil,
                [
                    Diagnostic(
                        path: path, line: invalid.line, column: invalid.column, severity: .error,
                        message: String(format: "file is not valid UTF-8 (byte 0x%02X); save it as UTF-8", invalid.byte))
                ]
            )
        }
        return parse(text: text, path: path, hash: Fingerprint.hex(of: data))
    }

    /// Parses file text.
    public static func parse(text: String, path: String, hash: String = "") -> (procedure: Procedure?, diagnostics: [Diagnostic]) {
        var parser = FileParser(path: path)
        let procedure = parser.run(text: text, hash: hash.isEmpty ? Fingerprint.hex(of: Data(text.utf8)) : hash)
        return (parser.hasError ? nil : procedure, parser.diagnostics)
    }
}

/// The state of parsing one file.
struct FileParser {
    let path: String
    /// Where this file's problems go.
    var sink: DiagnosticSink
    var diagnostics: [Diagnostic] { sink.diagnostics }
    var hasError: Bool { sink.hasError }
    /// File line of the YAML text's first line.
    var yamlFirstLine = 2
    /// File line of the closing `---`.
    var frontMatterEndLine = 1

    init(path: String) {
        self.path = path
        sink = DiagnosticSink(path: path)
    }

    mutating func error(_ line: Int, _ column: Int, _ message: String) {
        sink.report(.error, line: line, column: column, message)
    }

    mutating func warning(_ line: Int, _ column: Int, _ message: String) {
        sink.report(.warning, line: line, column: column, message)
    }

    func location(_ node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(line: yamlFirstLine - 1, column: 1) }
        return SourceLocation(line: mark.line + yamlFirstLine - 1, column: mark.column)
    }

    mutating func error(at node: Node, _ message: String) {
        let l = location(node)
        error(l.line, l.column, message)
    }

    mutating func warning(at node: Node, _ message: String) {
        let l = location(node)
        warning(l.line, l.column, message)
    }

    mutating func run(text: String, hash: String) -> Procedure? {
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        let lines = body.lines
        guard lines.first?.trimmed == "---" else {
            error(1, 1, "missing front matter: the file must start with a '---' line")
            return nil
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmed == "---" }) else {
            error(1, 1, "front matter is not closed: add a '---' line after it")
            return nil
        }
        frontMatterEndLine = close + 1
        let yaml = lines[1..<close].joined(separator: "\n")
        let root: Node
        do {
            // The basic resolver keeps every scalar a string (no regex-based tag guessing: faster, and a
            // code like 01234 stays text); booleans are read by `boolean(_:)`.
            guard let node = try YAMLDocument.compose(yaml) else {
                error(1, 1, "front matter is empty")
                return nil
            }
            root = node
        } catch let yamlError as YamlError {
            reportYAML(yamlError)
            return nil
        } catch {
            self.error(2, 1, "invalid YAML front matter: \(error)")
            return nil
        }
        guard let mapping = root.mapping else {
            error(at: root, "front matter must be a mapping of 'key: value' lines")
            return nil
        }
        let sections = parseBody(lines: lines, firstLine: close + 2)
        return buildProcedure(mapping: mapping, root: root, sections: sections, hash: hash)
    }

    mutating func reportYAML(_ yamlError: YamlError) {
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "invalid YAML front matter: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + yamlFirstLine - 1))" }
            error(mark.line + yamlFirstLine - 1, mark.column, message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            error(
                context.mark.line + yamlFirstLine - 1, context.mark.column,
                "duplicate front-matter key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            error(yamlFirstLine, 1, "invalid YAML front matter: \(problem)")
        default:
            error(yamlFirstLine, 1, "invalid YAML front matter: \(yamlError)")
        }
    }

    // MARK: Front matter

    mutating func string(_ node: Node, key: String) -> String? {
        guard let scalar = node.scalar else {
            error(at: node, "'\(key)' must be a single value, not a list or mapping")
            return nil
        }
        let value = scalar.string.trimmed
        if value.isEmpty || ["~", "null", "Null", "NULL"].contains(value) {
            error(at: node, "'\(key)' is empty")
            return nil
        }
        return value
    }

    mutating func checkKeys(_ mapping: Node.Mapping, allowed: [String], context: String) {
        for (key, _) in mapping {
            let name = key.string ?? ""
            if !allowed.contains(name) {
                let l = location(key)
                var message = "unknown \(context) key '\(Excerpt.of(name))'"
                if let suggestion = Suggestion.closest(to: name, in: allowed) { message += "; did you mean '\(suggestion)'?" }
                warning(l.line, l.column, message)
            }
        }
    }

    mutating func buildProcedure(mapping: Node.Mapping, root: Node, sections: BodySections, hash: String) -> Procedure? {
        checkKeys(mapping, allowed: ProcedureParser.knownKeys, context: "front-matter")
        var values: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping { if let name = key.string { values[name] = (key, value) } }

        func required(_ name: String, _ parser: inout FileParser) -> (Node, String)? {
            guard let entry = values[name] else {
                parser.error(1, 1, "missing required key '\(name)'")
                return nil
            }
            guard let s = parser.string(entry.value, key: name) else { return nil }
            return (entry.value, s)
        }

        let codeEntry = required("code", &self)
        let systemEntry = required("system", &self)
        let title = required("title", &self)?.1
        let sectionText = required("section", &self)?.1

        var system: CodeSystem?
        if let (node, text) = systemEntry {
            system = CodeSystem(rawValue: text)
            if system == .icd10cm {
                error(at: node, "an ICD-10-CM file is a diagnosis scenario, not a procedure (see docs/content-format.md)")
                system = nil
            } else if system == nil {
                error(at: node, "unknown system '\(Excerpt.of(text))'; expected CPT, HCPCS or ICD-10-PCS")
            }
        }
        var code = codeEntry?.1
        if let (node, text) = codeEntry, let system {
            let upper = system == .cpt ? text : text.uppercased()
            code = upper
            if let problem = CodeShape.problem(code: upper, system: system) { error(at: node, problem) }
        }

        var family: String?
        if let entry = values["family"] { family = string(entry.value, key: "family") }

        var patient = PatientProfile.adult
        if let entry = values["patient"] { patient = parsePatient(entry.value) }

        var format = 1
        if let entry = values["format"], let text = string(entry.value, key: "format") {
            if text == "2" {
                format = 2
            } else {
                error(at: entry.value, "unknown format '\(text)'; the only format number is 2 (leave 'format' out for v1)")
            }
        }

        var contrasts: [Contrast] = []
        if let entry = values["contrasts"] {
            if format == 2 {
                let l = location(entry.key)
                error(l.line, l.column, "'contrasts' is the v1 key; a format 2 file lists alternatives under 'instead'")
            } else {
                contrasts = parseContrasts(entry.value, key: "contrasts")
            }
        }
        if let entry = values["instead"] { contrasts += parseContrasts(entry.value, key: "instead") }
        var additions: [Addition] = []
        if let entry = values["in_addition"] { additions = parseAdditions(entry.value, stepCount: sections.steps.count) }
        var inclusions: [Inclusion] = []
        if let entry = values["included"] { inclusions = parseInclusions(entry.value, stepCount: sections.steps.count) }
        var modifiers: [ModifierUse] = []
        if let entry = values["modifiers"] { modifiers = parseModifiers(entry.value, stepCount: sections.steps.count) }
        var indexPath: String?
        if let entry = values["index"] { indexPath = string(entry.value, key: "index") }
        var settings: [CareSetting] = []
        if let entry = values["setting"] { settings = enumList(entry.value, key: "setting") }
        var anesthesia: [AnesthesiaType] = []
        if let entry = values["anesthesia"] { anesthesia = enumList(entry.value, key: "anesthesia") }
        var report: ReportWording?
        if let entry = values["report"] { report = parseReport(entry.value, stepCount: sections.steps.count) }
        var findings: [String] = []
        if let entry = values["findings"] { findings = stringList(entry.value, key: "findings") }
        // An E/M file (`visit`) describes a visit, not an operation: no anesthesia, report or steps.
        var visit: VisitFacts?
        if let entry = values["visit"] { visit = parseVisit(entry.value, patient: patient) }
        let isVisit = values["visit"] != nil
        if format == 2 {
            for name in ["setting", "anesthesia"] where values[name] == nil && !(isVisit && name == "anesthesia") {
                error(1, 1, "missing required key '\(name)' (format 2)")
            }
            if values["report"] == nil, !isVisit {
                warning(1, 1, "no 'report': the PROCEDURE line of generated reports falls back to the family name")
            }
        } else {
            let missing = ProcedureParser.upgradeFields.filter { values[$0] == nil }
            if !missing.isEmpty {
                warning(1, 1, "format v1: missing v2 fields \(missing.joined(separator: ", ")); run 'codedrill content upgrade \(path)'")
            }
        }

        var pcs: [PCSCode] = []
        if let entry = values["icd10pcs"] { pcs = parsePCS(entry.value) }
        var pcsComplete = true
        if let entry = values["icd10pcs_complete"] {
            switch entry.value.string?.lowercased() {
            case "true"?, "yes"?: pcsComplete = true
            case "false"?, "no"?: pcsComplete = false
            default: error(at: entry.value, "'icd10pcs_complete' must be true or false")
            }
        }

        var diagnoses: [Diagnosis] = []
        if let entry = values["diagnoses"] { diagnoses = parseDiagnoses(entry.value) }

        var tags: [String] = []
        if let entry = values["tags"] {
            if let sequence = entry.value.sequence {
                for item in sequence { if let t = string(item, key: "tags") { tags.append(t) } }
            } else if let t = string(entry.value, key: "tags") {
                tags = t.split(separator: ",").map { $0.trimmed }
            }
        }

        // Body rules.
        let closeLine = frontMatterEndLine
        if sections.indications.isEmpty, !isVisit {
            if let heading = sections.headingLines["Indications"] {
                error(heading, 1, "'## Indications' needs at least one '- ' bullet")
            } else {
                error(closeLine, 1, "missing section '## Indications'")
            }
        }
        if sections.steps.count < 2, !isVisit {
            if let heading = sections.headingLines["Steps"] {
                error(heading, 1, "'## Steps' needs at least two numbered steps, found \(sections.steps.count)")
            } else {
                error(closeLine, 1, "missing section '## Steps'")
            }
        }
        for (line, name) in sections.unknownHeadings {
            var message = "unknown section '## \(name)'; expected Indications, Steps or Notes"
            if let suggestion = Suggestion.closest(to: name, in: ProcedureParser.sectionNames) {
                message = "unknown section '## \(name)'; did you mean '## \(suggestion)'?"
            }
            warning(line, 1, message)
        }

        guard let code, let system, let title, let sectionText, let codeNode = codeEntry?.0 else { return nil }
        // A PROCEDURE line that is the title or names the code would hand the answer over: reports skip it.
        if let report, let node = values["report"]?.value {
            for line in report.procedure where ReportWording.repeatsTitle(line, title: title) || line.contains(code) {
                warning(
                    at: node,
                    "report.procedure line '\(line.prefix(60))' \(line.contains(code) ? "names the code" : "is the title"); generated reports do not use it"
                )
            }
        }
        let section = sectionText.split(separator: "/").map { $0.trimmed }.filter { !$0.isEmpty }
        var procedure = Procedure(
            code: code, system: system, title: title, section: section, family: family, patient: patient,
            format: format, contrasts: contrasts, additions: additions, inclusions: inclusions, modifiers: modifiers,
            settings: settings, anesthesia: anesthesia, report: report, findings: findings, indexPath: indexPath, pcs: pcs,
            diagnoses: diagnoses, tags: tags, summary: sections.summary,
            indications: sections.indications.map(\.text), steps: sections.steps, notes: sections.notes.map(\.text),
            path: path, codeLocation: location(codeNode), contentHash: hash)
        procedure.pcsComplete = pcsComplete
        procedure.visit = visit
        procedure.service = parseService(values, section: section, system: system, settings: settings, anesthesia: anesthesia)
        if format == 2 { checkNotes(procedure) }
        return procedure
    }

    /// Warnings about the documentation notes: a note that states a coding conclusion, and an
    /// operative report's extra service whose PROCEDURE wording or specimen is missing, so that a
    /// report telling its note would contradict its own heading lines.
    mutating func checkNotes(_ procedure: Procedure) {
        let operative = procedure.layout == .operative
        for addition in procedure.additions {
            guard let note = addition.note else { continue }
            let at = addition.location
            if let words = NoteWording.codingConclusion(in: note) {
                warning(
                    at.line, at.column,
                    "the note of 'in_addition' \(addition.code) states a coding conclusion ('\(words)'): write what was done, by whom and where"
                )
            }
            if operative, addition.procedure == nil {
                warning(
                    at.line, at.column,
                    "'in_addition' \(addition.code) has a 'note' but no 'procedure': a report telling the note lists only this file's service on its PROCEDURE line"
                )
            }
            if operative, addition.specimen == nil, addition.noteSendsSpecimen {
                warning(
                    at.line, at.column,
                    "the note of 'in_addition' \(addition.code) takes a specimen but the entry has no 'specimen': a report telling the note lists only this file's SPECIMENS"
                )
            }
        }
        for use in procedure.modifiers {
            guard let note = use.note, let words = NoteWording.codingConclusion(in: note) else { continue }
            warning(
                use.location.line, use.location.column,
                "the note of modifier \(use.modifier) states a coding conclusion ('\(words)'): write the facts that call for it (who read the study, where and on whose equipment it was done)"
            )
        }
    }

    mutating func parsePatient(_ node: Node) -> PatientProfile {
        var profile = PatientProfile.adult
        guard let mapping = node.mapping else {
            error(at: node, "'patient' must be a mapping with 'sex' and/or 'age'")
            return profile
        }
        checkKeys(mapping, allowed: ProcedureParser.patientKeys, context: "patient")
        for (key, value) in mapping {
            switch key.string {
            case "sex":
                if let s = string(value, key: "sex") {
                    if let sex = PatientSex(rawValue: s.lowercased()) {
                        profile.sex = sex
                    } else {
                        error(at: value, "patient sex '\(Excerpt.of(s))' must be female, male or any")
                    }
                }
            case "age":
                if let s = string(value, key: "age") {
                    if let age = FileParser.age(s) {
                        profile.minimumAge = age.years.lowerBound
                        profile.maximumAge = age.years.upperBound
                        profile.youngAge = age.young
                    } else {
                        error(
                            at: value,
                            "patient age '\(Excerpt.of(s))' must be a range like 18-85 (years), 1-28 days or 2-23 months")
                    }
                }
            default: break
            }
        }
        return profile
    }

    /// A patient age range: `18-85` or `18-85 years` (0…120), `1-28 days` (1…365) or `2-23 months`
    /// (1…35), with the range in whole years; `nil` when malformed.
    static func age(_ text: String) -> (years: ClosedRange<Int>, young: YoungAge?)? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count == 1 || words.count == 2 else { return nil }
        let parts = words[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmed) }
        guard parts.count == 2, let lo = parts[0], let hi = parts[1], lo <= hi else { return nil }
        switch words.count == 2 ? String(words[1]).lowercased() : "years" {
        case "years":
            guard lo >= 0, hi <= 120 else { return nil }
            return (lo...hi, nil)
        case "days":
            guard lo >= 1, hi <= 365 else { return nil }
            let young = YoungAge(unit: .days, range: lo...hi)
            return (young.years(lo)...young.years(hi), young)
        case "months":
            guard lo >= 1, hi <= 35 else { return nil }
            let young = YoungAge(unit: .months, range: lo...hi)
            return (young.years(lo)...young.years(hi), young)
        default: return nil
        }
    }

    /// `contrasts` (v1) or `instead` (v2) entries; v1's `rules_out` and v2's `here` are the same field.
    mutating func parseContrasts(_ node: Node, key listKey: String) -> [Contrast] {
        let v2 = listKey == "instead"
        let noun = v2 ? "'instead' entry" : "contrast"
        guard let sequence = node.sequence else {
            error(at: node, "'\(listKey)' must be a list of entries with 'code' and 'when'")
            return []
        }
        var result: [Contrast] = []
        for item in sequence {
            guard let mapping = item.mapping else {
                error(at: item, "each \(noun) must be a mapping with 'code' and 'when'")
                continue
            }
            checkKeys(mapping, allowed: v2 ? ProcedureParser.insteadKeys : ProcedureParser.contrastKeys, context: noun)
            var code: String?
            var when: String?
            var rulesOut: String?
            var describe: String?
            var side: Side?
            var oneway = false
            var codeNode: Node?
            for (key, value) in mapping {
                switch key.string {
                case "code":
                    code = string(value, key: "code")
                    codeNode = value
                case "when": when = string(value, key: "when")
                case "rules_out" where !v2: rulesOut = string(value, key: "rules_out")
                case "here" where v2: rulesOut = string(value, key: "here")
                case "describe" where v2: describe = string(value, key: "describe")
                case "side" where v2:
                    if let s = string(value, key: "side") {
                        side = Side(rawValue: s.lowercased())
                        if side == nil || side == .bilateral {
                            error(at: value, "\(noun) side '\(Excerpt.of(s))' must be right or left")
                            side = nil
                        }
                    }
                case "oneway":
                    switch value.scalar?.string.lowercased() {
                    case "true", "yes": oneway = true
                    case "false", "no": oneway = false
                    default: error(at: value, "'oneway' must be true or false")
                    }
                default: break
                }
            }
            if code == nil, codeNode == nil { error(at: item, "\(noun) is missing 'code'") }
            if when == nil, mapping["when"] == nil { error(at: item, "\(noun) is missing 'when'") }
            if let code, let when, let codeNode {
                result.append(
                    Contrast(
                        code: code, when: when, rulesOut: rulesOut, oneway: oneway, describe: describe, side: side,
                        location: location(codeNode)))
            }
        }
        return result
    }

    mutating func parsePCS(_ node: Node) -> [PCSCode] {
        if node.scalar != nil {
            guard let code = string(node, key: "icd10pcs") else { return [] }
            return [PCSCode(code: code.uppercased(), side: nil, location: location(node))]
        }
        guard let mapping = node.mapping else {
            error(at: node, "'icd10pcs' must be one code or a mapping by side (right, left, bilateral)")
            return []
        }
        var result: [PCSCode] = []
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard let side = Side(rawValue: name) else {
                let l = location(key)
                error(l.line, l.column, "unknown side '\(Excerpt.of(name))' in 'icd10pcs'; expected right, left or bilateral")
                continue
            }
            if let code = string(value, key: "icd10pcs.\(name)") {
                result.append(PCSCode(code: code.uppercased(), side: side, location: location(value)))
            }
        }
        return result
    }

    mutating func parseDiagnoses(_ node: Node) -> [Diagnosis] {
        guard let sequence = node.sequence else {
            error(at: node, "'diagnoses' must be a list of entries with 'code' and 'text'")
            return []
        }
        var result: [Diagnosis] = []
        for item in sequence {
            guard let mapping = item.mapping else {
                error(at: item, "each diagnosis must be a mapping with 'code' and 'text'")
                continue
            }
            checkKeys(mapping, allowed: ProcedureParser.diagnosisKeys, context: "diagnosis")
            var code: String?
            var text: String?
            var side: Side?
            var preop: String?
            var pathology: String?
            var also: [AdditionalDiagnosis] = []
            var order: String?
            var orderNode: Node?
            var traps: [DiagnosisTrap] = []
            var codeNode: Node?
            for (key, value) in mapping {
                switch key.string {
                case "code":
                    code = string(value, key: "code")
                    codeNode = value
                case "text": text = string(value, key: "text")
                case "preop": preop = string(value, key: "preop")
                case "pathology": pathology = string(value, key: "pathology")
                case "order":
                    order = string(value, key: "order")
                    orderNode = value
                case "also":
                    // One mapping, or a list of them.
                    if let items = value.sequence {
                        also = items.compactMap { parseAlso($0) }
                    } else {
                        also = parseAlso(value).map { [$0] } ?? []
                    }
                case "traps":
                    if let items = value.sequence {
                        traps = items.compactMap { parseTrap($0) }
                    } else {
                        error(at: value, "'traps' must be a list of mappings with 'code' and 'when'")
                    }
                case "side":
                    if let s = string(value, key: "side") {
                        side = Side(rawValue: s.lowercased())
                        if side == nil { error(at: value, "diagnosis side '\(Excerpt.of(s))' must be right, left or bilateral") }
                    }
                default: break
                }
            }
            if mapping["code"] == nil { error(at: item, "diagnosis is missing 'code'") }
            if mapping["text"] == nil { error(at: item, "diagnosis is missing 'text'") }
            if let orderNode, also.isEmpty {
                error(at: orderNode, "'order' says why the diagnosis and its 'also' codes are sequenced so; this diagnosis has no 'also'")
            }
            if let code, let text, let codeNode {
                result.append(
                    Diagnosis(
                        code: code, side: side, text: text, preop: preop, pathology: pathology, also: also, order: order,
                        traps: traps, location: location(codeNode)))
            }
        }
        return result
    }

    /// A diagnosis' `also`: a mapping with `code` and `text`.
    mutating func parseAlso(_ node: Node) -> AdditionalDiagnosis? {
        guard
            let (code, text, at) = parseCoded(
                node, key: "text", context: "also", notAMapping: "'also' must be a mapping with 'code' and 'text', or a list of them",
                missing: { "'also' is missing '\($0)'" })
        else { return nil }
        return AdditionalDiagnosis(code: code, text: text, location: at)
    }

    /// A diagnosis' trap: a mapping with `code` and `when`.
    mutating func parseTrap(_ node: Node) -> DiagnosisTrap? {
        guard
            let (code, when, at) = parseCoded(
                node, key: "when", context: "trap", notAMapping: "each trap must be a mapping with 'code' and 'when'",
                missing: {
                    $0 == "when" ? "trap is missing 'when': what the note would have to say for this code" : "trap is missing '\($0)'"
                })
        else { return nil }
        return DiagnosisTrap(code: code, when: when, location: at)
    }

    /// A mapping of exactly `code` and one text `key` (a diagnosis' `also` or trap): both values and
    /// where the code is written, or `nil` after reporting what is wrong.
    private mutating func parseCoded(
        _ node: Node, key textKey: String, context: String, notAMapping: String, missing: (String) -> String
    ) -> (code: String, text: String, location: SourceLocation)? {
        guard let mapping = node.mapping else {
            error(at: node, notAMapping)
            return nil
        }
        checkKeys(mapping, allowed: ["code", textKey], context: context)
        let prefix = context == "trap" ? "traps" : context
        var code: String?
        var text: String?
        var codeNode: Node?
        for (key, value) in mapping {
            switch key.string {
            case "code":
                code = string(value, key: "\(prefix).code")
                codeNode = value
            case textKey: text = string(value, key: "\(prefix).\(textKey)")
            default: break
            }
        }
        for name in ["code", textKey] where mapping[name] == nil { error(at: node, missing(name)) }
        guard let code, let text, let codeNode else { return nil }
        return (code, text, location(codeNode))
    }

    // MARK: Format v2

    /// The anesthesia and HCPCS drug keys (`base_units`, `minutes`, `physical_status`, `unit`, `dose`),
    /// each only where it means something, and the service settings' anesthesia.
    mutating func parseService(
        _ values: [String: (key: Node, value: Node)], section: [String], system: CodeSystem, settings: [CareSetting],
        anesthesia: [AnesthesiaType]
    ) -> ServiceFacts {
        var facts = ServiceFacts()
        let isAnesthesia = section.first?.lowercased() == "anesthesia"
        for name in ["base_units", "minutes", "physical_status"] where !isAnesthesia {
            if let entry = values[name] {
                error(at: entry.key, "'\(name)' belongs only in an Anesthesia file (section starting 'Anesthesia/')")
            }
        }
        for name in ["unit", "dose"] where system != .hcpcs {
            if let entry = values[name] { error(at: entry.key, "'\(name)' belongs only in a HCPCS file (system: HCPCS)") }
        }
        if isAnesthesia, let entry = values["base_units"] {
            if let text = string(entry.value, key: "base_units"), let units = Int(text), (1...30).contains(units) {
                facts.baseUnits = units
            } else {
                error(at: entry.value, "'base_units' must be a whole number from 1 to 30")
            }
        }
        if isAnesthesia, let entry = values["minutes"], let text = string(entry.value, key: "minutes") {
            let parts = text.split(separator: "-").map { Int($0.trimmed) }
            if parts.count == 2, let lo = parts[0], let hi = parts[1], lo >= 1, lo <= hi, hi <= 1_440 {
                facts.minutes = lo...hi
            } else {
                error(at: entry.value, "'minutes' '\(Excerpt.of(text))' must be a range like 45-120")
            }
        }
        if isAnesthesia, let entry = values["physical_status"] {
            var classes: [Int] = []
            for text in stringList(entry.value, key: "physical_status") {
                let upper = text.uppercased()
                if upper.count == 2, upper.hasPrefix("P"), let n = Int(upper.dropFirst()), (1...6).contains(n) {
                    if !classes.contains(n) { classes.append(n) }
                } else {
                    error(at: entry.value, "physical status '\(Excerpt.of(text))' must be one of P1, P2, P3, P4, P5, P6")
                }
            }
            if !classes.isEmpty { facts.physicalStatus = classes }
        }
        if system == .hcpcs {
            if let entry = values["unit"], let text = string(entry.value, key: "unit") {
                if let amount = DrugAmount(parsing: text) {
                    facts.unit = amount
                } else {
                    error(at: entry.value, "'unit' '\(Excerpt.of(text))' must be a number above zero and a unit word, like '15 mg'")
                }
            }
            if let entry = values["dose"] {
                for text in stringList(entry.value, key: "dose") {
                    guard let amount = DrugAmount(parsing: text) else {
                        error(at: entry.value, "dose '\(Excerpt.of(text))' must be a number above zero and a unit word, like '30 mg'")
                        continue
                    }
                    if let unit = facts.unit, unit.word != amount.word {
                        error(at: entry.value, "dose '\(Excerpt.of(text))' is in '\(amount.word)' but 'unit' is in '\(unit.word)'")
                        continue
                    }
                    facts.doses.append(amount)
                }
            }
            if values["unit"] != nil, values["dose"] == nil {
                error(1, 1, "'unit' needs 'dose': the doses a scenario may document as given")
            }
            if let entry = values["dose"], values["unit"] == nil {
                error(at: entry.key, "'dose' needs 'unit': the amount one unit of the code covers")
            }
        }
        if let entry = values["units"] { facts.counted = parseCountedUnits(entry, system: system, drug: values["unit"] != nil) }
        let serviceSettings: [CareSetting] = [.imagingDepartment, .laboratory, .laborAndDelivery, .infusionCenter]
        if let entry = values["setting"], !anesthesia.isEmpty {
            for place in settings where serviceSettings.contains(place) && !anesthesia.contains(where: { $0.fits(place) }) {
                let allowed = AnesthesiaType.allCases.filter { $0.fits(place) }.map(\.rawValue).joined(separator: ", ")
                let at = location(entry.value)
                warning(at.line, at.column, "setting '\(place.rawValue)' has no fitting anesthesia listed; there it is one of \(allowed)")
            }
        }
        return facts
    }

    /// One scalar or a list of scalars (`setting: office` or `setting: [office, emergency-department]`).
    mutating func stringList(_ node: Node, key: String) -> [String] {
        if let sequence = node.sequence {
            var result: [String] = []
            for item in sequence { if let s = string(item, key: key) { result.append(s) } }
            if result.isEmpty, sequence.isEmpty { error(at: node, "'\(key)' is an empty list") }
            return result
        }
        return string(node, key: key).map { [$0] } ?? []
    }

    /// One or a list of values of a fixed vocabulary; an unknown value is an error naming the allowed ones.
    mutating func enumList<T: RawRepresentable & CaseIterable>(_ node: Node, key: String) -> [T] where T.RawValue == String {
        var result: [T] = []
        let nodes = node.sequence.map(Array.init) ?? [node]
        for item in nodes {
            guard let text = string(item, key: key) else { continue }
            if let value = T(rawValue: text.lowercased()) {
                result.append(value)
            } else {
                let allowed = T.allCases.map(\.rawValue)
                var message = "unknown \(key) '\(text)'; expected one of \(allowed.joined(separator: ", "))"
                if let suggestion = Suggestion.closest(to: text, in: allowed) { message += " (did you mean '\(suggestion)'?)" }
                error(at: item, message)
            }
        }
        if node.sequence?.isEmpty == true { error(at: node, "'\(key)' is an empty list") }
        return result
    }

    /// `units` (`count`, `per`): a CPT or HCPCS code that is not a drug, reported once per counted
    /// thing, with the count its notes document (2 to 999).
    mutating func parseCountedUnits(_ entry: (key: Node, value: Node), system: CodeSystem, drug: Bool) -> CountedUnits? {
        guard system != .icd10pcs, !drug else {
            error(
                at: entry.key,
                drug
                    ? "'units' is for codes that are not drugs; a drug's units come from 'unit' and 'dose'"
                    : "'units' belongs in a CPT or HCPCS file")
            return nil
        }
        guard let mapping = entry.value.mapping else {
            error(at: entry.value, "'units' must be a mapping with 'count' and 'per'")
            return nil
        }
        checkKeys(mapping, allowed: ["count", "per"], context: "units")
        let count = field(mapping, "count", in: entry.value, noun: "'units'", required: true)
        let per = field(mapping, "per", in: entry.value, noun: "'units'", required: true)
        guard let count, let per else { return nil }
        guard let number = Int(count), (2...999).contains(number) else {
            error(at: mapping["count"]!, "'units' count '\(Excerpt.of(count))' must be a whole number from 2 to 999")
            return nil
        }
        return CountedUnits(count: number, per: per.lowercased())
    }

    /// The entries of a v2 list of mappings, with unknown keys warned about.
    mutating func mappings(_ node: Node, key: String, allowed: [String], noun: String) -> [(Node, Node.Mapping)] {
        guard let sequence = node.sequence else {
            error(at: node, "'\(key)' must be a list of entries with \(allowed.prefix(2).map { "'\($0)'" }.joined(separator: " and "))")
            return []
        }
        var result: [(Node, Node.Mapping)] = []
        for item in sequence {
            guard let mapping = item.mapping else {
                error(at: item, "each \(noun) must be a mapping of 'key: value' lines")
                continue
            }
            checkKeys(mapping, allowed: allowed, context: noun)
            result.append((item, mapping))
        }
        return result
    }

    /// The value of `name` in `mapping` as a string, an error when `required` and missing.
    mutating func field(_ mapping: Node.Mapping, _ name: String, in item: Node, noun: String, required: Bool) -> String? {
        guard let value = mapping[name] else {
            if required { error(at: item, "\(noun) is missing '\(name)'") }
            return nil
        }
        return string(value, key: name)
    }

    /// A CPT or HCPCS code named in a relation: the shape of either system.
    mutating func relationCode(_ mapping: Node.Mapping, in item: Node, noun: String) -> String? {
        guard let code = field(mapping, "code", in: item, noun: noun, required: false) else { return nil }
        let upper = code.uppercased()
        if CodeShape.problem(code: upper, system: .cpt) != nil, CodeShape.problem(code: upper, system: .hcpcs) != nil,
            let node = mapping["code"]
        {
            error(
                at: node,
                "code '\(code)' in \(noun) should be a CPT code (five digits, or four digits and F, T or U) or a HCPCS code (a letter and four digits)"
            )
            return nil
        }
        return upper
    }

    mutating func parseAdditions(_ node: Node, stepCount: Int) -> [Addition] {
        var result: [Addition] = []
        for (item, mapping) in mappings(node, key: "in_addition", allowed: ProcedureParser.additionKeys, noun: "'in_addition' entry") {
            let noun = "'in_addition' entry"
            let code = relationCode(mapping, in: item, noun: noun)
            if mapping["code"] == nil { error(at: item, "\(noun) is missing 'code'") }
            let when = field(mapping, "when", in: item, noun: noun, required: true)
            var type: AdditionType?
            if let value = mapping["type"] {
                type = (enumList(value, key: "type") as [AdditionType]).first
            } else {
                error(at: item, "\(noun) is missing 'type' (add-on or together)")
            }
            let modifier = mapping["modifier"].flatMap { modifierValue($0) }
            let describe = field(mapping, "describe", in: item, noun: noun, required: false)
            let note = field(mapping, "note", in: item, noun: noun, required: false)
            let (step, after) = notePlacement(mapping, hasNote: note != nil, stepCount: stepCount, noun: noun)
            // The PROCEDURE and SPECIMENS wording of the extra service is used only where its note is told.
            let procedure = field(mapping, "procedure", in: item, noun: noun, required: false)
            let specimen = field(mapping, "specimen", in: item, noun: noun, required: false)
            for key in ["procedure", "specimen"] {
                if let node = mapping[key], note == nil {
                    error(at: node, "\(noun) has '\(key)' but no 'note': it is used only where the note is told")
                }
            }
            let diagnoses = mapping["diagnosis"].map { parseAddedDiagnoses($0, addition: code ?? "") } ?? []
            // The add-on's units where its note is told (17003 × 4 for four further keratoses).
            var units = 1
            if let node = mapping["units"], let text = string(node, key: "units") {
                if let n = Int(text), (2...99).contains(n) {
                    units = n
                } else {
                    error(at: node, "\(noun) 'units' must be a whole number from 2 to 99 (leave it out for one unit)")
                }
                if note == nil { error(at: node, "\(noun) has 'units' but no 'note': they count what the note documents") }
            }
            // `side: same`: the code is done on the main code's side and carries its side modifier.
            var sameSide = false
            if let node = mapping["side"], let text = string(node, key: "side") {
                if text == "same" {
                    sameSide = true
                } else {
                    error(
                        at: node, "\(noun) 'side' must be 'same' (the code carries the main code's side modifier); leave it out otherwise")
                }
                if modifier != nil { error(at: node, "\(noun) has both 'side' and 'modifier': give one") }
            }
            // `always: true`: every report of this code documents it (a vaccine and its administration).
            var always = false
            if let node = mapping["always"], let text = string(node, key: "always") {
                switch text {
                case "true": always = true
                case "false": break
                default: error(at: node, "\(noun) 'always' must be true or false")
                }
                if always, note == nil { error(at: node, "\(noun) has 'always' but no 'note': the note is what every report tells") }
            }
            if let code, let when, let type, let codeNode = mapping["code"] {
                result.append(
                    Addition(
                        code: code, when: when, type: type, modifier: modifier, describe: describe, note: note, replacesStep: step,
                        afterStep: after, procedure: procedure, specimen: specimen, diagnoses: diagnoses, units: units,
                        sameSide: sameSide, always: always, location: location(codeNode)))
            }
        }
        return result
    }

    /// An `in_addition` entry's `diagnosis`: one mapping (`code`, `text`, optional `side` and
    /// `preop`), or a list of them with one entry per side; a sided list needs a right and a left entry.
    mutating func parseAddedDiagnoses(_ node: Node, addition: String) -> [AddedDiagnosis] {
        let noun = "'diagnosis' of 'in_addition' \(addition)"
        var items = [node]
        if let sequence = node.sequence { items = Array(sequence) }
        var result: [AddedDiagnosis] = []
        var seen: Set<String> = []
        for item in items {
            guard let mapping = item.mapping else {
                error(at: item, "\(noun) must be a mapping with 'code' and 'text', or a list of them (one per side)")
                continue
            }
            checkKeys(mapping, allowed: ProcedureParser.addedDiagnosisKeys, context: "in_addition diagnosis")
            let code = field(mapping, "code", in: item, noun: noun, required: true)
            let text = field(mapping, "text", in: item, noun: noun, required: true)
            let preop = field(mapping, "preop", in: item, noun: noun, required: false)
            var side: Side?
            if let value = mapping["side"], let s = string(value, key: "side") {
                side = Side(rawValue: s.lowercased())
                if side == nil { error(at: value, "\(noun): side '\(Excerpt.of(s))' must be right, left or bilateral") }
            }
            if !seen.insert(side?.rawValue ?? "unsided").inserted {
                error(at: item, "\(noun) lists two entries for \(side.map { "the \($0.rawValue) side" } ?? "no side")")
            }
            if let code, let text, let codeNode = mapping["code"] {
                result.append(AddedDiagnosis(code: code, side: side, text: text, preop: preop, location: location(codeNode)))
            }
        }
        // A report is on one side: a sided diagnosis needs its counterpart, or that side's report has none.
        let sides = Set(result.compactMap(\.side))
        if sides.contains(.right) != sides.contains(.left) {
            let missing = sides.contains(.right) ? "left" : "right"
            error(at: node, "\(noun) has no \(missing) entry: a \(missing)-side report would list no diagnosis for it")
        }
        return result
    }

    mutating func parseInclusions(_ node: Node, stepCount: Int) -> [Inclusion] {
        var result: [Inclusion] = []
        for (item, mapping) in mappings(node, key: "included", allowed: ProcedureParser.inclusionKeys, noun: "'included' entry") {
            let noun = "'included' entry"
            let service = field(mapping, "service", in: item, noun: noun, required: true)
            let code = relationCode(mapping, in: item, noun: noun)
            var reason: InclusionReason?
            if let value = mapping["reason"] {
                reason = (enumList(value, key: "reason") as [InclusionReason]).first
            } else {
                error(at: item, "\(noun) is missing 'reason' (descriptor, surgical-package, endoscopy, separate-procedure or ncci)")
            }
            let why = field(mapping, "why", in: item, noun: noun, required: false)
            let step = mapping["step"].flatMap { stepNumber($0, stepCount: stepCount) }
            if let service, let reason {
                result.append(Inclusion(service: service, code: code, reason: reason, why: why, step: step, location: location(item)))
            }
        }
        return result
    }

    /// A modifier value: two letters or digits, upper-cased; an error otherwise.
    mutating func modifierValue(_ node: Node) -> String? {
        guard let text = string(node, key: "modifier") else { return nil }
        let upper = text.uppercased()
        guard upper.count == 2, upper.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) else {
            error(at: node, "modifier '\(text)' should be two letters or digits, such as RT, 50 or XS")
            return nil
        }
        return upper
    }

    /// A 1-based step number of this file, or `nil` with an error.
    mutating func stepNumber(_ value: Node, stepCount: Int, key: String = "step") -> Int? {
        guard let text = string(value, key: key) else { return nil }
        if let number = Int(text), number >= 1, number <= stepCount { return number }
        error(at: value, "'\(key)' \(text) is not a step of this file (1 to \(stepCount))")
        return nil
    }

    mutating func parseModifiers(_ node: Node, stepCount: Int) -> [ModifierUse] {
        var result: [ModifierUse] = []
        var seen: Set<String> = []
        for (item, mapping) in mappings(node, key: "modifiers", allowed: ProcedureParser.modifierKeys, noun: "'modifiers' entry") {
            let noun = "'modifiers' entry"
            var modifier: String?
            if let value = mapping["modifier"] { modifier = modifierValue(value) } else { error(at: item, "\(noun) is missing 'modifier'") }
            let when = field(mapping, "when", in: item, noun: noun, required: true)
            let note = field(mapping, "note", in: item, noun: noun, required: false)
            let (step, after) = notePlacement(mapping, hasNote: note != nil, stepCount: stepCount, noun: noun)
            if let modifier, let when, let node = mapping["modifier"] {
                if !seen.insert(modifier).inserted { error(at: node, "modifier \(modifier) is listed twice") }
                result.append(
                    ModifierUse(modifier: modifier, when: when, note: note, replacesStep: step, afterStep: after, location: location(node)))
            }
        }
        return result
    }

    /// Where an entry's `note` is told: `step` (the step it replaces) or `after` (the step it follows),
    /// each an existing step; both at once, or either without a `note`, is an error.
    mutating func notePlacement(_ mapping: Node.Mapping, hasNote: Bool, stepCount: Int, noun: String) -> (step: Int?, after: Int?) {
        let step = mapping["step"].flatMap { stepNumber($0, stepCount: stepCount) }
        let after = mapping["after"].flatMap { stepNumber($0, stepCount: stepCount, key: "after") }
        if let node = mapping["after"], mapping["step"] != nil {
            error(at: node, "\(noun) has both 'step' and 'after': its note either replaces a step or follows one")
            return (step, nil)
        }
        for key in ["step", "after"] {
            if let node = mapping[key], !hasNote { error(at: node, "\(noun) has '\(key)' but no 'note' to place") }
        }
        return (step, after)
    }

    mutating func parseReport(_ node: Node, stepCount: Int) -> ReportWording? {
        guard let mapping = node.mapping else {
            error(at: node, "'report' must be a mapping with 'procedure' and optionally 'specimen'")
            return nil
        }
        checkKeys(mapping, allowed: ProcedureParser.reportKeys, context: "report")
        guard let procedureNode = mapping["procedure"] else {
            error(at: node, "'report' is missing 'procedure'")
            return nil
        }
        let lines = stringList(procedureNode, key: "procedure")
        let specimen = mapping["specimen"].flatMap { string($0, key: "specimen") }
        var told: [Int] = []
        if let value = mapping["told"] {
            if let sequence = value.sequence {
                for item in sequence {
                    guard let number = stepNumber(item, stepCount: stepCount, key: "told") else { continue }
                    if told.contains(number) { error(at: item, "step \(number) is listed twice in 'told'") } else { told.append(number) }
                }
            } else if let number = stepNumber(value, stepCount: stepCount, key: "told") {
                told = [number]
            }
        }
        return lines.isEmpty ? nil : ReportWording(procedure: lines, specimen: specimen, told: told.sorted())
    }

    // MARK: Markdown body

    struct Item {
        var text: String
        var line: Int
        var column: Int
    }

    struct BodySections {
        var summary: [String] = []
        var indications: [Item] = []
        var steps: [Step] = []
        var notes: [Item] = []
        var headingLines: [String: Int] = [:]
        var unknownHeadings: [(Int, String)] = []
    }

    mutating func parseBody(lines: [String], firstLine: Int) -> BodySections {
        var result = BodySections()
        var current = "summary"
        var paragraph: [String] = []
        var items: [Item] = []

        func flushParagraph() {
            if !paragraph.isEmpty { result.summary.append(paragraph.joined(separator: " ")) }
            paragraph = []
        }
        func flushItems(_ result: inout BodySections, _ parser: inout FileParser) {
            switch current {
            case "Indications": result.indications.append(contentsOf: items)
            case "Notes": result.notes.append(contentsOf: items)
            case "Steps":
                for item in items {
                    var text = item.text
                    var isKey = false
                    if text.hasPrefix("**"), text.hasSuffix("**"), text.count > 4 {
                        text = String(text.dropFirst(2).dropLast(2)).trimmed
                        isKey = true
                    }
                    result.steps.append(Step(text: text, isKey: isKey, location: SourceLocation(line: item.line, column: item.column)))
                }
            default: break
            }
            items = []
        }

        let startIndex = firstLine - 1
        guard startIndex < lines.count else { return result }
        for index in startIndex..<lines.count {
            let raw = lines[index]
            let lineNumber = index + 1
            let trimmed = raw.trimmed
            if trimmed.hasPrefix("#") {
                let level = trimmed.prefix { $0 == "#" }.count
                let name = trimmed.dropFirst(level).trimmed
                if level == 1 && current == "summary" { continue }  // an optional title heading
                if current == "summary" { flushParagraph() } else { flushItems(&result, &self) }
                if ProcedureParser.sectionNames.contains(name) {
                    current = name
                    if result.headingLines[name] == nil { result.headingLines[name] = lineNumber }
                } else {
                    current = "unknown"
                    result.unknownHeadings.append((lineNumber, name))
                }
                continue
            }
            if current == "summary" {
                if trimmed.isEmpty { flushParagraph() } else { paragraph.append(trimmed) }
                continue
            }
            if trimmed.isEmpty { continue }
            let indent = raw.prefix { $0 == " " || $0 == "\t" }.count
            if let (text, offset) = listItem(trimmed) {
                items.append(Item(text: text, line: lineNumber, column: indent + offset + 1))
            } else if !items.isEmpty {
                items[items.count - 1].text += " " + trimmed  // a wrapped continuation line
            } else if current != "unknown" {
                let expected = current == "Steps" ? "a numbered step like '1. …'" : "a bullet like '- …'"
                warning(lineNumber, indent + 1, "text in '## \(current)' is not \(expected); it is ignored")
            }
        }
        if current == "summary" { flushParagraph() } else { flushItems(&result, &self) }
        return result
    }

    /// The item text and its column offset when `line` is a list item (`- x`, `* x`, `1. x`, `1) x`).
    func listItem(_ line: String) -> (String, Int)? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") {
            return (line.dropFirst(2).trimmed, 2)
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") {
                return (rest.dropFirst(2).trimmed, digits.count + 2)
            }
        }
        return nil
    }
}
