import CodingContent
import Determinism
import Drill
import FSRS
import Foundation
import ProgressStore
import Questions
import Testing

/// The repository's bundled library.
let bundledLibrary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .path

/// The libraries' catalogs, each read and indexed once per test process: a `codedrill questions` run
/// reads and indexes the whole library again (some 3 s of a debug build for the shipped one), and the
/// drill tests ask for every question they answer.
actor LibraryCatalogs {
    static let shared = LibraryCatalogs()
    private var catalogs: [String: Task<QuestionCatalog, any Error>] = [:]

    /// The catalog of the library at `path`, as `codedrill questions --library PATH` builds it.
    func catalog(_ path: String) async throws -> QuestionCatalog {
        if let task = catalogs[path] { return try await task.value }
        let task = Task { QuestionCatalog(library: try Library.load(root: URL(fileURLWithPath: path))) }
        catalogs[path] = task
        return try await task.value
    }
}

/// What `codedrill questions --library LIBRARY --item ITEM --seed SEED --format json` prints, made
/// in this process (the JSON drill test checks that the command prints the same for its first question).
func questionsJSON(item: String, seed: Int, library: String = bundledLibrary) async throws -> String {
    let question = try await LibraryCatalogs.shared.catalog(library).question(itemID: item, seed: UInt64(seed))
    return String(decoding: try CodedrillJSON.encoder(pretty: true).encode([question]), as: UTF8.self) + "\n"
}

/// The label (or, for typed answers, the text) of the right answer to the question a drill showed,
/// derived independently, from the question `codedrill questions --item --seed` prints.
func rightAnswer(item: String, seed: Int, library: String = bundledLibrary) async throws -> (answer: String, wrong: String?) {
    let json = try await questionsJSON(item: item, seed: seed, library: library)
    let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    let question = try #require(array.first)
    let answer = try #require(question["answer"] as? [String: Any])
    let options = question["options"] as? [[String: Any]] ?? []
    let wrong = options.first { ($0["correct"] as? Bool) == false }?["label"] as? String
    if let label = answer["label"] as? String { return (label.lowercased(), wrong?.lowercased()) }
    return (try #require(answer["text"] as? String), nil)
}

@Suite struct DrillCommandTests {
    let day1 = "2026-11-25T10:00:00Z"
    let day3 = "2026-11-27T10:00:00Z"

    @Test func jsonDrillRecordsExactlyTheAnswersUndoesAndSchedulesTheNextDay() async throws {
        let dir = try CodedrillProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("progress.sqlite").path
        let env = ["CODEDRILL_DB": db]
        let drill = try InteractiveProcess(
            ["drill", "--json", "--learner", "ana", "--now", day1, "--library", bundledLibrary, "--new", "3"],
            in: dir, environment: env)
        let start = try await drill.readJSON()
        #expect(start["type"] as? String == "session")
        #expect(start["created"] as? Bool == true)
        #expect(start["planned"] as? Int == 3)

        // (item, given, correct, rating) of every answer that must end up in the database.
        var expected: [(String, String, Bool, String)] = []
        var step = 0
        var undid = false
        var pending: [String: Any]?
        while true {
            let event: [String: Any]
            if let waiting = pending { event = waiting } else { event = try await drill.readJSON() }
            pending = nil
            if event["type"] as? String == "summary" {
                #expect(event["answered"] as? Int == expected.count)
                #expect(event["correct"] as? Int == expected.filter(\.2).count)
                break
            }
            #expect(event["type"] as? String == "question")
            let item = try #require(event["item"] as? String)
            let seed = try #require(event["seed"] as? Int)
            for option in event["options"] as? [[String: Any]] ?? [] {
                #expect(Set(option.keys) == ["label", "text"], "a question never reveals the correct option")
            }
            if step == 0 {
                // The question a drill showed is the one `codedrill questions --item --seed` prints.
                let printed = try await CodedrillProcess.run(
                    ["questions", "--library", bundledLibrary, "--item", item, "--seed", String(seed), "--format", "json"], in: dir)
                #expect(printed.status == 0)
                #expect(printed.stdout == (try await questionsJSON(item: item, seed: seed)))
            }
            let (right, wrong) = try await rightAnswer(item: item, seed: seed)
            step += 1
            if step == 2, let wrong {
                drill.send(wrong)
                let feedback = try await drill.readJSON()
                #expect(feedback["correct"] as? Bool == false)
                #expect(feedback["rating"] as? String == "again")
                #expect(feedback["again"] as? Bool == true)
                if !undid {
                    // The next question is already on screen; undo takes the answer back and asks the item again.
                    let shown = try await drill.readJSON()
                    undid = true
                    drill.send("u")
                    let undone = try await drill.readJSON()
                    #expect(undone["type"] as? String == "undone")
                    #expect(undone["item"] as? String == item)
                    let again = try await drill.readJSON()
                    #expect(again["item"] as? String == item)
                    #expect(again["seed"] as? Int == seed)
                    #expect(shown["type"] as? String == "question")
                    pending = again
                    step -= 1
                    continue
                }
                expected.append((item, wrong.uppercased(), false, "again"))
            } else if step == 3 {
                drill.send("zzz")
                let problem = try await drill.readJSON()
                #expect(problem["type"] as? String == "error")
                drill.send(right + "!")
                let feedback = try await drill.readJSON()
                #expect(feedback["correct"] as? Bool == true)
                #expect(feedback["rating"] as? String == "easy")
                expected.append((item, feedback["given"] as? String ?? "", true, "easy"))
            } else {
                drill.send(right)
                let feedback = try await drill.readJSON()
                #expect(feedback["correct"] as? Bool == true)
                #expect(feedback["rating"] as? String == "good")
                expected.append((item, feedback["given"] as? String ?? "", true, "good"))
            }
        }
        #expect(await drill.finish() == 0)
        #expect(undid)

        let store = try ProgressStore(path: db)
        let learner = try #require(try store.learner(named: "ana"))
        let reviews = try store.reviews(learner: learner.id)
        #expect(
            reviews.map { [$0.answer.item, $0.answer.given, "\($0.answer.correct)", "\($0.answer.rating)"] }
                == expected.map { [$0.0, $0.1, "\($0.2)", $0.3] })

        // Replaying the recorded ratings through FSRS gives the cards the store holds, and so the next days' queue.
        let scheduler = try Scheduler()
        let now1 = try #require(ISO8601DateFormatter().date(from: day1))
        var replayed: [String: Card] = [:]
        for review in reviews {
            let card = replayed[review.answer.item] ?? Card.new(at: now1)
            replayed[review.answer.item] = try scheduler.review(
                card, rating: review.answer.rating, at: now1,
                fuzzSeed: Fuzz.seed(item: review.answer.item, reps: card.reps))
        }
        for (item, card) in replayed {
            #expect(
                try store.card(learner: learner.id, item: item)?.due
                    == Date(timeIntervalSince1970: (card.due.timeIntervalSince1970 * 1000).rounded() / 1000))
        }
        let now3 = try #require(ISO8601DateFormatter().date(from: day3))
        let dueOnDay3 = Set(replayed.filter { $0.value.due <= now3 }.map(\.key))
        #expect(expected.count >= 5)
        #expect(replayed.count == 3)
        #expect(!dueOnDay3.isEmpty)
        try store.close()

        let stats = try await CodedrillProcess.run(
            ["stats", "--learner", "ana", "--now", day3, "--library", bundledLibrary, "--format", "json"],
            in: dir, environment: env)
        #expect(stats.status == 0)
        let statsJSON = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(statsJSON["dueNow"] as? Int == dueOnDay3.count)
        #expect(statsJSON["totalReviews"] as? Int == expected.count)

        let next = try InteractiveProcess(
            ["drill", "--json", "--learner", "ana", "--now", day3, "--library", bundledLibrary, "--new", "0"],
            in: dir, environment: env)
        let nextStart = try await next.readJSON()
        #expect(nextStart["created"] as? Bool == false)
        #expect(nextStart["planned"] as? Int == dueOnDay3.count)
        var seen: Set<String> = []
        while true {
            let event = try await next.readJSON()
            if event["type"] as? String == "summary" { break }
            let item = try #require(event["item"] as? String)
            if seen.contains(item) { break }
            seen.insert(item)
            next.send(try await rightAnswer(item: item, seed: try #require(event["seed"] as? Int)).answer)
            _ = try await next.readJSON()
        }
        #expect(await next.finish() == 0)
        #expect(seen == dueOnDay3)
    }

    @Test func endOfInputMidSessionKeepsEveryAnswerAndGarbageIsNeverRecorded() async throws {
        let dir = try CodedrillProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("p.sqlite").path
        let result = try await CodedrillProcess.run(
            ["drill", "--learner", "bo", "--now", day1, "--library", bundledLibrary, "--new", "5"],
            in: dir, input: "zzz\n\n?\na\nb?\n", environment: ["CODEDRILL_DB": db])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Created learner 'bo'."))
        #expect(
            result.stdout.contains(
                "'zzz' is not one of the options: type a letter a–d or the option's code, optionally followed by ? (unsure) or ! (sure)"))
        #expect(result.stdout.contains("type an answer, or ? for help"))
        #expect(result.stdout.contains("Commands: ? help · s skip · u undo the last answer · q quit"))
        #expect(result.stdout.contains("Session done for bo."))
        #expect(result.stdout.contains("Answered 2 ("))
        let store = try ProgressStore(path: db)
        let learner = try #require(try store.learner(named: "bo"))
        let reviews = try store.reviews(learner: learner.id).map(\.answer.given)
        #expect(reviews == ["A", "B"])
    }

    @Test func freshHomeDrillCreatesTheDatabaseInTheXDGDataDirectory() async throws {
        let home = try CodedrillProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try await CodedrillProcess.run(
            ["drill", "--library", bundledLibrary, "--learner", "newcomer"], in: home, input: "a\nq\n")
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let db = home.appendingPathComponent(".local/share/codedrill/progress.sqlite").path
        #expect(FileManager.default.fileExists(atPath: db))
        let attributes = try FileManager.default.attributesOfItem(atPath: db)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func unknownFilterIsAUsageError() async throws {
        let dir = try CodedrillProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try await CodedrillProcess.run(
            ["drill", "--library", bundledLibrary, "--family", "no-such-family"], in: dir,
            environment: ["CODEDRILL_DB": dir.appendingPathComponent("p.sqlite").path])
        #expect(result.status == 64)
        #expect(
            result.stderr == "codedrill: error: no items match the filters (family no-such-family); `codedrill library` lists families\n")
    }
}

/// Authored GIFT questions are drilled beside generated ones: their items reach the database.
@Suite struct BankDrillTests {
    @Test func giftBankItemsAreDrilledAndRecorded() async throws {
        let dir = try CodedrillProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try dir.write(BankCommandTests.bank, to: "lib/QuestionBanks/rules.gift")
        let library = dir.appendingPathComponent("lib").path
        let db = dir.appendingPathComponent("p.sqlite").path
        let lint = try await CodedrillProcess.run(["lint", "--library", library], in: dir)
        #expect(lint.status == 0)

        let drill = try InteractiveProcess(
            ["drill", "--json", "--learner", "cy", "--now", "2026-11-25T10:00:00Z", "--library", library],
            in: dir, environment: ["CODEDRILL_DB": db])
        #expect(try await drill.readJSON()["type"] as? String == "session")
        var answered: [String] = []
        while true {
            let event = try await drill.readJSON()
            if event["type"] as? String == "summary" { break }
            let item = try #require(event["item"] as? String)
            let seed = try #require(event["seed"] as? Int)
            #expect(item.hasPrefix("gift:"))
            let (right, _) = try await rightAnswer(item: item, seed: seed, library: library)
            drill.send(right)
            let feedback = try await drill.readJSON()
            #expect(feedback["correct"] as? Bool == true, "\(item) answered \(right)")
            answered.append(item)
        }
        #expect(await drill.finish() == 0)
        // Six questions, each answered right twice: new, then once more at its ten-minute learning step.
        #expect(Set(answered).count == 6)
        #expect(answered.count == 12)

        let store = try ProgressStore(path: db)
        let learner = try #require(try store.learner(named: "cy"))
        let reviews = try store.reviews(learner: learner.id)
        #expect(reviews.map(\.answer.item) == answered)
        #expect(reviews.allSatisfy { $0.answer.correct })
    }
}
