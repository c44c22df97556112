import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the progress database lives, and how its file comes into being.
public enum DatabaseLocation {
    /// The database path of the command-line contract: `explicitPath` (`--db`), else
    /// `$CODEDRILL_DB`, else `$XDG_DATA_HOME/codedrill/progress.sqlite`, else
    /// `$HOME/.local/share/codedrill/progress.sqlite`.
    ///
    /// Empty variables count as unset, and so does a relative `$XDG_DATA_HOME` (the XDG base
    /// directory specification says to ignore it). Returns `nil` when nothing applies (no `--db`,
    /// no variables and no `$HOME`).
    public static func resolve(explicitPath: String?, environment: [String: String]) -> String? {
        func value(_ name: String) -> String? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            return text
        }
        if let explicitPath, !explicitPath.isEmpty { return explicitPath }
        if let path = value("CODEDRILL_DB") { return path }
        if let dataHome = value("XDG_DATA_HOME"), dataHome.hasPrefix("/") {
            return join(dataHome, "codedrill/progress.sqlite")
        }
        if let home = value("HOME") {
            return join(home, ".local/share/codedrill/progress.sqlite")
        }
        return nil
    }

    private static func join(_ directory: String, _ relative: String) -> String {
        directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }

    /// Creates the parent directory of `path` (owner-only, 0700) when missing, and the file itself
    /// as an empty file readable and writable by its owner only (0600) when missing. Returns whether
    /// the file was created. An existing file keeps its contents and its mode.
    @discardableResult
    static func createIfMissing(_ path: String) throws(StoreError) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                throw .io("cannot create the directory \(directory) for \(path): \(reason(error))")
            }
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            let code = errno
            if code == EEXIST { return false }
            throw .io(StorageTrouble.creation(path, errno: code) ?? "cannot create \(path): \(String(cString: strerror(code)))")
        }
        defer { close(descriptor) }
        // The umask may have removed bits from 0600; set exactly owner read/write.
        if fchmod(descriptor, 0o600) != 0 {
            throw .io("cannot set the mode of \(path): \(String(cString: strerror(errno)))")
        }
        return true
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }
}
