/// Where each record of a journal file's bytes starts, read from the framing alone (16-byte header, then
/// magic(4) length(4) payload hash(32) per record): for tests that damage or cut a chosen record.
public enum JournalFrames {
    /// The byte offset of every record, and where the last whole one ends; stops at a frame that runs past the end.
    public static func records(of bytes: [UInt8]) -> (starts: [Int], end: Int) {
        var starts: [Int] = []
        var offset = 16
        while offset + 8 <= bytes.count {
            let length = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            guard offset + 8 + length + 32 <= bytes.count else { break }
            starts.append(offset)
            offset += 8 + length + 32
        }
        return (starts, offset)
    }
}
