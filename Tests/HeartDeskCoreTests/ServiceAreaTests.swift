import HeartDeskCore
import Testing
import TestSupport

@Suite("Service area and beats")
struct ServiceAreaTests {
    static let otherBeats = Durham.policy.beats.map(\.id).filter { !Durham.pilotBeats.contains($0) }

    @Test("all 37 Durham beats load, with districts, centroids and neighbours")
    func beatsLoad() {
        #expect(Durham.policy.beats.count == 37)
        let beat = Durham.policy.beat(id: "111")
        #expect(beat?.district == "D1")
        #expect(beat?.neighbors == ["112", "113", "212", "213", "214", "512", "513"])
        #expect(Durham.policy.beat(id: "999")?.district == "DSO")
    }

    @Test("every pilot beat is served by CRT, COR and CN", arguments: Durham.pilotBeats)
    func pilotBeat(beat: String) {
        let decision = Durham.route("Mental Health Crisis", beat: beat, at: "2026-11-23T14:00")
        #expect(Durham.eligible(decision) == ["CCD", "CRT", "CN", "POLICE"])
        let cor = Durham.route("Custody Issue", beat: beat, at: "2026-11-23T14:00")
        #expect(Durham.id(cor.dispatch) == "COR")
    }

    @Test("every other beat gets CCD by phone (citywide) but no team and no follow-up", arguments: otherBeats)
    func outsideBeat(beat: String) {
        let decision = Durham.route("Mental Health Crisis", beat: beat, at: "2026-11-23T14:00")
        #expect(Durham.eligible(decision) == ["CCD", "POLICE"])
        #expect(Durham.id(decision.dispatch) == "POLICE")
        #expect(Durham.reasons(decision).contains("CRT: beat \(beat) is outside the service area"))
        #expect(Durham.reasons(decision).contains("CN: beat \(beat) is outside the service area"))
    }

    @Test("an unknown beat is treated as outside every service area, but not outside citywide")
    func unknownBeat() {
        let decision = Durham.route("Mental Health Crisis", beat: nil, at: "2026-11-23T14:00")
        #expect(Durham.eligible(decision) == ["CCD", "POLICE"])
        #expect(Durham.reasons(decision).contains("CRT: beat unknown — outside-area rules apply"))
    }

    @Test("beat centroids give distances in kilometres")
    func distances() throws {
        let a = try #require(Durham.policy.beat(id: "111")), b = try #require(Durham.policy.beat(id: "512"))
        let far = try #require(Durham.policy.beat(id: "224"))
        #expect(a.centroid.distanceKm(to: a.centroid) == 0)
        #expect((1.0...1.6).contains(a.centroid.distanceKm(to: b.centroid)))
        #expect(a.centroid.distanceKm(to: far.centroid) > 9)
    }
}
