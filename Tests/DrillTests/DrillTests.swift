import Testing
@testable import Drill
