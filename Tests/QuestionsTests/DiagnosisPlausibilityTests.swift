import Testing

@testable import Questions

/// Which pooled ICD-10-CM codes a coder could mistake for the keyed one (`PooledDiagnosis.isPlausible`).
@Suite struct DiagnosisPlausibilityTests {
    private func pooled(_ code: String) -> PooledDiagnosis {
        PooledDiagnosis(code: code, dotted: code, text: code, key: 0, side: nil, owner: ProcedureID(rawValue: 0), sameFile: false)
    }

    @Test func skinAbscessesOfAnotherSiteAreNotOfferedButTheSameSiteAndTheBlockAre() {
        // Buttock carbuncle (L02.33): the buttock abscess and a pilonidal abscess are real traps; an
        // axillary abscess is another site (L02's fourth character is the site).
        #expect(pooled("L0231").isPlausible(for: "L0233"))
        #expect(pooled("L0501").isPlausible(for: "L0233"))
        #expect(!pooled("L02411").isPlausible(for: "L0233"))
        #expect(!pooled("L03317").isPlausible(for: "L03115"))
        #expect(pooled("L03116").isPlausible(for: "L03115"))
    }

    @Test func pressureUlcersKeepOtherSitesAndSitesInChaptersMAndSStayOut() {
        #expect(pooled("L89153").isPlausible(for: "L89154"))
        #expect(pooled("L89624").isPlausible(for: "L89154"))
        #expect(!pooled("M1712").isPlausible(for: "M1611"))
        #expect(pooled("M1612").isPlausible(for: "M1611"))
        #expect(!pooled("K4090").isPlausible(for: "K4090"))
        #expect(!pooled("C9100").isPlausible(for: "K912"))
    }
}
