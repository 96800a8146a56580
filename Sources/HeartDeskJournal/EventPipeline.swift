import Foundation
import HeartDeskCore

extension RecordScanner {
    /// Below this many bytes a catch-up reads on the calling thread: a follower's refresh of a few records
    /// must not pay for starting a thread.
    static let pipelineThreshold = 1 << 20
    /// How much of a long journal is read at a time: one buffer, reused, instead of the whole file in memory
    /// (a 183 MB journal cost 183 MB and 0.1 s of page faults before its first record was checked).
    static let pieceSize = 4 << 20

    /// The events of `file`'s records from byte `offset` to `end`, read a piece at a time, checked, decoded and
    /// handed to `visit`: the same records, order, ending and errors as one ``scanEvents(_:baseOffset:previous:firstNumber:final:path:decoder:visit:)``
    /// over all those bytes at once.
    static func scanFileEvents(
        _ file: JournalFile, from offset: Int, to end: Int, previous: ChainHash, firstNumber: Int, pieceSize: Int = pieceSize,
        decoder: inout EventDecoder, visit: (ShiftEvent) -> Void
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
                    try scanEvents(UnsafeRawBufferPointer(rebasing: raw[0..<length]), baseOffset: start, previous: total.lastHash,
                                   firstNumber: firstNumber + total.count, final: isLast, path: file.path, decoder: &decoder,
                                   visit: visit)
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

    /// ``scanFileEvents(_:from:to:previous:firstNumber:pieceSize:decoder:visit:)`` with the reading, checking and
    /// decoding on a second thread, batch by batch, while `visit` folds the batches before on the calling thread.
    ///
    /// Same records, same order, same ending and errors as the one-thread scan (which it runs, unchanged, on the
    /// other thread): `visit` sees exactly the events that scan would have handed it, and only after their
    /// records' hashes checked out. Replay is about half hashing and decoding and half folding, so on two
    /// cores this nearly halves the time to open a long shift (docs/benchmarks.md).
    static func scanFileEventsPipelined(
        _ file: JournalFile, from offset: Int, to end: Int, previous: ChainHash, firstNumber: Int,
        decoder: inout EventDecoder, visit: (ShiftEvent) -> Void
    ) throws(JournalError) -> Result {
        guard end - offset >= pipelineThreshold else {
            return try scanFileEvents(file, from: offset, to: end, previous: previous, firstNumber: firstNumber, decoder: &decoder,
                                      visit: visit)
        }
        let pipe = EventPipe(decoder: decoder)
        let source = UncheckedFile(file: file)
        let producer = Thread {
            var decoder = pipe.takeDecoder()
            var batch: [ShiftEvent] = []
            batch.reserveCapacity(EventPipe.batchSize)
            let outcome = Swift.Result { () throws(JournalError) in
                try scanFileEvents(source.file, from: offset, to: end, previous: previous, firstNumber: firstNumber,
                                   decoder: &decoder) { event in
                    batch.append(event)
                    if batch.count == EventPipe.batchSize {
                        pipe.send(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
            }
            pipe.finish(last: batch, outcome: outcome, decoder: decoder)
        }
        producer.stackSize = 1 << 20
        producer.start()
        // The file stays open until the producer has finished: this loop returns only after `finish`.
        while let events = pipe.receive() {
            // By index: `for event in events` copied every event (a retain and release per string) before folding it.
            for index in events.indices { visit(events[index]) }
        }
        let (outcome, finalDecoder) = pipe.outcome()
        decoder = finalDecoder
        return try outcome.get()
    }
}

/// The caller's file, handed to the producer thread, which only reads it (`pread` at offsets); the caller holds
/// the file's lock and outlives every use (it waits for the end).
private struct UncheckedFile: @unchecked Sendable {
    let file: JournalFile
}

/// Batches of decoded events from the producer thread to the folding thread, at most a few in flight.
private final class EventPipe: @unchecked Sendable {
    static let batchSize = 4096
    /// Bounds the events held in memory at once, whatever the journal's size.
    private static let maxBatchesInFlight = 4

    // Every field below is read and written only while holding `condition`.
    private let condition = NSCondition()
    private var batches: [[ShiftEvent]] = []
    private var finished = false
    private var result: Swift.Result<RecordScanner.Result, JournalError>?
    private var decoder: EventDecoder?

    init(decoder: EventDecoder) { self.decoder = decoder }

    func takeDecoder() -> EventDecoder {
        condition.withLock {
            defer { decoder = nil }
            return decoder!
        }
    }

    func send(_ batch: [ShiftEvent]) {
        condition.withLock {
            while batches.count >= Self.maxBatchesInFlight { condition.wait() }
            batches.append(batch)
            condition.broadcast()
        }
    }

    func finish(last: [ShiftEvent], outcome: Swift.Result<RecordScanner.Result, JournalError>, decoder: EventDecoder) {
        condition.withLock {
            if !last.isEmpty { batches.append(last) }
            result = outcome
            self.decoder = decoder
            finished = true
            condition.broadcast()
        }
    }

    /// The next batch, in order; nil once the producer has finished and every batch was taken.
    func receive() -> [ShiftEvent]? {
        condition.withLock {
            while batches.isEmpty && !finished { condition.wait() }
            guard !batches.isEmpty else { return nil }
            condition.broadcast()
            return batches.removeFirst()
        }
    }

    /// How the scan ended, and the decoder with what it learned; only after ``receive()`` returned nil.
    func outcome() -> (Swift.Result<RecordScanner.Result, JournalError>, EventDecoder) {
        condition.withLock { (result!, decoder!) }
    }
}
