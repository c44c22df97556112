import SourceText
import Yams

extension ProcedureParser {
    /// The keys of an E/M file's `visit` mapping.
    public static let visitKeys = ["category", "status", "mdm", "time", "time_max", "cases"]
    /// The keys of one visit case.
    public static let visitCaseKeys = ["complaint", "history", "exam", "data", "plan", "time", "age", "mdm"]
    /// The keys of a visit case's `mdm` tally.
    public static let tallyKeys = ["problems", "data", "risk"]
    /// The keys of one tallied element.
    public static let elementKeys = ["level", "why"]
}

extension FileParser {
    /// Reads an E/M file's `visit` mapping (see docs/content-format.md, "E/M files").
    mutating func parseVisit(_ node: Node, patient: PatientProfile) -> VisitFacts? {
        guard let mapping = node.mapping else {
            error(at: node, "'visit' must be a mapping with 'category', 'status', 'mdm', 'time' and 'cases'")
            return nil
        }
        checkKeys(mapping, allowed: ProcedureParser.visitKeys, context: "visit")
        var category: VisitCategory?
        if let value = mapping["category"] {
            category = (enumList(value, key: "category") as [VisitCategory]).first
        } else {
            error(at: node, "'visit' is missing 'category' (office, hospital, emergency or preventive)")
        }
        var status: VisitStatus?
        if let value = mapping["status"] {
            status = (enumList(value, key: "status") as [VisitStatus]).first
            if category == .emergency {
                error(at: value, "an emergency department code has no patient status: leave 'status' out")
                status = nil
            } else if let s = status, let c = category, !s.categories.contains(c) {
                let fitting = VisitStatus.allCases.filter { $0.categories.contains(c) }.map(\.rawValue)
                error(
                    at: value, "status '\(s.rawValue)' does not fit category '\(c.rawValue)' (expected \(fitting.joined(separator: ", ")))")
                status = nil
            }
        } else if category != nil, category != .emergency {
            error(at: node, "'visit' is missing 'status' (new, established, initial, subsequent or discharge)")
        }
        let timeOnly = category == .preventive || status == .discharge
        var mdm: [MDMLevel] = []
        if let value = mapping["mdm"] {
            if timeOnly {
                error(
                    at: value,
                    "this code is not chosen by medical decision making (\(category == .preventive ? "age and patient status decide" : "time decides")): leave 'mdm' out"
                )
            } else {
                mdm = enumList(value, key: "mdm")
            }
        } else if category != nil, !timeOnly {
            error(at: node, "'visit' is missing 'mdm' (the level of medical decision making the code requires)")
        }
        var time: Int?
        var timeMax: Int?
        for (name, value) in [("time", mapping["time"]), ("time_max", mapping["time_max"])] {
            guard let value else { continue }
            if category == .emergency || category == .preventive {
                error(
                    at: value,
                    "\(category == .emergency ? "emergency department" : "preventive") codes are never chosen by time: leave '\(name)' out")
                continue
            }
            guard let minutes = minutes(value, key: name) else { continue }
            if name == "time" { time = minutes } else { timeMax = minutes }
        }
        if status == .discharge, time == nil, timeMax == nil {
            error(at: node, "discharge day management is chosen by time: give 'time' (at least) or 'time_max' (at most) in minutes")
        }
        var cases: [VisitCase] = []
        if let value = mapping["cases"] {
            let entries = mappings(value, key: "cases", allowed: ProcedureParser.visitCaseKeys, noun: "visit case")
            for (item, caseMapping) in entries {
                if let visitCase = parseVisitCase(
                    item, caseMapping, category: category, usesMDM: !timeOnly, mdm: mdm, time: time, timeMax: timeMax, patient: patient)
                {
                    cases.append(visitCase)
                }
            }
            if entries.count < 2, value.sequence != nil {
                error(at: value, "'cases' needs at least two visit cases, found \(entries.count)")
            }
        } else {
            error(at: node, "'visit' is missing 'cases' (at least two visit notes)")
        }
        guard let category else { return nil }
        return VisitFacts(category: category, status: status, mdm: mdm, time: time, timeMax: timeMax, cases: cases)
    }

    /// A whole number of minutes from 1 to 600, or `nil` with an error.
    mutating func minutes(_ node: Node, key: String) -> Int? {
        guard let text = string(node, key: key) else { return nil }
        if let value = Int(text), value >= 1, value <= 600 { return value }
        error(at: node, "'\(key)' must be a whole number of minutes, such as 30")
        return nil
    }

    mutating func parseVisitCase(
        _ item: Node, _ mapping: Node.Mapping, category: VisitCategory?, usesMDM: Bool, mdm: [MDMLevel], time: Int?, timeMax: Int?,
        patient: PatientProfile
    ) -> VisitCase? {
        let noun = "visit case"
        let complaint = field(mapping, "complaint", in: item, noun: noun, required: true)
        let history = field(mapping, "history", in: item, noun: noun, required: true)
        let exam = field(mapping, "exam", in: item, noun: noun, required: true)
        let data = field(mapping, "data", in: item, noun: noun, required: false)
        let plan = field(mapping, "plan", in: item, noun: noun, required: true)
        for name in ["complaint", "history", "exam", "data", "plan"] {
            guard let value = mapping[name], let text = value.string, let word = VisitFacts.levelWord(in: text) else { continue }
            error(at: value, "visit case names '\(word)': a note must not give the level away")
        }
        var caseTime: Int?
        if let value = mapping["time"] {
            if category == .emergency || category == .preventive {
                error(
                    at: value,
                    "\(category == .emergency ? "emergency department" : "preventive") codes are never chosen by time: leave 'time' out")
            } else if let minutes = minutes(value, key: "time") {
                caseTime = minutes
                if let time, minutes < time { error(at: value, "total time \(minutes) minutes is below this code's \(time)") }
                if let timeMax, minutes > timeMax { error(at: value, "total time \(minutes) minutes is above this code's \(timeMax)") }
            }
        } else if !usesMDM, category == .hospital {
            error(at: item, "a discharge case needs 'time' (total minutes on the day of discharge)")
        }
        var age: ClosedRange<Int>?
        if let value = mapping["age"], let text = string(value, key: "age") {
            let parts = text.split(separator: "-").map { Int($0.trimmed) }
            if parts.count == 2, let lo = parts[0], let hi = parts[1], lo <= hi, lo >= patient.minimumAge, hi <= patient.maximumAge {
                age = lo...hi
            } else {
                error(
                    at: value,
                    "case age '\(Excerpt.of(text))' must be a range like 40-60 within the file's patient age \(patient.minimumAge)-\(patient.maximumAge)"
                )
            }
        }
        var tally: MDMTally?
        if let value = mapping["mdm"] {
            if usesMDM {
                tally = parseTally(value)
            } else {
                error(at: value, "visit case has 'mdm', but this code is not chosen by medical decision making")
            }
        } else if usesMDM {
            error(at: item, "visit case is missing 'mdm' (problems, data and risk, each with 'level' and 'why')")
        }
        if let tally, let top = mdm.max() {
            let level = tally.level
            let told =
                "problems \(tally.problems.level.rawValue), data \(tally.data.level.rawValue) and risk \(tally.risk.level.rawValue) give \(level.rawValue) decision making"
            if caseTime == nil, !mdm.contains(level) {
                error(at: item, "visit case: \(told), but this code needs \(mdm.map(\.rawValue).joined(separator: " or "))")
            } else if caseTime != nil, level > top {
                error(at: item, "visit case: \(told), above this code's \(top.rawValue): decision making alone would give a higher code")
            }
        }
        guard let complaint, let history, let exam, let plan else { return nil }
        if usesMDM, tally == nil { return nil }
        return VisitCase(
            complaint: complaint, history: history, exam: exam, data: data, plan: plan, time: caseTime, mdm: tally, age: age,
            location: location(item))
    }

    mutating func parseTally(_ node: Node) -> MDMTally? {
        guard let mapping = node.mapping else {
            error(at: node, "a case's 'mdm' must be a mapping with 'problems', 'data' and 'risk'")
            return nil
        }
        checkKeys(mapping, allowed: ProcedureParser.tallyKeys, context: "mdm")
        var elements: [MDMElement] = []
        for name in ProcedureParser.tallyKeys {
            guard let value = mapping[name] else {
                error(at: node, "a case's 'mdm' is missing '\(name)'")
                continue
            }
            guard let element = value.mapping else {
                error(at: value, "'\(name)' must be a mapping with 'level' and 'why'")
                continue
            }
            checkKeys(element, allowed: ProcedureParser.elementKeys, context: name)
            var level: MDMLevel?
            if let levelNode = element["level"] {
                level = (enumList(levelNode, key: "level") as [MDMLevel]).first
            } else {
                error(at: value, "'\(name)' is missing 'level'")
            }
            let why = field(element, "why", in: value, noun: "'\(name)'", required: true)
            if let level, let why { elements.append(MDMElement(level: level, why: why)) }
        }
        guard elements.count == 3 else { return nil }
        return MDMTally(problems: elements[0], data: elements[1], risk: elements[2])
    }
}
