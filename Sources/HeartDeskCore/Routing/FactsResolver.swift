/// Why typed text (a call type, a beat, a safety flag) does not name anything in a policy.
public enum FactsError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownCallType(String, suggestions: [String])
    case unknownBeat(String, policy: String)
    case unknownFlag(String, policy: String, known: [String])

    public var description: String {
        switch self {
        case .unknownCallType(let typed, let close):
            return "unknown call type '\(typed)'" + (close.isEmpty ? "" : "; did you mean \(close.joined(separator: ", "))?")
        case .unknownBeat(let typed, let policy):
            return "unknown beat '\(typed)' in policy \(policy) (type the beat number, or 'unknown')"
        case .unknownFlag(let id, let policy, let known):
            return "safety flag '\(id)' is not in policy \(policy) (it has: \(known.isEmpty ? "none" : known.joined(separator: ", ")))"
        }
    }
}

extension Policy {
    /// Whether typed beat text means "the caller cannot say where": empty, or the word `unknown`.
    public static func isUnknownBeat(_ text: String?) -> Bool {
        guard let text = text?.trimmingWhitespace else { return true }
        return text.isEmpty || text.lowercased() == "unknown"
    }

    /// The call type a call-taker means, or an error with the nearest names.
    public func resolveCallType(_ text: String) throws(FactsError) -> CallType {
        guard let callType = callType(named: text) else {
            throw .unknownCallType(text, suggestions: callTypeSuggestions(for: text))
        }
        return callType
    }

    /// The beat typed, nil for "unknown" or blank, or an error for a beat the policy does not have.
    public func resolveBeat(_ text: String?) throws(FactsError) -> Beat? {
        if Self.isUnknownBeat(text) { return nil }
        guard let beat = beat(id: text!) else { throw .unknownBeat(text!.trimmingWhitespace, policy: name) }
        return beat
    }

    /// The flags named by `ids`, or an error for one the policy does not define.
    public func resolveFlags(_ ids: [String]) throws(FactsError) -> SafetyFlagSet {
        var set = SafetyFlagSet()
        for id in ids {
            guard let flag = safetyFlag(id: id) else { throw .unknownFlag(id, policy: name, known: safetyFlags.map(\.id)) }
            set.insert(SafetyFlagSet(index: flag.index))
        }
        return set
    }

    /// Flag ids in policy order, as events record them.
    public func flagIDs(_ set: SafetyFlagSet) -> [String] {
        set.indices.map { safetyFlags[$0].id }
    }

    /// The one path from typed text to routable facts, used by the command line, the form, scenarios and re-routing.
    public func resolveFacts(callType: String, beat: String?, flags: [String]) throws(FactsError) -> CallFacts {
        CallFacts(callType: try resolveCallType(callType).index, beat: try resolveBeat(beat)?.index, flags: try resolveFlags(flags))
    }
}
