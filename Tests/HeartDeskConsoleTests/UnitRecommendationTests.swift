import HeartDeskConsole
import HeartDeskCore
import Testing
import TestSupport

/// The dispatch recommendation: available, the decided response, language first, then distance; or why none.
@Suite struct UnitRecommendationTests {
    @Test(arguments: [
        // beat, caller's language, expected pick: CRT-1 starts in 111, CRT-2 in 413, CRT-3 in 214 (speaks Vietnamese).
        ("111", "", "CRT-1"),
        ("413", "", "CRT-2"),
        ("214", "", "CRT-3"),
        ("111", "Vietnamese", "CRT-3"),
        ("413", "spanish", "CRT-1"),
    ])
    func picksTheNearestAvailableTeamPreferringTheCallersLanguage(beat: String, language: String, pick: String) throws {
        let console = try ConsoleHarness()
        console.takeCall("Mental Health Crisis", beat: beat, language: language)
        let call = try #require(console.state.shift.call("C-0001"))
        let recommendation = UnitRecommendation(for: call, in: console.state.shift, router: Durham.router, at: console.now)
        #expect(recommendation.pick?.unit.id == pick)
        #expect(recommendation.reason.hasPrefix("\(pick): nearest available CRT"))
        if !language.isEmpty { #expect(recommendation.reason.contains("speaks")) }
    }

    @Test func saysWhyNoUnitCanBeSentWhenAllAreBusy() throws {
        let console = try ConsoleHarness()
        for beat in ["111", "413", "214"] {
            console.takeCall("Mental Health Crisis", beat: beat)
            console.press(.character("d"), .enter)
        }
        console.takeCall("Mental Health Crisis", beat: "112")
        let call = try #require(console.state.shift.call("C-0004"))
        let recommendation = UnitRecommendation(for: call, in: console.state.shift, router: Durham.router, at: console.now)
        #expect(recommendation.pick == nil)
        #expect(recommendation.reason == "All CRT units busy: CRT-1 dispatched C-0001, CRT-2 dispatched C-0002, CRT-3 dispatched C-0003")
    }

    @Test func aPoliceDecisionIsHandedOn() throws {
        let console = try ConsoleHarness()
        console.takeCall("Shots Fired", beat: "111")
        let call = try #require(console.state.shift.call("C-0001"))
        let recommendation = UnitRecommendation(for: call, in: console.state.shift, router: Durham.router, at: console.now)
        #expect(recommendation.pick == nil)
        #expect(recommendation.reason.hasPrefix("Decision is POLICE"))
        #expect(recommendation.candidates.allSatisfy { !$0.isEligible })
    }
}
