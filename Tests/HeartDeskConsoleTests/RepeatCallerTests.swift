import Foundation
import HeartDeskConsole
import HeartDeskCore
import HeartDeskJournal
import Testing
import TestSupport

/// Repeat callers: earlier calls from the same number or place, from this shift and the journals of earlier ones.
@Suite("Repeat callers")
struct RepeatCallerTests {
    /// Two earlier shifts in a folder (a call each, from one number, at one place typed two ways) and a file that is
    /// not a journal.
    static func earlierShifts(in folder: TemporaryDirectory) throws {
        let first = try ConsoleHarness(start: "2026-11-20T10:00", width: 120, height: 40,
                                       journalPath: folder.path("2026-11-20-day.journal"), intake: Durham.intakeWithPlaces)
        first.takeCall("Mental Health Crisis", beat: "513", location: "Riverside Shelter", callback: "(919) 555-0100")
        let second = try ConsoleHarness(start: "2026-11-22T09:00", width: 120, height: 40,
                                        journalPath: folder.path("2026-11-22-day.journal"), intake: Durham.intakeWithPlaces)
        second.takeCall("Welfare Check", beat: "513", location: "600 East Main Street", callback: "919.555.0100")
        second.takeCall("Welfare Check", beat: "111", location: "1201 E Main St", callback: "919-555-0199")
        try "not a journal".write(toFile: folder.path("notes.journal"), atomically: false, encoding: .utf8)
    }

    @Test("a folder of journals is indexed by number and place; what is not a journal is skipped and named")
    func history() throws {
        let folder = TemporaryDirectory()
        try Self.earlierShifts(in: folder)
        let loaded = try HistoryJournals.load(directory: folder.url.path, excluding: nil, aids: Durham.intakeWithPlaces)
        #expect(loaded.history.callCount == 3 && loaded.history.shiftCount == 2)
        #expect(loaded.skipped.map(\.file) == ["notes.journal"])
        let now = Durham.instant("2026-11-23T14:00")
        let found = loaded.history.matches(callback: "1 919 555 0100", location: "the shelter", aids: Durham.intakeWithPlaces,
                                           shift: ShiftState(), live: ShiftCallerIndex(), shiftName: "today.journal", at: now)
        #expect(found.fromNumber.map(\.shift) == ["2026-11-22-day.journal", "2026-11-20-day.journal"])
        #expect(found.fromNumber.map(\.callType) == ["Non-urgent Welfare Check", "Mental Health Crisis"])
        #expect(found.atLocation.count == 2)
        #expect(found.daysSpanned(found.fromNumber) == 4)
        // Older than the window, or a number too short to be a caller: nothing.
        let later = loaded.history.matches(callback: "919-555-0100", location: "", aids: Durham.intakeWithPlaces, shift: ShiftState(),
                                           live: ShiftCallerIndex(), shiftName: "x", at: Durham.instant("2027-01-05T14:00"))
        #expect(later.isEmpty)
        #expect(CallerHistory.numberKey("555") == nil)
        // A journal last written before the window opens is not read at all.
        for (name, written) in [("2026-11-20-day.journal", "2026-11-20T12:00"), ("2026-11-22-day.journal", "2026-11-22T12:00")] {
            try FileManager.default.setAttributes([.modificationDate: Durham.instant(written)], ofItemAtPath: folder.path(name))
        }
        let windowed = try HistoryJournals.load(directory: folder.url.path, excluding: nil, aids: Durham.intakeWithPlaces,
                                                since: Durham.instant("2026-11-21T00:00"))
        #expect(windowed.history.shiftCount == 1 && windowed.history.callCount == 2)
        #expect(CallerHistory.numberKey("+1 (919) 555-0100") == "9195550100")
    }

    @Test("the form lists earlier calls from the number and at the place as they are typed, this shift's included")
    func form() throws {
        let folder = TemporaryDirectory()
        try Self.earlierShifts(in: folder)
        let loaded = try HistoryJournals.load(directory: folder.url.path, excluding: nil, aids: Durham.intakeWithPlaces)
        let console = try ConsoleHarness(start: "2026-11-23T14:00", width: 140, height: 45, journalPath: folder.path("2026-11-23-day.journal"),
                                         intake: Durham.intakeWithPlaces, history: loaded.history)
        console.takeCall("Suicide Threat", beat: "412", location: "35.7796,-78.6382", callback: "9195550100")
        console.press(.character("n"))
        let form = try #require(console.state.overlay?.newCallForm)
        console.press(Array(repeating: .tab, count: try #require(form.fields.firstIndex(of: .callback))))
        console.type("919 555 0100")
        // The lines wrap under the form: read them as one text.
        func flat() -> String {
            console.screenText().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }
        var screen = flat()
        #expect(screen.contains("3 calls from this number in 4 days: 23 Nov 14:00 C-0001 Suicide Threat (open) · "
                                + "22 Nov 09:00 C-0001 Non-urgent Welfare Check (open) · 20 Nov 10:00 C-0001"), "\(screen)")
        #expect(!screen.contains("at this place"))
        console.press(.backTab, .backTab)
        console.type("the shelter")
        screen = flat()
        #expect(screen.contains("2 calls at this place in 4 days: 22 Nov 09:00 C-0001 Non-urgent Welfare Check (open)"), "\(screen)")
    }

    @Test("this shift's index follows a revised callback: the old number no longer finds the call, the new one does")
    func revisedCallback() throws {
        let folder = TemporaryDirectory()
        let shift = try ShiftDriver(path: folder.path("shift.hdj"))
        try shift.run(.newCall(NewCall.screened(callType: "Nuisance", beat: "511", location: "1201 E Main St", callback: "919-555-0111")))
        var index = ShiftCallerIndex()
        index.catchUp(with: shift.journal.state, aids: Durham.intakeWithPlaces)
        func found(_ number: String) -> Int {
            CallerHistory().matches(callback: number, location: "", aids: Durham.intakeWithPlaces, shift: shift.journal.state, live: index,
                                    shiftName: "shift.hdj", at: shift.clock).fromNumber.count
        }
        #expect(found("9195550111") == 1 && found("919-555-0122") == 0)
        try shift.run(.revise(callID: "C-0001", CallRevision(callback: "919-555-0122"), note: ""))
        index.catchUp(with: shift.journal.state, aids: Durham.intakeWithPlaces)
        #expect(found("9195550111") == 0 && found("919-555-0122") == 1)
    }
}
