/// What a caller's words point to: phrases per call type with weights, and phrases that suggest asking a safety
/// question. Policy data (the policy's `vocabulary:` file); read and checked by ``VocabularyReader``.
public struct Vocabulary: Sendable {
    /// One phrase of the vocabulary, as stems.
    struct Phrase: Sendable {
        /// As written in the vocabulary, for showing what matched.
        let text: String
        let stems: [String]
        let target: Target
        let weight: Int
    }

    enum Target: Sendable, Hashable {
        case callType(CallType.Index)
        case flag(Int)
    }

    let phrases: [Phrase]
    /// Phrases by their first stem.
    let byFirstStem: [String: [Int]]
    /// First stems of five letters or more by length, for forgiving a one-letter slip.
    let longStemsByLength: [Int: [String]]

    init(phrases: [Phrase]) {
        self.phrases = phrases
        var index: [String: [Int]] = [:]
        for (offset, phrase) in phrases.enumerated() { index[phrase.stems[0], default: []].append(offset) }
        byFirstStem = index
        var long: [Int: [String]] = [:]
        for stem in index.keys where stem.count >= 5 { long[stem.count, default: []].append(stem) }
        longStemsByLength = long
    }

}
