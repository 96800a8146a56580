import Foundation
import HeartDeskCore
@testable import HeartDeskJournal
import Testing
import TestSupport

/// Torn tails are cut (keeping a copy); damage with good records after it is refused, never skipped.
@Suite("Torn tails and corruption")
struct RecoveryTests {
    /// A small journal: shift opened, two calls, a dispatch, a note; returns its bytes and record boundaries.
    static func sample(in directory: TemporaryDirectory) throws -> (bytes: [UInt8], recordStarts: [Int]) {
        let path = directory.path("sample.hdj")
        var shift = try ShiftDriver(path: path)
        try shift.run(.newCall(NewCall.screened(callType: "Mental Health Crisis", beat: "111", callerName: "Peña")))
        shift.advance(minutes: 2)
        try shift.run(.newCall(NewCall.screened(callType: "Trespass", beat: "413", flags: ["weapon"])))
        try shift.run(.dispatch(callID: "C-0001", unitID: "CRT-1", overrideReason: nil))
        try shift.run(.addNote(callID: "C-0001", text: "calmer now"))
        let bytes = directory.bytes("sample.hdj")
        let (starts, end) = JournalFrames.records(of: bytes)
        #expect(end == bytes.count, "every byte belongs to a whole record")
        return (bytes, starts)
    }

    @Test("the last record cut at every byte: reopening keeps every earlier record and a copy of the original")
    func tornAtEveryOffset() throws {
        let directory = TemporaryDirectory()
        let (bytes, starts) = try Self.sample(in: directory)
        let lastStart = starts.last!
        let expected = try Journal.open(directory.path("sample.hdj"), mode: .read, keepEvents: true).events.dropLast()
        for cut in lastStart..<bytes.count {
            let name = "torn-\(cut).hdj"
            directory.write(Array(bytes[..<cut]), to: name)
            let journal = try Journal.open(directory.path(name), mode: .write, keepEvents: true)
            #expect(Array(journal.events) == Array(expected), "cut at \(cut)")
            let shift = ShiftDriver.attach(journal)
            if cut > lastStart {
                #expect(journal.health == .tornTailPending(recordNumber: starts.count))
                // A refused command writes nothing, so it cuts nothing either.
                #expect(throws: ShiftError.self) { try shift.run(.addNote(callID: "C-0099", text: "no such call")) }
                #expect(directory.bytes(name) == Array(bytes[..<cut]), "cut at \(cut): a refused command left the file alone")
            }
            // The first append cuts the torn tail (keeping a copy) and writes after the last good record.
            try shift.run(.addNote(callID: "C-0002", text: "after recovery"))
            if cut > lastStart {
                #expect(journal.health == .recoveredTornTail(recordNumber: starts.count, backupPath: directory.path(name) + ".torn-record-\(starts.count)"))
                let copied = directory.bytes(name + ".torn-record-\(starts.count)") == Array(bytes[..<cut])
                #expect(copied, "the copy keeps every byte")
            }
            let kept = Array(directory.bytes(name).prefix(lastStart)) == Array(bytes[..<lastStart])
            #expect(kept, "cut at \(cut): every good record is kept")
            #expect(try Journal.open(directory.path(name), mode: .read).recordCount == starts.count)
        }
    }

    @Test("a zero-filled tail (the file system grew the file but the data never landed) is torn, not corrupt")
    func zeroFilledTail() throws {
        let directory = TemporaryDirectory()
        let (bytes, starts) = try Self.sample(in: directory)
        var damaged = bytes
        for i in (starts.last! + 8)..<bytes.count { damaged[i] = 0 }
        directory.write(damaged, to: "zeros.hdj")
        let journal = try Journal.open(directory.path("zeros.hdj"), mode: .write)
        #expect(journal.recordCount == starts.count - 1)
        #expect(journal.health == .tornTailPending(recordNumber: starts.count))
    }

    @Test("a flipped byte anywhere: the damaged record is named; writing is refused unless it is the torn last one")
    func flippedByteAnywhere() throws {
        let directory = TemporaryDirectory()
        let (bytes, starts) = try Self.sample(in: directory)
        for offset in 0..<bytes.count {
            var damaged = bytes
            damaged[offset] ^= 0x20
            directory.write(damaged, to: "flip.hdj")
            let path = directory.path("flip.hdj")
            if offset < 16 {
                #expect(throws: JournalError.self) { try Journal.open(path, mode: .read) }
                continue
            }
            let record = starts.lastIndex { $0 <= offset }! + 1
            if record < starts.count {
                #expect("byte \(offset)", performing: { try Journal.open(path, mode: .read) }, throws: { error in
                    (error as? JournalError)?.kind == .corrupt && (error as? JournalError)?.recordNumber == record
                })
                #expect(performing: { try Journal.open(path, mode: .write) }, throws: { error in
                    (error as? JournalError)?.recordNumber == record
                })
                let unchanged = directory.bytes("flip.hdj") == damaged
                #expect(unchanged, "a refused open leaves the file as it was (byte \(offset))")
            } else {
                let reader = try Journal.open(path, mode: .read)
                #expect(reader.health == .tornTailPending(recordNumber: record), "byte \(offset)")
            }
        }
    }

    @Test("a record edited with its own hash recomputed is caught by the next record's chain")
    func rehashedEdit() throws {
        let directory = TemporaryDirectory()
        let (bytes, starts) = try Self.sample(in: directory)
        // Rewrite record 2's payload byte and recompute its hash as a forger would.
        var forged = bytes
        let start = starts[1]
        let length = Int(bytes[start + 4]) | Int(bytes[start + 5]) << 8
        forged[start + 8 + length / 2] ^= 0x01
        let previousHash = Array(bytes[(start - 32)..<start])
        let payload = Array(forged[(start + 8)..<(start + 8 + length)])
        let rehash = previousHash.withUnsafeBytes { previous in
            payload.withUnsafeBytes { JournalFormat.chain(ChainHash(previous), payload: $0) }
        }.withBytes { Array($0) }
        forged.replaceSubrange((start + 8 + length)..<(start + 8 + length + 32), with: rehash)
        directory.write(forged, to: "forged.hdj")
        #expect(performing: { try Journal.open(directory.path("forged.hdj"), mode: .read) }, throws: { error in
            (error as? JournalError)?.recordNumber == 3
        })
    }

    @Test("a file that is not a journal is refused and left alone")
    func notAJournal() throws {
        let directory = TemporaryDirectory()
        directory.write(Array("name: Durham HEART\n".utf8), to: "policy.yaml")
        #expect(performing: { try Journal.open(directory.path("policy.yaml"), mode: .write) }, throws: { error in
            (error as? JournalError)?.kind == .notAJournal
        })
        #expect(directory.bytes("policy.yaml") == Array("name: Durham HEART\n".utf8))
    }
}
