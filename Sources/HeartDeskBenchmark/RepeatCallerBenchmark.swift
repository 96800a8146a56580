import Foundation
import HeartDeskCore
import HeartDeskJournal

/// Repeat-caller lookup over a year of journals: 365 daily journal files of 300 calls (received and closed), callers
/// drawn from 20,000 numbers and 5,000 addresses so that numbers repeat, read from disk into the index as a console
/// starts; then lookups as the form makes them (the index plus a 300-call shift in progress).
func runRepeatCallerBenchmark(days: Int = 365, callsPerDay: Int = 300) throws {
    print("\nrepeat callers: \(days) daily journals × \(callsPerDay) calls")
    let policy = try PolicyLoader.bundledDurham()
    let units = try RosterLoader.bundledDurham(policy: policy)
    let router = Router(policy: policy)
    let folder = FileManager.default.currentDirectoryPath + "/.build/heartdesk-bench-tmp/history"
    try? FileManager.default.removeItem(atPath: folder)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var random = SeededGenerator(state: 11)
    let firstDay = Date(timeIntervalSince1970: 1_764_590_400)  // 2025-12-01 12:00 UTC
    func dayOfCalls(_ day: Int, prefix: String) -> [ShiftEvent] {
        var clock = firstDay.addingTimeInterval(Double(day) * 86_400)
        var events = [EventStamp.live(at: clock, position: "bench", operatorName: "bench").event(.shiftOpened(policy: policy.identity, units: units))]
        for number in 1...callsPerDay {
            clock += 140
            let callType = policy.callTypes.randomElement(using: &random)!
            let beat = policy.beats.randomElement(using: &random)!
            let triage = TriageRecord(router.route(CallFacts(callType: callType.index, beat: beat.index), at: clock), policy: policy)
            let id = String(format: "\(prefix)%04d", number)
            let stamp = EventStamp.live(at: clock, position: "bench", operatorName: "bench")
            events.append(stamp.event(.callReceived(CallIntake(
                id: id, callType: callType.name, beat: beat.id, flags: [], location: "\(Int.random(in: 1...5_000, using: &random)) Main St",
                callerName: "", callback: String(format: "919-55%d-%04d", Int.random(in: 0...1, using: &random), Int.random(in: 0..<10_000, using: &random)),
                language: "", priority: 2, note: "", triage: triage))))
            events.append(EventStamp.live(at: clock + 60, position: "bench", operatorName: "bench")
                .event(.callClosed(callID: id, disposition: .referred, followUpID: nil)))
        }
        return events
    }
    var began = nanoseconds()
    for day in 0..<days {
        let path = folder + String(format: "/day-%03d.journal", day)
        try writeJournal(dayOfCalls(day, prefix: "C-"), to: path)
        // Last written the day its calls came in, as a real shift's journal is.
        try FileManager.default.setAttributes([.modificationDate: firstDay.addingTimeInterval(Double(day) * 86_400 + 43_200)], ofItemAtPath: path)
    }
    print(String(format: "  wrote %d journals in %.1f s", days, Double(nanoseconds() - began) / 1e9))

    let aids = IntakeAids()
    let now = firstDay.addingTimeInterval(Double(days) * 86_400 + 50_000)
    began = nanoseconds()
    let recent = try HistoryJournals.load(directory: folder, excluding: nil, aids: aids,
                                          since: now.addingTimeInterval(-Double(CallerHistory.windowDays + 1) * 86_400))
    print(String(format: "  as a console starts (journals written in the last %d days only): %.0f ms (%d journals, %d calls)",
                 CallerHistory.windowDays + 1, Double(nanoseconds() - began) / 1e6, recent.history.shiftCount, recent.history.callCount))
    began = nanoseconds()
    let loaded = try HistoryJournals.load(directory: folder, excluding: nil, aids: aids)
    let loadSeconds = Double(nanoseconds() - began) / 1e9
    print(String(format: "  the whole year read into the index: %.2f s (%d calls, %d journals skipped)",
                 loadSeconds, loaded.history.callCount, loaded.skipped.count))

    // The shift in progress: 300 calls, folded as the console holds it.
    var shift = ShiftState()
    for event in dayOfCalls(days, prefix: "T-") { shift.apply(event) }
    var live = ShiftCallerIndex()
    began = nanoseconds()
    live.catchUp(with: shift, aids: aids)
    print(String(format: "  the shift in progress keyed (300 calls, once; after that only changed calls): %.2f ms",
                 Double(nanoseconds() - began) / 1e6))
    var times: [Double] = []
    var matched = 0
    for _ in 0..<5_000 {
        let callback = String(format: "919-55%d-%04d", Int.random(in: 0...1, using: &random), Int.random(in: 0..<10_000, using: &random))
        let location = "\(Int.random(in: 1...5_000, using: &random)) Main St"
        let start = nanoseconds()
        let found = loaded.history.matches(callback: callback, location: location, aids: aids, shift: shift, live: live, shiftName: "today", at: now)
        times.append(Double(nanoseconds() - start) / 1e6)
        matched += found.fromNumber.count + found.atLocation.count
    }
    times.sort()
    print(String(format: "  lookup (number + address, year index + 300-call shift): median %.3f ms, p99 %.3f ms, max %.3f ms (%.1f matches each)",
                 times[times.count / 2], times[times.count * 99 / 100], times.last!, Double(matched) / Double(times.count)))
}
