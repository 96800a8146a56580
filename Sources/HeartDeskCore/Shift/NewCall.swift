/// What a call-taker enters for a new call, before it is routed and given an id.
public struct NewCall: Sendable, Hashable {
    /// Call type as typed: name, code or alias.
    public var callType: String
    /// Beat id as typed; nil or "unknown" when not known.
    public var beat: String?
    /// Safety questions answered yes, by flag id.
    public var flags: [String]
    /// Safety questions answered no; a question in neither list was not asked.
    public var flagsAnsweredNo: [String]
    public var location: String
    public var callerName: String
    public var callback: String
    public var language: String
    public var interpreter: InterpreterNeed
    /// On the policy's priority scale; nil takes the policy's default for the safety answers.
    public var priority: Int?
    public var note: String
    /// The ringing exercise call this answers, if any.
    public var answering: String?

    public init(callType: String, beat: String?, flags: [String] = [], flagsAnsweredNo: [String] = [], location: String = "", callerName: String = "",
                callback: String = "", language: String = "", interpreter: InterpreterNeed = .notNeeded, priority: Int? = nil,
                note: String = "", answering: String? = nil) {
        self.answering = answering
        self.interpreter = interpreter
        self.callType = callType
        self.beat = beat
        self.flags = flags
        self.flagsAnsweredNo = flagsAnsweredNo
        self.location = location
        self.callerName = callerName
        self.callback = callback
        self.language = language
        self.priority = priority
        self.note = note
    }
}
