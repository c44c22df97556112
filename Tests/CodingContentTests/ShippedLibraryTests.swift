import Foundation
import Testing

@testable import CodingContent

/// The library this repository ships must stay lint-clean, so a broken content file fails CI.
@Suite struct ShippedLibraryTests {
    /// Read once for all the suite's tests (Swift Testing makes a suite instance per test).
    static let shipped = try! Library.load(root: LibraryLocator.bundledRoot)
    let library = ShippedLibraryTests.shipped

    @Test func shippedLibraryHasNoErrorsAndNoWarnings() {
        // Files still in format v1 are reminded to upgrade; that reminder is the only warning allowed.
        let diagnostics = Linter(asOfDay: 20_261_125).lint(library).filter { !$0.message.hasPrefix("format v1: missing v2 fields") }
        #expect(diagnostics.map(\.description) == [])
        #expect(library.procedures.count + library.scenarios.count == library.contentFiles.count)
    }

    @Test func shippedLibraryMeetsTheCorpusSize() {
        let summary = LibrarySummary(procedures: library.procedures)
        #expect(summary.procedures >= 60)
        #expect(summary.families >= 15)
        #expect(summary.areas.count >= 6)
    }

    @Test func everyProcedureIsCompleteEnoughForScenarios() {
        // E/M files describe visits (`visit` cases), not operations; service documents (an order, a medication
        // record) are shorter than operative notes.
        for p in library.procedures where p.visit == nil && p.layout == .operative {
            #expect(p.indications.count >= 2, "\(p.path)")
            #expect(p.steps.count >= 4, "\(p.path)")
            #expect(p.steps.contains { $0.isKey }, "\(p.path)")
            #expect(!p.summary.isEmpty, "\(p.path)")
        }
    }

    @Test func proseNeverNamesALibraryCode() {
        let codes = Set(library.procedures.map(\.code))
        for p in library.procedures {
            let prose = p.summary + p.indications + p.steps.map(\.text) + p.contrasts.compactMap(\.rulesOut) + p.contrasts.map(\.when)
            for text in prose {
                let words = text.split(whereSeparator: { !$0.isNumber && !$0.isLetter }).map(String.init)
                let named = words.filter(codes.contains)
                #expect(named.isEmpty, "\(p.path) names \(named) in: \(text)")
            }
        }
    }

    @Test func familyMembersAreRelatedToEachOther() {
        // E/M families are ordered by the level their `visit` facts require, not by authored relations.
        let byFamily = Dictionary(grouping: library.procedures.filter { $0.family != nil && $0.visit == nil }, by: { $0.family! })
        for (_, members) in byFamily {
            for p in members {
                let related = Set(p.contrasts.map(\.code) + p.additions.map(\.code))
                for other in members where other.code != p.code {
                    #expect(related.contains(other.code), "\(p.path) names \(other.code) neither as 'instead' nor as 'in_addition'")
                }
            }
        }
    }
}
