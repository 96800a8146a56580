import HeartDeskCore

/// A calls-for-service export read for `heartdesk shift import`: its calls in the order they came in, named as the
/// policy names them, with what could not be read counted as `analyze` counts it.
public struct HistoricalShift: Sendable {
    /// One call of the export as the shift will record it.
    public struct Call: Sendable, Hashable {
        /// The file line it was read from.
        public let line: Int
        public let received: LocalTime
        /// The policy's canonical name for the call type.
        public let callType: String
        /// The beat's id in the policy; nil when the export gives none, or one the policy does not have.
        public let beat: String?
        /// Safety flags its code implies, by id (from the mapping).
        public let flags: [String]
        /// The export's priority when it is on the policy's scale; nil leaves it to the policy's default.
        public let priority: Int?
        /// The export's own id for the call ("Event Number"), empty when it has none.
        public let sourceID: String
    }

    /// In received order; rows with the same time keep the file's order.
    public let calls: [Call]
    /// Data rows read, malformed ones included.
    public let rows: Int
    public let malformed: Int
    /// The first ten malformed rows, with their lines.
    public let firstMalformed: [CSVReader.Malformed]
    /// Rows whose code neither the mapping nor the policy knows, by code: not imported.
    public let unmapped: [String: Int]

    /// Reads `path` under `mapping` and `policy` in one pass.
    public static func read(path: String, mapping: CallsMapping, policy: Policy,
                            progress: ((CallsAnalysis.Progress) -> Void)? = nil) throws(AnalysisError) -> HistoricalShift {
        var resolver = CodeResolver(mapping: mapping, policy: policy)
        var names = RowKeys()
        var calls: [Call] = []
        let counts = try ExportRows.read(path: path, mapping: mapping, progress: progress) { record, time, rowReader in
            guard let call = resolver.call(record, at: time, keys: names.keys(of: record, columns: rowReader), names: names) else { return }
            let priority = rowReader.priorityColumn < 0 ? nil : Int(record.string(rowReader.priorityColumn)).flatMap {
                policy.priorities.contains($0) ? $0 : nil
            }
            calls.append(Call(line: record.line, received: time, callType: policy[call.facts.callType].name,
                              beat: call.beat.map { policy[$0].id }, flags: policy.flagIDs(call.facts.flags), priority: priority,
                              sourceID: rowReader.idColumn < 0 ? "" : record.string(rowReader.idColumn)))
        }
        // Exports are usually in time order already; a stable sort keeps same-second rows as the file has them.
        if zip(calls, calls.dropFirst()).contains(where: { $0.received.wallSeconds > $1.received.wallSeconds }) {
            calls = calls.enumerated().sorted { ($0.element.received.wallSeconds, $0.offset) < ($1.element.received.wallSeconds, $1.offset) }
                .map(\.element)
        }
        return HistoricalShift(calls: calls, rows: counts.rows, malformed: counts.malformed, firstMalformed: counts.firstMalformed,
                               unmapped: resolver.unmapped)
    }
}
