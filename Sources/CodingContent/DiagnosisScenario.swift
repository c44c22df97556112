import Determinism
import Foundation
import SourceText
import Yams

/// Inpatient or outpatient: the sequencing rules differ (principal vs first-listed diagnosis, and
/// uncertain diagnoses are coded as if confirmed only for inpatients).
public enum DiagnosisSetting: String, Sendable, Hashable, Codable, CaseIterable {
    /// A clinic, emergency department, observation or other outpatient encounter.
    case outpatient
    /// An inpatient admission (the discharge summary is coded).
    case inpatient
}

/// One ICD-10-CM code sequence written in a scenario file, with where it is written.
public struct CodeSequence: Sendable, Hashable, Codable {
    /// The codes in reporting order, dotted (`E11.22`).
    public var codes: [String]
    /// Where the list is written.
    public var location: SourceLocation
    /// Where each code is written (the list's location when not known).
    public var codeLocations: [SourceLocation]

    /// Creates a sequence.
    public init(codes: [String], location: SourceLocation, codeLocations: [SourceLocation] = []) {
        self.codes = codes
        self.location = location
        self.codeLocations = codeLocations.count == codes.count ? codeLocations : codes.map { _ in location }
    }

    /// The codes as one option text: `E11.22, N18.31`.
    public var text: String { codes.joined(separator: ", ") }

    /// The normalised codes (no dots, upper-case), for comparing sequences.
    public var normalized: [String] { codes.map(ICD10.normalize) }
}

/// An authored wrong answer: a full code sequence one decision away from the key, and why it fails.
public struct WrongSequence: Sendable, Hashable, Codable {
    /// The codes.
    public var sequence: CodeSequence
    /// Clause saying why a coder who reports it is wrong, in the author's words.
    public var why: String

    /// Creates a wrong answer.
    public init(sequence: CodeSequence, why: String) {
        self.sequence = sequence
        self.why = why
    }
}

/// One ICD-10-CM diagnosis-coding scenario (`Content/icd-10-cm/<chapter>/<id>.md`): a note as a
/// coder meets it, the codes to report in sequence, authored wrong sequences and the guideline.
public struct DiagnosisScenario: Sendable, Hashable, Codable {
    /// Stable id (`dm2-ckd-3a`): the item id is `icd:<id>/diagnosis-sequence`.
    public var id: String
    /// Short title in the author's words (never shown in the stem).
    public var title: String
    /// The ICD-10-CM chapter, as in `DiagnosisScenario.chapters`.
    public var chapter: String
    /// Outpatient or inpatient.
    public var setting: DiagnosisSetting
    /// The right codes in reporting sequence.
    public var codes: CodeSequence
    /// At least three wrong sequences.
    public var wrong: [WrongSequence]
    /// What in this note decides the codes, as a clause.
    public var decides: String
    /// The Official Guidelines section (`I.C.4.a.2`).
    public var guidelineSection: String
    /// The guideline in the author's words.
    public var guidelineRule: String
    /// The Alphabetic Index path a coder follows (`Diabetes, type 2, with, chronic kidney disease`).
    public var indexPath: String
    /// Exam-topic tags.
    public var tags: [String]
    /// The documentation, as written below the front matter (line breaks kept).
    public var note: String
    /// Where the note starts (file line).
    public var noteLine: Int
    /// Teaching bullets of `## Notes`.
    public var notes: [String]
    /// The file's path as displayed in diagnostics.
    public var path: String
    /// Where the `id` value is written.
    public var idLocation: SourceLocation
    /// A hash of the file's bytes, to notice edits.
    public var contentHash: String

    /// The item-id prefix (`icd:dm2-ckd-3a`).
    public var itemPrefix: String { "\(CodeSystem.icd10cm.itemPrefix):\(id)" }

    /// The folder the file sits in (`endocrine`), used as the scenario's family; `nil` at the top.
    public var folder: String? {
        let parts = path.split(separator: "/")
        return parts.count >= 2 ? String(parts[parts.count - 2]) : nil
    }

    /// The ICD-10-CM chapters a scenario may name, in Tabular order.
    public static let chapters = [
        "Certain infectious and parasitic diseases (A00-B99)",
        "Neoplasms (C00-D49)",
        "Diseases of the blood and blood-forming organs and certain disorders involving the immune mechanism (D50-D89)",
        "Endocrine, nutritional and metabolic diseases (E00-E89)",
        "Mental, behavioral and neurodevelopmental disorders (F01-F99)",
        "Diseases of the nervous system (G00-G99)",
        "Diseases of the eye and adnexa (H00-H59)",
        "Diseases of the ear and mastoid process (H60-H95)",
        "Diseases of the circulatory system (I00-I99)",
        "Diseases of the respiratory system (J00-J99)",
        "Diseases of the digestive system (K00-K95)",
        "Diseases of the skin and subcutaneous tissue (L00-L99)",
        "Diseases of the musculoskeletal system and connective tissue (M00-M99)",
        "Diseases of the genitourinary system (N00-N99)",
        "Pregnancy, childbirth and the puerperium (O00-O9A)",
        "Certain conditions originating in the perinatal period (P00-P96)",
        "Congenital malformations, deformations and chromosomal abnormalities (Q00-Q99)",
        "Symptoms, signs and abnormal clinical and laboratory findings, not elsewhere classified (R00-R99)",
        "Injury, poisoning and certain other consequences of external causes (S00-T88)",
        "External causes of morbidity (V00-Y99)",
        "Factors influencing health status and contact with health services (Z00-Z99)",
        "Codes for special purposes (U00-U85)",
    ]
}

extension DiagnosisScenario {
    /// The chapter (an entry of `chapters`) that holds an ICD-10-CM code, or `nil` for a code of no
    /// chapter's shape. Scenarios are filed under the chapter of their first code.
    public static func chapter(of code: String) -> String? {
        let plain = ICD10.normalize(code)
        guard let letter = plain.first, plain.count >= 3 else { return nil }
        // D3A and O9A have a letter in third place: both sit below their chapter's upper bound.
        let number = Int(plain.dropFirst().prefix(2)) ?? 0
        let index: Int? =
            switch letter {
            case "A", "B": 0
            case "C": 1
            case "D": number <= 49 ? 1 : 2
            case "E": 3
            case "F": 4
            case "G": 5
            case "H": number <= 59 ? 6 : 7
            case "I": 8
            case "J": 9
            case "K": 10
            case "L": 11
            case "M": 12
            case "N": 13
            case "O": 14
            case "P": 15
            case "Q": 16
            case "R": 17
            case "S", "T": 18
            case "V", "W", "X", "Y": 19
            case "Z": 20
            case "U": 21
            default: nil
            }
        return index.map { chapters[$0] }
    }
}

/// Reads diagnosis-scenario files, collecting every problem as a `Diagnostic`.
public enum DiagnosisScenarioParser {
    /// The front-matter keys of a scenario file.
    public static let keys = [
        "format", "system", "id", "title", "chapter", "setting", "codes", "wrong", "decides", "guideline", "index", "tags",
    ]
    static let wrongKeys = ["codes", "why"]
    static let guidelineKeys = ["section", "rule"]

    /// Whether `text` is a diagnosis-scenario file: its front matter says `system: ICD-10-CM`.
    public static func isScenario(text: String) -> Bool {
        let lines = (text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text).lines
        guard lines.first?.trimmed == "---" else { return false }
        for line in lines.dropFirst() {
            let t = line.trimmed
            if t == "---" { return false }
            guard t.hasPrefix("system:") else { continue }
            var value = t.dropFirst("system:".count).trimmed
            if let hash = value.firstIndex(of: "#") { value = String(value[..<hash]).trimmed }
            return value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) == CodeSystem.icd10cm.rawValue
        }
        return false
    }

    /// Parses file text. Returns the scenario when it has no errors, and all diagnostics.
    public static func parse(text: String, path: String, hash: String = "") -> (scenario: DiagnosisScenario?, diagnostics: [Diagnostic]) {
        var parser = ScenarioFileParser(path: path)
        let scenario = parser.run(text: text, hash: hash.isEmpty ? Fingerprint.hex(of: Data(text.utf8)) : hash)
        return (parser.sink.hasError ? nil : scenario, parser.sink.diagnostics)
    }

    /// Tokens of `text` shaped like an ICD-10-CM code (`E11`, `E11.22`, `S52.501A`), with their
    /// character offsets: the linter keeps those that are real codes.
    public static func codeLikeTokens(in text: String) -> [(token: String, offset: Int)] {
        var result: [(String, Int)] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let startsWord = i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == ".")
            if startsWord, c.isASCII, c.isUppercase, i + 2 < chars.count, chars[i + 1].isASCII, chars[i + 1].isNumber,
                chars[i + 2].isASCII, chars[i + 2].isNumber || chars[i + 2].isUppercase
            {
                var j = i + 3
                var token = String(chars[i..<j])
                if j + 1 < chars.count, chars[j] == ".", chars[j + 1].isASCII, chars[j + 1].isNumber || chars[j + 1].isUppercase {
                    j += 1
                    while j < chars.count, chars[j].isASCII, chars[j].isNumber || chars[j].isUppercase { j += 1 }
                    token = String(chars[i..<j])
                }
                let endsWord = j == chars.count || !(chars[j].isLetter || chars[j].isNumber)
                if endsWord { result.append((token, i)) }
                i = j
                continue
            }
            i += 1
        }
        return result
    }
}

/// The state of parsing one scenario file.
private struct ScenarioFileParser {
    var sink: DiagnosticSink
    let path: String
    var yamlFirstLine = 2

    init(path: String) {
        self.path = path
        sink = DiagnosticSink(path: path)
    }

    func location(_ node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(line: yamlFirstLine - 1, column: 1) }
        return SourceLocation(line: mark.line + yamlFirstLine - 1, column: mark.column)
    }

    mutating func error(_ node: Node, _ message: String) { sink.error(location(node), message) }

    mutating func string(_ node: Node, key: String) -> String? {
        guard let scalar = node.scalar else {
            error(node, "'\(key)' must be a single value, not a list or mapping")
            return nil
        }
        let value = scalar.string.trimmed
        if value.isEmpty || ["~", "null", "Null", "NULL"].contains(value) {
            error(node, "'\(key)' is empty")
            return nil
        }
        return value
    }

    mutating func checkKeys(_ mapping: Node.Mapping, allowed: [String], context: String) {
        for (key, _) in mapping {
            let name = key.string ?? ""
            guard !allowed.contains(name) else { continue }
            var message = "unknown \(context) key '\(Excerpt.of(name))'"
            if let suggestion = Suggestion.closest(to: name, in: allowed) { message += "; did you mean '\(suggestion)'?" }
            sink.warning(location(key), message)
        }
    }

    /// A list of codes (`[E11.22, N18.31]`); each checked for shape.
    mutating func sequence(_ node: Node, key: String) -> CodeSequence? {
        guard let items = node.sequence, !items.isEmpty else {
            error(node, "'\(key)' must be a non-empty list of ICD-10-CM codes, such as [E11.22, N18.31]")
            return nil
        }
        var codes: [String] = []
        var ok = true
        for item in items {
            guard let code = string(item, key: key) else {
                ok = false
                continue
            }
            if let problem = CodeShape.problem(code: code, system: .icd10cm) {
                error(item, problem)
                ok = false
                continue
            }
            codes.append(code.uppercased())
        }
        if ok {
            var seen: Set<String> = []
            for (item, code) in zip(items, codes) where !seen.insert(ICD10.normalize(code)).inserted {
                error(item, "code \(code) is listed twice in one sequence")
                ok = false
            }
        }
        return ok ? CodeSequence(codes: codes, location: location(node), codeLocations: items.map(location)) : nil
    }

    mutating func run(text: String, hash: String) -> DiagnosisScenario? {
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        let lines = body.lines
        guard lines.first?.trimmed == "---" else {
            sink.error(SourceLocation(line: 1, column: 1), "missing front matter: the file must start with a '---' line")
            return nil
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmed == "---" }) else {
            sink.error(SourceLocation(line: 1, column: 1), "front matter is not closed: add a '---' line after it")
            return nil
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let root: Node
        do {
            guard let node = try YAMLDocument.compose(yaml) else {
                sink.error(SourceLocation(line: 1, column: 1), "front matter is empty")
                return nil
            }
            root = node
        } catch let yamlError as YamlError {
            var line = yamlFirstLine
            var column = 1
            switch yamlError {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
                line = mark.line + yamlFirstLine - 1
                column = mark.column
            default: break
            }
            sink.error(SourceLocation(line: line, column: column), "invalid YAML front matter: \(yamlError)")
            return nil
        } catch {
            sink.error(SourceLocation(line: 2, column: 1), "invalid YAML front matter: \(error)")
            return nil
        }
        guard let mapping = root.mapping else {
            error(root, "front matter must be a mapping of 'key: value' lines")
            return nil
        }
        checkKeys(mapping, allowed: DiagnosisScenarioParser.keys, context: "front-matter")
        var values: [String: Node] = [:]
        for (key, value) in mapping { if let name = key.string { values[name] = value } }
        func required(_ name: String, _ parser: inout ScenarioFileParser) -> Node? {
            guard let node = values[name] else {
                parser.sink.error(SourceLocation(line: 1, column: 1), "missing required key '\(name)'")
                return nil
            }
            return node
        }

        if let node = required("format", &self), let value = string(node, key: "format"), value != "2" {
            error(node, "a diagnosis scenario is format 2, not '\(Excerpt.of(value))'")
        }
        if let node = required("system", &self), let value = string(node, key: "system"), value != CodeSystem.icd10cm.rawValue {
            error(node, "a diagnosis scenario's system is ICD-10-CM")
        }
        var id = ""
        var idLocation = SourceLocation(line: 1, column: 1)
        if let node = required("id", &self), let value = string(node, key: "id") {
            idLocation = location(node)
            let allowed = value.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            if allowed, !value.hasPrefix("-"), !value.hasSuffix("-") {
                id = value
            } else {
                error(node, "'id' must be lower-case letters, digits and hyphens (it names the item: icd:<id>/diagnosis-sequence)")
            }
        }
        let title = required("title", &self).flatMap { string($0, key: "title") } ?? ""
        var chapter = ""
        if let node = required("chapter", &self), let value = string(node, key: "chapter") {
            if DiagnosisScenario.chapters.contains(value) {
                chapter = value
            } else {
                var message = "'chapter' must be an ICD-10-CM chapter title with its range, such as '\(DiagnosisScenario.chapters[3])'"
                if let s = Suggestion.closest(to: value, in: DiagnosisScenario.chapters) { message += "; did you mean '\(s)'?" }
                error(node, message)
            }
        }
        var setting = DiagnosisSetting.outpatient
        if let node = required("setting", &self), let value = string(node, key: "setting") {
            if let s = DiagnosisSetting(rawValue: value) {
                setting = s
            } else {
                error(node, "'setting' must be outpatient or inpatient, not '\(Excerpt.of(value))'")
            }
        }
        let codes = required("codes", &self).flatMap { sequence($0, key: "codes") }
        var wrong: [WrongSequence] = []
        if let node = required("wrong", &self) {
            if let items = node.sequence {
                for item in items {
                    guard let m = item.mapping else {
                        error(item, "each 'wrong' entry must be a mapping with 'codes' and 'why'")
                        continue
                    }
                    checkKeys(m, allowed: DiagnosisScenarioParser.wrongKeys, context: "'wrong'")
                    guard let codesNode = m["codes"] else {
                        error(item, "a 'wrong' entry needs 'codes'")
                        continue
                    }
                    guard let whyNode = m["why"] else {
                        error(item, "a 'wrong' entry needs 'why' (why a coder who reports it is wrong)")
                        continue
                    }
                    guard let sequence = sequence(codesNode, key: "codes"), let why = string(whyNode, key: "why") else { continue }
                    if let codes, sequence.normalized == codes.normalized {
                        error(codesNode, "this wrong sequence is the same as 'codes'")
                    } else if let earlier = wrong.first(where: { $0.sequence.normalized == sequence.normalized }) {
                        error(codesNode, "this wrong sequence repeats the one on line \(earlier.sequence.location.line)")
                    } else {
                        wrong.append(WrongSequence(sequence: sequence, why: why))
                    }
                }
                if items.count < 3 {
                    error(node, "'wrong' needs at least 3 entries (it has \(items.count)): a question shows the key and 3 of them")
                }
            } else {
                error(node, "'wrong' must be a list of entries with 'codes' and 'why'")
            }
        }
        let decides = required("decides", &self).flatMap { string($0, key: "decides") } ?? ""
        var section = ""
        var rule = ""
        if let node = required("guideline", &self) {
            if let m = node.mapping {
                checkKeys(m, allowed: DiagnosisScenarioParser.guidelineKeys, context: "'guideline'")
                if let s = m["section"] {
                    if let value = string(s, key: "section") {
                        if Self.isGuidelineSection(value) {
                            section = value
                        } else {
                            error(s, "'section' must be an Official Guidelines section such as I.C.4.a.2, not '\(Excerpt.of(value))'")
                        }
                    }
                } else {
                    error(node, "'guideline' needs 'section' (such as I.C.4.a.2)")
                }
                if let r = m["rule"] {
                    rule = string(r, key: "rule") ?? ""
                } else {
                    error(node, "'guideline' needs 'rule' (in your own words)")
                }
            } else {
                error(node, "'guideline' must be a mapping with 'section' and 'rule'")
            }
        }
        let index = required("index", &self).flatMap { string($0, key: "index") } ?? ""
        var tags: [String] = []
        if let node = values["tags"] {
            if let items = node.sequence {
                tags = items.compactMap { string($0, key: "tags") }
            } else {
                error(node, "'tags' must be a list, such as [cpc, icd-10-cm, diabetes]")
            }
        }

        // Body: the note, then `## Notes` bullets.
        var noteLines: [String] = []
        var notes: [String] = []
        var noteLine = close + 2
        var inNotes = false
        var sawNotes = false
        for index in (close + 1)..<lines.count {
            let raw = lines[index]
            let t = raw.trimmed
            if t.hasPrefix("#") {
                let name = t.drop { $0 == "#" }.trimmed
                if name == "Notes" {
                    inNotes = true
                    sawNotes = true
                } else {
                    sink.warning(
                        SourceLocation(line: index + 1, column: 1),
                        "unknown section heading '\(Excerpt.of(name))' (a scenario has its note, then '## Notes')")
                }
                continue
            }
            if inNotes {
                if t.hasPrefix("- ") || t.hasPrefix("* ") {
                    notes.append(String(t.dropFirst(2)).trimmed)
                } else if !t.isEmpty, !notes.isEmpty {
                    notes[notes.count - 1] += " " + t
                }
            } else {
                if noteLines.isEmpty {
                    if t.isEmpty { continue }
                    noteLine = index + 1
                }
                noteLines.append(t)
            }
        }
        while noteLines.last?.isEmpty == true { noteLines.removeLast() }
        let note = noteLines.joined(separator: "\n")
        if note.isEmpty {
            sink.error(SourceLocation(line: close + 1, column: 1), "the note is missing: write the documentation below the front matter")
        }
        if !sawNotes || notes.isEmpty {
            sink.warning(SourceLocation(line: lines.count, column: 1), "no '## Notes' bullets: add the teaching points")
        }
        guard let codes else { return nil }
        return DiagnosisScenario(
            id: id, title: title, chapter: chapter, setting: setting, codes: codes, wrong: wrong, decides: decides,
            guidelineSection: section, guidelineRule: rule, indexPath: index, tags: tags, note: note, noteLine: noteLine,
            notes: notes, path: path, idLocation: idLocation, contentHash: hash)
    }

    /// `I.C.4.a.2`, `I.B.14`, `II.B`, `IV.D`: a section of Sections I–IV, then dot-separated parts.
    static func isGuidelineSection(_ value: String) -> Bool {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = parts.first, ["I", "II", "III", "IV"].contains(String(first)), parts.count >= 2 else { return false }
        return parts.dropFirst().allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
