import Foundation
import HeartDeskCore
import HeartDeskJournal
import HeartDeskReport
import Testing
import TestSupport

/// A small live Monday shift whose every figure was worked out by hand (see each call's comment).
private func handComputedShift(in directory: TemporaryDirectory) throws -> [ShiftEvent] {
    var shift = try ShiftDriver(path: directory.path("live.journal"), start: Durham.instant("2026-11-23T10:30"))
    func at(_ time: String) { shift.clock = Durham.instant("2026-11-23T\(time)") }
    // C-0001 Trespass in 111: CRT. Dispatch +2:00, en route +3:00, on scene +10:00, clear +30:00.
    // C-0002 Robbery: police's call, handed over at once.
    // C-0003 Nuisance in 113: CRT-eligible, but handed to police while CRT-2 and CRT-3 sat free (CRT-1 on C-0001).
    // C-0004 Mental Health Crisis in 113: dispatch +4:00, en route +2:00, on scene +14:00, back-up, clear +30:00.
    // Written in time order, as a console would.
    at("10:30"); try shift.run(.newCall(NewCall.screened(callType: "Trespass", beat: "111")))
    at("10:32"); try shift.run(.dispatch(callID: "C-0001", unitID: "CRT-1", overrideReason: nil))
    at("10:35"); try shift.run(.setStatus(unitID: "CRT-1", status: .enRoute))
    at("10:40"); try shift.run(.newCall(NewCall.screened(callType: "Robbery", beat: "112")))
    at("10:41"); try shift.run(.close(callID: "C-0002", disposition: .handedToPolice, declineFollowUp: true))
    at("10:45"); try shift.run(.setStatus(unitID: "CRT-1", status: .onScene))
    at("10:50"); try shift.run(.newCall(NewCall.screened(callType: "Nuisance", beat: "113")))
    at("10:52"); try shift.run(.close(callID: "C-0003", disposition: .handedToPolice, declineFollowUp: true))
    at("11:00"); try shift.run(.newCall(NewCall.screened(callType: "Mental Health Crisis", beat: "113")))
    at("11:04"); try shift.run(.dispatch(callID: "C-0004", unitID: "CRT-2", overrideReason: nil))
    at("11:06"); try shift.run(.setStatus(unitID: "CRT-2", status: .enRoute))
    at("11:15"); try shift.run(.close(callID: "C-0001", disposition: .resolvedOnScene, declineFollowUp: false))
    at("11:20"); try shift.run(.setStatus(unitID: "CRT-2", status: .onScene))
    at("11:25"); try shift.run(.requestBackup(unitID: "CRT-2", kind: .police))
    at("11:50"); try shift.run(.close(callID: "C-0004", disposition: .transportedToCare, declineFollowUp: false))
    return try Journal.open(directory.path("live.journal"), mode: .read, keepEvents: true).events
}

@Suite("After-action report")
struct ReportTests {
    @Test("per-call times, summary medians and 90th percentiles match the hand-worked shift")
    func numbersMatchByHand() throws {
        let directory = TemporaryDirectory()
        let report = AfterActionReport(events: try handComputedShift(in: directory), policy: Durham.policy)
        #expect(report.score == nil, "a live shift is reviewed, not scored")
        #expect(report.calls.map(\.id) == ["C-0001", "C-0002", "C-0003", "C-0004"])
        let first = report.calls[0]
        #expect(first.timeToTriage == nil)
        #expect(first.timeToDispatch == 120)
        #expect(first.dispatchToEnRoute == 180)
        #expect(first.enRouteToOnScene == 600)
        #expect(first.onSceneToClear == 1800)
        #expect(first.sent == ["CRT"] && first.followUp == "CN")

        // Dispatch: 2:00 and 4:00 → median 3:00, p90 (nearest rank 2 of 2) 4:00.
        #expect(report.statistics(.timeToDispatch) == DurationStatistics([120, 240]))
        #expect(report.statistics(.timeToDispatch)?.median == 180)
        #expect(report.statistics(.timeToDispatch)?.p90 == 240)
        // En route: 3:00 and 2:00 → median 2:30; on scene: 10:00 and 14:00 → median 12:00, p90 14:00.
        #expect(report.statistics(.dispatchToEnRoute)?.median == 150)
        #expect(report.statistics(.enRouteToOnScene)?.median == 720)
        #expect(report.statistics(.enRouteToOnScene)?.p90 == 840)
        #expect(report.statistics(.onSceneToClear)?.median == 1800)
        #expect(report.statistics(.timeToTriage) == nil)

        #expect(report.callsByResponse.map { "\($0.response) \($0.calls)" } == ["CRT 2", "POLICE 2"])
        #expect(report.calls[2].mistakes == ["Handed over at 10:52 while CRT-2, CRT-3 (CRT) were free to take it"])
        #expect(report.calls[1].mistakes.isEmpty && report.calls[3].mistakes.isEmpty)
        #expect(report.unserved.map(\.callID) == ["C-0003"])
        #expect(report.unserved[0].why == "Handed over at 10:52 while CRT-2, CRT-3 (CRT) were free to take it")
        #expect(report.backups.map { "\($0.unitID) \($0.callID) \($0.kind)" } == ["CRT-2 C-0004 police"])
        let crt1 = try #require(report.units.first { $0.unitID == "CRT-1" })
        #expect(crt1.intervals.map(\.status) == [.available, .dispatched, .enRoute, .onScene, .available])
    }

    @Test("statistics: odd and even counts, nearest-rank 90th percentile")
    func statistics() {
        let cases: [([TimeInterval], TimeInterval, TimeInterval)] = [
            ([60], 60, 60), ([60, 120], 90, 120), ([30, 10, 20], 20, 30),
            ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5.5, 9), ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 6, 10),
        ]
        for (values, median, p90) in cases {
            let stats = DurationStatistics(values)
            #expect(stats?.median == median, "\(values)")
            #expect(stats?.p90 == p90, "\(values)")
        }
        #expect(DurationStatistics([]) == nil)
    }

    @Test("md, csv and html carry the same figures")
    func formats() throws {
        let directory = TemporaryDirectory()
        let report = AfterActionReport(events: try handComputedShift(in: directory), policy: Durham.policy)
        let markdown = MarkdownReport.render(report)
        #expect(markdown.contains("| C-0001 | Trespass | 111 | 10:30 | — | 2:00 | 3:00 | 10:00 | 30:00 | CRT-1, follow-up CN |  |  |"))
        #expect(markdown.contains("| time to dispatch | 2 | 3:00 | 4:00 |"))
        #expect(markdown.contains("CRT-1  10:30 avail · 10:32 disp C-0001 · 10:35 enrt C-0001 · 10:45 scene C-0001 · 11:15 avail"))
        #expect(markdown.contains("- 11:25 CRT-2 asked for police on C-0004"))
        let csv = CSVReport.render(report).split(separator: "\n").map(String.init)
        #expect(csv.count == 5)
        #expect(csv[0].hasPrefix("call,incoming,call_type,code,beat,district,priority,location,flags,arrived"))
        let c1 = csv[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let column = { (name: String) in c1[CSVReport.columns.firstIndex(of: name)!] }
        #expect(column("time_to_dispatch_s") == "120" && column("on_scene_to_clear_s") == "1800" && column("sent") == "CRT")
        #expect(column("code") == "TRES" && column("district") == "D1" && column("priority") == "2"
                && column("disposition") == "resolved-on-scene", "\(c1)")
        let html = HTMLReport.render(report)
        #expect(html.contains("<svg") && html.contains("<title>CRT-1 on scene 10:45–11:15 on C-0001</title>"))
        #expect(html.contains("Handed over at 10:52 while CRT-2, CRT-3 (CRT) were free to take it"))
    }

    @Test("a call handed to EMS or fire is counted as EMS or FIRE, not as police", arguments: [
        (Disposition.handedToEMS, "EMS"), (.handedToFire, "FIRE"), (.handedToPolice, "POLICE"),
    ])
    func handOverNamesTheService(disposition: Disposition, service: String) throws {
        let directory = TemporaryDirectory()
        var shift = try ShiftDriver(path: directory.path("handover.journal"), start: Durham.instant("2026-11-23T10:30"))
        try shift.run(.newCall(NewCall.screened(callType: "Robbery", beat: "112")))
        shift.clock = Durham.instant("2026-11-23T10:31")
        try shift.run(.close(callID: "C-0001", disposition: disposition, declineFollowUp: true))
        let events = try Journal.open(directory.path("handover.journal"), mode: .read, keepEvents: true).events
        let report = AfterActionReport(events: events, policy: Durham.policy)
        #expect(report.calls[0].sent == [service])
        #expect(report.callsByResponse.map { "\($0.response) \($0.calls)" } == ["\(service) 1"])
        #expect(MarkdownReport.render(report).contains("| \(service) |"))
        let figures = ShiftFigures(shift: shift.journal.state, router: Durham.router, at: Durham.instant("2026-11-23T10:32"))
        #expect(figures.shift.bySent == [service: 1], "the supervisor's board counts the hand-over the same way")
    }

    @Test("the HTML report: KPI cards against the targets, calls per hour, a labelled time axis, a legend that wraps, print CSS")
    func htmlReportReadsOnPaper() throws {
        let directory = TemporaryDirectory()
        let report = AfterActionReport(events: try handComputedShift(in: directory), policy: Durham.policy)
        let html = HTMLReport.render(report)
        // Dispatch 2:00 and 4:00 for the two CRT calls: median 3:00, half within Durham's 2 minutes (target 90 %).
        #expect(html.contains("<div class=\"card missed\"><div class=\"k\">Time to dispatch</div><div class=\"v\">median 3:00</div>"
                              + "<div class=\"t\">p90 4:00 · 2 calls · 50% ≤2m (target 90%) · <span class=\"s\">missed</span>"))
        // One back-up request on two HEART calls: 50 %, target at most 5 %.
        #expect(html.contains("<div class=\"v\">50%</div><div class=\"t\">1 of 2 · target ≤5% · <span class=\"s\">missed</span>"))
        #expect(html.contains("aria-label=\"Calls per hour\"") && html.contains("<title>10:00 CRT 2</title>"))
        // 10:30–11:50 is 80 minutes: a 15-minute axis, labelled under the rows.
        #expect(html.contains(">10:45</text>") && html.contains(">11:45</text>") && html.contains(">time</text>"))
        #expect(html.contains("<ul class=\"legend\"><li><i style=\"background:#bbbbbb\"></i>off duty</li>"))
        #expect(html.contains("@media print") && html.contains("td.id{white-space:nowrap"))
        #expect(!html.contains("<th>Triage</th>") && !html.contains("<th>Expected</th>"), "a live shift has neither")
    }
}
