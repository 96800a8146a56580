import Foundation
import HeartDeskCore

extension RecordScanner {
    /// Below this many bytes a catch-up reads on the calling thread: a follower's refresh of a few records
    /// must not pay for starting threads.
    static let pipelineThreshold = 1 << 20
    /// How much of a long journal is read at a time: one buffer, reused, instead of the whole file in memory
    /// (a 183 MB journal cost 183 MB and 0.1 s of page faults before its first record was checked).
    static let pieceSize = 4 << 20

    /// One piece's scan: its bytes, their offset in the file, the chain and numbering it continues, and whether
    /// the piece runs to the end of what is read.
    typealias PieceScan = (_ bytes: UnsafeRawBufferPointer, _ baseOffset: Int, _ previous: ChainHash, _ firstNumber: Int,
                           _ final: Bool) throws(JournalError) -> Result

    /// Walks `file`'s bytes from `offset` to `end` a piece at a time, each through `scanPiece`: the same records
    /// and ending as one scan of all those bytes at once. A record cut by a piece's end is read again whole with
    /// the next piece; a bad record is judged with every byte after it, as one scan would.
    static func scanFile(
        _ file: JournalFile, from offset: Int, to end: Int, previous: ChainHash, firstNumber: Int, pieceSize: Int = pieceSize,
        scanPiece: PieceScan
    ) throws(JournalError) -> Result {
        var total = Result(endOffset: offset, lastHash: previous)
        var buffer: [UInt8] = []
        var wanted = pieceSize
        while total.endOffset < end {
            let start = total.endOffset
            let length = min(wanted, end - start)
            try file.read(into: &buffer, at: start, count: length)
            let isLast = start + length == end
            let piece = try buffer.withUnsafeBytes { raw in
                Swift.Result { () throws(JournalError) in
                    try scanPiece(UnsafeRawBufferPointer(rebasing: raw[0..<length]), start, total.lastHash,
                                  firstNumber + total.count, isLast)
                }
            }.get()
            total.count += piece.count
            total.endOffset = piece.endOffset
            total.lastHash = piece.lastHash
            total.ending = piece.ending
            switch piece.stoppedShort {
            case nil: wanted = pieceSize
            case .recordNeeds(let bytes): wanted = max(pieceSize, bytes)
            // Torn or corrupt depends on every byte after it: the rest in one piece, judged as the journal's end.
            case .badRecord: wanted = end - total.endOffset
            }
            if isLast { break }
        }
        return total
    }

    /// The events of `file`'s records from byte `offset` to `end`, read a piece at a time, checked (unless
    /// `checkingHashes` is false), decoded and handed to `visit`: the same records, order, ending and errors as one
    /// ``scanEvents(_:baseOffset:previous:firstNumber:final:checkingHashes:path:decoder:visit:)`` over all those bytes.
    static func scanFileEvents(
        _ file: JournalFile, from offset: Int, to end: Int, previous: ChainHash, firstNumber: Int, pieceSize: Int = pieceSize,
        checkingHashes: Bool = true, decoder: inout EventDecoder, visit: (consuming ShiftEvent) -> Void
    ) throws(JournalError) -> Result {
        try scanFile(file, from: offset, to: end, previous: previous, firstNumber: firstNumber, pieceSize: pieceSize) {
            bytes, baseOffset, previous, firstNumber, final throws(JournalError) in
            try scanEvents(bytes, baseOffset: baseOffset, previous: previous, firstNumber: firstNumber, final: final,
                           checkingHashes: checkingHashes, path: file.path, decoder: &decoder, visit: visit)
        }
    }

    /// ``scanFileEvents(_:from:to:previous:firstNumber:pieceSize:checkingHashes:decoder:visit:)`` on three threads:
    /// one checks the hash chain, one decodes the events, and the calling thread folds each batch of events once
    /// the checker has vouched for every record in it.
    ///
    /// Same records, same order, same ending and errors as the one-thread scan: `visit` sees exactly the events
    /// it would have, and only after their records' hashes checked out. A record's hash needs only its bytes and
    /// the stored hash before it, so checking and decoding run side by side; a journal that is bad at record B and
    /// undecodable at record U says what one scan would: undecodable if U comes first, B's damage otherwise.
    /// Hashing, decoding and folding cost about the same each, so the two cores stay busy (docs/benchmarks.md).
    static func scanFileEventsPipelined(
        _ file: JournalFile, from offset: Int, to end: Int, previous: ChainHash, firstNumber: Int,
        decoder: inout EventDecoder, visit: (consuming ShiftEvent) -> Void
    ) throws(JournalError) -> Result {
        guard end - offset >= pipelineThreshold else {
            return try scanFileEvents(file, from: offset, to: end, previous: previous, firstNumber: firstNumber, decoder: &decoder,
                                      visit: visit)
        }
        let pipe = EventPipe(decoder: decoder, firstNumber: firstNumber)
        let source = UncheckedFile(file: file)
        let checker = Thread {
            let outcome = Swift.Result { () throws(JournalError) in
                try scanFile(source.file, from: offset, to: end, previous: previous, firstNumber: firstNumber) {
                    bytes, baseOffset, previous, firstNumber, final throws(JournalError) in
                    let result = scan(bytes, baseOffset: baseOffset, previous: previous, firstNumber: firstNumber, final: final) {
                        number, _ in
                        if number % EventPipe.batchSize == 0 { pipe.checked(through: number) }
                    }
                    pipe.checked(through: firstNumber + result.count - 1)
                    return result
                }
            }
            pipe.finishChecking(outcome)
        }
        let decoding = Thread {
            var decoder = pipe.takeDecoder()
            var batch = EventBatch()
            let outcome = Swift.Result { () throws(JournalError) in
                try scanFileEvents(source.file, from: offset, to: end, previous: previous, firstNumber: firstNumber,
                                   checkingHashes: false, decoder: &decoder) { event in
                    batch.append(event)
                    if batch.isFull {
                        pipe.send(batch)
                        batch = EventBatch()
                    }
                }
            }
            pipe.finishDecoding(last: batch, outcome: outcome, decoder: decoder)
        }
        for thread in [checker, decoding] {
            thread.stackSize = 1 << 20
            thread.start()
        }
        // The file stays open until both threads have finished: this loop ends only after both said so.
        while let (batch, vouched) = pipe.receiveChecked() {
            // Moved out, not copied: a copy cost a retain here and a release when the batch was freed, per string and list.
            for _ in 0..<vouched { visit(batch.take()) }
        }
        let (checked, decoded, finalDecoder) = pipe.outcomes()
        decoder = finalDecoder
        let checkedGood = (try? checked.get()).map { firstNumber + $0.count } ?? firstNumber
        if case .failure(let error) = decoded, error.kind == .undecodable, let number = error.recordNumber, number < checkedGood {
            throw error
        }
        let result = try checked.get()
        if case .failure(let error) = decoded, error.kind != .undecodable { throw error }
        return result
    }
}

/// The caller's file, handed to the checking and decoding threads, which only read it (`pread` at offsets); the
/// caller holds the file's lock and outlives every use (it waits for both to end).
private struct UncheckedFile: @unchecked Sendable {
    let file: JournalFile
}

/// Batches of decoded events from the decoding thread to the folding thread, at most a few in flight, each let
/// through only as far as the checking thread has vouched for its records.
private final class EventPipe: @unchecked Sendable {
    static let batchSize = 4096
    /// Bounds the events held in memory at once, whatever the journal's size.
    private static let maxBatchesInFlight = 6

    // Every field below is read and written only while holding `condition`.
    private let condition = NSCondition()
    private var batches: [EventBatch] = []
    /// The record number of the first event in `batches.first`.
    private var nextNumber: Int
    /// The last record whose hash (and every one before it) checked out.
    private var checkedThrough: Int
    private var checked: Swift.Result<RecordScanner.Result, JournalError>?
    private var decoded: Swift.Result<RecordScanner.Result, JournalError>?
    private var decoder: EventDecoder?

    init(decoder: EventDecoder, firstNumber: Int) {
        self.decoder = decoder
        nextNumber = firstNumber
        checkedThrough = firstNumber - 1
    }

    func takeDecoder() -> EventDecoder {
        condition.withLock {
            defer { decoder = nil }
            return decoder!
        }
    }

    func checked(through number: Int) {
        condition.withLock {
            guard number > checkedThrough else { return }
            checkedThrough = number
            condition.broadcast()
        }
    }

    func finishChecking(_ outcome: Swift.Result<RecordScanner.Result, JournalError>) {
        condition.withLock {
            checked = outcome
            condition.broadcast()
        }
    }

    func send(_ batch: EventBatch) {
        condition.withLock {
            while batches.count >= Self.maxBatchesInFlight { condition.wait() }
            batches.append(batch)
            condition.broadcast()
        }
    }

    func finishDecoding(last: EventBatch, outcome: Swift.Result<RecordScanner.Result, JournalError>, decoder: EventDecoder) {
        condition.withLock {
            if last.count > 0 { batches.append(last) }
            decoded = outcome
            self.decoder = decoder
            condition.broadcast()
        }
    }

    /// The next batch, in order, and how many of its events, from the first, have records that checked out (waiting
    /// for the checker as needed); nil once decoding has finished and every batch was taken.
    func receiveChecked() -> (batch: EventBatch, vouched: Int)? {
        condition.withLock {
            while true {
                while batches.isEmpty && decoded == nil { condition.wait() }
                guard !batches.isEmpty else { return nil }
                let first = nextNumber, count = batches[0].count
                while checkedThrough < first + count - 1 && checked == nil { condition.wait() }
                let batch = batches.removeFirst()
                nextNumber += count
                condition.broadcast()
                let vouched = min(count, checkedThrough - first + 1)
                // Past a bad record nothing is folded; the batches are still taken so the decoder can finish.
                if vouched > 0 { return (batch, vouched) }
            }
        }
    }

    /// How checking and decoding ended, and the decoder with what it learned; only after ``receiveChecked()`` returned nil.
    func outcomes() -> (checked: Swift.Result<RecordScanner.Result, JournalError>,
                        decoded: Swift.Result<RecordScanner.Result, JournalError>, decoder: EventDecoder) {
        condition.withLock {
            while checked == nil { condition.wait() }
            return (checked!, decoded!, decoder!)
        }
    }
}

/// Up to ``EventPipe/batchSize`` decoded events, filled by the decoding thread and then moved out one at a time by the
/// folding thread; whatever was not taken (events past a bad record) is freed with the batch.
private final class EventBatch: @unchecked Sendable {
    private let storage = UnsafeMutablePointer<ShiftEvent>.allocate(capacity: EventPipe.batchSize)
    private(set) var count = 0
    private var taken = 0

    var isFull: Bool { count == EventPipe.batchSize }

    func append(_ event: consuming ShiftEvent) {
        precondition(count < EventPipe.batchSize, "a full batch")
        (storage + count).initialize(to: event)
        count += 1
    }

    /// The next event not yet taken, moved out of the batch.
    func take() -> ShiftEvent {
        precondition(taken < count, "every event was taken")
        defer { taken += 1 }
        return (storage + taken).move()
    }

    deinit {
        (storage + taken).deinitialize(count: count - taken)
        storage.deallocate()
    }
}
