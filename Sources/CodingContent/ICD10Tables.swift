import Foundation

/// The official ICD-10-CM and ICD-10-PCS code sets (CMS, public domain) with validity dates, as shipped
/// in `Resources/` by `scripts/build-icd-tables.py`.
public final class ICD10Tables: Sendable {
    /// One code's entry: billable or header, and the date ranges in which it is valid.
    public struct Entry: Sendable, Hashable {
        /// False for ICD-10-CM header (category) codes, which cannot be reported.
        public var billable: Bool
        /// Validity ranges as `yyyymmdd` integers, inclusive.
        public var ranges: [ClosedRange<Int>]

        /// Whether the code is valid on `day` (`yyyymmdd`).
        public func isValid(on day: Int) -> Bool { ranges.contains { $0.contains(day) } }
    }

    /// ICD-10-CM codes without dots.
    public let diagnoses: [String: Entry]
    /// ICD-10-PCS codes.
    public let procedures: [String: Entry]

    /// Creates tables from parsed dictionaries (tests use small ones).
    public init(diagnoses: [String: Entry], procedures: [String: Entry]) {
        self.diagnoses = diagnoses
        self.procedures = procedures
    }

    /// The tables shipped with codedrill, read once on first use.
    public static let shipped: ICD10Tables = loadShipped()

    /// Reads the shipped tables from the module's resources (uncached; use `shipped`).
    public static func loadShipped() -> ICD10Tables {
        func load(_ name: String) -> [String: Entry] {
            guard let url = Bundle.module.url(forResource: name, withExtension: "txt"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else { return [:] }
            return parse(text)
        }
        return ICD10Tables(diagnoses: load("icd10cm"), procedures: load("icd10pcs"))
    }

    /// Parses the compact table format: `@KIND ranges` group lines followed by one code per line.
    public static func parse(_ text: String) -> [String: Entry] {
        var table: [String: Entry] = [:]
        table.reserveCapacity(100_000)
        var current = Entry(billable: true, ranges: [])
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            if line.hasPrefix("@") {
                let parts = line.dropFirst().split(separator: " ")
                let kind = parts.first.map(String.init) ?? "B"
                var ranges: [ClosedRange<Int>] = []
                if parts.count > 1 {
                    for range in parts[1].split(separator: ",") {
                        let ends = range.split(separator: "-")
                        if ends.count == 2, let from = Int(ends[0]), let to = Int(ends[1]) { ranges.append(from...to) }
                    }
                }
                current = Entry(billable: kind != "H", ranges: ranges)
            } else {
                table[String(line)] = current
            }
        }
        return table
    }

    /// `yyyymmdd` of a date in the given time zone.
    public static func day(_ date: Date, in timeZone: TimeZone = .current) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return (c.year ?? 0) * 10000 + (c.month ?? 0) * 100 + (c.day ?? 0)
    }

    /// `2026-11-25` from `20261125`.
    public static func format(day: Int) -> String {
        String(format: "%04d-%02d-%02d", day / 10000, day / 100 % 100, day % 100)
    }

    /// Why an ICD-10-CM code cannot be used on `day`, or `nil` when it can.
    public func diagnosisProblem(_ code: String, on day: Int) -> String? {
        let plain = ICD10.normalize(code)
        guard let entry = diagnoses[plain] else { return "unknown ICD-10-CM code \(code)" }
        if !entry.billable {
            return "ICD-10-CM code \(code) is a header, not billable; use a more specific code"
        }
        if !entry.isValid(on: day) { return "ICD-10-CM code \(code) is not valid on \(Self.format(day: day))\(describe(entry))" }
        return nil
    }

    /// Why an ICD-10-PCS code cannot be used on `day`, or `nil` when it can.
    public func procedureProblem(_ code: String, on day: Int) -> String? {
        guard let entry = procedures[code.uppercased()] else { return "unknown ICD-10-PCS code \(code)" }
        if !entry.isValid(on: day) { return "ICD-10-PCS code \(code) is not valid on \(Self.format(day: day))\(describe(entry))" }
        return nil
    }

    private func describe(_ entry: Entry) -> String {
        guard !entry.ranges.isEmpty else { return "" }
        let spans = entry.ranges.map { "\(Self.format(day: $0.lowerBound)) to \(Self.format(day: $0.upperBound))" }
        return " (valid \(spans.joined(separator: ", ")))"
    }
}

/// The labels of ICD-10-PCS Medical and Surgical characters 4, 6 and 7 per table ("0SG", character 4,
/// value "9" → "Right Hip Joint"), read off the official code titles by `scripts/build-pcs-labels.py`.
public struct PCSLabels: Sendable {
    private let labels: [String: String]

    /// Creates labels from the resource's text (tests use small ones).
    public init(text: String) {
        var labels: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            labels[String(line[..<tab])] = String(line[line.index(after: tab)...])
        }
        self.labels = labels
    }

    /// The labels shipped with codedrill, read once on first use.
    public static let shipped: PCSLabels = {
        guard let url = Bundle.module.url(forResource: "icd10pcs-labels", withExtension: "txt"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return PCSLabels(text: "") }
        return PCSLabels(text: text)
    }()

    /// The official label of character `position` (4, 6 or 7, 1-based) of `code`, or `nil` when the
    /// table gives none that the titles agree on.
    public func label(of code: String, position: Int) -> String? {
        let c = Array(code.uppercased())
        guard c.count == 7, [4, 6, 7].contains(position) else { return nil }
        return labels[String(c[0..<3]) + String(position) + String(c[position - 1])]
    }
}

/// The official ICD-10-CM titles of the codes the shipped content names (and their categories), and of
/// their official same-category siblings, read from `Resources/icd10cm-titles.txt`, built by
/// `scripts/build-icd-titles.py`.
public struct ICD10Titles: Sendable {
    private let titles: [String: String]
    /// Per category (`K21`): its codes reportable today, in code order.
    private let reportable: [Substring: [String]]

    /// Creates titles from the resource's text, `CODE<TAB>title` per line, a third field `H` marking a
    /// code not reportable today (tests use small ones).
    public init(text: String) {
        var titles: [String: String] = [:]
        var reportable: [Substring: [String]] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else { continue }
            let code = String(fields[0])
            titles[code] = String(fields[1])
            if fields.count < 3 || fields[2] != "H" { reportable[fields[0].prefix(3), default: []].append(code) }
        }
        self.titles = titles
        self.reportable = reportable.mapValues { $0.sorted() }
    }

    /// The titles shipped with codedrill, read once on first use.
    public static let shipped: ICD10Titles = {
        guard let url = Bundle.module.url(forResource: "icd10cm-titles", withExtension: "txt"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return ICD10Titles(text: "") }
        return ICD10Titles(text: text)
    }()

    /// The official title of `code` (dotted or not), or `nil` when it is not shipped.
    public func title(of code: String) -> String? { titles[ICD10.normalize(code)] }

    /// The billable codes of `code`'s category that are valid today, without dots and in code order,
    /// `code` itself left out: the official siblings a distractor may be drawn from.
    public func siblings(of code: String) -> [String] {
        let plain = ICD10.normalize(code)
        return (reportable[plain.prefix(3)] ?? []).filter { $0 != plain }
    }
}
