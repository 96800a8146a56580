import Foundation
import HeartDeskCore
@testable import HeartDeskJournal
import Testing

/// The decoder's remembered names and enum spellings give exactly what reading each anew gives.
@Suite("Decoder tables")
struct DecoderTableTests {
    private static func name(_ cache: inout ShortNameCache, _ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { cache.name($0) }
    }

    @Test("every short name comes back as itself, read twice over more names than the cache has slots")
    func shortNamesSurviveCollisions() {
        var cache = ShortNameCache()
        // 5,000 names in 1,024 slots: many collide, and each must still read as its own bytes, not its slot's last.
        let names = (0..<5_000).map { "unit-\($0)" } + (0..<200).map { "CRT-\($0)" }
        for _ in 0..<2 {
            for name in names { #expect(Self.name(&cache, Array(name.utf8)) == name) }
        }
    }

    @Test("names alike but for length, a NUL or their last byte are told apart",
          arguments: [[[0x61], [0x61, 0x00]], [[0x61, 0x62], [0x61, 0x63]],
                      [Array("fifteen-bytes-1".utf8), Array("fifteen-bytes-2".utf8)], [[], [0x00]]] as [[[UInt8]]])
    func lookalikesStayApart(pair: [[UInt8]]) {
        var cache = ShortNameCache()
        for _ in 0..<2 {
            for bytes in pair { #expect(Self.name(&cache, bytes) == String(decoding: bytes, as: UTF8.self)) }
        }
    }

    /// The key is read in words that overlap for most lengths: a name of each length, then the same name changed in
    /// one byte at each position, and runs of one byte that differ only in length, must all read back as themselves.
    @Test("names of every length up to 15 bytes differing in any one byte, or only in length, are told apart",
          arguments: 1...ShortNameCache.maxLength)
    func everyLengthAndBytePosition(length: Int) {
        var cache = ShortNameCache()
        let base = (0..<length).map { UInt8(ascii: "a") + UInt8($0) }
        var variants = [base]
        for position in 0..<length {
            var changed = base
            changed[position] = UInt8(ascii: "Z")
            variants.append(changed)
        }
        variants += [[UInt8](repeating: 0x78, count: length), [UInt8](repeating: 0x78, count: length - 1)]
        for _ in 0..<2 {
            for bytes in variants { #expect(Self.name(&cache, bytes) == String(decoding: bytes, as: UTF8.self), "\(bytes)") }
        }
    }

    @Test("the shared-name table gives each remembered span its own value, through growth and once full")
    func spanInternerKeepsEachSpansValue() {
        var table = SpanInterner<String>(maxCapacity: 1 << 12)
        // More lines than the table will take (half of 4,096), alike but for a prefix, a suffix or one digit.
        let lines = (0..<3_000).map { "CRT: closed — Mon–Fri 09:00–17:00, now Tue \($0 / 60):\($0 % 60)" }
            + ["CRT", "CRT:", "", String(repeating: "x", count: SpanInterner<String>.maxKeyLength + 1)]
        func look(_ line: String) -> String? { Array(line.utf8).withUnsafeBytes { table.value(for: $0) } }
        for line in lines where look(line) == nil {
            Array(line.utf8).withUnsafeBytes { table.remember(line, for: $0) }
        }
        let found = lines.filter { look($0) != nil }
        #expect(found.count == 2_048, "remembers until half full, then no more")
        for line in found { #expect(look(line) == line) }
        #expect(look(lines.last!) == nil, "a key over the longest kept is never remembered")
        #expect(look("CRT: closed") == nil && look("crt") == nil)
    }

    @Test("a name read from invalid UTF-8 is found again by the bytes it was read from, not by its repaired text")
    func spanInternerFindsRepairedNamesByTheirBytes() {
        var table = SpanInterner<String>(maxCapacity: 256)
        let bytes: [UInt8] = Array("CRT: not eligible — beat ".utf8) + [0xFF, 0xC3] + Array(" outside".utf8)
        let repaired = String(decoding: bytes, as: UTF8.self)
        bytes.withUnsafeBytes { table.remember(repaired, for: $0) }
        #expect(bytes.withUnsafeBytes { table.value(for: $0) } == repaired)
        #expect(Array(repaired.utf8).withUnsafeBytes { table.value(for: $0) } == nil)
    }

    @Test("invalid UTF-8 is repaired as any string read from a record is")
    func invalidUTF8Repaired() {
        var cache = ShortNameCache()
        let bytes: [UInt8] = [0x43, 0xFF, 0x2D, 0xC3]
        #expect(Self.name(&cache, bytes) == "C\u{FFFD}-\u{FFFD}")
        #expect(Self.name(&cache, bytes) == "C\u{FFFD}-\u{FFFD}")
    }

    @Test("each status, disposition, back-up kind and follow-up status reads back from its spelling; near misses do not")
    func enumSpellings() {
        func check<Value: CaseIterable & RawRepresentable & Equatable>(_: Value.Type) where Value.RawValue == String {
            let spellings = EnumSpellings<Value>()
            for value in Value.allCases {
                let bytes = Array(value.rawValue.utf8)
                #expect(bytes.withUnsafeBytes { spellings.value($0) } == value)
                #expect((bytes + [0x21]).withUnsafeBytes { spellings.value($0) } == nil)
                #expect(bytes.dropLast().withUnsafeBytes { spellings.value($0) } == nil)
                #expect(bytes.map { $0 ^ 0x20 }.withUnsafeBytes { spellings.value($0) } == nil)
            }
            #expect([UInt8]().withUnsafeBytes { spellings.value($0) } == nil)
        }
        check(UnitStatus.self)
        check(Disposition.self)
        check(BackupKind.self)
        check(FollowUpStatus.self)
    }

    @Test("a status record spelled unknown is undecodable, however close the spelling")
    func unknownStatusUndecodable() {
        var decoder = EventDecoder()
        for spelling in ["en-route", "en-rout", "EN-ROUTE", "en-route "] {
            var w = ByteWriter()
            w.signed(1_795_460_400_000)
            w.signed(1_795_460_400_000)
            w.string("pos")
            w.string("op")
            w.u8(EventCodec.Tag.unitStatusChanged.rawValue)
            w.string("CRT-1")
            w.string(spelling)
            let decoded = try? w.bytes.withUnsafeBytes { bytes throws(EventCodec.UndecodableEvent) in try decoder.decode(bytes) }
            if spelling == "en-route" {
                #expect(decoded?.body == .unitStatusChanged(unitID: "CRT-1", status: .enRoute))
            } else {
                #expect(decoded == nil, "\(spelling)")
            }
        }
    }

    @Test("events decoded through the shared tables equal the events encoded, call after call")
    func roundTripThroughTables() throws {
        var decoder = EventDecoder()
        let stamp = { (n: Int) in (wall: Int64(1_795_460_400_000 + n * 1_000), position: n % 3 == 0 ? "desk-\(n % 7)" : "pos-1") }
        for n in 1...3_000 {
            let callID = ShiftState.callID(number: n)
            let bodies: [ShiftEvent.Body] = [
                .noteAdded(callID: callID, text: "note \(n)"),
                .unitDispatched(callID: callID, unitID: "CRT-\(n % 40)", overrideReason: n % 5 == 0 ? "closest unit" : nil),
                .unitStatusChanged(unitID: "CRT-\(n % 40)", status: UnitStatus.allCases[n % UnitStatus.allCases.count]),
                .callClosed(callID: callID, disposition: Disposition.allCases[n % Disposition.allCases.count],
                            followUpID: n % 2 == 0 ? "F-\(n)" : nil),
            ]
            for body in bodies {
                let s = stamp(n)
                let event = ShiftEvent(wallMillis: s.wall, shiftMillis: s.wall, position: s.position, operatorName: "operator \(n % 11)",
                                       body: body)
                let payload = EventCodec.encode(event)
                let decoded = try payload.withUnsafeBytes { bytes throws(EventCodec.UndecodableEvent) in try decoder.decode(bytes) }
                #expect(decoded == event)
            }
        }
    }
}
