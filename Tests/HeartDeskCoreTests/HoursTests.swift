import HeartDeskCore
import Testing
import TestSupport

/// Opening hours at the minute: start inclusive, end exclusive, local wall clock, across DST.
@Suite("Hours")
struct HoursTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let time: String
        let open: Set<String>
        var testDescription: String { time }
    }

    /// Suicide Threat in beat 111 is taken by CCD, CRT (and so CN) when they are open.
    static let minuteEdges: [Case] = [
        // Monday 2026-11-23 (EST)
        Case(time: "2026-11-23T08:59", open: []),
        Case(time: "2026-11-23T09:00", open: ["CCD"]),
        Case(time: "2026-11-23T09:59", open: ["CCD"]),
        Case(time: "2026-11-23T10:00", open: ["CCD", "CRT"]),
        Case(time: "2026-11-23T16:59", open: ["CCD", "CRT"]),
        Case(time: "2026-11-23T17:00", open: ["CRT"]),
        Case(time: "2026-11-23T20:59", open: ["CRT"]),
        Case(time: "2026-11-23T21:00", open: []),
        Case(time: "2026-11-23T23:59", open: []),
        Case(time: "2026-11-24T00:00", open: []),
        // Friday, then the weekend: CCD shuts for two days, CRT keeps its hours.
        Case(time: "2026-11-27T16:59", open: ["CCD", "CRT"]),
        Case(time: "2026-11-27T17:00", open: ["CRT"]),
        Case(time: "2026-11-28T09:00", open: []),
        Case(time: "2026-11-28T10:00", open: ["CRT"]),
        Case(time: "2026-11-28T20:59", open: ["CRT"]),
        Case(time: "2026-11-29T12:00", open: ["CRT"]),
        Case(time: "2026-11-29T21:00", open: []),
        Case(time: "2026-11-30T09:00", open: ["CCD"]),
        // Daylight saving starts Sunday 2026-03-08 02:00 EST → 03:00 EDT.
        Case(time: "2026-03-08T09:59", open: []),
        Case(time: "2026-03-08T10:00", open: ["CRT"]),
        Case(time: "2026-03-08T13:59Z", open: []),       // 09:59 EDT
        Case(time: "2026-03-08T14:00Z", open: ["CRT"]),  // 10:00 EDT
        Case(time: "2026-03-09T12:59Z", open: []),       // Mon 08:59 EDT
        Case(time: "2026-03-09T13:00Z", open: ["CCD"]),  // Mon 09:00 EDT
        Case(time: "2026-03-07T14:30Z", open: []),       // Sat 09:30 EST, the day before
        Case(time: "2026-03-07T15:00Z", open: ["CRT"]),  // Sat 10:00 EST
        // Daylight saving ends Sunday 2026-11-01 02:00 EDT → 01:00 EST.
        Case(time: "2026-11-01T14:59Z", open: []),       // 09:59 EST
        Case(time: "2026-11-01T15:00Z", open: ["CRT"]),  // 10:00 EST
        Case(time: "2026-11-01T20:59", open: ["CRT"]),
        Case(time: "2026-11-01T21:00", open: []),
        Case(time: "2026-10-31T14:00Z", open: ["CRT"]),  // Sat 10:00 EDT, the day before
        Case(time: "2026-11-02T13:59Z", open: []),       // Mon 08:59 EST
        Case(time: "2026-11-02T14:00Z", open: ["CCD"]),  // Mon 09:00 EST
    ]

    @Test("both sides of every opening and closing minute", arguments: minuteEdges)
    func edges(_ c: Case) {
        let decision = Durham.route("Suicide Threat", at: c.time)
        let open = Durham.eligible(decision).intersection(["CCD", "CRT"])
        #expect(open == c.open)
        #expect(Durham.id(decision.dispatch) == (c.open.contains("CRT") ? "CRT" : "POLICE"))
        // CN is decided whatever the hour: it follows whichever HEART response was involved.
        #expect(Durham.eligible(decision).contains("CN") == !c.open.isEmpty)
    }

    @Test("COR keeps Mon–Fri 09:00–17:00", arguments: [
        ("2026-11-23T08:59", false), ("2026-11-23T09:00", true), ("2026-11-23T16:59", true),
        ("2026-11-23T17:00", false), ("2026-11-28T12:00", false), ("2026-11-29T12:00", false),
    ])
    func coResponseHours(time: String, open: Bool) {
        let decision = Durham.route("Custody Issue", at: time)
        #expect(Durham.eligible(decision).contains("COR") == open)
        #expect(Durham.id(decision.dispatch) == (open ? "COR" : "POLICE"))
    }

    @Test("the closed reason quotes the hours and the local time")
    func closedReason() {
        let reasons = Durham.reasons(Durham.route("Custody Issue", at: "2026-11-21T11:02"))
        #expect(reasons.contains("COR: closed — Mon–Fri 09:00–17:00, now Sat 11:02"))
    }

    @Test("hours summaries read as a call-taker says them")
    func summaries() {
        #expect(Durham.policy.response(id: "CCD")?.hours.summary == "Mon–Fri 09:00–17:00")
        #expect(Durham.policy.response(id: "CRT")?.hours.summary == "every day 10:00–21:00")
        #expect(Durham.policy.response(id: "POLICE")?.hours.summary == "always")
    }
}
