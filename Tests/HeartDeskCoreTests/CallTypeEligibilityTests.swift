import HeartDeskCore
import Testing
import TestSupport

/// Each call type against each response, straight from Durham's published table.
///
/// Times are when every response is open (a weekday afternoon) and the beat is in the
/// pilot area, so only call type and flags decide.
@Suite("Call types × responses (Durham table)")
struct CallTypeEligibilityTests {
    static let ccd: Set = ["Suicide Threat", "Mental Health Crisis", "Attempted Suicide", "Involuntary Commitment"]
    static let crt: Set = ["Suicide Threat", "Mental Health Crisis", "Trespass", "Urgent Welfare Check",
                           "Non-urgent Welfare Check", "Intoxicated Person", "Panhandling", "Nuisance",
                           "Prostitution", "Public Indecency", "Lost Person"]
    static let corAlways: Set = ["Attempted Suicide", "Custody Issue", "Involuntary Commitment"]
    static let corWithRisk: Set = ["Trespass", "Intoxicated Person", "Panhandling", "Nuisance", "Public Indecency",
                                   "Prostitution", "Physical Disturbance", "Verbal Disturbance", "Harassment", "Threat",
                                   "Reckless Activity", "Abuse", "Domestic Violence"]
    static let weekdayAfternoon = "2026-11-23T14:00"  // a Monday
    static let allNames = Durham.policy.callTypes.map(\.name)

    @Test("no flags: CCD, CRT, COR as published; CN follows any of them; police takes all", arguments: allNames)
    func withoutFlags(name: String) {
        let decision = Durham.route(name, at: Self.weekdayAfternoon)
        var expected: Set = ["POLICE"]
        if Self.ccd.contains(name) { expected.insert("CCD") }
        if Self.crt.contains(name) { expected.insert("CRT") }
        if Self.corAlways.contains(name) { expected.insert("COR") }
        if expected.contains("CCD") || expected.contains("CRT") || expected.contains("COR") { expected.insert("CN") }
        #expect(Durham.eligible(decision) == expected)
        let dispatch = Self.crt.contains(name) ? "CRT" : Self.corAlways.contains(name) ? "COR" : "POLICE"
        #expect(Durham.id(decision.dispatch) == dispatch)
        #expect(Durham.id(decision.phone) == (Self.ccd.contains(name) ? "CCD" : nil))
    }

    @Test("each flag alone and all together: CRT steps aside, COR steps in, CCD ignores flags",
          arguments: allNames, [["weapon"], ["violent"], ["elevated-risk"], ["weapon", "violent", "elevated-risk"]])
    func withFlags(name: String, flags: [String]) {
        let decision = Durham.route(name, at: Self.weekdayAfternoon, flags: flags)
        var expected: Set = ["POLICE"]
        if Self.ccd.contains(name) { expected.insert("CCD") }
        if Self.corAlways.contains(name) || Self.corWithRisk.contains(name) { expected.insert("COR") }
        if expected.contains("CCD") || expected.contains("COR") { expected.insert("CN") }
        #expect(Durham.eligible(decision) == expected)
        #expect(Durham.id(decision.dispatch) == (expected.contains("COR") ? "COR" : "POLICE"))
    }

    @Test("a COR-with-risk call type without flags goes to CRT if CRT takes it, else police")
    func corRiskTypesWithoutFlags() {
        for name in Self.corWithRisk {
            let decision = Durham.route(name, at: Self.weekdayAfternoon)
            #expect(!Durham.eligible(decision).contains("COR"), "\(name)")
            #expect(Durham.id(decision.dispatch) == (Self.crt.contains(name) ? "CRT" : "POLICE"), "\(name)")
        }
    }

    @Test("the policy ships common non-HEART call types so any call can be entered",
          arguments: ["Shots Fired", "Burglary", "Assault", "Traffic Crash", "Medical Emergency", "Structure Fire"])
    func nonHeartTypes(name: String) {
        let decision = Durham.route(name, at: Self.weekdayAfternoon)
        #expect(Durham.eligible(decision) == ["POLICE"])
    }
}
