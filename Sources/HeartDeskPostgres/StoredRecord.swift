import PostgresNIO

/// One row of `heartdesk_events` as stored, not yet checked: the journal checks its place, its hash against the chain
/// and decodes it.
struct StoredRecord {
    let seq: Int64
    let payload: [UInt8]
    let hash: [UInt8]

    /// The records of `shift` after record `seq`, in order (at most `limit` when given).
    static func after(_ seq: Int, of shift: String, limit: Int? = nil, on link: DatabaseLink) throws -> [StoredRecord] {
        let rows = try link.run("SELECT seq, payload, hash FROM heartdesk_events WHERE shift = $1 AND seq > $2 ORDER BY seq"
                                + (limit.map { " LIMIT \($0)" } ?? ""), binds: [shift, Int64(seq)]).rows
        return try rows.map { row in
            let (seq, payload, hash) = try row.decode((Int64, ByteBuffer, ByteBuffer).self)
            return StoredRecord(seq: seq, payload: Array(payload.readableBytesView), hash: Array(hash.readableBytesView))
        }
    }
}
