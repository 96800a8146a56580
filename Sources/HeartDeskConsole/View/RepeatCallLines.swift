import HeartDeskCore

/// Earlier calls from the same number and at the same place, as lines: "3 calls from this number in 7 days: 21 Nov
/// 14:05 C-0012 Mental Health Crisis (CRT, referred) · …". Shared by the new-call form and the call's details.
enum RepeatCallLines {
    /// How many calls a list names before "and N more", and the most lines it wraps to.
    static let named = 3

    static func lines(_ repeats: RepeatCalls, zone: TimeZoneRules, width: Int) -> [String] {
        var out: [String] = []
        for (calls, what) in [(repeats.fromNumber, "from this number"), (repeats.atLocation, "at this place")] where !calls.isEmpty {
            let days = repeats.daysSpanned(calls)
            let head = "\(calls.count) \(calls.count == 1 ? "call" : "calls") \(what) in \(days) \(days == 1 ? "day" : "days"): "
            var listed = calls.prefix(named).map { call in
                let t = zone.localTime(at: call.receivedAt)
                let when = "\(t.day) \(Formatting.months[t.month - 1]) \(ClockTime.format(t.minuteOfDay))"
                return "\(when) \(call.callID) \(call.callType) (\([call.served, call.outcome].compactMap { $0 }.joined(separator: ", ")))"
            }.joined(separator: " · ")
            if calls.count > named { listed += " · and \(calls.count - named) more" }
            out += Formatting.wrap(head + listed, width: width).prefix(named)
        }
        return out
    }
}
