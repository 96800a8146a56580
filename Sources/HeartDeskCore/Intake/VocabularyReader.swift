import Foundation
import Yams

/// Reads a vocabulary file (docs/policy-format.md, "Vocabulary") against its policy, naming file and line on a fault.
public enum VocabularyReader {
    /// The vocabulary in the file at `path`; every call type and flag it names must be in `policy`.
    public static func load(path: String, displayName: String, policy: Policy) throws -> Vocabulary {
        try Walker(source: displayName, policy: policy).vocabulary(from: PolicyLoader.composeFile(path: path, displayName: displayName))
    }

    private struct Walker: YAMLWalking {
        let source: String
        let policy: Policy

        func vocabulary(from root: Node) throws -> Vocabulary {
            let top = try fields(of: root, what: "the vocabulary", required: ["callTypes"], optional: ["flags"])
            var phrases: [Vocabulary.Phrase] = []
            guard let types = top["callTypes"]!.mapping else { throw fail(top["callTypes"]!, "callTypes must map call types to phrases") }
            for (typeNode, phraseMap) in types {
                let name = try string(typeNode, what: "call type")
                guard let callType = policy.callType(named: name) else {
                    let near = policy.callTypeSuggestions(for: name)
                    throw fail(typeNode, "unknown call type '\(name)'" + (near.isEmpty ? "" : " (did you mean \(near.joined(separator: ", "))?)"))
                }
                guard let entries = phraseMap.mapping else { throw fail(phraseMap, "the phrases of \(name) must map each phrase to a weight") }
                for (phraseNode, weightNode) in entries {
                    let phrase = try string(phraseNode, what: "phrase")
                    let weight = try wholeNumber(weightNode, what: "weight of '\(phrase)'", limit: 10)
                    guard weight > 0 else { throw fail(weightNode, "weight of '\(phrase)' must be from 1 to 10") }
                    phrases.append(try made(phrase, at: phraseNode, target: .callType(callType.index), weight: weight))
                }
            }
            if let flagsNode = top["flags"] {
                guard let flags = flagsNode.mapping else { throw fail(flagsNode, "flags must map safety flags to lists of phrases") }
                for (flagNode, list) in flags {
                    let id = try string(flagNode, what: "safety flag")
                    guard let flag = policy.safetyFlag(id: id) else {
                        throw fail(flagNode, "unknown safety flag '\(id)' (policy \(policy.name) has: \(policy.safetyFlags.map(\.id).joined(separator: ", ")))")
                    }
                    for phraseNode in try sequence(list, what: "phrases of \(id)") {
                        phrases.append(try made(try string(phraseNode, what: "phrase"), at: phraseNode, target: .flag(flag.index), weight: 1))
                    }
                }
            }
            return Vocabulary(phrases: phrases)
        }

        private func made(_ phrase: String, at node: Node, target: Vocabulary.Target, weight: Int) throws -> Vocabulary.Phrase {
            let stems = WordStems.tokens(phrase).map(\.stem)
            guard !stems.isEmpty else { throw fail(node, "the phrase '\(phrase)' has no words") }
            return Vocabulary.Phrase(text: phrase, stems: stems, target: target, weight: weight)
        }
    }
}

extension Policy {
    /// The policy's vocabulary, read from its file now; nil when the policy names none.
    public func loadVocabulary() throws -> Vocabulary? {
        guard let source = vocabulary else { return nil }
        return try VocabularyReader.load(path: source.path, displayName: source.displayName, policy: self)
    }
}
