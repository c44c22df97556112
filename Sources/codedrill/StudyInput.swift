import ArgumentParser
import Dispatch
import Foundation
import SourceText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard input of a drill or an exam, one line at a time, that also ends when the session is
/// told to stop: Ctrl-C (SIGINT), a closed terminal (SIGHUP) or `kill` (SIGTERM).
///
/// A stop is handled like `q`: the loop sees the end of input, so the answer being recorded when
/// the signal came is committed or not (each answer is one transaction, and the process is not
/// killed inside it), then the summary is printed and the command exits with 128 + the signal
/// number (130 for Ctrl-C), as shells do for a process that a signal ended.
///
/// How: the three signals are ignored by the process and caught by Dispatch signal sources, whose
/// handlers (on a Dispatch queue, never the cooperative pool) write the signal number to a pipe.
/// `readLine()` waits in `poll(2)` on standard input and that pipe, so a signal wakes a blocked
/// read at once, and a signal that comes while an answer is being recorded is seen at the next
/// read. A second signal after the first ends the process at once (the default action), for a
/// learner who does not want to wait for the summary.
///
/// Lines longer than `maximumLineBytes` are refused whole: `refuse` gets a short message quoting
/// their start, and reading goes on with the next line.
final class StudyInput {
    /// The longest answer line accepted, in bytes. Answers are a letter or a few codes.
    static let maximumLineBytes = 4096

    /// The signals that end a session like `q`.
    static let stopSignals: [Int32] = [SIGINT, SIGHUP, SIGTERM]

    /// The signal that stopped the session, once `readLine()` has returned `nil` because of it.
    private(set) var stopSignal: Int32?

    private let refuse: (String) -> Void
    private let stopPipe: (read: Int32, write: Int32)
    private var sources: [any DispatchSourceSignal] = []
    private var pending: [UInt8] = []
    private var atEnd = false

    /// Starts catching the stop signals; `refuse` reports a line that is too long.
    init(refuse: @escaping (String) -> Void) {
        self.refuse = refuse
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            _ = fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK)
        }
        stopPipe = (ends[0], ends[1])
        // Writing to a closed terminal or pipe must not end the process before the summary.
        signal(SIGPIPE, SIG_IGN)
        let queue = DispatchQueue(label: "codedrill.stop-signals")
        let writeEnd = ends[1]
        for number in Self.stopSignals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(writeEnd, &byte, 1)
                // The next one of any of them ends the process at once.
                for other in StudyInput.stopSignals { signal(other, SIG_DFL) }
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
        close(stopPipe.read)
        close(stopPipe.write)
    }

    /// After the summary of a session that a signal stopped: notes it on standard error and exits
    /// with 128 + the signal number. Does nothing when no signal came.
    func exitIfStopped() throws {
        guard let stopSignal else { return }
        Terminal.note("stopped by \(Self.name(of: stopSignal)); every answer given is saved")
        throw ExitCode(128 + stopSignal)
    }

    /// The next line without its line break, or `nil` at the end of input or when a stop signal
    /// has come (then `stopSignal` says which). A last line without a line break is returned.
    func readLine() -> String? {
        while true {
            if stopSignal != nil { return nil }
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = pending[..<newline]
                pending.removeSubrange(...newline)
                if line.count > Self.maximumLineBytes {
                    refuse(tooLongMessage(line.count, start: line))
                    continue
                }
                return String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
            }
            if atEnd {
                // A closed terminal sends SIGHUP and ends the input at once: say which it was.
                if pending.isEmpty {
                    takeWaitingStopSignal()
                    return nil
                }
                pending.append(0x0A)
                continue
            }
            waitForInput()
        }
    }

    /// Sets `stopSignal` when a stop signal is already waiting in the pipe; does not wait.
    private func takeWaitingStopSignal() {
        var fds = [pollfd(fd: stopPipe.read, events: Int16(POLLIN), revents: 0)]
        guard poll(&fds, 1, 0) == 1, fds[0].revents & Int16(POLLIN) != 0 else { return }
        var byte: UInt8 = 0
        if read(stopPipe.read, &byte, 1) == 1 { stopSignal = Int32(byte) }
    }

    /// Waits until standard input or the stop pipe is readable and reads what is there. Bytes of a
    /// line already known to be too long are not kept beyond the limit (plus its quoted start).
    private func waitForInput() {
        var fds = [
            pollfd(fd: stopPipe.read, events: Int16(POLLIN), revents: 0),
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
        ]
        let ready = poll(&fds, 2, -1)
        if ready < 0 {
            if errno == EINTR { return }
            atEnd = true
            return
        }
        if fds[0].revents & Int16(POLLIN) != 0 {
            var byte: UInt8 = 0
            if read(stopPipe.read, &byte, 1) == 1 { stopSignal = Int32(byte) }
            return
        }
        guard fds[1].revents != 0 else { return }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = read(STDIN_FILENO, &chunk, chunk.count)
        if count < 0 {
            if errno != EINTR && errno != EAGAIN { atEnd = true }
            return
        }
        if count == 0 {
            atEnd = true
            return
        }
        pending.append(contentsOf: chunk[..<count])
        trimOverlongLine()
    }

    /// A line still without its break that is already too long keeps only what the refusal
    /// quotes and a count of the rest, so that a multi-megabyte line does not stay in memory.
    private var droppedBytes = 0
    private func trimOverlongLine() {
        guard pending.firstIndex(of: 0x0A) == nil, pending.count > Self.maximumLineBytes + 1 else { return }
        droppedBytes += pending.count - (Self.maximumLineBytes + 1)
        pending.removeSubrange((Self.maximumLineBytes + 1)...)
    }

    /// "that line has 2097152 bytes; an answer has at most 4096 (it started: 'xxxx…')".
    private func tooLongMessage(_ kept: Int, start: ArraySlice<UInt8>) -> String {
        let total = kept + droppedBytes
        droppedBytes = 0
        return
            "that line has \(total) bytes; an answer has at most \(Self.maximumLineBytes) (it started: '\(Excerpt.of(String(decoding: start, as: UTF8.self)))')"
    }

    /// The name of a stop signal, for messages (`SIGINT`).
    static func name(of signal: Int32) -> String {
        switch signal {
        case SIGINT: "SIGINT"
        case SIGHUP: "SIGHUP"
        case SIGTERM: "SIGTERM"
        default: "signal \(signal)"
        }
    }
}
