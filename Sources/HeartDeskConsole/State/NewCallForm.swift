import HeartDeskCore

/// The new-call form as the call-taker fills it in; the same form revises an open call.
public struct NewCallForm: Sendable, Hashable {
    /// A line of the form.
    public enum Field: Sendable, Hashable {
        case callType
        case beat
        /// The safety question of the policy's flag at this index.
        case flag(Int)
        case location
        case caller
        case callback
        case language
        /// Whether an interpreter is needed: answered with a key (y, a, n), like a safety question.
        case interpreter
        case priority
        case note

        var label: String {
            switch self {
            case .callType: return "Call type"
            case .beat: return "Beat"
            case .flag: return ""
            case .location: return "Location"
            case .caller: return "Caller"
            case .callback: return "Callback"
            case .language: return "Language"
            case .interpreter: return "Interpret."
            case .priority: return "Priority"
            case .note: return "Notes"
            }
        }
    }

    public let fields: [Field]
    public var focus = 0
    public var texts: [Field: TextField] = [:]
    /// Answers to the safety questions by flag index; a question missing here was not asked.
    public var answers: [Int: QuestionAnswer] = [:]
    /// The open call this form revises, and its facts when the form opened; nil for a new call.
    public let revising: RevisedCall?

    /// The call a revision form was opened on.
    public struct RevisedCall: Sendable, Hashable {
        public let callID: String
        public let facts: RecordedFacts
    }
    /// Whether the caller needs an interpreter.
    public var interpreter: InterpreterNeed = .notNeeded
    /// Highlighted row of the call-type matches.
    public var matchSelection = 0
    /// What the caller's words (the notes) suggest, worked out by update as they are typed; nil before any.
    public var suggested: CallTypeSuggestions?
    /// What the location resolved to (a beat, a known place and its cautions); nil when nothing knows it.
    public var located: ResolvedLocation?
    /// Earlier calls from the callback number and at the location, looked up as they are typed; nil before either.
    public var repeats: RepeatCalls?
    /// The beat the location filled in, so a later location may replace it but never a beat the call-taker typed.
    public var beatFilledFromLocation: String?
    /// The ringing exercise call this form answers: its caller's words are shown beside the fields.
    public let answering: IncomingCall?

    /// An empty form with one toggle per safety question of `policy`.
    public init(policy: Policy, answering: IncomingCall? = nil) {
        fields = [.callType, .beat] + policy.safetyFlags.indices.map { Field.flag($0) }
            + [.location, .caller, .callback, .language, .interpreter, .priority, .note]
        self.answering = answering
        self.revising = nil
        guard let caller = answering else { return }
        // What the address lookup and the caller give before any question: the call type is the trainee's to choose.
        for (field, text) in [(Field.beat, caller.beat ?? ""), (.location, caller.location), (.caller, caller.callerName),
                              (.callback, caller.callback), (.language, caller.language), (.note, caller.narrative)] where !text.isEmpty {
            texts[field] = TextField(text)
        }
    }

    /// A form over `call`'s current facts, to correct them: only the facts a revision can change.
    public init(policy: Policy, revising call: CallRecord) {
        let facts = call.intake.facts
        fields = [.callType, .beat] + policy.safetyFlags.indices.map { Field.flag($0) }
            + [.location, .callback, .language, .interpreter, .note]
        interpreter = facts.interpreter
        answering = nil
        revising = RevisedCall(callID: call.id, facts: facts)
        for (field, text) in [(Field.callType, facts.callType), (.beat, facts.beat ?? "unknown"), (.location, facts.location),
                              (.callback, facts.callback), (.language, facts.language)] where !text.isEmpty {
            texts[field] = TextField(text)
        }
        for flag in policy.safetyFlags {
            let answer = call.intake.answer(flag.id)
            if answer != .notAsked { answers[flag.index] = answer }
        }
    }

    public var focusedField: Field { fields[focus] }

    /// The answer the form holds for the question of flag `index`.
    public func answer(_ index: Int) -> QuestionAnswer { answers[index] ?? .notAsked }

    /// Flag indices answered yes.
    public var yesFlags: [Int] { answers.filter { $0.value == .yes }.map(\.key).sorted() }
    /// Flag indices answered no.
    public var noFlags: [Int] { answers.filter { $0.value == .no }.map(\.key).sorted() }

    public func text(_ field: Field) -> String { texts[field]?.text ?? "" }

    /// Whether anything has been entered, so leaving would lose it.
    public var hasInput: Bool {
        if revising != nil { return true }
        return !answers.isEmpty || texts.values.contains { !$0.isEmpty }
    }

    /// Call types whose name, code or alias matches what is typed, best first: up to `limit`.
    public func callTypeMatches(in policy: Policy, limit: Int = 6) -> [CallType] {
        Self.matches(for: text(.callType), in: policy, limit: limit)
    }

    /// Type-ahead over names, codes and aliases: prefix matches of any word first, then substrings.
    public static func matches(for typed: String, in policy: Policy, limit: Int) -> [CallType] {
        let wanted = typed.lowercased().trimmingCharacters(in: .whitespaces)
        guard !wanted.isEmpty else { return [] }
        var scored: [(rank: Int, index: Int)] = []
        for callType in policy.callTypes {
            var best = Int.max
            for (position, name) in callType.allNames.enumerated() {
                let lower = name.lowercased()
                let rank: Int
                if lower == wanted { rank = 0 }
                else if lower.hasPrefix(wanted) { rank = 1 }
                else if lower.split(separator: " ").contains(where: { $0.hasPrefix(wanted) }) { rank = 2 }
                else if lower.contains(wanted) { rank = 3 }
                else { continue }
                // The canonical name and the code beat an alias at the same rank.
                best = min(best, rank * 2 + (position < 2 ? 0 : 1))
            }
            if best != .max { scored.append((best, callType.index.rawValue)) }
        }
        return scored.sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }.prefix(limit).map { policy.callTypes[$0.index] }
    }
}
