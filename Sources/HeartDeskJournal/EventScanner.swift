import HeartDeskCore

extension RecordScanner {
    /// Scans records as ``scan(_:baseOffset:previous:firstNumber:visit:)`` does and decodes each one's event for
    /// `visit`; the first record that is intact but undecodable is an error naming its number and byte offset.
    /// The one read loop of journal files and of in-memory images.
    static func scanEvents(
        _ bytes: UnsafeRawBufferPointer, baseOffset: Int, previous: ChainHash, firstNumber: Int, final: Bool = true,
        checkingHashes: Bool = true, path: String, decoder: inout EventDecoder, visit: (consuming ShiftEvent) -> Void
    ) throws(JournalError) -> Result {
        var undecodable: (number: Int, offset: Int)?
        let result = scan(bytes, baseOffset: baseOffset, previous: previous, firstNumber: firstNumber, final: final,
                          checkingHashes: checkingHashes) { number, payload in
            guard undecodable == nil else { return }
            do {
                visit(try decoder.decode(payload))
            } catch {
                // The record's frame starts 8 bytes (magic, length) before its payload.
                let offset = baseOffset + (payload.baseAddress.map { $0 - bytes.baseAddress! } ?? 0) - 8
                undecodable = (number, offset)
            }
        }
        if let (number, offset) = undecodable {
            throw JournalError(.undecodable, path: path,
                               "record \(number) at byte \(offset) is intact but holds an event this HeartDesk cannot read "
                                   + "(written by a newer HeartDesk, or by hand)",
                               record: number)
        }
        return result
    }
}
