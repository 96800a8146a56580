/// What a call-taker can correct on an open call: the facts that routing and dispatch depend on.
public struct RecordedFacts: Sendable, Hashable {
    public var callType: String
    /// Beat id, nil when unknown.
    public var beat: String?
    /// Safety questions answered yes, and answered no; the rest were not asked.
    public var flags: [String]
    public var flagsAnsweredNo: [String]
    public var language: String
    public var location: String
    public var callback: String
    public var interpreter: InterpreterNeed

    public init(callType: String, beat: String?, flags: [String], flagsAnsweredNo: [String], language: String,
                location: String, callback: String, interpreter: InterpreterNeed = .notNeeded) {
        self.callType = callType
        self.beat = beat
        self.flags = flags
        self.flagsAnsweredNo = flagsAnsweredNo
        self.language = language
        self.location = location
        self.callback = callback
        self.interpreter = interpreter
    }

    /// "beat 112 → 113; weapon not asked → yes": each fact that differs from `old`, old → new.
    public func changes(from old: RecordedFacts) -> [String] {
        var out: [String] = []
        func note(_ name: String, _ a: String, _ b: String) { if a != b { out.append("\(name) \(a) → \(b)") } }
        note("type", old.callType, callType)
        note("beat", old.beat ?? "unknown", beat ?? "unknown")
        for id in (old.flags + old.flagsAnsweredNo + flags + flagsAnsweredNo).uniqued() {
            note(id, old.answerWords(id), answerWords(id))
        }
        note("language", old.language.isEmpty ? "English" : old.language, language.isEmpty ? "English" : language)
        note("interpreter", old.interpreter.word, interpreter.word)
        note("location", old.location.isEmpty ? "none" : old.location, location.isEmpty ? "none" : location)
        note("callback", old.callback.isEmpty ? "none" : old.callback, callback.isEmpty ? "none" : callback)
        return out
    }

    private func answerWords(_ id: String) -> String {
        flags.contains(id) ? QuestionAnswer.yes.rawValue : flagsAnsweredNo.contains(id) ? QuestionAnswer.no.rawValue
            : QuestionAnswer.notAsked.rawValue
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
