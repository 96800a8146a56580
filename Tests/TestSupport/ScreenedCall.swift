import HeartDeskCore

extension NewCall {
    /// A call whose every safety question was asked: `flags` answered yes, the rest of Durham's no.
    /// Tests that are not about unasked questions take calls this way, as a careful call-taker would.
    public static func screened(callType: String, beat: String?, flags: [String] = [], location: String = "", callerName: String = "",
                                callback: String = "", language: String = "", priority: Int? = nil, note: String = "",
                                answering: String? = nil) -> NewCall {
        NewCall(callType: callType, beat: beat, flags: flags,
                flagsAnsweredNo: Durham.policy.safetyFlags.map(\.id).filter { !flags.contains($0) },
                location: location, callerName: callerName, callback: callback, language: language, priority: priority,
                note: note, answering: answering)
    }
}
