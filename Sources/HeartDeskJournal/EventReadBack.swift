import HeartDeskCore

extension EventDecoder {
    /// The event a reader will find in `payload`, decoded before it is written; refused (nothing written) when no
    /// reader could take it.
    ///
    /// A position folds this, not the event it meant: its state is then exactly what any reader of the journal
    /// builds, its names shared through the decoder's table as a follower's are (a writer's copy of the shift held
    /// every reason line of every call on its own: docs/benchmarks.md), and a record too long for the format or
    /// that the codec cannot read back is refused before it is written, never found afterwards by every reader.
    mutating func readBack(_ payload: [UInt8], record number: Int, journal: String) throws(JournalError) -> ShiftEvent {
        guard payload.count <= JournalFormat.maxPayload else {
            throw JournalError(.undecodable, path: journal, "record \(number) would be longer than the \(JournalFormat.maxPayload >> 20) MB "
                               + "a record may hold (\(payload.count) bytes): nothing was written", record: number)
        }
        do {
            return try payload.withUnsafeBytes { bytes throws(EventCodec.UndecodableEvent) in try decode(bytes) }
        } catch {
            throw JournalError(.undecodable, path: journal, "record \(number) would not read back as the event it was written "
                               + "for: nothing was written", record: number)
        }
    }
}
