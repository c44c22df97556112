import CodingContent
import Determinism
import Foundation

/// What each common CPT/HCPCS modifier means, in our own words, and which modifiers students
/// confuse with it (the wrong options of `modifier` questions).
enum ModifierGlossary {
    /// The meaning of a modifier, as a clause ("the service took substantially more work than usual").
    static let meaning: [String: String] = [
        "22": "the documented work was substantially greater than the procedure usually takes, with the reason stated",
        "26": "only the physician's interpretation of a test with a professional and a technical part is reported",
        "TC": "only the equipment, staff and supplies of a test with a professional and a technical part are reported",
        "50": "the same procedure was done on both sides in one session",
        "51": "several procedures were done in one session and this one is not the main one",
        "52":
            "the service was reduced or not completed as described, by the physician's choice or because its goal could not be reached, such as a therapeutic colonoscopy that does not reach the cecum",
        "53": "the physician ended the procedure after it had begun, because of an unexpected problem or a risk to the patient",
        "58": "a planned or staged procedure, or a more extensive one, was done by the same physician during the global period",
        "59": "a procedure that is normally bundled was distinct here: another site, lesion, incision or session",
        "62": "two surgeons each did a distinct part of one procedure and each reports it as co-surgeon",
        "73": "the facility reports a procedure cancelled after preparation but before anesthesia was given",
        "74": "the facility reports a procedure stopped after anesthesia was given or the procedure began",
        "76": "the same physician repeated the same procedure later the same day",
        "77": "a different physician repeated the same procedure",
        "78": "an unplanned return to the operating room for a complication of the first operation during its global period",
        "79": "an unrelated procedure by the same physician during the global period of an earlier one",
        "80": "a second surgeon assisted the operating surgeon throughout the operation",
        "91": "a laboratory test was run again the same day to get a new result for the patient's care",
        "25": "a visit on the day of a procedure dealt with a problem well beyond the procedure's own brief assessment",
        "24": "a visit by the surgeon during the postoperative period was for a problem unrelated to the operation",
        "57": "the visit is where the decision to do a major operation was made, on that day or the day before",
        "XS": "a normally bundled procedure was done on a separate organ or structure",
        "XE": "a normally bundled procedure was done at a separate encounter",
        "XU": "a normally bundled service did not overlap the main one",
        "XP": "a normally bundled service was done by a different practitioner",
        "33": "a preventive service that a commercial payer must cover without cost sharing, such as an average-risk screening colonoscopy",
        "PT": "a Medicare colorectal cancer screening became diagnostic or therapeutic because a finding was biopsied or removed",
        "54": "the physician did the procedure only and handed the postoperative care to another physician",
        "55": "the physician provided only the postoperative care after another physician's procedure",
        "56": "the physician provided only the preoperative evaluation",
        "RT": "the procedure was on the right side",
        "LT": "the procedure was on the left side",
        "AA": "the anesthesiologist personally performed the anesthesia service",
        "AD": "a physician medically supervised more than four concurrent anesthesia cases",
        "QK": "an anesthesiologist medically directed two, three or four concurrent anesthesia cases",
        "QY": "an anesthesiologist medically directed one nurse anesthetist",
        "QX": "a nurse anesthetist gave the anesthesia under a physician's medical direction",
        "QZ": "a nurse anesthetist gave the anesthesia without medical direction by a physician",
        "QS": "the anesthesia service was monitored anesthesia care",
        "G8": "monitored anesthesia care was given for a deep, complex or markedly invasive procedure",
        "G9": "monitored anesthesia care was given for a patient with a history of a severe cardiopulmonary condition",
        "23": "general anesthesia was needed for a procedure usually done under local or no anesthesia",
        "47": "the surgeon gave the regional or general anesthesia for his or her own procedure",
        "JW": "part of a single-dose container was discarded and the discarded amount is reported",
        "JZ": "no part of a single-dose container was discarded",
        "RR": "the equipment is rented",
        "NU": "the equipment is purchased new",
        "UE": "the equipment is purchased used",
        "KX": "the payer's documented coverage requirements for the item or service are met",
        "GA": "a signed advance beneficiary notice is on file for a service expected to be denied",
        "GY": "the item or service is excluded from Medicare by statute or is not a Medicare benefit",
        "GZ": "the item or service is expected to be denied as not reasonable and necessary and no advance notice is on file",
    ].merging(AnatomicModifier.named.mapValues { "the procedure was on \($0.site), which this modifier names in place of RT or LT" }) {
        own, _ in own
    }

    /// Modifiers a student might pick instead of `modifier`, none of which means the same thing.
    static func confusable(with modifier: String) -> [String] {
        confusables[modifier] ?? listConfusable(with: modifier)
    }

    /// `confusable(with:)` of every modifier with a meaning, listed once.
    private static let confusables: [String: [String]] = Dictionary(
        uniqueKeysWithValues: meaning.keys.map { ($0, listConfusable(with: $0)) })

    /// Lists the confusable modifiers of `modifier` (builds the table on every call: use `confusable(with:)`).
    private static func listConfusable(with modifier: String) -> [String] {
        let groups: [String: [String]] = [
            "22": ["52", "62", "53", "76"],
            "52": ["53", "74", "22", "73"],
            "53": ["52", "74", "73", "22"],
            "73": ["74", "53", "52"],
            "74": ["73", "53", "52"],
            "58": ["78", "79", "76"],
            "78": ["58", "79", "76"],
            "79": ["58", "78", "76"],
            "76": ["77", "78", "79"],
            "77": ["76", "78", "79"],
            "59": ["51", "76", "79", "58"],
            "XS": ["51", "76", "79", "58"],
            "51": ["59", "76", "22"],
            "50": ["76", "77", "62"],
            "26": ["TC", "52", "53"],
            "TC": ["26", "52", "53"],
            "PT": ["33", "53", "52", "73"],
            "33": ["PT", "53", "52", "74"],
            "54": ["55", "56", "79", "52"],
            "55": ["54", "56", "58"],
            "AA": ["QK", "QY", "QZ", "QX"],
            "QK": ["QY", "AA", "QX"],
            "QY": ["QK", "AA", "QX"],
            "QX": ["QZ", "QK", "AA"],
            "QZ": ["QX", "AA", "QK"],
            "QS": ["G8", "G9", "23"],
            "G8": ["G9", "QS", "23"],
            "G9": ["G8", "QS", "23"],
            "JW": ["JZ", "GA", "KX"],
            "JZ": ["JW", "GA", "KX"],
            "RR": ["NU", "UE", "KX"],
            "NU": ["RR", "UE", "KX"],
            "KX": ["GA", "GY", "GZ"],
        ]
        return (groups[modifier] ?? ["22", "52", "53", "76"]).filter { $0 != modifier }
    }

    /// The option text of reporting the code bare, as the front end shows it.
    static let noModifier = "No modifier is needed"

    /// The wrong options of a `modifier` question whose key is `key`, in the order a student is
    /// likely to weigh them: the modifiers (and "no modifier") students really pick in that
    /// situation, each wrong by definition whatever else the report says. Option texts that are not
    /// a modifier are the claim lines students write (a zero-unit waste line).
    static func traps(for key: String) -> [String] {
        trapLists[key] ?? []
    }

    /// Why trap `option` is wrong where `key` is right: `{code}` is the reported code, `{when}` the
    /// situation the report documents, `{key}` the right modifier; `nil` for the generic reason.
    static func trapReason(_ option: String, key: String) -> String? {
        reasons[(trapGroups[key] ?? key) + ">" + (option == noModifier ? "none" : option)]
    }

    /// Whether `listed`, a modifier the procedure's file lists for another situation, may be offered
    /// as wrong when `key` is right: only when the two can never stand on one line (26 and TC, JW and
    /// JZ, 52 and 53, 58 and 78), so the report of `key` makes it wrong. Any other listed modifier
    /// (RT beside 79 on a cataract, XS beside 59) might also be right and is never offered.
    static func excludes(_ key: String, _ listed: String) -> Bool {
        exclusive.contains { $0.contains(key) && $0.contains(listed) }
    }

    /// Modifiers of which one claim line carries at most one.
    private static let exclusive: [Set<String>] = [
        ["26", "TC"], ["JW", "JZ"], ["NU", "RR", "UE"], ["52", "53", "73", "74"], ["58", "78", "79"],
        ["AA", "QK", "QY", "AD", "QZ"], ["33", "PT"], ["54", "55", "56"],
    ]

    /// The option of a zero-unit waste line (a `JZ` trap).
    static let zeroWasteLine = "JW on a second line for 0 units"
    /// The option of both drug-waste modifiers (a `JW` trap).
    static let bothWasteModifiers = "JZ on the dose given and JW on the discarded amount"

    /// Modifiers a student picks in each situation. Distinct-site modifiers never offer each other
    /// (59 and XS may both be right); 76 is not offered beside 78 (a repeat by the same surgeon).
    private static let trapLists: [String: [String]] = [
        "59": [noModifier, "51", "XE", "25"],
        "XS": [noModifier, "51", "XE", "25"],
        "58": ["78", "79", noModifier, "76"],
        "78": ["58", "79", noModifier],
        "79": ["58", "78", noModifier, "76"],
        "22": [noModifier, "52", "62"],
        "52": ["53", noModifier, "74", "73"],
        "53": ["52", "74", noModifier, "73"],
        "54": ["55", noModifier, "56"],
        "62": ["80", noModifier, "22"],
        "91": ["76", "59", noModifier],
        "26": ["TC", noModifier, "52"],
        "TC": ["26", noModifier, "52"],
        "JZ": ["JW", noModifier, zeroWasteLine],
        "NU": ["RR", "UE", noModifier],
        "RR": ["NU", "UE", noModifier],
        "JW": ["JZ", noModifier, bothWasteModifiers],
        "PT": ["33", noModifier, "53"],
        "33": ["PT", noModifier, "52", "53"],
        "50": ["51", "76", noModifier, "59"],
        "25": ["59", "57", noModifier],
        "24": ["79", noModifier, "57"],
        "57": ["25", noModifier, "24"],
    ]

    /// Keys that share their traps' reasons.
    private static let trapGroups: [String: String] = ["XS": "59"]

    private static let globalPackage =
        "Without a modifier, a procedure by the same surgeon inside the global period of an earlier operation is taken as part of that operation's package and is not paid; here {when}."
    private static let wholeService = "Without a modifier, the claim says the whole of {code} was done; here {when}."
    private static let bothParts = "Without a modifier, {code} claims both the professional and the technical part; here {when}."
    private static let facilityStopped =
        "it is the facility's modifier (a hospital outpatient department or surgery center) for a procedure stopped once anesthesia had begun, never the physician's"
    private static let facilityCancelled =
        "it is the facility's modifier for a procedure cancelled before anesthesia, never the physician's"

    /// Why each trap fails, by `key>trap` (`none` for no modifier). A modifier's reason says what the
    /// modifier is for and continues "Modifier 51 does not fit: "; any other option's is a whole sentence.
    private static let reasons: [String: String] = [
        "59>none":
            "Without a modifier, {code} is taken as part of the other procedure of the session and denied under the edit that bundles the two; here {when}, and modifier {key} tells the payer so.",
        "59>51":
            "it only ranks the procedures of one session for payment and does not lift the edit that bundles {code} into the other procedure; here {when}, and {key} marks the service as distinct",
        "59>XE": "it is for a service at a separate encounter; here both procedures were done in the same session, and {when}",
        "59>25": "it goes on an evaluation and management visit, never on a procedure code such as {code}",
        "58>78": "it is for an unplanned return to treat a complication of the first operation; here {when}",
        "58>79": "it is for a procedure unrelated to the first; here the procedure follows on from the first one: {when}",
        "58>76": "it is for the same procedure repeated; here {code} is a staged or more extensive procedure: {when}",
        "58>none": globalPackage,
        "78>58":
            "it is for a planned or staged procedure, or a more extensive one; here the return was not planned and treats a problem the first operation left: {when}",
        "78>79": "it is for a procedure unrelated to the first operation; here the procedure treats a problem arising from it: {when}",
        "78>none": globalPackage,
        "79>58":
            "it is for a staged or related procedure, or a more extensive one; here the procedure is unrelated to the earlier operation: {when}",
        "79>78": "it is for a return to treat a complication of the earlier operation; here the procedure is unrelated to it: {when}",
        "79>76": "it is for the same procedure repeated by the same physician on the same day; here {when}",
        "79>none": globalPackage,
        "22>none": "Without a modifier, {code} is paid for its usual work; here {when}.",
        "22>52": "it is for less work than the procedure usually takes; here it took more: {when}",
        "22>62": "it is for two surgeons sharing one procedure; here one surgeon did all of it, the extra work included",
        "52>53":
            "it is for a procedure ended early because of an unexpected problem or a risk to the patient; here the procedure went as far as it could and is reported as a reduced service: {when}",
        "52>74": facilityStopped + "; on the physician's claim for {code} a reduced service takes 52",
        "52>73": facilityCancelled + "; here the procedure was done in part",
        "52>none": wholeService,
        "53>52": "it is for a service reduced but carried through; here the physician ended the procedure early: {when}",
        "53>74": facilityStopped + "; on the physician's claim for {code} a procedure ended early takes 53",
        "53>73": facilityCancelled + "; here the procedure had begun",
        "53>none": wholeService,
        "54>55": "it is reported by the physician who takes over the care after the procedure, not by the one who did it; here {when}",
        "54>56": "it is for the preoperative evaluation only; here the reporting physician did the procedure itself",
        "54>none": "Without a modifier, {code} claims the whole global package, follow-up care included; here {when}.",
        "62>80":
            "it is for a surgeon who assists the operating surgeon; here each surgeon did a distinct part of the procedure and dictated it: {when}",
        "62>22": "it is for one surgeon's work that was much greater than usual; here two surgeons shared the procedure: {when}",
        "62>none": "Without a modifier, each surgeon's claim asks for the whole of {code}; here {when}, so each reports it with 62.",
        "91>76": "it is for a procedure repeated by the same physician; a laboratory test run again the same day for a new result takes 91",
        "91>59":
            "it marks a distinct service that would otherwise be bundled; a laboratory test repeated for a new result is shown with 91, not 59",
        "91>none": "Without a modifier, the second test of the day looks like a duplicate of the first and is denied; here {when}.",
        "26>TC":
            "it claims the equipment, staff and supplies; here {when}, so that part is the facility's, and this physician reports only the professional part",
        "26>52":
            "it is for a service reduced below what the code describes; here the whole professional work was done, and only the technical part belongs to someone else",
        "26>none": bothParts,
        "TC>26":
            "it claims the interpretation; here {when}, so that part is the interpreting physician's, and this claim is for the equipment, staff and supplies",
        "TC>52":
            "it is for a service reduced below what the code describes; here the whole technical work was done, and only the interpretation belongs to someone else",
        "TC>none": bothParts,
        // Monitored anesthesia care: G8 and G9 are monitored anesthesia care too, so "here the service
        // is monitored anesthesia care" does not rule them out (instructor review): each names what it
        // adds and what the record lacks.
        "QS>G8":
            "it marks monitored anesthesia care for a deep, complex or markedly invasive operation, and Medicare accepts it only with the few anesthesia codes for such operations; this record is of an ordinary procedure under monitored anesthesia care",
        "QS>G9":
            "it marks monitored anesthesia care given because the patient has a history of a severe heart or lung condition; this record documents no such history",
        "QS>23":
            "it is for general anesthesia given for a procedure usually done under local or no anesthesia; here the patient kept breathing unaided under monitored anesthesia care, never under general anesthesia",
        "JZ>JW": "it reports an amount thrown away; here {when}",
        "JZ>none":
            "Medicare asks for JW or JZ on every drug from a single-dose container; without one the claim does not say whether any was discarded, and here {when}.",
        "JZ>" + zeroWasteLine:
            "A JW line reports drug actually thrown away; with nothing discarded there is no waste line, and JZ on the drug's line says so.",
        "JW>JZ": "it states that none of the drug was discarded; here {when}",
        "JW>none":
            "Medicare asks for JW or JZ on every drug from a single-dose container; here {when}, so the discarded amount goes on its own line with JW.",
        "JW>" + bothWasteModifiers:
            "JZ states that none of the drug was discarded, so it never stands on a claim that reports waste; the dose given is billed without either modifier and the discarded amount on its own line with JW.",
        "PT>33": "it tells a commercial plan that a service is preventive; here {when}, which Medicare shows with PT",
        "NU>RR": "it is for rented equipment; here {when}",
        "NU>UE": "it is for used equipment that is bought; here {when}",
        "NU>none": "Without a modifier, the claim does not say whether the equipment was bought new, bought used or rented; here {when}.",
        "RR>NU": "it is for equipment bought new; here {when}",
        "RR>UE": "it is for used equipment that is bought; here {when}",
        "RR>none": "Without a modifier, the claim does not say whether the equipment was bought new, bought used or rented; here {when}.",
        "PT>none":
            "Without a modifier, the colonoscopy is billed as an ordinary diagnostic one and the screening benefit is lost; here {when}.",
        "PT>53": "it is for a procedure ended early; this colonoscopy was completed, and what changed was its purpose: {when}",
        "33>PT": "it is Medicare's modifier for a screening colonoscopy that turned diagnostic or therapeutic; here {when}",
        "33>none": "Without 33, the plan may apply the patient's cost sharing to a preventive service; here {when}.",
        "33>52": "it is for a service reduced below what the code describes; here the screening examination was done in full",
        "33>53": "it is for a procedure ended early; here the screening examination was done in full",
        "50>51": "it ranks different procedures of one session; the same procedure on both sides is reported once with 50",
        "50>76": "it is for the same procedure repeated later; here both sides were done in one operation: {when}",
        "50>59":
            "it marks a distinct procedure that would otherwise be bundled; the second side of a procedure done on both sides is shown with 50",
        "50>none": "Without a modifier, the claim says one side was done; here {when}.",
        "25>59":
            "it is for procedures and is not put on an evaluation and management visit; a visit for a separate, significant problem on the day of a procedure takes 25",
        "25>57": "it is for the visit where a major operation is decided; here {when}",
        "25>none":
            "Without a modifier, the visit is taken as the brief assessment that is part of the procedure and is not paid; here {when}.",
        "24>79": "it is for a procedure in an earlier operation's global period; a visit for an unrelated problem in that period takes 24",
        "24>57": "it is for the visit where a major operation is decided; here {when}",
        "24>none":
            "Without a modifier, the surgeon's visit in the postoperative period is taken as part of the operation's follow-up care and is not paid; here {when}.",
        "57>25":
            "it is for a visit on the day of a minor procedure, beyond that procedure's brief assessment; here {when}, which is what 57 marks",
        "57>24": "it is for an unrelated visit in the postoperative period of an earlier operation; here {when}",
        "57>none":
            "Without a modifier, a visit the day before or the day of a major operation is taken as part of its global package and is not paid; here {when}.",
    ]

    /// "modifier 22 (the documented work was …)".
    static func described(_ modifier: String) -> String {
        descriptions[modifier] ?? describe(modifier)
    }

    /// `described(_:)` of every modifier with a meaning, written once.
    private static let descriptions: [String: String] = Dictionary(
        uniqueKeysWithValues: meaning.keys.map { ($0, describe($0)) })

    /// Writes `described(_:)`'s text.
    private static func describe(_ modifier: String) -> String {
        meaning[modifier].map { "modifier \(modifier) (\($0))" } ?? "modifier \(modifier)"
    }
}
