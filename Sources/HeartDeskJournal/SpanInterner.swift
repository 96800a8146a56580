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
    /// One entry: its hash, where its bytes sit in ``keyBytes``, and its value, together, so a probe that finds its
    /// entry has read all but the bytes to compare. Kept apart (hashes, key arrays, values), a look-up in a table of
    /// tens of thousands of reason lines waited on a cache miss for each (perf: three quarters of the name read's own
    /// samples sat on those reads).
    private struct Slot {
        /// 0 marks an empty slot (no real hash is 0: ``hash(_:)`` sets the low bit).
        var hash: UInt64 = 0
        var keyStart: UInt32 = 0
        var keyCount: UInt32 = 0
        var value: Value?
    }

    /// Longest key remembered: names and short lists, not free text; bounds ``keyBytes`` to what UInt32 offsets reach.
    static var maxKeyLength: Int { 4096 }

    private var slots: [Slot]
    /// Every remembered key's bytes, one after another.
    private var keyBytes: [UInt8] = []
    private var filled = 0
    private var mask: Int
    private let maxCapacity: Int

    /// A table that grows to at most `maxCapacity` slots (a power of two), at most half of them used.
    init(maxCapacity: Int) {
        precondition(maxCapacity > 0 && maxCapacity & (maxCapacity - 1) == 0, "capacity must be a power of two")
        precondition(maxCapacity / 2 * Self.maxKeyLength <= Int(UInt32.max), "every key's offset must fit in a slot")
        self.maxCapacity = maxCapacity
        let capacity = min(256, maxCapacity)
        slots = Array(repeating: Slot(), count: capacity)
        mask = capacity - 1
    }

    /// The value remembered for exactly these bytes, if any.
    func value(for span: UnsafeRawBufferPointer) -> Value? {
        let hash = Self.hash(span)
        return slots.withUnsafeBufferPointer { slots in
            var index = Int(truncatingIfNeeded: hash) & mask
            while slots[index].hash != 0 {
                if slots[index].hash == hash && Int(slots[index].keyCount) == span.count && matches(slots[index], span) {
                    return slots[index].value
                }
                index = (index + 1) & mask
            }
            return nil
        }
    }

    private func matches(_ slot: Slot, _ span: UnsafeRawBufferPointer) -> Bool {
        span.isEmpty || keyBytes.withUnsafeBytes { memcmp($0.baseAddress! + Int(slot.keyStart), span.baseAddress!, span.count) == 0 }
    }

    /// Remembers `value` for these bytes, unless the table is full or the bytes are longer than ``maxKeyLength``. The
    /// bytes must not be remembered already.
    mutating func remember(_ value: Value, for span: UnsafeRawBufferPointer) {
        guard span.count <= Self.maxKeyLength else { return }
        let hash = Self.hash(span)
        if filled * 2 >= slots.count && slots.count < maxCapacity { grow() }
        guard filled * 2 < slots.count else { return }
        let index = freeSlot(for: hash)
        slots[index] = Slot(hash: hash, keyStart: UInt32(keyBytes.count), keyCount: UInt32(span.count), value: value)
        keyBytes.append(contentsOf: span)
        filled += 1
    }

    private func freeSlot(for hash: UInt64) -> Int {
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].hash != 0 { index = (index + 1) & mask }
        return index
    }

    /// Doubles the table, placing every entry anew.
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.hash != 0 { slots[freeSlot(for: slot.hash)] = slot }
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
