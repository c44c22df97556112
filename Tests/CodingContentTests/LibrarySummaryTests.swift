import Testing

@testable import CodingContent

/// A minimal v1 procedure file for counting: only the code, section and family matter here.
private func file(_ code: String, family: String, section: String = "Surgery/Nervous System/Nerves") -> Procedure {
    let text = """
        ---
        code: "\(code)"
        system: CPT
        title: Test procedure
        section: \(section)
        family: \(family)
        ---
        ## Indications
        - A reason
        ## Steps
        1. One.
        2. **Two.**
        """
    return ProcedureParser.parse(text: text, path: "Content/\(code).md").0!
}

@Suite struct LibrarySummaryTests {
    @Test func surgerySeriesBoundsAreTheSurgerySection() {
        #expect(LibrarySummary.surgerySeries(of: "10004") == 1)
        #expect(LibrarySummary.surgerySeries(of: "10003") == nil)
        #expect(LibrarySummary.surgerySeries(of: "69990") == 6)
        #expect(LibrarySummary.surgerySeries(of: "69991") == nil)
        #expect(LibrarySummary.surgerySeries(of: "99213") == nil)
        #expect(LibrarySummary.surgerySeries(of: "0001T") == nil)
    }

    @Test func aFamilySpanningTwoSeriesCountsInBoth() {
        let summary = LibrarySummary(procedures: [
            file("64721", family: "carpal-tunnel-release"),
            file("29848", family: "carpal-tunnel-release", section: "Surgery/Musculoskeletal System/Endoscopy"),
            file("27284", family: "hip-arthrodesis", section: "Surgery/Musculoskeletal System/Pelvis and Hip Joint"),
            file("27286", family: "hip-arthrodesis", section: "Surgery/Musculoskeletal System/Pelvis and Hip Joint"),
            file("99213", family: "office-visit", section: "Evaluation and Management/Office"),
        ])
        #expect(
            summary.surgerySeries == [
                .init(series: "10000", procedures: 0, families: 0),
                .init(series: "20000", procedures: 3, families: 2),
                .init(series: "30000", procedures: 0, families: 0),
                .init(series: "40000", procedures: 0, families: 0),
                .init(series: "50000", procedures: 0, families: 0),
                .init(series: "60000", procedures: 1, families: 1),
            ])
        #expect(summary.procedures == 5)
        #expect(summary.families == 3)
    }
}
