import Foundation
import HeartDeskCore
import HeartDeskJournal

/// A call-taking position of the soak in a process of its own, as each console is deployed: it holds its own copy
/// of the shift, so the memory it reports is one position's, not the whole room's.
///
/// The soak drives it over a pipe, one line each way, so simulated time moves only when the soak says:
/// `act SECOND` records one plausible command at that second of the shift and answers `done NANOSECONDS REFUSED`
/// (the durable append's time; 1 when the shift rules refused it), or `idle` when the shift offered nothing to do;
/// `memory` answers `memory RESIDENT_KB HEAP_KB`.
/// End of input ends it.
enum SoakPosition {
    /// The child's side: runs until its input ends.
    static func run(path: String, index: Int, start: Date) throws {
        let policy = try PolicyLoader.bundledDurham()
        let router = Router(policy: policy)
        let journal = try Journal.open(path, mode: .write)
        var random = SeededGenerator(state: 1_000 + UInt64(index))
        // Written straight to the pipe, unbuffered: the soak waits for each answer.
        func reply(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
        while let line = readLine() {
            let words = line.split(separator: " ")
            switch words.first {
            case "act":
                guard words.count == 2, let second = Double(words[1]) else { throw SoakProtocolError(line: line) }
                try journal.refresh()  // the other position may have written since
                guard let command = soakCommand(state: journal.state, policy: policy, random: &random) else {
                    reply("idle")
                    continue
                }
                let stamp = EventStamp.live(at: start + second, position: "ct-\(index + 1)", operatorName: "soak")
                var refused = 0
                let began = nanoseconds()
                do { try journal.record(command, router: router, stamp: stamp) } catch is ShiftError { refused = 1 }
                reply("done \(nanoseconds() - began) \(refused)")
            case "memory":
                let reading = MemoryReading.now("")
                reply("memory \(reading.residentKB) \(reading.heapKB)")
            default:
                throw SoakProtocolError(line: line)
            }
        }
    }

    /// The soak's side: one position's process and the pipe to it.
    final class Handle {
        private let process = Process()
        private let input = Pipe()
        private let output = Pipe()
        private var buffered: [UInt8] = []

        /// Starts this executable again as position `index` on the journal at `path`.
        init(path: String, index: Int, start: Date) throws {
            process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
            process.arguments = ["soak-position", path, String(index), String(start.timeIntervalSince1970)]
            process.standardInput = input
            process.standardOutput = output
            try process.run()
        }

        /// Records one command at `second` of the shift: how long the durable append took, and whether it was refused;
        /// nil when the shift offered nothing to do.
        func act(at second: Int) throws -> (appendNanoseconds: UInt64, refused: Bool)? {
            let answer = try ask("act \(second)")
            if answer == ["idle"] { return nil }
            guard answer.count == 3, answer[0] == "done", let took = UInt64(answer[1]) else { throw SoakProtocolError(line: answer.joined()) }
            return (took, answer[2] == "1")
        }

        /// The position's memory now.
        func memory(_ label: String) throws -> MemoryReading {
            let answer = try ask("memory")
            guard answer.count == 3, answer[0] == "memory", let resident = Int(answer[1]), let heap = Int(answer[2]) else {
                throw SoakProtocolError(line: answer.joined())
            }
            return MemoryReading(label: label, residentKB: resident, heapKB: heap)
        }

        /// Ends the position's input and waits for it to exit.
        func finish() {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }

        private func ask(_ line: String) throws -> [String] {
            try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
            return try readLine().split(separator: " ").map(String.init)
        }

        private func readLine() throws -> String {
            let descriptor = output.fileHandleForReading.fileDescriptor
            while true {
                if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: buffered[..<newline], as: UTF8.self)
                    buffered.removeSubrange(...newline)
                    return line
                }
                var chunk = [UInt8](repeating: 0, count: 256)
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { throw SoakProtocolError(line: "(the position exited)") }
                buffered += chunk[..<count]
            }
        }
    }
}

/// A line the soak and a position could not understand each other by.
struct SoakProtocolError: Error, CustomStringConvertible {
    let line: String
    var description: String { "soak position: unexpected line \"\(line)\"" }
}

/// One plausible command for the shift as it stands: a new call, a dispatch of the recommended unit, a unit's next
/// status, a revision, a back-up request or acknowledgement, or a close.
func soakCommand(state: ShiftState, policy: Policy, random: inout SeededGenerator) -> ShiftCommand? {
    let types = ["Mental Health Crisis", "Trespass", "Suicide Threat", "Non-urgent Welfare Check", "Intoxicated Person", "Burglary",
                 "Verbal Disturbance", "Lost Person"]
    let open = state.calls.filter(\.isOpen)
    let pending = open.filter(\.isPending)
    let roll = Int.random(in: 0..<100, using: &random)
    if roll < 18 || open.isEmpty {
        let beat = policy.beats[Int.random(in: 0..<policy.beats.count, using: &random)].id
        return .newCall(NewCall(callType: types[Int.random(in: 0..<types.count, using: &random)], beat: beat, flags: [],
                                flagsAnsweredNo: ["weapon", "violent"], location: "soak", note: "soak"))
    }
    if roll < 40, let call = pending.randomElement(using: &random),
       let unit = state.units.first(where: { $0.status == .available && $0.definition.response == call.intake.triage.dispatch }) {
        return .dispatch(callID: call.id, unitID: unit.id, overrideReason: nil)
    }
    if roll < 75, let unit = state.units.filter({ $0.callID != nil }).randomElement(using: &random) {
        let next: UnitStatus = unit.status == .dispatched ? .enRoute : unit.status == .enRoute ? .onScene : .available
        return .setStatus(unitID: unit.id, status: next)
    }
    if roll < 80, let call = open.randomElement(using: &random) {
        return .revise(callID: call.id, CallRevision(answers: ["elevated-risk": Bool.random(using: &random) ? .yes : .no]), note: "")
    }
    if roll < 83, let unit = state.units.filter({ $0.callID != nil }).randomElement(using: &random) {
        return .requestBackup(unitID: unit.id, kind: .police)
    }
    if roll < 86, let request = state.backupRequests.last(where: \.isUnacknowledged) {
        return .acknowledgeBackup(unitID: request.unitID)
    }
    guard let call = open.filter({ !$0.isPending }).randomElement(using: &random) ?? open.randomElement(using: &random) else {
        return nil
    }
    return .close(callID: call.id, disposition: .resolvedOnScene, declineFollowUp: false)
}
