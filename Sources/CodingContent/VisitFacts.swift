import SourceText
import Yams

/// A level of medical decision making (MDM), or the level one MDM element supports.
public enum MDMLevel: String, Sendable, Codable, CaseIterable, Comparable {
    /// The lowest level.
    case straightforward
    /// The second level.
    case low
    /// The third level.
    case moderate
    /// The highest level.
    case high

    /// Position from 0 (straightforward) to 3 (high).
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Orders levels from straightforward to high.
    public static func < (a: MDMLevel, b: MDMLevel) -> Bool { a.rank < b.rank }

    /// The level of medical decision making that three element levels give: the highest level that at
    /// least two elements reach, which is the middle one of the three.
    public static func decided(_ a: MDMLevel, _ b: MDMLevel, _ c: MDMLevel) -> MDMLevel {
        [a, b, c].sorted()[1]
    }
}

/// The kind of encounter an E/M code family covers.
public enum VisitCategory: String, Sendable, Codable, CaseIterable {
    /// Office or other outpatient visits (2021 rules: MDM or total time).
    case office
    /// Hospital inpatient or observation care (2023 rules: MDM or total time; discharge by time).
    case hospital
    /// Emergency department visits (2023 rules: MDM only, never time).
    case emergency
    /// Preventive medicine visits (chosen by age and patient status).
    case preventive

    /// How the category reads in a sentence ("an office or outpatient visit").
    public var phrase: String {
        switch self {
        case .office: "an office or outpatient visit"
        case .hospital: "hospital inpatient or observation care"
        case .emergency: "an emergency department visit"
        case .preventive: "a preventive medicine visit"
        }
    }
}

/// The patient's status that an E/M code requires.
public enum VisitStatus: String, Sendable, Codable, CaseIterable {
    /// No professional service from this physician or one of the same specialty in the group within three years.
    case new
    /// Seen by this physician or one of the same specialty in the group within three years.
    case established
    /// The first hospital encounter of this physician with the patient during the stay.
    case initial
    /// A later hospital encounter of the same stay.
    case subsequent
    /// The day of discharge from the hospital stay.
    case discharge

    /// The categories this status belongs to.
    var categories: [VisitCategory] {
        switch self {
        case .new, .established: [.office, .preventive]
        case .initial, .subsequent, .discharge: [.hospital]
        }
    }
}

/// One MDM element of a visit case, tagged with the level it supports and why.
public struct MDMElement: Sendable, Hashable, Codable {
    /// The level this element supports.
    public var level: MDMLevel
    /// Why, in the author's words: a clause about this note ("two chronic illnesses, one getting worse").
    public var why: String

    /// Creates an element tag.
    public init(level: MDMLevel, why: String) {
        self.level = level
        self.why = why
    }
}

/// The three MDM elements of a visit case.
public struct MDMTally: Sendable, Hashable, Codable {
    /// Number and complexity of problems addressed.
    public var problems: MDMElement
    /// Amount and complexity of data reviewed and analysed.
    public var data: MDMElement
    /// Risk of complications, morbidity or mortality of patient management.
    public var risk: MDMElement

    /// Creates a tally.
    public init(problems: MDMElement, data: MDMElement, risk: MDMElement) {
        self.problems = problems
        self.data = data
        self.risk = risk
    }

    /// The MDM level the three elements give (two of three decide).
    public var level: MDMLevel { MDMLevel.decided(problems.level, data.level, risk.level) }
}

/// One authored visit: a short visit note and, where the code family uses MDM, its tagged elements.
public struct VisitCase: Sendable, Hashable, Codable {
    /// Why the patient came (the chief complaint or reason for the visit).
    public var complaint: String
    /// The history, as a visit note tells it (who the patient is to the practice goes here too).
    public var history: String
    /// The examination.
    public var exam: String
    /// Data reviewed or ordered, if any.
    public var data: String?
    /// The assessment and plan.
    public var plan: String
    /// Total time on the date of the encounter, in minutes, for a case decided (or lifted) by time.
    public var time: Int?
    /// The tagged MDM elements (absent for preventive and discharge files).
    public var mdm: MDMTally?
    /// The patient's age range for this case, when narrower than the file's.
    public var age: ClosedRange<Int>?
    /// Where the case starts in the file.
    public var location: SourceLocation

    /// Creates a case.
    public init(
        complaint: String, history: String, exam: String, data: String? = nil, plan: String, time: Int? = nil, mdm: MDMTally? = nil,
        age: ClosedRange<Int>? = nil, location: SourceLocation
    ) {
        self.complaint = complaint
        self.history = history
        self.exam = exam
        self.data = data
        self.plan = plan
        self.time = time
        self.mdm = mdm
        self.age = age
        self.location = location
    }

    /// Every text field of the note, in the order the note shows them.
    public var texts: [String] { [complaint, history, exam] + (data.map { [$0] } ?? []) + [plan] }
}

/// What decides an evaluation and management (E/M) code: the family's category and patient status,
/// the MDM level and total-time threshold it requires, and authored visit cases (front-matter `visit`).
public struct VisitFacts: Sendable, Hashable, Codable {
    /// Office, hospital, emergency or preventive.
    public var category: VisitCategory
    /// New, established, initial, subsequent or discharge (`nil` for the emergency department).
    public var status: VisitStatus?
    /// The MDM levels the code accepts (two for 99221 and 99231, which take straightforward or low);
    /// empty when the code is not chosen by MDM (preventive, discharge).
    public var mdm: [MDMLevel]
    /// The total time on the date of the encounter that must be met or exceeded, in minutes.
    public var time: Int?
    /// The most total time the code allows, in minutes (99238: 30).
    public var timeMax: Int?
    /// The authored visit cases.
    public var cases: [VisitCase]

    /// Creates visit facts.
    public init(
        category: VisitCategory, status: VisitStatus?, mdm: [MDMLevel], time: Int? = nil, timeMax: Int? = nil, cases: [VisitCase]
    ) {
        self.category = category
        self.status = status
        self.mdm = mdm
        self.time = time
        self.timeMax = timeMax
        self.cases = cases
    }

    /// The highest MDM level the code accepts, if it is chosen by MDM.
    public var topLevel: MDMLevel? { mdm.max() }

    /// Words that give an E/M level away; a visit note never contains them (lint checks).
    public static let levelWords = [
        "straightforward", "moderate", "complexity", "medical decision making", "mdm", "low risk", "high risk",
    ]

    /// The first level word in `text` (whole words, any case; a hyphen counts as a space), if any.
    public static func levelWord(in text: String) -> String? {
        let padded = " " + String(text.lowercased().map { $0.isLetter ? $0 : " " }) + " "
        return levelWords.first { padded.contains(" " + $0 + " ") }
    }
}
