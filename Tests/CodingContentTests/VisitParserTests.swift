import Foundation
import SourceText
import Testing

@testable import CodingContent

/// An E/M file (office, established patient, low decision making or 20 minutes) with `visit` as given.
func visitFile(_ visit: String, code: String = "99213") -> String {
    """
    ---
    format: 2
    code: "\(code)"
    system: CPT
    title: Established-patient office visit, second level
    section: Evaluation and Management/Office or Other Outpatient Services/Established Patient
    family: office-established
    setting: office
    visit:
    \(visit)
    tags: [cpc, em]
    ---

    A return office visit.
    """
}

/// Two cases: one decided by decision making (low), one by time (22 minutes).
let lowVisit = """
      category: office
      status: established
      mdm: low
      time: 20
      cases:
        - complaint: cough for five days
          history: Dry cough after a cold.
          exam: Lungs clear.
          plan: Acute bronchitis. Honey and fluids.
          mdm:
            problems: {level: low, why: one acute uncomplicated illness}
            data: {level: straightforward, why: nothing reviewed}
            risk: {level: low, why: over-the-counter medicine}
        - complaint: dry hands
          history: Cracking skin every winter.
          exam: Dry knuckles.
          data: None.
          plan: Moisturizer routine taught.
          time: 22
          age: 30-60
          mdm:
            problems: {level: straightforward, why: one minor problem}
            data: {level: straightforward, why: nothing reviewed}
            risk: {level: straightforward, why: advice only}
    """

@Suite struct VisitParserTests {
    func diagnostics(_ visit: String) -> [String] {
        ProcedureParser.parse(text: visitFile(visit), path: "v.md").diagnostics.map(\.description)
    }

    @Test func readsTheVisitFactsAndCases() throws {
        let (procedure, diagnostics) = ProcedureParser.parse(text: visitFile(lowVisit), path: "v.md")
        #expect(diagnostics == [])
        let p = try #require(procedure)
        #expect(p.area == "Evaluation and Management")
        #expect(p.steps.isEmpty && p.indications.isEmpty)
        let v = try #require(p.visit)
        #expect(v.category == .office && v.status == .established && v.mdm == [.low] && v.time == 20 && v.timeMax == nil)
        #expect(v.cases.count == 2)
        #expect(v.cases[0].mdm?.level == .low)
        #expect(v.cases[0].mdm?.problems == MDMElement(level: .low, why: "one acute uncomplicated illness"))
        #expect(v.cases[0].time == nil && v.cases[0].data == nil)
        #expect(v.cases[1].time == 22 && v.cases[1].age == 30...60 && v.cases[1].data == "None.")
        #expect(v.cases[1].texts == ["dry hands", "Cracking skin every winter.", "Dry knuckles.", "None.", "Moisturizer routine taught."])
        #expect(v.cases[0].location == SourceLocation(line: 15, column: 7))
    }

    @Test func twoOfThreeElementsDecideTheLevel() {
        #expect(MDMLevel.decided(.high, .straightforward, .high) == .high)
        #expect(MDMLevel.decided(.high, .moderate, .low) == .moderate)
        #expect(MDMLevel.decided(.straightforward, .low, .straightforward) == .straightforward)
        #expect(MDMLevel.decided(.low, .high, .moderate) == .moderate)
    }

    @Test func levelWordsAreFoundAsWholeWords() {
        #expect(VisitFacts.levelWord(in: "Moderate swelling of the ankle") == "moderate")
        #expect(VisitFacts.levelWord(in: "A low-risk plan") == "low risk")
        #expect(VisitFacts.levelWord(in: "Low back pain; high blood pressure") == nil)
        #expect(VisitFacts.levelWord(in: "Medical decision making reviewed") == "medical decision making")
    }

    @Test func missingAndMisplacedFactsAreErrors() {
        #expect(
            diagnostics("  status: new\n  mdm: low\n  cases: []")
                == [
                    "v.md:10:3: error: 'visit' is missing 'category' (office, hospital, emergency or preventive)",
                    "v.md:12:10: error: 'cases' needs at least two visit cases, found 0",
                ])
        #expect(
            diagnostics("  category: emergency\n  status: new\n  mdm: low\n  time: 20\n  cases: []")
                == [
                    "v.md:11:11: error: an emergency department code has no patient status: leave 'status' out",
                    "v.md:13:9: error: emergency department codes are never chosen by time: leave 'time' out",
                    "v.md:14:10: error: 'cases' needs at least two visit cases, found 0",
                ])
        #expect(
            diagnostics("  category: office\n  status: initial\n  mdm: low\n  cases: []")
                == [
                    "v.md:11:11: error: status 'initial' does not fit category 'office' (expected new, established)",
                    "v.md:13:10: error: 'cases' needs at least two visit cases, found 0",
                ])
        #expect(
            diagnostics("  category: preventive\n  status: new\n  mdm: low\n  cases: []")
                == [
                    "v.md:12:8: error: this code is not chosen by medical decision making (age and patient status decide): leave 'mdm' out",
                    "v.md:13:10: error: 'cases' needs at least two visit cases, found 0",
                ])
        #expect(
            diagnostics("  category: hospital\n  status: discharge\n  cases: []")
                == [
                    "v.md:10:3: error: discharge day management is chosen by time: give 'time' (at least) or 'time_max' (at most) in minutes",
                    "v.md:12:10: error: 'cases' needs at least two visit cases, found 0",
                ])
        #expect(
            diagnostics("  category: office\n  status: new\n  time: soon\n  cases: []")
                == [
                    "v.md:10:3: error: 'visit' is missing 'mdm' (the level of medical decision making the code requires)",
                    "v.md:12:9: error: 'time' must be a whole number of minutes, such as 30",
                    "v.md:13:10: error: 'cases' needs at least two visit cases, found 0",
                ])
    }

    @Test func casesMustYieldTheFilesLevel() {
        // The first case tallied at moderate (two elements), for a code that needs low.
        let tooHigh = lowVisit.replacingOccurrences(
            of: "data: {level: straightforward, why: nothing reviewed}\n        risk: {level: low, why: over-the-counter medicine}",
            with: "data: {level: moderate, why: three tests}\n        risk: {level: moderate, why: prescription}")
        #expect(
            diagnostics(tooHigh)
                == [
                    "v.md:15:7: error: visit case: problems low, data moderate and risk moderate give moderate decision making, but this code needs low"
                ])
        // A time case whose decision making alone would give a higher code.
        let timeTooHigh = lowVisit.replacingOccurrences(
            of: "problems: {level: straightforward, why: one minor problem}\n        data: {level: straightforward, why: nothing reviewed}",
            with: "problems: {level: high, why: a threat to life}\n        data: {level: high, why: many tests}")
        #expect(
            diagnostics(timeTooHigh)
                == [
                    "v.md:23:7: error: visit case: problems high, data high and risk straightforward give high decision making, above this code's low: decision making alone would give a higher code"
                ])
        #expect(
            diagnostics(lowVisit.replacingOccurrences(of: "time: 22", with: "time: 15"))
                == ["v.md:28:13: error: total time 15 minutes is below this code's 20"])
    }

    @Test func notesMustNotGiveTheLevelAway() {
        #expect(
            diagnostics(lowVisit.replacingOccurrences(of: "exam: Lungs clear.", with: "exam: Moderate wheezing."))
                == ["v.md:17:13: error: visit case names 'moderate': a note must not give the level away"])
    }

    @Test func caseFieldsAreRequired() {
        let noPlan = lowVisit.replacingOccurrences(of: "      plan: Acute bronchitis. Honey and fluids.\n", with: "")
        #expect(diagnostics(noPlan) == ["v.md:15:7: error: visit case is missing 'plan'"])
        let noRisk = lowVisit.replacingOccurrences(of: "        risk: {level: low, why: over-the-counter medicine}\n", with: "")
        #expect(diagnostics(noRisk) == ["v.md:20:9: error: a case's 'mdm' is missing 'risk'"])
        let badAge = lowVisit.replacingOccurrences(of: "age: 30-60", with: "age: 10-60")
        #expect(
            diagnostics(badAge) == ["v.md:29:12: error: case age '10-60' must be a range like 40-60 within the file's patient age 18-85"])
    }
}
