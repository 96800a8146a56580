import Foundation

/// Strings decoded from byte spans that repeat from record to record (reason lines, call-type names, unit ids,
/// positions), handed out shared instead of checked as UTF-8 and allocated again.
///
/// A long shift repeats the same few thousand names hundreds of thousands of times; decoding each anew made
/// replay allocation-bound and kept a copy per call in memory (docs/benchmarks.md). The table starts small
/// (a short shift costs a few kilobytes) and doubles up to a bound; once that is half full, further strings
/// are decoded as usual and not remembered.
struct StringInterner {
    // Parallel arrays rather than one array of optional entries, so a probe reads a hash and copies nothing.
    /// 0 marks an empty slot (no real hash is 0: ``hash(_:)`` sets the low bit).
    private var hashes: [UInt64]
    private var keys: [[UInt8]]
    private var strings: [String]
    private var filled = 0
    private var mask: Int
    private let maxCapacity: Int

    /// A table that grows to at most `maxCapacity` slots (a power of two), at most half of them used.
    init(maxCapacity: Int) {
        precondition(maxCapacity > 0 && maxCapacity & (maxCapacity - 1) == 0, "capacity must be a power of two")
        self.maxCapacity = maxCapacity
        let capacity = min(256, maxCapacity)
        hashes = Array(repeating: 0, count: capacity)
        keys = Array(repeating: [], count: capacity)
        strings = Array(repeating: "", count: capacity)
        mask = capacity - 1
    }

    /// The string these UTF-8 bytes decode to (invalid sequences repaired, as `String(decoding:as:)` does).
    mutating func string(_ span: UnsafeRawBufferPointer) -> String {
        // Up to 15 bytes a String holds its bytes inline: making one costs less than finding it, and copies of it
        // need no reference count.
        if span.count <= 15 { return String(decoding: span, as: UTF8.self) }
        let hash = Self.hash(span)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while hashes[slot] != 0 {
            if hashes[slot] == hash && keys[slot].count == span.count
                && (span.isEmpty || keys[slot].withUnsafeBytes { memcmp($0.baseAddress!, span.baseAddress!, span.count) == 0 }) {
                return strings[slot]
            }
            slot = (slot + 1) & mask
        }
        let string = String(decoding: span, as: UTF8.self)
        if filled * 2 >= hashes.count && hashes.count < maxCapacity {
            grow()
            slot = freeSlot(for: hash)
        }
        if filled * 2 < hashes.count {
            hashes[slot] = hash
            keys[slot] = Array(span)
            strings[slot] = string
            filled += 1
        }
        return string
    }

    private func freeSlot(for hash: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while hashes[slot] != 0 { slot = (slot + 1) & mask }
        return slot
    }

    /// Doubles the table, placing every entry anew.
    private mutating func grow() {
        let old = (hashes: hashes, keys: keys, strings: strings)
        let capacity = hashes.count * 2
        hashes = Array(repeating: 0, count: capacity)
        keys = Array(repeating: [], count: capacity)
        strings = Array(repeating: "", count: capacity)
        mask = capacity - 1
        for index in old.hashes.indices where old.hashes[index] != 0 {
            let slot = freeSlot(for: old.hashes[index])
            hashes[slot] = old.hashes[index]
            keys[slot] = old.keys[index]
            strings[slot] = old.strings[index]
        }
    }

    /// A fast, non-cryptographic hash of the bytes, eight at a time (a table key only; the chain uses SHA-256).
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var last: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            last |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ last) &* 0xC4CE_B9FE_1A85_EC53
        return (h ^ (h >> 29)) | 1
    }
}
