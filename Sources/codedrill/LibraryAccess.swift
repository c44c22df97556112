import ArgumentParser
import CodingContent
import Foundation

/// The one place commands find and read the library.
enum LibraryAccess {
    /// The working directory.
    static var workingDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    /// The library directory the global options select.
    static func root(_ global: GlobalOptions) -> URL {
        LibraryLocator.resolve(
            explicit: global.library, environment: global.environment, workingDirectory: workingDirectory,
            executable: LibraryLocator.currentExecutable)
    }

    /// Reads the selected library; a missing directory is a data error (exit 65).
    static func load(_ global: GlobalOptions) throws -> Library {
        do {
            return try Library.load(root: root(global), workingDirectory: workingDirectory)
        } catch let error as LibraryError {
            throw CommandFailure(error.description, status: .dataError)
        }
    }
}

/// Output formats of commands that print data.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// For people.
    case text
    /// For scripts.
    case json
}
