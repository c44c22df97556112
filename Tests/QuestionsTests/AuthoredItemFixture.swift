import Foundation
import QuestionBanks

@testable import Questions

/// A small bank with one question of every kind, for the authored-item tests.
enum AuthoredFixture {
    /// The bank's GIFT text (`QuestionBanks/fixture.gift`).
    static let text = """
        $CATEGORY: coding-rules/modifiers

        // [id:fixture/bilateral]
        // [tag:cpc] [tag:modifiers]
        ::Bilateral::Which modifier reports a bilateral procedure?
        {
          =50 # Right: 50 reports the same procedure on both sides.
          ~51 # Wrong: 51 reports further, different procedures.
          ~59 # Wrong: 59 marks a distinct service.
          ~76 # Wrong: 76 reports a repeat by the same physician.
          ####Read the code's description first.
        }

        // [id:fixture/add-on-alone]
        // [tag:cpc] [tag:add-on]
        ::Add-on alone::An add-on code may be reported on its own.
        {F#Not so: an add-on always needs its primary code.#Right: an add-on is never reported alone.####Add-on codes ride on a primary code.}

        // [id:fixture/side-modifiers]
        // [tag:modifiers]
        ::Side modifiers::Which modifiers name a body side? Choose all that apply.
        {
          ~%50%RT # Right: RT is the right side.
          ~%50%LT # Right: LT is the left side.
          ~%-100%59 # Wrong: 59 marks a distinct service.
          ####RT and LT name sides; 50 and 59 do not.
        }

        // [id:fixture/decision]
        Modifier {=57 ~25 ~24} marks the decision for major surgery.

        $CATEGORY: coding-rules/icd-10-cm

        // [id:fixture/placeholder]
        // [tag:icd-10-cm]
        ::Placeholder::Type the complete code for the initial encounter for a scalp laceration in subcategory S01.01.
        {
          =S01.01XA # Right: X fills the sixth place so that A is seventh.
          =%0%S01.01A # Wrong: the 7th character must sit in the seventh place.
          ####Fill empty places before a 7th character with X.
        }

        // [id:fixture/seventh]
        // [tag:icd-10-cm]
        ::Seventh characters::Match each 7th character with its encounter.
        {
          =A -> active treatment
          =D -> routine care while healing
          =S -> a sequela
          = -> an unrelated visit
          ####A is for every encounter with active treatment.
        }

        $CATEGORY: Global Surgery

        // [id:fixture/global-days]
        // [tag:global-surgery]
        ::Global days::How many days does a 90-day global period cover in all?
        {#
          =92 # Right: the day before, the day of surgery and 90 days after.
          =%0%90 # Wrong: add the day before and the day of surgery.
          ~# Count the day before, the day of surgery and the 90 days after.
          ####Major surgery: 92 days in all.
        }

        // [id:fixture/half-unit]
        ::Half a unit::Type 5, give or take half a unit. {#5:0.5}

        // [id:fixture/range]
        ::Range::Type a number from 1 to 3. {#1..3}

        // [id:fixture/essay]
        ::Essay::Explain the global surgical package in your own words. {}

        """

    /// The bank, read as the library reads it.
    static let bank = GIFTReader.parse(text: text, path: "QuestionBanks/fixture.gift")

    /// The fixture content library's generator with this bank.
    static let catalog = QuestionCatalog(generator: TestLibraries.fixtureGenerator, authored: bank.questions)

    /// The question for `id` (without the `gift:` prefix) and `seed`.
    static func question(_ id: String, seed: UInt64 = 3) throws -> Question {
        try catalog.question(itemID: "gift:fixture/" + id, seed: seed)
    }
}
