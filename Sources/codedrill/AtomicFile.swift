import Foundation

/// Writes output files so that they are never seen half-written: the bytes go to a temporary file in
/// the same directory, are flushed to disk, and the file is then renamed over the destination (an
/// atomic replace on POSIX file systems). On any failure the destination is untouched.
enum AtomicFile {
    /// Writes `text` to `path` (relative to the working directory), replacing any file there. A new
    /// file gets the usual permissions (0666 less the umask); a replaced file keeps its permissions.
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path, relativeTo: LibraryAccess.workingDirectory).standardizedFileURL
        let directory = url.deletingLastPathComponent().path
        var template = Array("\(directory)/.\(url.lastPathComponent).tmp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure("cannot create \(path)") }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
        }
        let mode = existingMode(url.path) ?? (0o666 & ~currentUmask())
        let bytes = Array(text.utf8)
        var written = 0
        var ok = fchmod(descriptor, mode) == 0
        while ok, written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            ok = count > 0
            written += max(count, 0)
        }
        ok = ok && fsync(descriptor) == 0
        ok = close(descriptor) == 0 && ok
        guard ok else { throw failure("cannot write \(path)") }
        guard rename(temporary, url.path) == 0 else { throw failure("cannot replace \(path)") }
        renamed = true
    }

    /// `message` and the system's reason (from `errno`), as an I/O failure.
    private static func failure(_ message: String) -> CommandFailure {
        CommandFailure("\(message): \(String(cString: strerror(errno)))", status: .ioError)
    }

    private static func existingMode(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    /// The process umask (reading it means setting it, so it is set straight back).
    private static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}
