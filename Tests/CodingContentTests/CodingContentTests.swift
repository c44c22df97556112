import Testing
@testable import CodingContent
