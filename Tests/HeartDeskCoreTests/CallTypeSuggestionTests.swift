import Foundation
import HeartDeskCore
import Testing
import TestSupport

/// Call types from a caller's words, with Durham's shipped vocabulary.
@Suite("Call type suggestions")
struct CallTypeSuggestionTests {
    static let vocabulary: Vocabulary = {
        do { return try #require(try Durham.policy.loadVocabulary()) } catch { fatalError("\(error)") }
    }()

    func top(_ narrative: String) -> [String] {
        Self.vocabulary.suggest(narrative).suggestions.map { Durham.policy[$0.callType].name }
    }

    /// The shipped narratives (docs/narratives/durham.tsv): expected call type and the words.
    static func narratives(_ name: String = "durham.tsv") throws -> [(expected: String, text: String)] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/narratives/\(name)")
        return try String(contentsOf: file, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            return (parts[0], parts[1])
        }
    }

    @Test("the shipped narratives: the expected type in the top three for at least 90 % of them")
    func accuracy() throws {
        let cases = try Self.narratives()
        #expect(cases.count >= 60)
        var top1 = 0, top3 = 0
        var misses: [String] = []
        for (expected, text) in cases {
            let ranked = top(text)
            guard Durham.policy.callType(named: expected) != nil else { Issue.record("unknown type \(expected)"); continue }
            if ranked.first == expected { top1 += 1 }
            if ranked.prefix(3).contains(expected) { top3 += 1 } else { misses.append("\(expected): \(text) → \(ranked.prefix(3))") }
        }
        print("suggestion accuracy: top-1 \(top1)/\(cases.count), top-3 \(top3)/\(cases.count)")
        #expect(Double(top3) / Double(cases.count) >= 0.9, "\(misses.joined(separator: "\n"))")
    }

    @Test("the second held-out set, written before the vocabulary's second tuning and kept out of it: 85 % or more in the top three")
    func heldOut() throws {
        let cases = try Self.narratives("durham-held-out-2.tsv")
        let top1 = cases.filter { top($0.text).first == $0.expected }.count
        let top3 = cases.filter { top($0.text).prefix(3).contains($0.expected) }.count
        let misses = cases.filter { !top($0.text).prefix(3).contains($0.expected) }.map { "\($0.expected): \($0.text) → \(top($0.text).prefix(3))" }
        print("held-out accuracy: top-1 \(top1)/\(cases.count), top-3 \(top3)/\(cases.count)\n" + misses.joined(separator: "\n"))
        #expect(Double(top3) / Double(cases.count) >= 0.85, "\(misses.joined(separator: "\n"))")
    }

    @Test("the words that matched are shown, in the narrative's order")
    func matchedWords() {
        let result = Self.vocabulary.suggest("my brother is standing on the bridge rail saying he wants to end it")
        #expect(result.suggestions.first.map { Durham.policy[$0.callType].name } == "Suicide Threat")
        #expect(result.suggestions.first?.matched == ["bridge", "end it"])
    }

    @Test("a negation keeps a phrase from counting, and is reported", arguments: [
        ("she is not suicidal", "suicidal"), ("he denies having any knife", "knife"), ("no weapon seen", "weapon"),
        ("he isn't drunk", "drunk"),
    ])
    func negation(text: String, phrase: String) {
        let result = Self.vocabulary.suggest(text)
        #expect(!result.suggestions.contains { $0.matched.contains(phrase) })
        #expect(!result.flags.contains { $0.matched.contains(phrase) })
        #expect(result.negated.contains(phrase))
    }

    @Test("words inside a longer phrase that matched are not counted again for the same call type")
    func overlapCountsOnce() {
        let result = Self.vocabulary.suggest("she keeps hearing voices")
        #expect(result.suggestions.first?.matched == ["hearing voices"])
        #expect(result.suggestions.first?.score == 3)
    }

    @Test("a negation in another clause does not reach the phrase")
    func negationStopsAtTheClause() {
        let result = Self.vocabulary.suggest("he is not violent, but he says he is suicidal")
        #expect(result.suggestions.first.map { Durham.policy[$0.callType].name } == "Suicide Threat")
    }

    @Test("a one-letter slip in a longer word is forgiven", arguments: [("my friend is sucidal", "Suicide Threat"),
                                                                       ("she is halucinating", "Mental Health Crisis"),
                                                                       ("a man tresspassing in the yard", "Trespass")])
    func misspelling(text: String, expected: String) {
        #expect(top(text).first == expected)
    }

    @Test("safety questions are proposed from the words, never answered", arguments: [
        ("he has a knife and is threatening his mother", ["weapon", "elevated-risk"]), ("she keeps hitting the wall", ["violent"]),
        ("he is calm and sitting down", []),
    ])
    func flagQuestions(text: String, flags: [String]) {
        #expect(Self.vocabulary.suggest(text).flags.map { Durham.policy.safetyFlags[$0.flag].id } == flags)
    }

    @Test("a bad vocabulary file names its line")
    func badVocabulary() throws {
        let directory = TemporaryDirectory()
        let cases: [(String, String)] = [
            ("callTypes:\n  Suicide Treat: {suicidal: 3}\n", "unknown call type 'Suicide Treat' (did you mean Suicide Threat, Attempted Suicide?)"),
            ("callTypes:\n  SUIT: {suicidal: 30}\n", "weight of 'suicidal' must be a whole number from 0 to 10, not '30'"),
            ("callTypes:\n  SUIT: {suicidal: 3}\nflags:\n  knife: [knife]\n", "unknown safety flag 'knife' (policy Durham HEART has: weapon, violent, elevated-risk)"),
            ("callTypes:\n  SUIT: {\"...\": 3}\n", "the phrase '...' has no words"),
        ]
        for (text, message) in cases {
            let path = directory.path("v.yaml")
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            do {
                _ = try VocabularyReader.load(path: path, displayName: "v.yaml", policy: Durham.policy)
                Issue.record("accepted: \(text)")
            } catch let error as PolicyError {
                #expect(error.file == "v.yaml" && error.line != nil && error.message == message, "\(error)")
            }
        }
    }
}
