import Foundation
import GRDB
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Several processes starting at once on a new database: each check-then-act of a first session
/// (creating the file and switching it to WAL, adding the learner, syncing items, starting or
/// submitting an exam) is one transaction, so every process gets a definite, documented outcome.
@Suite("First use with several processes at once", .serialized)
struct FirstUseProcessTests {
    @Test func threeDrillsStartingTogetherOnANewDatabaseShareOneNewLearner() async throws {
        let library = try SmallLibrary()
        defer { library.remove() }
        for round in 0..<3 {
            let db = library.file("round-\(round)/progress.sqlite")
            let drill = library.drill(db: db)
            let runs = try await runTogether(Array(repeating: (drill, "a\n"), count: 3), in: library.dir)
            #expect(runs.map(\.status) == [0, 0, 0], "round \(round): \(runs.map(\.stderr))")
            #expect(runs.map(\.stderr) == ["", "", ""])
            let created = runs.compactMap { $0.jsonLines.first { $0["type"] as? String == "session" }?["created"] as? Bool }
            #expect(created.sorted { !$0 && $1 } == [false, false, true], "round \(round): exactly one process adds lee")
            let answered = runs.map { $0.jsonLines.first { $0["type"] as? String == "summary" }?["answered"] as? Int }
            #expect(answered == [1, 1, 1])
            #expect(try DatabaseRows(path: db) == DatabaseRows(learners: 1, reviews: 3, sessions: 3, examAttempts: 0))
            let items = try DatabaseRows.scalar("SELECT count(*) FROM items", path: db)
            #expect(try items == library.itemCount, "the library's active items are synced once, whoever syncs")
        }
    }

    @Test func twoExamsStartingTogetherMakeOneAttemptAndTheOtherIsToldToResume() async throws {
        let library = try SmallLibrary()
        defer { library.remove() }
        let db = library.file("progress.sqlite")
        let exam = [
            "exam", "--learner", "lee", "--blueprint", "quick", "--json", "--library", library.dir.path,
            "--db", db, "--now", "2026-01-05T10:00:00Z",
        ]
        let runs = try await runTogether([(exam + ["--seed", "1"], ""), (exam + ["--seed", "2"], "")], in: library.dir)
        #expect(runs.map(\.status).sorted() == [0, 64], "\(runs.map(\.stderr))")
        let refused = try #require(runs.first { $0.status == 64 })
        // Either process may be the one that adds lee; the refused one may have added lee and then lost the race to start.
        let created = "codedrill: created learner 'lee'\n"
        #expect(runs.filter { $0.stderr.hasPrefix(created) }.count == 1, "\(runs.map(\.stderr))")
        #expect(
            refused.stderr.replacingOccurrences(of: created, with: "")
                == "codedrill: error: lee has an unfinished exam (attempt 1: 0 of 4 answered, 10:00 left); continue it with `codedrill exam --resume`\n"
        )
        #expect(refused.stdout == "")
        #expect(try DatabaseRows(path: db) == DatabaseRows(learners: 1, reviews: 0, sessions: 1, examAttempts: 1))
    }

    @Test func twoResumesOfAnExpiredExamSubmitItOnceAndBothPrintItsReport() async throws {
        let library = try SmallLibrary()
        defer { library.remove() }
        let db = library.file("progress.sqlite")
        let common = ["--learner", "lee", "--json", "--library", library.dir.path, "--db", db]
        let start = try await runTogether(
            // Seed 7 draws four multiple-choice questions: "a" answers the first, "n" skips the second, "b" the third.
            [(["exam", "--blueprint", "quick", "--seed", "7", "--now", "2026-01-05T10:00:00Z"] + common, "a\nn\nb\n")],
            in: library.dir)
        #expect(start.map(\.status) == [0])
        let resume = ["exam", "--resume", "--now", "2026-01-05T10:30:00Z"] + common
        let runs = try await runTogether([(resume, ""), (resume, "")], in: library.dir)
        // Each one either submits (or finds submitted) the attempt and prints its report, or comes
        // after the other has finished and is told there is nothing to resume.
        let late = "codedrill: error: lee has no unfinished exam; start one with `codedrill exam`\n"
        for run in runs {
            #expect(run.status == 0 && run.stderr == "" || run.status == 64 && run.stderr == late, "\(run.stderr)")
        }
        let reports = runs.compactMap { $0.jsonLines.first { $0["type"] as? String == "report" } }
        #expect(reports.count == runs.filter { $0.status == 0 }.count)
        #expect(!reports.isEmpty)
        for report in reports {
            #expect(report["answered"] as? Int == 2)
            #expect(report["submittedAt"] as? String == "2026-01-05T10:10:00Z")
        }
        // One review per answered question, recorded once.
        #expect(try DatabaseRows(path: db) == DatabaseRows(learners: 1, reviews: 2, sessions: 1, examAttempts: 1))
    }
}

/// Ctrl-C, a closed terminal and `kill` end a session like `q`: summary printed, answers kept,
/// exit status 128 + the signal number.
@Suite("Stop signals", .serialized)
struct StopSignalTests {
    /// Answers one question, sends `signal` while the next one waits, and returns the run.
    private func drillStopped(by signal: Int32, in library: SmallLibrary, db: String) async throws -> Finished {
        let directory = library.dir
        return try await offPool {
            let child = try Child(library.drill(db: db), in: directory)
            _ = child.read(type: "question")
            child.send("a\n")
            _ = child.read(type: "feedback")
            _ = child.read(type: "question")
            child.signal(signal)
            return child.finish(closingInput: false)
        }
    }

    @Test(arguments: [(SIGINT, "SIGINT"), (SIGHUP, "SIGHUP"), (SIGTERM, "SIGTERM")])
    func aSignalEndsADrillLikeQuitWithItsSummary(signal: Int32, name: String) async throws {
        let library = try SmallLibrary()
        defer { library.remove() }
        let db = library.file("progress.sqlite")
        let run = try await drillStopped(by: signal, in: library, db: db)
        #expect(run.status == 128 + signal)
        #expect(
            run.stderr == "codedrill: created learner 'lee'\ncodedrill: stopped by \(name); every answer given is saved\n"
                || run.stderr == "codedrill: stopped by \(name); every answer given is saved\n")
        let summary = try #require(run.jsonLines.last)
        #expect(summary["type"] as? String == "summary")
        #expect(summary["answered"] as? Int == 1)
        #expect(try DatabaseRows(path: db) == DatabaseRows(learners: 1, reviews: 1, sessions: 1, examAttempts: 0))
        let ended = try DatabaseRows.scalar("SELECT count(*) FROM sessions WHERE ended_at IS NOT NULL", path: db)
        #expect(ended == 1)
    }

    @Test func anAnswerInFlightWhenTheSignalComesIsSavedWholeOrNotAtAll() async throws {
        let library = try SmallLibrary()
        defer { library.remove() }
        let db = library.file("progress.sqlite")
        let directory = library.dir
        let run = try await offPool {
            let child = try Child(library.drill(db: db), in: directory)
            _ = child.read(type: "question")
            child.send("a\n")
            child.signal(SIGINT)
            return child.finish(closingInput: false)
        }
        #expect(run.status == 130)
        let summary = try #require(run.jsonLines.last)
        #expect(summary["type"] as? String == "summary")
        let answered = try #require(summary["answered"] as? Int)
        #expect(answered == 0 || answered == 1)
        #expect(try DatabaseRows(path: db) == DatabaseRows(learners: 1, reviews: answered, sessions: answered, examAttempts: 0))
    }

    @Test func aSignalLeavesAnExamOpenWithItsAnswersAndPrintsThePause() async throws {
        let library = try SmallLibrary()
        defer { library.remove() }
        let db = library.file("progress.sqlite")
        let directory = library.dir
        let stored = Mutex("")
        let run = try await offPool {
            let child = try Child(
                [
                    "exam", "--learner", "lee", "--blueprint", "quick", "--seed", "4", "--json", "--library", directory.path,
                    "--db", db, "--now", "2026-01-05T10:00:00Z",
                ],
                in: directory)
            let question = child.read(type: "question")
            // The first question is answered with a code; a multiple-choice question stores the option's letter.
            let options = question?["options"] as? [[String: any Sendable]] ?? []
            stored.withLock { $0 = options.first { $0["text"] as? String == "27130" }?["label"] as? String ?? "27130" }
            child.send("27130\n")
            _ = child.read(type: "saved")
            child.signal(SIGTERM)
            return child.finish(closingInput: false)
        }
        #expect(run.status == 143)
        let paused = try #require(run.jsonLines.last)
        #expect(paused["type"] as? String == "paused")
        #expect(paused["answered"] as? Int == 1)
        let answers = try DatabaseRows.strings("SELECT answer FROM exam_questions WHERE answer IS NOT NULL", path: db)
        #expect(answers == [stored.withLock { $0 }])
        #expect(try DatabaseRows(path: db) == DatabaseRows(learners: 1, reviews: 0, sessions: 1, examAttempts: 1))
    }
}

/// Input limits: what a learner or a file sends is never echoed back whole.
@Suite("Input limits")
struct InputLimitTests {
    @Test func anAnswerLineOverFourKilobytesIsRefusedQuotingOnlyItsStart() async throws {
        let library = try SmallLibrary()
        defer { library.remove() }
        let db = library.file("progress.sqlite")
        let huge = String(repeating: "x", count: 2 << 20)
        let runs = try await runTogether(
            [(library.drill(db: db), huge + "\na\n")],
            in: library.dir)
        let run = try #require(runs.first)
        #expect(run.status == 0)
        let error = try #require(run.jsonLines.first { $0["type"] as? String == "error" })
        #expect(
            error["message"] as? String
                == "that line has 2097152 bytes; an answer has at most 4096 (it started: '\(String(repeating: "x", count: 60))…')")
        #expect(run.stdout.utf8.count < 20_000)
        #expect(run.jsonLines.last?["answered"] as? Int == 1)
    }
}

extension InputLimitTests {
    @Test func aReplayDateOfTenKilobytesIsQuotedByItsStartOnly() async throws {
        let dir = try CodedrillProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let date = String(repeating: "9", count: 10_000)
        let runs = try await runTogether([(["fsrs", "replay"], "{\"reviews\": [[\"\(date)\", 3]]}\n")], in: dir)
        #expect(runs.map(\.status) == [65])
        #expect(
            runs.first?.stderr
                == "codedrill: error: stdin:1: review 1: '\(String(repeating: "9", count: 60))…' is not an ISO 8601 date-time (example: 2026-01-01T09:00:00Z)\n"
        )
    }

    @Test func aLongAnswerThatIsNoOptionIsQuotedByItsStartOnly() async throws {
        let library = try SmallLibrary()
        defer { library.remove() }
        let answer = String(repeating: "z", count: 3_000)
        let runs = try await runTogether(
            [(library.drill(db: library.file("progress.sqlite")), answer + "\n")],
            in: library.dir)
        let error = try #require(runs.first?.jsonLines.first { $0["type"] as? String == "error" })
        let message = try #require(error["message"] as? String)
        #expect(message.hasPrefix("'\(String(repeating: "z", count: 60))…' is not one of the options: "))
        #expect(message.count < 200)
    }
}

/// A full disk, a read-only file or folder and a lock held too long: one line saying which and
/// what to do, exit status 74, and every answer acknowledged before is still there.
@Suite("Storage failures", .serialized)
struct StorageFailureTests {
    /// Drills one question for lee on `db` and returns the arguments for the next drill.
    private func answerOne(_ library: SmallLibrary, db: String) async throws -> [String] {
        let drill = library.drill(db: db)
        let first = try await runTogether([(drill, "a\n")], in: library.dir)
        #expect(first.map(\.status) == [0])
        #expect(try DatabaseRows(path: db) == DatabaseRows(learners: 1, reviews: 1, sessions: 1, examAttempts: 0))
        return drill
    }

    /// Answers one question in a running drill, calls `trouble`, answers the next and returns how
    /// the drill ended.
    private func drill(
        _ arguments: [String], in library: SmallLibrary, trouble: @escaping @Sendable () throws -> Void
    ) async throws -> Finished {
        let directory = library.dir
        return try await offPool {
            let child = try Child(arguments, in: directory)
            _ = child.read(type: "question")
            child.send("a\n")
            _ = child.read(type: "feedback")
            _ = child.read(type: "question")
            try trouble()
            child.send("a\n")
            return child.finish()
        }
    }

    @Test(.enabled(if: FullDisk.available, "needs root to mount a 2 MB tmpfs as a full disk; skipped"))
    func aFullDiskStopsTheDrillWithOneLineAndKeepsEveryAcknowledgedAnswer() async throws {
        let library = try SmallLibrary()
        defer { library.remove() }
        let disk = try FullDisk(at: library.file("disk"))
        defer { disk.unmount() }
        let db = library.file("disk/progress.sqlite")
        let arguments = try await answerOne(library, db: db)
        let run = try await drill(arguments, in: library) { try disk.fill() }
        #expect(run.status == 74)
        #expect(
            run.stderr
                == "codedrill: error: \(db): no space left on device; free some space on that disk and run the command again (every answer already shown as saved is kept)\n"
        )
        #expect(
            run.jsonLines.map { $0["type"] as? String } == ["feedback", "question"] || run.jsonLines.map { $0["type"] as? String } == [])
        try disk.empty()
        // The first drill's answer and the second's first answer were acknowledged; the third was not.
        #expect(try DatabaseRows(path: db) == DatabaseRows(learners: 1, reviews: 2, sessions: 2, examAttempts: 0))
    }

    @Test(.enabled(if: Unprivileged.available, "needs setpriv(1) when run as root; skipped"))
    func aReadOnlyDatabaseFileIsNamedWithWhatToDo() async throws {
        let library = try SmallLibrary()
        defer { library.remove() }
        let folder = library.file("data")
        let db = folder + "/progress.sqlite"
        let arguments = try await answerOne(library, db: db)
        Unprivileged.own(folder)
        Unprivileged.own(db)
        #expect(chmod(db, 0o444) == 0)
        let runs = try await offPool { try Child(arguments, in: library.dir, unprivileged: true).finish() }
        #expect(runs.status == 74)
        #expect(runs.stderr == "codedrill: error: \(db) is read-only; make it writable (chmod u+w \(db)) or pass another file with --db\n")
        #expect(try DatabaseRows(path: db) == DatabaseRows(learners: 1, reviews: 1, sessions: 1, examAttempts: 0))
    }

    @Test(.enabled(if: Unprivileged.available, "needs setpriv(1) when run as root; skipped"))
    func aReadOnlyFolderIsNamedWithWhatToDo() async throws {
        let library = try SmallLibrary()
        defer { library.remove() }
        let folder = library.file("data")
        let db = folder + "/progress.sqlite"
        let arguments = try await answerOne(library, db: db)
        // The first drill closed the file cleanly: no -wal or -shm is left to write through.
        #expect(!FileManager.default.fileExists(atPath: db + "-wal"))
        Unprivileged.own(db)
        #expect(chmod(folder, 0o555) == 0)
        defer { _ = chmod(folder, 0o755) }
        let runs = try await offPool { try Child(arguments, in: library.dir, unprivileged: true).finish() }
        #expect(runs.status == 74)
        #expect(
            runs.stderr
                == "codedrill: error: \(db) cannot be written: its folder \(folder) is read-only, and SQLite needs to create progress.sqlite-wal and progress.sqlite-shm beside it; make the folder writable or pass another path with --db\n"
        )
        let fresh = folder + "/other.sqlite"
        let create = try await offPool {
            try Child(["learner", "add", "kim", "--db", fresh], in: library.dir, unprivileged: true).finish()
        }
        #expect(create.status == 74)
        #expect(
            create.stderr
                == "codedrill: error: cannot create \(fresh): its folder \(folder) is not writable; make it writable or pass another path with --db\n"
        )
        #expect(try DatabaseRows(path: db) == DatabaseRows(learners: 1, reviews: 1, sessions: 1, examAttempts: 0))
    }

    @Test func aDatabaseLockedPastTheBusyTimeoutStopsTheDrillWithOneLine() async throws {
        let library = try SmallLibrary()
        defer { library.remove() }
        let db = library.file("progress.sqlite")
        let arguments = try await answerOne(library, db: db)
        let holder = try WriteLock(path: db)
        let run = try await drill(arguments, in: library) { try holder.take() }
        try holder.release()
        #expect(run.status == 74)
        #expect(
            run.stderr
                == "codedrill: error: \(db) is locked: another program has been writing to it for more than 5 s (another codedrill, an sqlite3 shell, a backup); let it finish or close it, then run the command again\n"
        )
        #expect(try DatabaseRows(path: db) == DatabaseRows(learners: 1, reviews: 2, sessions: 2, examAttempts: 0))
    }
}

/// A small tmpfs that a test fills up: a full disk without touching the machine's own disks.
struct FullDisk {
    let path: String

    /// Whether one can be mounted: as root, with mount(8).
    static var available: Bool { getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount") }

    init(at path: String) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=2m,mode=0755", "tmpfs", path]
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { throw MountFailed() }
    }

    /// Writes a filler file until the disk has no block left.
    func fill() throws {
        let descriptor = open(path + "/filler", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw MountFailed() }
        defer { close(descriptor) }
        let block = [UInt8](repeating: 0, count: 4096)
        while write(descriptor, block, block.count) > 0 {}
    }

    /// Removes the filler.
    func empty() throws { try FileManager.default.removeItem(atPath: path + "/filler") }

    func unmount() {
        let umount = Process()
        umount.executableURL = URL(fileURLWithPath: "/bin/umount")
        umount.arguments = [path]
        try? umount.run()
        umount.waitUntilExit()
    }

    struct MountFailed: Error {}
}
