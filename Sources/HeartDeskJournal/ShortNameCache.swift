import Foundation

/// Names of at most 15 UTF-8 bytes (positions, operators, unit ids, call types, beats, languages) remembered by
/// their bytes, so a record's names cost a compare, not a new `String` each.
///
/// Every record names its position and operator, and most name a unit or a call type: making each anew (UTF-8
/// checked, then formed) was a sixth of decoding (docs/benchmarks.md). A name this short is held inside its
/// `String`, so handing out the remembered one shares no storage and counts no references. The bytes and their
/// length are packed into two words, which makes the table's key, its hash and its compare a few instructions.
/// Direct-mapped: a newer name takes an older one's slot when they collide, and the older is made again when next
/// read, so the table never grows past ``slotCount``.
struct ShortNameCache {
    /// Longest name kept: the most a `String` holds inline.
    static let maxLength = 15
    /// Slots: a shift's vocabulary is a few hundred names; four times that keeps collisions rare.
    private static let slotCount = 1024

    private typealias Key = (UInt64, UInt64)
    private var keys: [Key]
    private var names: [String]

    init() {
        // (0, 0) is no key: a packed key holds its length in its last byte, and the empty name is never looked up.
        keys = Array(repeating: (0, 0), count: Self.slotCount)
        names = Array(repeating: "", count: Self.slotCount)
    }

    /// The name these bytes spell (invalid UTF-8 repaired, as `String(decoding:)` does); at most ``maxLength`` bytes.
    mutating func name(_ span: UnsafeRawBufferPointer) -> String {
        precondition(span.count <= Self.maxLength, "a short name")
        guard !span.isEmpty else { return "" }
        let key = Self.key(span)
        let mixed = (key.0 ^ (key.1 &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD
        let slot = Int(truncatingIfNeeded: mixed >> 54)
        if keys[slot] == key { return names[slot] }
        let name = String(decoding: span, as: UTF8.self)
        keys[slot] = key
        names[slot] = name
        return name
    }

    /// The bytes little-endian in sixteen bytes and their length in the last, assembled in registers from at most
    /// four loads. Copying the bytes into a stack key and reading it back as two words stalled each read behind
    /// the copy's narrower stores (perf: a third of this lookup's time).
    private static func key(_ span: UnsafeRawBufferPointer) -> Key {
        let count = span.count
        let length = UInt64(count) << 56
        switch count {
        case 8...:
            let first = span.loadUnaligned(as: UInt64.self)
            guard count > 8 else { return (first, length) }
            // The last eight bytes end at the name's end; shifted down, only those after the first eight remain.
            let last = span.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) &>> UInt64((16 - count) * 8)
            return (first, last | length)
        case 4...:
            let first = UInt64(span.loadUnaligned(as: UInt32.self))
            guard count > 4 else { return (first, length) }
            let last = UInt64(span.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self) &>> UInt32((8 - count) * 8))
            return (first | last << 32, length)
        default:
            var bytes: UInt64 = 0
            for index in 0..<count { bytes |= UInt64(span[index]) << UInt64(index * 8) }
            return (bytes, length)
        }
    }
}
