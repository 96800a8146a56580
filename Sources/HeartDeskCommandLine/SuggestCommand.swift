import ArgumentParser
import Foundation
import HeartDeskCore

/// `heartdesk suggest TEXT`: the call types a caller's words point to, ranked, and the safety questions to ask.
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Suggest call types from a caller's words, with the words that matched, and the safety questions to ask.",
        discussion: """
            Example: heartdesk suggest "my brother is on the bridge rail saying he wants to end it". The words are \
            matched on stems, a one-letter slip is forgiven in longer words, and a phrase after a negation ("not \
            suicidal", "no weapon") does not count. Suggestions only: nothing is decided or recorded.
            """
    )

    @Argument(help: ArgumentHelp("What the caller said.", valueName: "narrative"))
    var narrative: String

    @OptionGroup var policyOption: PolicyOption

    @Flag(name: .long, help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
        let policy = try policyOption.load()
        let vocabulary: Vocabulary
        do {
            guard let loaded = try policy.loadVocabulary() else {
                throw UserError("policy \(policy.name) has no vocabulary: words cannot be matched to call types")
            }
            vocabulary = loaded
        } catch let error as PolicyError {
            throw UserError("bad vocabulary: \(error)")
        }
        let result = vocabulary.suggest(narrative)
        if json {
            let object: [String: Any] = [
                "suggestions": result.suggestions.map {
                    ["callType": policy[$0.callType].name, "code": policy[$0.callType].code, "score": $0.score, "matched": $0.matched]
                },
                "flags": result.flags.map { ["flag": policy.safetyFlags[$0.flag].id, "matched": $0.matched] },
                "negated": result.negated,
            ]
            print(try JSONVocabulary.text(object))
            return
        }
        if result.suggestions.isEmpty { say("No call type matches these words: choose one by name.") }
        for (rank, suggestion) in result.suggestions.enumerated() {
            let callType = policy[suggestion.callType]
            say("\(rank + 1). \(callType.name) (\(callType.code)) — " + suggestion.matched.map { "‘\($0)’" }.joined(separator: ", ")
                + " · score \(suggestion.score)")
        }
        for question in result.flags {
            let flag = policy.safetyFlags[question.flag]
            say("Ask: \(flag.question) — " + question.matched.map { "‘\($0)’" }.joined(separator: ", "))
        }
        if !result.negated.isEmpty { say("Not counted (negated): " + result.negated.map { "‘\($0)’" }.joined(separator: ", ")) }
    }
}
