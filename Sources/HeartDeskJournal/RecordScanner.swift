/// Walks the records of a journal's bytes, checking framing and the hash chain.
struct RecordScanner {
    /// How the walk ended.
    enum Ending: Equatable {
        /// Every byte belonged to a good record.
        case clean
        /// The last record is incomplete or damaged and nothing valid follows: the writer died mid-append.
        case tornTail(recordNumber: Int, offset: Int, reason: String)
        /// A damaged record with a valid record after it: corruption or tampering, never cut silently.
        case corrupt(recordNumber: Int, offset: Int, reason: String, nextGoodOffset: Int)
    }

    struct Result {
        /// Records read, in order.
        var count = 0
        /// Offset just past the last good record.
        var endOffset: Int
        var lastHash: ChainHash
        var ending: Ending = .clean
        /// Set only by a scan that is not `final`: the bytes from `endOffset` on did not hold a whole good record.
        var stoppedShort: ShortStop?
    }

    /// Why a scan of a piece of the journal stopped before the piece's end.
    enum ShortStop: Equatable {
        /// The piece ends inside a record that is well begun; this many bytes from its start would hold it.
        case recordNeeds(Int)
        /// The record there is bad: judging it, torn or corrupt, takes every byte after it.
        case badRecord
    }

    /// Scans `bytes` (file offsets start at `baseOffset`) from the start, chaining from `previous`,
    /// and hands each good record's payload to `visit` with its 1-based number.
    ///
    /// `final` says the bytes run to the end of the journal. When they are only a piece of it (a chunk of a long
    /// file), the scan stops at the first record that is not whole and good, sets ``Result/stoppedShort`` and
    /// judges nothing: the caller reads on from ``Result/endOffset``.
    ///
    /// With `checkingHashes` false only the framing is checked and each record's stored hash taken as it stands:
    /// for a reader whose records another scan checks at the same time (``scanFileEventsPipelined``).
    static func scan(
        _ bytes: UnsafeRawBufferPointer, baseOffset: Int, previous: ChainHash, firstNumber: Int, final: Bool = true,
        checkingHashes: Bool = true, visit: (_ number: Int, _ payload: UnsafeRawBufferPointer) throws -> Void
    ) rethrows -> Result {
        var result = Result(endOffset: baseOffset, lastHash: previous)
        var position = 0
        while position < bytes.count {
            let number = firstNumber + result.count
            switch check(bytes, at: position, previous: result.lastHash, checkingHash: checkingHashes) {
            case .good(let payload, let hash, let next):
                try visit(number, UnsafeRawBufferPointer(rebasing: bytes[payload]))
                result.count += 1
                result.lastHash = hash
                position = next
                result.endOffset = baseOffset + next
            case .short(let needed, _) where !final:
                result.stoppedShort = .recordNeeds(needed)
                return result
            case .bad where !final:
                result.stoppedShort = .badRecord
                return result
            case .short(_, let reason), .bad(let reason):
                let recomputed = recomputedHash(bytes, at: position, previous: result.lastHash)
                if let later = firstValidRecord(in: bytes, after: position, orChainingFrom: recomputed) {
                    result.ending = .corrupt(recordNumber: number, offset: baseOffset + position, reason: reason,
                                             nextGoodOffset: baseOffset + later)
                } else {
                    result.ending = .tornTail(recordNumber: number, offset: baseOffset + position, reason: reason)
                }
                return result
            }
        }
        return result
    }

    private enum Check {
        case good(payload: Range<Int>, hash: ChainHash, next: Int)
        /// The bytes end inside a record that is well begun: `needed` bytes from its start would hold it.
        case short(needed: Int, String)
        case bad(String)
    }

    private static func check(_ bytes: UnsafeRawBufferPointer, at position: Int, previous: ChainHash,
                              checkingHash: Bool = true) -> Check {
        let remaining = bytes.count - position
        guard remaining >= 8 else { return .short(needed: 8, "only \(remaining) bytes of a record header") }
        guard bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self).littleEndian == JournalFormat.magic else {
            return .bad("no record marker")
        }
        let length = Int(bytes.loadUnaligned(fromByteOffset: position + 4, as: UInt32.self).littleEndian)
        guard length <= JournalFormat.maxPayload else { return .bad("impossible length \(length)") }
        let end = position + JournalFormat.frameOverhead + length
        guard end <= bytes.count else {
            return .short(needed: JournalFormat.frameOverhead + length, "record of \(length) bytes cut short after \(remaining - 8)")
        }
        let payload = (position + 8)..<(position + 8 + length)
        let stored = ChainHash(UnsafeRawBufferPointer(rebasing: bytes[payload.upperBound..<end]))
        if checkingHash {
            let hash = JournalFormat.chain(previous, payload: UnsafeRawBufferPointer(rebasing: bytes[payload]))
            guard hash == stored else { return .bad("hash does not match its contents and the record before it") }
        }
        return .good(payload: payload, hash: stored, next: end)
    }

    /// What the hash of a damaged but fully framed record should have been, so that damage confined to its
    /// stored hash still lets the next record be recognised.
    private static func recomputedHash(_ bytes: UnsafeRawBufferPointer, at position: Int, previous: ChainHash) -> ChainHash? {
        guard bytes.count - position >= 8,
              bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self).littleEndian == JournalFormat.magic
        else { return nil }
        let length = Int(bytes.loadUnaligned(fromByteOffset: position + 4, as: UInt32.self).littleEndian)
        guard length <= JournalFormat.maxPayload, position + JournalFormat.frameOverhead + length <= bytes.count else { return nil }
        return JournalFormat.chain(previous, payload: UnsafeRawBufferPointer(rebasing: bytes[(position + 8)..<(position + 8 + length)]))
    }

    /// The offset of any self-consistent record after `position`: one whose hash checks out chained from
    /// the 32 bytes before it (where the previous record's hash sits) or from `recomputed`.
    /// - Complexity: O(bytes after `position`); it runs only when a record is bad.
    private static func firstValidRecord(in bytes: UnsafeRawBufferPointer, after position: Int,
                                         orChainingFrom recomputed: ChainHash?) -> Int? {
        var candidate = max(position + 1, 32)
        while candidate + JournalFormat.frameOverhead <= bytes.count {
            if bytes.loadUnaligned(fromByteOffset: candidate, as: UInt32.self).littleEndian == JournalFormat.magic {
                let stored = ChainHash(UnsafeRawBufferPointer(rebasing: bytes[(candidate - 32)..<candidate]))
                for previous in [stored, recomputed].compactMap({ $0 }) {
                    if case .good = check(bytes, at: candidate, previous: previous) { return candidate }
                }
            }
            candidate += 1
        }
        return nil
    }
}
