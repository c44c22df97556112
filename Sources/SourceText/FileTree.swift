#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding a library's files with plain POSIX calls: Foundation's directory enumerator, asked for
/// resource values, cost more at start-up than parsing a few files.
public enum FileTree {
    /// Paths (`directory/relative/path`) of the files under `directory` whose extension is
    /// `pathExtension` (compared without regard to ASCII case), at any depth, sorted. Names starting
    /// with `.` are skipped, symbolic links to directories are not followed, and only regular files
    /// (or links to them) are listed. A missing or unreadable directory has no files.
    public static func files(under directory: String, withExtension pathExtension: String) -> [String] {
        let root = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        let suffix = "." + pathExtension.lowercased()
        var found: [String] = []
        var pending = [root]
        while let current = pending.popLast() {
            guard let stream = opendir(current) else { continue }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                guard !name.hasPrefix(".") else { continue }
                let path = current + "/" + name
                var status = stat()
                guard lstat(path, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR:
                    pending.append(path)
                case S_IFREG:
                    if hasSuffix(name, suffix) { found.append(path) }
                case S_IFLNK:
                    if hasSuffix(name, suffix), stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG { found.append(path) }
                default:
                    continue
                }
            }
        }
        return found.sorted()
    }

    /// Whether `name` ends in `suffix` (lower-case), comparing ASCII letters without case.
    private static func hasSuffix(_ name: String, _ suffix: String) -> Bool {
        let name = Array(name.utf8)
        let suffix = Array(suffix.utf8)
        guard name.count > suffix.count else { return false }
        for (a, b) in zip(name[(name.count - suffix.count)...], suffix) {
            let lower = (0x41...0x5A).contains(a) ? a + 0x20 : a
            if lower != b { return false }
        }
        return true
    }
}
