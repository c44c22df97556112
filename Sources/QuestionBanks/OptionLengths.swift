/// The length cue of a single-answer question.
public enum OptionLengths {
    /// Whether a right answer of `key` characters stands out beside wrong ones of at most
    /// `longestWrong`: a quarter longer and 15 characters longer. Test-wise students pick the
    /// longest, most qualified option (instructor reviews of the shipped banks rated such questions 3
    /// of 5); `lint` warns of it in banks, and a generated `contrast` avoids it where it can.
    public static func keyStandsOut(key: Int, longestWrong: Int) -> Bool {
        key * 4 > longestWrong * 5 && key - longestWrong >= 15
    }
}
