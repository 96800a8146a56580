import HeartDeskCore

/// A journal held in memory rather than in a file: for fuzzing the reader and for tools.
public enum JournalImage {
    /// The shift a journal file's bytes hold, read exactly as `Journal.open` reads a file; a torn tail is
    /// left out, any other damage or an undecodable record is a ``JournalError`` naming it.
    public static func replay(_ bytes: [UInt8], name: String = "image") throws(JournalError) -> ShiftState {
        let header = JournalFormat.header
        guard bytes.count >= header.count, Array(bytes.prefix(header.count)) == header else {
            throw JournalError(.notAJournal, path: name, "not a HeartDesk journal (wrong header)")
        }
        var state = ShiftState()
        var decoder = EventDecoder()
        let result = try bytes.withUnsafeBytes { raw in
            Result { () throws(JournalError) in
                try RecordScanner.scanEvents(UnsafeRawBufferPointer(rebasing: raw[header.count...]), baseOffset: header.count,
                                             previous: JournalFormat.genesis, firstNumber: 1, path: name,
                                             decoder: &decoder) { state.apply($0) }
            }
        }.get()
        if case .corrupt(let number, let offset, let reason, _) = result.ending {
            throw JournalError(.corrupt, path: name, "record \(number) at byte \(offset) is damaged (\(reason))", record: number)
        }
        return state
    }

    /// A well-framed journal image whose records carry `payloads` as they are, hash chain and all: lets a
    /// fuzzer reach the event decoder with bytes of its choosing instead of failing every checksum.
    public static func framing(payloads: [[UInt8]]) -> [UInt8] {
        var bytes = JournalFormat.header
        var hash = JournalFormat.genesis
        for payload in payloads {
            let framed = JournalFormat.frame(payload, after: hash)
            bytes += framed.bytes
            hash = framed.hash
        }
        return bytes
    }

    /// The journal image a fuzzer's input stands for (the one convention `fuzz-journal` and the replay of its
    /// crashers share): first byte even, the rest is a journal file; odd, the rest split at 0xFF is the records'
    /// payloads, framed with valid hashes so mutations reach the event decoder instead of every checksum.
    public static func image(fromFuzzInput bytes: [UInt8]) -> [UInt8] {
        guard let mode = bytes.first else { return [] }
        if mode % 2 == 0 { return Array(bytes.dropFirst()) }
        return framing(payloads: bytes.dropFirst().split(separator: 0xFF, omittingEmptySubsequences: false).map(Array.init))
    }
}
