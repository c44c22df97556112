/// Counts that describe a library at a glance (`codedrill library`).
public struct LibrarySummary: Sendable, Equatable, Codable {
    /// One family and its codes.
    public struct Family: Sendable, Equatable, Codable {
        /// Family name (`hip-arthrodesis`); procedures without a family are listed under their own code.
        public var name: String
        /// Area of the family's first procedure.
        public var area: String
        /// Codes in the family, sorted.
        public var codes: [String]
    }

    /// Surgery procedures (CPT 10004–69990) of one series (`10000` … `60000`).
    public struct Series: Sendable, Equatable, Codable {
        /// The series' first code, rounded down to 10,000 (`"30000"`).
        public var series: String
        /// Procedures whose code is in the series.
        public var procedures: Int
        /// Families with at least one member in the series (a family spanning two series counts in both).
        public var families: Int
    }

    /// ICD-10-CM diagnosis scenarios of one chapter.
    public struct Chapter: Sendable, Equatable, Codable {
        /// The chapter title with its range (`Neoplasms (C00-D49)`).
        public var chapter: String
        /// Scenarios filed under it.
        public var scenarios: Int
    }

    /// Number of procedures.
    public var procedures: Int
    /// Number of families (procedures without a family are not counted).
    public var families: Int
    /// Distinct areas (second part of the section), sorted.
    public var areas: [String]
    /// Content files per coding system: procedures by their system, diagnosis scenarios as `ICD-10-CM`.
    public var bySystem: [String: Int]
    /// Number of ICD-10-CM diagnosis scenarios.
    public var diagnosisScenarios: Int
    /// Diagnosis scenarios per ICD-10-CM chapter, in Tabular order.
    public var chapters: [Chapter]
    /// Every family with its codes, sorted by area then name.
    public var familyList: [Family]
    /// CPT surgery procedures by series, in code order; series without procedures are listed with 0.
    public var surgerySeries: [Series]

    /// Summarises a library's procedures and diagnosis scenarios.
    public init(procedures list: [Procedure], scenarios: [DiagnosisScenario] = []) {
        procedures = list.count
        var grouped: [String: [Procedure]] = [:]
        for p in list { if let f = p.family { grouped[f, default: []].append(p) } }
        families = grouped.count
        areas = Array(Set(list.map(\.area))).sorted()
        bySystem = Dictionary(grouping: list, by: \.system.rawValue).mapValues(\.count)
        if !scenarios.isEmpty { bySystem[CodeSystem.icd10cm.rawValue, default: 0] += scenarios.count }
        diagnosisScenarios = scenarios.count
        let perChapter = Dictionary(grouping: scenarios, by: \.chapter).mapValues(\.count)
        chapters = DiagnosisScenario.chapters.compactMap { name in perChapter[name].map { Chapter(chapter: name, scenarios: $0) } }
        familyList = grouped.map { name, members in
            Family(name: name, area: members.map(\.area).sorted().first ?? "", codes: members.map(\.code).sorted())
        }.sorted { ($0.area, $0.name) < ($1.area, $1.name) }
        surgerySeries = (1...6).map { digit in
            let members = list.filter { $0.system == .cpt && Self.surgerySeries(of: $0.code) == digit }
            return Series(
                series: "\(digit)0000", procedures: members.count, families: Set(members.compactMap(\.family)).count)
        }
    }

    /// The surgery series digit (1–6) of a CPT code in 10004–69990, else nil.
    static func surgerySeries(of code: String) -> Int? {
        guard code.count == 5, let value = Int(code), (10004...69990).contains(value) else { return nil }
        return value / 10_000
    }
}
