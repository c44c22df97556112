import Testing

@testable import FSRS

@Test func ratingsAreOrderedAsInThePaper() {
    #expect(Rating.allCases.map(\.rawValue) == [1, 2, 3, 4])
    #expect(Rating.again < Rating.easy)
}
