import HeartDeskCore

/// The reason lists a reader met lately, remembered by their bytes, so a list that comes again is shared, not packed
/// again.
///
/// A call's reasons come back whole in each revision that does not change them, and calls of one type in one beat
/// and hour have the same ones: in the soak's shift, 4,051 decisions had 1,939 lists between them. Direct-mapped,
/// as ``ShortNameCache`` is: a newer list takes an older one's slot, so the table never grows past ``slotCount``.
struct ReasonListCache {
    /// Slots: about the distinct lists of a few hours of a busy shift.
    private static let slotCount = 1024

    /// 0 marks an empty slot (``ByteHash/of(_:)`` never gives 0).
    private var hashes = [UInt64](repeating: 0, count: slotCount)
    private var lists = [PackedLines](repeating: [], count: slotCount)

    /// The list remembered for `bytes` (a list's lines as ``PackedLines`` lays them out), whose hash is `hash`.
    func list(_ bytes: UnsafeRawBufferPointer, hash: UInt64) -> PackedLines? {
        let slot = Self.slot(hash)
        guard hashes[slot] == hash, lists[slot].matches(packedBytes: bytes) else { return nil }
        return lists[slot]
    }

    /// Remembers `list`, whose packed bytes hash to `hash`, in place of whatever held its slot.
    mutating func remember(_ list: PackedLines, hash: UInt64) {
        let slot = Self.slot(hash)
        hashes[slot] = hash
        lists[slot] = list
    }

    private static func slot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 54) }
}
