import FSRS
import Foundation
import ProgressStore
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built `codedrill` binary: next to the test bundle, else in the package's `.build/debug`.
private let codedrillBinary: String = {
    if let bundle = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
        let sibling = (bundle as NSString).deletingLastPathComponent + "/codedrill"
        if FileManager.default.isExecutableFile(atPath: sibling) { return sibling }
    }
    var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while directory.path != "/" {
        let candidate = directory.appendingPathComponent(".build/debug/codedrill").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        directory.deleteLastPathComponent()
    }
    return "codedrill"
}()

/// A finished run of the binary.
private struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// A scratch directory for one test, also used as `$HOME` of the child processes.
private struct Scratch {
    let path = NSTemporaryDirectory() + "codedrill-process-tests-" + UUID().uuidString

    init() { try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// The environment of a child: ours without codedrill's variables, `HOME` here.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in ["CODEDRILL_DB", "CODEDRILL_NOW", "CODEDRILL_LIBRARY", "XDG_DATA_HOME"] {
            environment[name] = nil
        }
        environment["HOME"] = path
        return environment.merging(extra) { $1 }
    }

    /// A `codedrill` process with `arguments`, standard output piped, standard error discarded.
    func process(_ arguments: [String]) -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: codedrillBinary)
        process.arguments = arguments
        process.environment = environment()
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        return (process, output)
    }

    /// Runs `codedrill` to completion with `input` on standard input (none: end of input at once).
    func run(_ arguments: [String], input: String? = nil, environment extra: [String: String] = [:]) async throws -> Run {
        try await offThePool { [self] in try runBlocking(arguments, input: input, environment: extra) }
    }

    private func runBlocking(_ arguments: [String], input: String?, environment extra: [String: String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: codedrillBinary)
        process.arguments = arguments
        process.environment = environment(extra)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        let errorData = Mutex<Data>(Data())
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            let data = errors.fileHandleForReading.readDataToEndOfFile()
            errorData.withLock { $0 = data }
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData.withLock { $0 }, as: UTF8.self))
    }
}

/// Review ids from complete `committed <id>` lines (a line cut by the kill is ignored).
private func committedIDs(_ output: Data) -> [Int64] {
    let text = String(decoding: output, as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines.removeLast()  // the text after the last newline: empty, or a line cut short
    return lines.compactMap { line in
        line.hasPrefix("committed ") ? Int64(line.dropFirst("committed ".count)) : nil
    }
}

/// Checks that every card's repetition count equals the number of its reviews.
private func expectCardsMatchReviews(_ store: ProgressStore, learner: Learner.ID, sourceLocation: SourceLocation = #_sourceLocation) throws
{
    let reviews = try store.reviews(learner: learner)
    let perItem = Dictionary(grouping: reviews, by: \.answer.item).mapValues(\.count)
    let reps = try store.cards(learner: learner).mapValues(\.reps)
    #expect(reps == perItem, sourceLocation: sourceLocation)
}

@Suite("Progress database across processes", .serialized)
struct StoreProcessTests {
    @Test func killingARunningDrillLosesNoCommittedAnswer() async throws {
        for round in 0..<4 {
            let scratch = Scratch()
            defer { scratch.remove() }
            let path = scratch.file("progress.sqlite")
            let (process, output) = scratch.process([
                "db", "exercise", "--db", path, "--learner", "Pat", "--count", "1000000", "--item-prefix", "cpt:2728",
                "--items", "7",
            ])
            try process.run()
            // Round 0 may kill during start-up (creating the file, switching to WAL, migrating).
            let delay = round == 0 ? Int.random(in: 0...60) : Int.random(in: 150...900)
            try await Task.sleep(for: .milliseconds(delay))
            kill(process.processIdentifier, SIGKILL)
            let printed = output.fileHandleForReading.readDataToEndOfFile()
            await process.exited()
            #expect(process.terminationReason == .uncaughtSignal, "round \(round), killed after \(delay) ms")
            let committed = committedIDs(printed)

            let store = try ProgressStore(path: path)
            #expect(try store.check() == DatabaseCheck(schemaVersion: 4, problems: []), "round \(round), after \(delay) ms")
            guard let pat = try store.learner(named: "Pat") else {
                #expect(committed == [], "round \(round): answers printed but no learner")
                continue
            }
            let stored = Set(try store.reviews(learner: pat.id).map(\.id))
            #expect(Set(committed).isSubset(of: stored), "round \(round), killed after \(delay) ms")
            // At most the answer being recorded when the signal came is stored without being printed.
            #expect(stored.count - committed.count <= 1, "round \(round), killed after \(delay) ms")
            try expectCardsMatchReviews(store, learner: pat.id)
        }
    }

    @Test func twoProcessesStartingTogetherOnANewDatabaseLoseNoReview() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let path = scratch.file("shared/progress.sqlite")
        let go = scratch.file("go")
        let children = (0..<2).map { _ in
            scratch.process([
                "db", "exercise", "--db", path, "--learner", "Pat", "--count", "1000", "--item-prefix", "icd:",
                "--items", "13", "--start-file", go,
            ])
        }
        for (process, _) in children { try process.run() }
        try await Task.sleep(for: .milliseconds(300))  // both are polling for the start file
        #expect(FileManager.default.createFile(atPath: go, contents: Data()))

        let outputs = Mutex<[Int: Data]>([:])
        let group = DispatchGroup()
        for (index, child) in children.enumerated() {
            DispatchQueue.global().async(group: group) {
                let data = child.1.fileHandleForReading.readDataToEndOfFile()
                outputs.withLock { $0[index] = data }
            }
        }
        await withCheckedContinuation { continuation in group.notify(queue: .global()) { continuation.resume() } }
        for (process, _) in children {
            await process.exited()
            #expect(process.terminationStatus == 0)
        }
        let committed = outputs.withLock { $0 }.values.map(committedIDs)
        #expect(committed.map(\.count) == [1000, 1000])

        let store = try ProgressStore(path: path)
        #expect(try store.check() == DatabaseCheck(schemaVersion: 4, problems: []))
        #expect(try store.learners().map(\.name) == ["Pat"])
        let pat = try #require(try store.learner(named: "Pat"))
        let reviews = try store.reviews(learner: pat.id)
        #expect(reviews.count == 2000)
        #expect(Set(reviews.map(\.id)) == Set(committed.joined()))
        try expectCardsMatchReviews(store, learner: pat.id)
        #expect(try store.cards(learner: pat.id).values.map(\.reps).reduce(0, +) == 2000)
    }

    /// Switching a new file to WAL mode fails at once with "database is locked" when another process
    /// holds a lock, instead of waiting: without a retry about one round in thirty fails.
    @Test func manyProcessesCreatingTheSameDatabaseAtOnceAllSucceed() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        for round in 0..<16 {
            let path = scratch.file("race-\(round).sqlite")
            let go = scratch.file("go-\(round)")
            let children = (0..<4).map { index in
                scratch.process([
                    "db", "exercise", "--db", path, "--learner", "Pat", "--count", "1", "--item-prefix", "p\(index)-",
                    "--start-file", go,
                ])
            }
            for (process, _) in children { try process.run() }
            try await Task.sleep(for: .milliseconds(150))
            #expect(FileManager.default.createFile(atPath: go, contents: Data()))
            for (process, output) in children {
                #expect(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).hasPrefix("committed "))
                await process.exited()
                #expect(process.terminationStatus == 0, "round \(round)")
            }
            let store = try ProgressStore(path: path)
            let pat = try #require(try store.learner(named: "Pat"))
            #expect(try store.reviews(learner: pat.id).count == 4)
        }
    }

    @Test func backupWhileAnotherProcessRecordsIsConsistent() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let path = scratch.file("progress.sqlite")
        let (drill, output) = scratch.process([
            "db", "exercise", "--db", path, "--learner", "Pat", "--count", "1000000", "--item-prefix", "hcpcs:", "--items", "5",
        ])
        try drill.run()
        defer {
            kill(drill.processIdentifier, SIGKILL)
            _ = output.fileHandleForReading.readDataToEndOfFile()
            drill.waitUntilExit()
        }
        // Wait for the first committed answer, so that the learner exists in every copy.
        var started = Data()
        while !String(decoding: started, as: UTF8.self).contains("committed ") {
            let chunk = output.fileHandleForReading.availableData
            #expect(!chunk.isEmpty, "the recording process ended early")
            if chunk.isEmpty { return }
            started += chunk
        }
        for index in 0..<3 {
            let copy = scratch.file("backup-\(index).sqlite")
            let run = try await scratch.run(["db", "backup", "--db", path, copy])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout == "backed up \(path) to \(copy)\n")
            let backup = try ProgressStore(path: copy)
            #expect(try backup.check() == DatabaseCheck(schemaVersion: 4, problems: []))
            let pat = try #require(try backup.learner(named: "Pat"))
            try expectCardsMatchReviews(backup, learner: pat.id)
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    @Test func learnerCommandsRoundTripAwkwardNames() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let db = ["--db", scratch.file("progress.sqlite")]
        for name in ["O'Brien; DROP TABLE learners;--", "Zoë 🩺", "Pat"] {
            let run = try await scratch.run(["learner", "add", name] + db)
            #expect(run.status == 0)
            #expect(run.stdout == "added learner '\(name)'\n")
        }
        #expect(try await scratch.run(["learner", "list"] + db).stdout == "O'Brien; DROP TABLE learners;--\nPat\nZoë 🩺\n")

        let duplicate = try await scratch.run(["learner", "add", "Pat"] + db)
        #expect(duplicate.status == 65)
        #expect(duplicate.stderr == "codedrill: error: a learner named 'Pat' already exists\n")

        let renamed = try await scratch.run(["learner", "rename", "Pat", "Pat Q"] + db)
        #expect(renamed.status == 0)
        #expect(renamed.stdout == "renamed learner 'Pat' to 'Pat Q'\n")
        #expect(try await scratch.run(["learner", "rename", "Nobody", "X"] + db).status == 65)
    }

    @Test func learnerDeleteNeedsTheNameTypedBack() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let db = ["--db", scratch.file("progress.sqlite")]
        _ = try await scratch.run(["learner", "add", "Zoë 🩺"] + db)

        let endOfInput = try await scratch.run(["learner", "delete", "Zoë 🩺"] + db)
        #expect(endOfInput.status == 1)
        #expect(endOfInput.stderr == "codedrill: error: not confirmed; learner 'Zoë 🩺' was not deleted\n")
        let wrong = try await scratch.run(["learner", "delete", "Zoë 🩺"] + db, input: "zoe\n")
        #expect(wrong.status == 1)
        #expect(try await scratch.run(["learner", "list"] + db).stdout == "Zoë 🩺\n")

        let confirmed = try await scratch.run(["learner", "delete", "Zoë 🩺"] + db, input: "Zoë 🩺\n")
        #expect(confirmed.status == 0)
        #expect(
            confirmed.stdout
                == "This deletes all progress of 'Zoë 🩺'. Type the learner's name to confirm: deleted learner 'Zoë 🩺' (0 cards, 0 reviews)\n"
        )
        #expect(try await scratch.run(["learner", "list"] + db).stdout == "")

        _ = try await scratch.run(["learner", "add", "Sam"] + db)
        let forced = try await scratch.run(["learner", "delete", "Sam", "--yes"] + db)
        #expect(forced.stdout == "deleted learner 'Sam' (0 cards, 0 reviews)\n")
        #expect(try await scratch.run(["learner", "delete", "Sam", "--yes"] + db).status == 65)
    }

    @Test func defaultDatabaseLocationFollowsTheEnvironment() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let xdg = scratch.file("data")
        #expect(try await scratch.run(["learner", "add", "Pat"], environment: ["XDG_DATA_HOME": xdg]).status == 0)
        let viaXDG = xdg + "/codedrill/progress.sqlite"
        let attributes = try FileManager.default.attributesOfItem(atPath: viaXDG)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        #expect(try await scratch.run(["learner", "add", "Sam"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: scratch.file(".local/share/codedrill/progress.sqlite")))

        let viaVariable = scratch.file("env.sqlite")
        #expect(
            try await scratch.run(["learner", "add", "Kim"], environment: ["CODEDRILL_DB": viaVariable, "XDG_DATA_HOME": xdg]).status == 0)
        #expect(try await scratch.run(["learner", "list", "--db", viaVariable]).stdout == "Kim\n")
    }

    @Test func databaseCheckAndRefusalsUseTheDocumentedExitCodes() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let path = scratch.file("progress.sqlite")
        let missing = try await scratch.run(["db", "check", "--db", path])
        #expect(missing.status == 74)
        #expect(missing.stderr == "codedrill: error: no progress database at \(path)\n")

        _ = try await scratch.run(["learner", "add", "Pat", "--db", path])
        let sound = try await scratch.run(["db", "check", "--db", path])
        #expect(sound.status == 0)
        #expect(sound.stdout == "\(path): ok (schema version 4)\n")

        let notes = scratch.file("notes.sqlite")
        let text = Data("not a database\n".utf8)
        #expect(FileManager.default.createFile(atPath: notes, contents: text))
        for arguments in [
            ["db", "check"], ["learner", "list"], ["learner", "add", "Pat"], ["report", "items"], ["results", "export", "-o", "x.jsonl"],
        ] {
            let refused = try await scratch.run(arguments + ["--db", notes])
            #expect(refused.status == 65)
            #expect(
                refused.stderr == "codedrill: error: \(notes) is not a codedrill database (not an SQLite file); it was left untouched\n")
        }
        #expect(FileManager.default.contents(atPath: notes) == text)

        let copy = scratch.file("copy.sqlite")
        #expect(try await scratch.run(["db", "backup", copy, "--db", path]).status == 0)
        let again = try await scratch.run(["db", "backup", copy, "--db", path])
        #expect(again.status == 74)
        #expect(again.stderr == "codedrill: error: \(copy) already exists; choose a new file name for the backup\n")
        #expect(try await scratch.run(["learner", "list", "--db", copy]).stdout == "Pat\n")
    }
}
