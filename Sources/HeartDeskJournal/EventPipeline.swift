import Foundation
import HeartDeskCore

extension RecordScanner {
    /// Below this many bytes a catch-up reads on the calling thread: a follower's refresh of a few records
    /// must not pay for starting a thread.
    static let pipelineThreshold = 1 << 20

    /// ``scanEvents(_:baseOffset:previous:firstNumber:path:decoder:visit:)`` with the checking and decoding on a
    /// second thread, batch by batch, while `visit` folds the batches before on the calling thread.
    ///
    /// Same records, same order, same ending and errors as the one-thread scan (which it runs, unchanged, on the
    /// other thread): `visit` sees exactly the events that scan would have handed it, and only after their
    /// records' hashes checked out. Replay is about half hashing and decoding and half folding, so on two
    /// cores this nearly halves the time to open a long shift (docs/benchmarks.md).
    static func scanEventsPipelined(
        _ bytes: UnsafeRawBufferPointer, baseOffset: Int, previous: ChainHash, firstNumber: Int, path: String,
        decoder: inout EventDecoder, visit: (ShiftEvent) -> Void
    ) throws(JournalError) -> Result {
        guard bytes.count >= pipelineThreshold else {
            return try scanEvents(bytes, baseOffset: baseOffset, previous: previous, firstNumber: firstNumber, path: path,
                                  decoder: &decoder, visit: visit)
        }
        let pipe = EventPipe(decoder: decoder)
        let input = UncheckedBytes(bytes: bytes)
        let producer = Thread {
            var decoder = pipe.takeDecoder()
            var batch: [ShiftEvent] = []
            batch.reserveCapacity(EventPipe.batchSize)
            let outcome = Swift.Result { () throws(JournalError) in
                try scanEvents(input.bytes, baseOffset: baseOffset, previous: previous, firstNumber: firstNumber, path: path,
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
        // The bytes stay valid until the producer has finished: this loop returns only after `finish`.
        while let events = pipe.receive() {
            // By index: `for event in events` copied every event (a retain and release per string) before folding it.
            for index in events.indices { visit(events[index]) }
        }
        let (outcome, finalDecoder) = pipe.outcome()
        decoder = finalDecoder
        return try outcome.get()
    }
}

/// The caller's bytes, handed to the producer thread; the caller outlives every use (it waits for the end).
private struct UncheckedBytes: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
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
