import Foundation
import HeartDeskCore
import HeartDeskJournal
import Testing
import TestSupport

/// Every status change from every state a unit can be in: nothing is ever orphaned.
@Suite("Units leaving calls")
struct UnitLeavesCallTests {
    /// The commands that bring CRT-1 to each status, on call C-0001 where it needs one.
    static let routes: [UnitStatus: [ShiftCommand]] = [
        .available: [],
        .dispatched: [.dispatch(callID: "C-0001", unitID: "CRT-1", overrideReason: nil)],
        .enRoute: [.dispatch(callID: "C-0001", unitID: "CRT-1", overrideReason: nil), .setStatus(unitID: "CRT-1", status: .enRoute)],
        .onScene: [.dispatch(callID: "C-0001", unitID: "CRT-1", overrideReason: nil), .setStatus(unitID: "CRT-1", status: .onScene)],
        .transporting: [.dispatch(callID: "C-0001", unitID: "CRT-1", overrideReason: nil),
                        .setStatus(unitID: "CRT-1", status: .transporting)],
        .backupRequested: [.dispatch(callID: "C-0001", unitID: "CRT-1", overrideReason: nil), .requestBackup(unitID: "CRT-1", kind: .police)],
        .outOfService: [.setStatus(unitID: "CRT-1", status: .outOfService)],
        .offDuty: [.setStatus(unitID: "CRT-1", status: .offDuty)],
    ]

    static var pairs: [(UnitStatus, UnitStatus)] {
        UnitStatus.allCases.flatMap { from in UnitStatus.allCases.map { (from, $0) } }
    }

    @Test("from every status to every status", arguments: pairs)
    func statusChange(from: UnitStatus, to: UnitStatus) throws {
        let directory = TemporaryDirectory()
        var shift = try ShiftDriver(path: directory.path("shift.hdj"), start: Durham.instant("2026-11-23T14:00"))
        try shift.run(.newCall(.screened(callType: "Mental Health Crisis", beat: "111", location: "1 Main St")))
        for command in try #require(Self.routes[from]) { try shift.run(command) }
        #expect(shift.journal.state.unit("CRT-1")?.status == from)
        shift.advance(minutes: 7)
        let wasOnCall = shift.journal.state.unit("CRT-1")?.callID != nil
        do {
            try shift.run(.setStatus(unitID: "CRT-1", status: to))
        } catch {
            // Refused changes leave everything as it was; only these are refused.
            let allowed = to == .dispatched || to == .backupRequested || to == from || (to.needsCall && !wasOnCall)
            #expect(allowed, "\(from) → \(to) refused: \(error)")
        }
        let state = shift.journal.state
        let unit = try #require(state.unit("CRT-1"))
        let call = try #require(state.call("C-0001"))
        // The invariants a supervisor relies on.
        #expect(unit.status.needsCall == (unit.callID != nil), "\(from) → \(to): \(unit.status) with call \(unit.callID ?? "none")")
        #expect(call.assignedUnits.contains("CRT-1") == (unit.callID == "C-0001"))
        #expect(call.isPending == call.assignedUnits.isEmpty)
        if call.assignedUnits.isEmpty {
            #expect(call.state == .triaged, "\(from) → \(to): a call with no unit must be waiting, not \(call.state)")
            if wasOnCall && !to.needsCall {
                #expect(call.pendingSince == shift.clock, "the pending timer runs from the moment the unit left")
            }
        }
    }

    @Test("a call keeps going while another unit stays on it")
    func anotherUnitStays() throws {
        let directory = TemporaryDirectory()
        let shift = try ShiftDriver(path: directory.path("shift.hdj"), start: Durham.instant("2026-11-23T14:00"))
        try shift.run(.newCall(.screened(callType: "Mental Health Crisis", beat: "111", location: "1 Main St")))
        try shift.run(.dispatch(callID: "C-0001", unitID: "CRT-1", overrideReason: nil))
        try shift.run(.dispatch(callID: "C-0001", unitID: "CRT-2", overrideReason: nil, also: true))
        try shift.run(.setStatus(unitID: "CRT-2", status: .onScene))
        try shift.run(.setStatus(unitID: "CRT-1", status: .outOfService))
        let call = try #require(shift.journal.state.call("C-0001"))
        #expect(call.assignedUnits == ["CRT-2"] && call.state == .onScene && !call.isPending)
    }
}
