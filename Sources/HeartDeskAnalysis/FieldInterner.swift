/// Numbers the distinct values of one column by their bytes, so a million rows make a string only once for each
/// distinct value: a city's export has a few hundred codes and a few dozen beats, repeated on every row.
struct FieldInterner {
    /// Open addressing over a power-of-two table: -1 is empty, otherwise the value's number.
    private var slots = [Int32](repeating: -1, count: 1 << 10)
    private var hashes: [UInt64] = []
    private var bytes: [[UInt8]] = []
    /// The value of each number as text (trimmed, quotes undoubled), as ``CSVRecord/string(_:)`` makes it.
    private(set) var strings: [String] = []

    /// The number of field `index` of `record`; a value not seen before is given the next.
    mutating func number(of record: CSVRecord, field index: Int) -> Int {
        record.withField(index) { raw in
            // FNV-1a: short fields, and no need for protection against crafted collisions (the table only grows).
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in raw { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
            while true {
                let found = slots[slot]
                if found < 0 { break }
                if hashes[Int(found)] == hash && bytes[Int(found)].elementsEqual(raw) { return Int(found) }
                slot = (slot + 1) & (slots.count - 1)
            }
            let number = strings.count
            hashes.append(hash)
            bytes.append(Array(raw))
            strings.append(record.string(index))
            slots[slot] = Int32(number)
            if strings.count * 2 > slots.count { grow() }
            return number
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(number)
        }
    }
}
