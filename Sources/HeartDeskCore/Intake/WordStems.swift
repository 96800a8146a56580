/// The caller's words as the vocabulary compares them: lower-cased, apostrophes dropped ("isn't" → "isnt"), and cut
/// to a rough stem, so "threatening", "threatened" and "threatens" meet at "threaten".
///
/// Deliberately small, not Porter's algorithm: it only has to treat the narrative and the vocabulary alike.
enum WordStems {
    /// One word of a narrative: its stem, and the clause it is in (a "." "," ";" "!" "?" or "but" starts a new one).
    struct Token: Equatable {
        let stem: String
        let clause: Int
    }

    static func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        var clause = 0
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            if word == "but" { clause += 1 } else { result.append(Token(stem: stem(word), clause: clause)) }
            word = ""
        }
        for scalar in text.lowercased().unicodeScalars {
            if scalar == "'" || scalar == "’" { continue }
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else {
                flush()
                if ".,;!?".unicodeScalars.contains(scalar) { clause += 1 }
            }
        }
        flush()
        return result
    }

    static func stem(_ word: String) -> String {
        var s = Array(word)
        func ends(_ suffix: String) -> Bool { s.count > suffix.count && s.suffix(suffix.count).elementsEqual(suffix) }
        if ends("ies"), s.count > 4 {
            s.removeLast(3); s.append("y")
        } else if ends("ing"), s.count >= 6 {
            s.removeLast(3)
        } else if ends("ed"), s.count >= 5 {
            s.removeLast(2)
        } else if ends("s"), s.count >= 4, !ends("ss"), !ends("us"), !ends("is") {
            s.removeLast()
        }
        // "hitting" → "hitt" → "hit", "stabbed" → "stabb" → "stab".
        if s.count >= 4, s[s.count - 1] == s[s.count - 2], !"aeiouls".contains(s[s.count - 1]) { s.removeLast() }
        if s.count >= 5, s.last == "e" { s.removeLast() }
        return String(s)
    }

    /// Words that turn the phrase right after them round: "not suicidal", "no weapon", "denies any knife".
    static let negations: Set<String> = ["no", "not", "never", "deny", "denie", "deni", "without", "isnt", "doesnt", "dont",
                                         "didnt", "wasnt", "arent", "werent", "nobody", "none", "noth", "neither", "nor"]
}
