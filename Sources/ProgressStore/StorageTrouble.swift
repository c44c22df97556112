import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What is wrong with the place a database lives when SQLite says it cannot write: a full disk,
/// a read-only file, folder or file system. SQLite's own words ("attempt to write a readonly
/// database", "disk I/O error") do not tell a learner what to do; these lines do.
enum StorageTrouble {
    /// The line for a write refused by SQLite (read-only, cannot open, permission), after looking
    /// at the file, its folder and its file system; `detail` is SQLite's message, kept as a last resort.
    static func unwritable(_ path: String, detail: String) -> String {
        let folder = folderOf(path)
        if isReadOnlyFileSystem(folder) {
            return "\(path) is on a read-only file system; remount it writable, or copy the file elsewhere and pass that path with --db"
        }
        if FileManager.default.fileExists(atPath: path) && access(path, W_OK) != 0 {
            return "\(path) is read-only; make it writable (chmod u+w \(path)) or pass another file with --db"
        }
        if access(folder, W_OK) != 0 {
            let name = (path as NSString).lastPathComponent
            return
                "\(path) cannot be written: its folder \(folder) is read-only, and SQLite needs to create \(name)-wal and \(name)-shm beside it; make the folder writable or pass another path with --db"
        }
        return "\(path) cannot be written: \(detail)"
    }

    /// The line for a disk that is full.
    static func diskFull(_ path: String) -> String {
        "\(path): no space left on device; free some space on that disk and run the command again (every answer already shown as saved is kept)"
    }

    /// The line for a lock another process held past the busy timeout.
    static func locked(_ path: String, seconds: Int) -> String {
        "\(path) is locked: another program has been writing to it for more than \(seconds) s (another codedrill, an sqlite3 shell, a backup); let it finish or close it, then run the command again"
    }

    /// Whether the file system holding `path` (or its folder) has no block left for an ordinary
    /// user: an I/O error there is a full disk, whatever SQLite called it.
    static func isDiskFull(_ path: String) -> Bool {
        var stats = statvfs()
        guard statvfs(folderOf(path), &stats) == 0 else { return false }
        return stats.f_bavail == 0
    }

    /// The line for an `errno` met while creating `path` itself, or `nil` to use the system's words.
    static func creation(_ path: String, errno code: Int32) -> String? {
        switch code {
        case ENOSPC: diskFull(path)
        case EACCES where !isReadOnlyFileSystem(folderOf(path)), EPERM where !isReadOnlyFileSystem(folderOf(path)):
            "cannot create \(path): its folder \(folderOf(path)) is not writable; make it writable or pass another path with --db"
        case EROFS, EACCES, EPERM: unwritable(path, detail: String(cString: strerror(code)))
        default: nil
        }
    }

    private static func isReadOnlyFileSystem(_ folder: String) -> Bool {
        var stats = statvfs()
        guard statvfs(folder, &stats) == 0 else { return false }
        return stats.f_flag & UInt(ST_RDONLY) != 0
    }

    private static func folderOf(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }
}
