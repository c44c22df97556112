import Testing
@testable import ProgressStore
