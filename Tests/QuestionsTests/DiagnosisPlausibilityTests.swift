import CodingContent
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

    @Test func skinTumoursOfAnotherRegionAndOtherDigestiveOrgansAreNotOfferedButSitesWithinOneOrganAre() {
        // A squamous cell carcinoma of the right leg (C44.722): the face (C44.32-) is no trap; the left
        // leg and a basal cell carcinoma of the leg are.
        #expect(!pooled("C44329").isPlausible(for: "C44722"))
        #expect(pooled("C44729").isPlausible(for: "C44722"))
        #expect(pooled("C44712").isPlausible(for: "C44722"))
        // A benign gastric polyp (D13.1): the liver (D13.4) is another organ.
        #expect(!pooled("D134").isPlausible(for: "D131"))
        #expect(!pooled("D225").isPlausible(for: "D2239"))
        // Within one organ the site is the decision: the pancreatic body for a head tumour, another
        // colon segment, the other upper lobe.
        #expect(pooled("C251").isPlausible(for: "C250"))
        #expect(pooled("C182").isPlausible(for: "C187"))
        #expect(pooled("C3411").isPlausible(for: "C3412"))
    }

    @Test func pressureUlcersKeepOtherSitesAndSitesInChaptersMAndSStayOut() {
        #expect(pooled("L89153").isPlausible(for: "L89154"))
        #expect(pooled("L89624").isPlausible(for: "L89154"))
        #expect(!pooled("M1712").isPlausible(for: "M1611"))
        #expect(pooled("M1612").isPlausible(for: "M1611"))
        #expect(!pooled("K4090").isPlausible(for: "K4090"))
        #expect(!pooled("C9100").isPlausible(for: "K912"))
    }

    @Test func aSiteNamedInTheTitleMustMatchOrBeTheNeighbouringSpinalRegion() {
        // Osteoarthritis of the hand is not offered for the ankle; lumbosacral spondylosis is a real
        // trap for lumbar (the level in the note decides), cervical is not.
        #expect(!pooled("M19071").isPlausible(for: "M19041"))
        #expect(pooled("M19042").isPlausible(for: "M19041"))
        #expect(pooled("M47817").isPlausible(for: "M47816"))
        #expect(!pooled("M47812").isPlausible(for: "M47816"))
    }

    @Test func anInjuryOfAnotherSiteAtAnotherEncounterIsNotOffered() {
        // Tibial shaft fracture, first encounter (S82.221A): a lateral malleolus fracture at a
        // follow-up visit differs on two axes; the same fracture at another encounter, or another
        // pattern of the same bone at the same encounter, is one decision away.
        #expect(!pooled("S8261XD").isPlausible(for: "S82221A"))
        #expect(pooled("S82221D").isPlausible(for: "S82221A"))
        #expect(pooled("S82231A").isPlausible(for: "S82221A"))
        // The fibula is another bone of the category: its shipped title names it.
        #expect(!pooled("S82421A").isPlausible(for: "S82221A"))
    }

    /// A sided additional code carries the scenario's side, like the main code (31267-LT beside
    /// 31255-LT), in every code set and bundling option that names it.
    @Test func aSidedAdditionalCodeCarriesTheSideOfTheMainCode() throws {
        let generator = try #require(TestLibraries.shipped).shared.generator
        var seen = 0
        for kind in ["code-set", "bundling"] {
            for seed in UInt64(1)...12 {
                let q = try generator.generate(itemID: "cpt:31255/\(kind)", seed: seed)
                let key = q.answer.text
                let side = try #require(key.split(separator: ",")[0].split(separator: "-").last)
                for option in q.options {
                    for element in option.text.split(separator: ", ") where element.hasPrefix("31267") {
                        #expect(element == "31267-\(side)", "\(q.id) seed \(seed): \(option.text)")
                        seen += 1
                    }
                }
            }
        }
        #expect(seen > 0)
    }
}
