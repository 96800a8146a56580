/// Call types a caller's words point to, best first, each with the words that matched; and the safety questions
/// those words suggest asking. Suggestions only: the call-taker takes one or not.
public struct CallTypeSuggestions: Sendable, Hashable {
    /// One call type and why.
    public struct Suggestion: Sendable, Hashable {
        public let callType: CallType.Index
        /// Sum of the weights of the distinct phrases that matched.
        public let score: Int
        /// The vocabulary's phrases that matched, in the order they appear in the narrative.
        public let matched: [String]
    }

    /// A safety question the words suggest asking ("knife" → weapon?), never an answer.
    public struct FlagQuestion: Sendable, Hashable {
        public let flag: Int
        public let matched: [String]
    }

    public let suggestions: [Suggestion]
    public let flags: [FlagQuestion]
    /// Phrases that matched but came right after a negation ("not suicidal"): not counted, shown as such.
    public let negated: [String]
}

extension Vocabulary {
    /// The call types `narrative` points to, at most `limit`, best first (ties in policy order).
    public func suggest(_ narrative: String, limit: Int = 5) -> CallTypeSuggestions {
        let tokens = WordStems.tokens(narrative)
        var scores: [CallType.Index: (score: Int, matched: [String], first: Int)] = [:]
        var flags: [Int: [String]] = [:]
        var negated: [String] = []
        var seen = Set<Int>()
        // Words already counted for a target: "voices" inside "hearing voices" does not count twice.
        var covered: [Target: [Range<Int>]] = [:]
        for start in tokens.indices {
            // Longest first, so a phrase and a shorter one at the same word count once.
            for phraseIndex in candidates(for: tokens[start].stem).sorted(by: { phrases[$0].stems.count > phrases[$1].stems.count })
            where !seen.contains(phraseIndex) {
                let phrase = phrases[phraseIndex]
                let span = start..<(start + phrase.stems.count)
                guard start + phrase.stems.count <= tokens.count,
                      !(covered[phrase.target] ?? []).contains(where: { $0.contains(span.lowerBound) && $0.contains(span.upperBound - 1) }),
                      phrase.stems.indices.allSatisfy({ i in
                          tokens[start + i].clause == tokens[start].clause && Self.same(tokens[start + i].stem, phrase.stems[i])
                      }) else { continue }
                if isNegated(at: start, in: tokens) {
                    negated.append(phrase.text)
                    continue
                }
                seen.insert(phraseIndex)
                covered[phrase.target, default: []].append(span)
                switch phrase.target {
                case .callType(let type):
                    var entry = scores[type] ?? (0, [], start)
                    entry.score += phrase.weight
                    entry.matched.append(phrase.text)
                    scores[type] = entry
                case .flag(let flag):
                    flags[flag, default: []].append(phrase.text)
                }
            }
        }
        let ranked = scores.sorted { ($1.value.score, $0.key.rawValue) < ($0.value.score, $1.key.rawValue) }.prefix(limit)
        return CallTypeSuggestions(
            suggestions: ranked.map { .init(callType: $0.key, score: $0.value.score, matched: $0.value.matched) },
            flags: flags.sorted { $0.key < $1.key }.map { .init(flag: $0.key, matched: $0.value) },
            negated: negated)
    }

    /// Phrases whose first stem is `stem`, or one slip from it when it is five letters or more.
    private func candidates(for stem: String) -> [Int] {
        if let exact = byFirstStem[stem] { return exact }
        guard stem.count >= 5 else { return [] }
        var result: [Int] = []
        for length in stem.count - 1...stem.count + 1 {
            for key in longStemsByLength[length] ?? [] where key.first == stem.first && EditDistance.between(key, stem) <= 1 {
                result += byFirstStem[key]!
            }
        }
        return result
    }

    /// Equal, or — for words of five letters or more — one slip apart ("sucidal" for "suicidal").
    private static func same(_ typed: String, _ wanted: String) -> Bool {
        typed == wanted || (wanted.count >= 5 && abs(typed.count - wanted.count) <= 1 && EditDistance.between(typed, wanted) <= 1)
    }

    /// A negation among the three words before, in the same clause: "not suicidal", "no weapon", "denies having a knife".
    private func isNegated(at start: Int, in tokens: [WordStems.Token]) -> Bool {
        for back in 1...3 where start - back >= 0 {
            let token = tokens[start - back]
            guard token.clause == tokens[start].clause else { return false }
            if WordStems.negations.contains(token.stem) { return true }
        }
        return false
    }
}
