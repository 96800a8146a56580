import HeartDeskCore
import Testing
import TestSupport

/// The words a call-taker reads: each verdict says which response, and why, in one line.
@Suite("Reason wording")
struct ReasonWordingTests {
    @Test("a weapon rules out the unarmed team, in those words")
    func weapon() {
        let reasons = Durham.reasons(Durham.route("Mental Health Crisis", at: "2026-11-23T14:00", flags: ["weapon"]))
        #expect(reasons.contains("CRT: not eligible — weapon reported"))
    }

    @Test("several reported flags are named together")
    func severalFlags() {
        let reasons = Durham.reasons(Durham.route("Trespass", at: "2026-11-23T14:00", flags: ["weapon", "violent"]))
        #expect(reasons.contains("CRT: not eligible — weapon and violence toward others reported"))
        #expect(reasons.contains("COR: eligible — Trespass with weapon and violence toward others reported, beat 111 in service area, open Mon–Fri 09:00–17:00"))
    }

    @Test("COR says which flags it needs when none is reported")
    func corNeedsRisk() {
        let reasons = Durham.reasons(Durham.route("Harassment", at: "2026-11-23T14:00"))
        #expect(reasons.contains("COR: not eligible — Harassment only with weapon, violence toward others or increased risk of violence reported"))
    }

    @Test("a call type a response never takes")
    func notCovered() {
        let reasons = Durham.reasons(Durham.route("Burglary", at: "2026-11-23T14:00"))
        #expect(reasons.contains("CRT: not eligible — Burglary is not a CRT call type"))
        #expect(reasons.contains("CN: not eligible — no CCD, CRT or COR involvement"))
        #expect(reasons.contains("POLICE: eligible — takes every call"))
    }

    @Test("every blocker is listed, not just the first")
    func allBlockers() {
        let decision = Durham.route("Mental Health Crisis", beat: "121", at: "2026-11-21T11:02", flags: ["weapon"])
        let crt = Explanation(decision, policy: Durham.policy).lines.first { $0.id == "CRT" }
        #expect(crt?.reasons == ["CRT: not eligible — weapon reported", "CRT: beat 121 is outside the service area"])
    }

    @Test("eligible responses say why, briefly")
    func eligibleWording() {
        let explanation = Explanation(Durham.route("Suicide Threat", at: "2026-11-23T14:00"), policy: Durham.policy)
        let reasons = explanation.lines.flatMap(\.reasons)
        #expect(reasons.contains("CCD: eligible — Suicide Threat, citywide, open Mon–Fri 09:00–17:00"))
        #expect(reasons.contains("CRT: eligible — Suicide Threat, no weapon, violence toward others or increased risk of violence reported, beat 111 in service area, open every day 10:00–21:00"))
        #expect(reasons.contains("CN: eligible — follow-up after CCD and CRT, beat 111 in service area; worked Mon–Fri 09:00–17:00"))
        #expect(explanation.headline == "Dispatch CRT · phone CCD · follow-up CN")
    }
}
