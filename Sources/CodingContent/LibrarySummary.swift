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

    /// Number of procedures.
    public var procedures: Int
    /// Number of families (procedures without a family are not counted).
    public var families: Int
    /// Distinct areas (second part of the section), sorted.
    public var areas: [String]
    /// Procedures per coding system.
    public var bySystem: [String: Int]
    /// Every family with its codes, sorted by area then name.
    public var familyList: [Family]

    /// Summarises a library's procedures.
    public init(procedures list: [Procedure]) {
        procedures = list.count
        var grouped: [String: [Procedure]] = [:]
        for p in list { if let f = p.family { grouped[f, default: []].append(p) } }
        families = grouped.count
        areas = Array(Set(list.map(\.area))).sorted()
        bySystem = Dictionary(grouping: list, by: \.system.rawValue).mapValues(\.count)
        familyList = grouped.map { name, members in
            Family(name: name, area: members.map(\.area).sorted().first ?? "", codes: members.map(\.code).sorted())
        }.sorted { ($0.area, $0.name) < ($1.area, $1.name) }
    }
}
