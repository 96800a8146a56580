import Foundation

/// Values decoded from byte spans that repeat from record to record — names (reason lines, call types, unit ids)
/// and short lists of them (safety flags, eligible responses) — handed out shared instead of decoded and
/// allocated again.
///
/// A long shift repeats the same few thousand names hundreds of thousands of times; decoding each anew made
/// replay allocation-bound and kept a copy per call in memory (docs/benchmarks.md). The table starts small
/// (a short shift costs a few kilobytes) and doubles up to a bound; once that is half full, further values
/// are decoded as usual and not remembered.
struct SpanInterner<Value> {
    // Parallel arrays rather than one array of optional entries, so a probe reads a hash and copies nothing.
    /// 0 marks an empty slot (no real hash is 0: ``hash(_:)`` sets the low bit).
    private var hashes: [UInt64]
    private var keys: [[UInt8]]
    private var values: [Value?]
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
        values = Array(repeating: nil, count: capacity)
        mask = capacity - 1
    }

    /// The value remembered for exactly these bytes, if any.
    func value(for span: UnsafeRawBufferPointer) -> Value? {
        let hash = Self.hash(span)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while hashes[slot] != 0 {
            if hashes[slot] == hash && keys[slot].count == span.count
                && (span.isEmpty || keys[slot].withUnsafeBytes { memcmp($0.baseAddress!, span.baseAddress!, span.count) == 0 }) {
                return values[slot]
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Remembers `value` for these bytes, unless the table is full. The bytes must not be remembered already.
    mutating func remember(_ value: Value, for span: UnsafeRawBufferPointer) {
        let hash = Self.hash(span)
        if filled * 2 >= hashes.count && hashes.count < maxCapacity { grow() }
        guard filled * 2 < hashes.count else { return }
        let slot = freeSlot(for: hash)
        hashes[slot] = hash
        keys[slot] = Array(span)
        values[slot] = value
        filled += 1
    }

    private func freeSlot(for hash: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while hashes[slot] != 0 { slot = (slot + 1) & mask }
        return slot
    }

    /// Doubles the table, placing every entry anew.
    private mutating func grow() {
        let old = (hashes: hashes, keys: keys, values: values)
        let capacity = hashes.count * 2
        hashes = Array(repeating: 0, count: capacity)
        keys = Array(repeating: [], count: capacity)
        values = Array(repeating: nil, count: capacity)
        mask = capacity - 1
        for index in old.hashes.indices where old.hashes[index] != 0 {
            let slot = freeSlot(for: old.hashes[index])
            hashes[slot] = old.hashes[index]
            keys[slot] = old.keys[index]
            values[slot] = old.values[index]
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
