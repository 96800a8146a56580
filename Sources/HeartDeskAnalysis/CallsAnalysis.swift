import HeartDeskCore

/// A city's calls-for-service history run through one policy (and any to compare), in one streaming pass.
public struct CallsAnalysis: Sendable {
    /// What to run besides the decisions.
    public struct Options: Sendable {
        /// Units per response for the staffing estimate ("CRT" → 3).
        public var staff: [String: Int] = [:]
        /// Minutes a call keeps a unit, per response; otherwise ``defaultServiceMinutes(of:policy:)``.
        public var serviceMinutes: [String: Double] = [:]

        public init(staff: [String: Int] = [:], serviceMinutes: [String: Double] = [:]) {
            self.staff = staff
            self.serviceMinutes = serviceMinutes
        }
    }

    /// How far reading has got, for a progress bar.
    public struct Progress: Sendable {
        public let bytesRead: Int
        public let totalBytes: Int
        public let rows: Int
    }

    public let file: String
    public let mapping: String
    /// Data rows read (the header not counted), malformed ones included.
    public let rows: Int
    public let malformed: Int
    /// The first ten malformed rows, with their lines.
    public let firstMalformed: [CSVReader.Malformed]
    /// Rows whose code neither the mapping nor the main policy knows, by code.
    public let unmapped: [String: Int]
    /// The first and last received times in the data: the span a per-year figure is scaled by.
    public let earliest: LocalTime?
    public let latest: LocalTime?
    /// The main policy first, then each to compare, in the order given.
    public let tallies: [PolicyTally]
    public let staffing: [StaffingEstimate]

    /// Days the data covers (at least one).
    public var spanDays: Double {
        guard let earliest, let latest else { return 1 }
        return max(1, Double(latest.wallSeconds - earliest.wallSeconds) / 86_400)
    }

    /// The minutes a call keeps a unit of `response` when none is given: the time after which the board would flag the
    /// unit as slow — the warn thresholds for dispatched, en route and on scene (in person), on scene alone (phone).
    public static func defaultServiceMinutes(of response: Response, policy: Policy) -> Double {
        let timers = policy.timers.unitStatus
        let statuses: [UnitStatus] = response.kind == .phone ? [.onScene] : [.dispatched, .enRoute, .onScene]
        let minutes = statuses.compactMap { timers[$0]?.warn }.reduce(0, +) / 60
        return minutes > 0 ? minutes : 60
    }

    /// Reads `path` once under `mapping`, routing every call with each of `policies` at its own received time.
    public static func run(path: String, policies: [Policy], mapping: CallsMapping, options: Options = Options(),
                           progress: ((Progress) -> Void)? = nil) throws(AnalysisError) -> CallsAnalysis {
        precondition(!policies.isEmpty, "the main policy is always given")
        let main = policies[0]
        for (response, units) in options.staff {
            guard let found = main.response(id: response), found.isAlternative else {
                throw AnalysisError(file: nil, line: nil, message: "--staff \(response)=\(units): \(main.name) has no alternative response "
                                    + "'\(response)' (it has: \(main.responses.filter(\.isAlternative).map(\.id).joined(separator: ", ")))")
            }
        }
        let routers = policies.map(Router.init)
        var resolvers = policies.map { CodeResolver(mapping: mapping, policy: $0) }
        var tallies = policies.map(PolicyTally.init)
        let staffed = options.staff.keys.compactMap { main.response(id: $0) }
        var arrivals = [[(seconds: Int64, hourOfWeek: Int)]](repeating: [], count: staffed.count)
        var names = RowKeys()
        let counts = try ExportRows.read(path: path, mapping: mapping, progress: progress) { record, time, rowReader in
            let keys = names.keys(of: record, columns: rowReader)
            for index in policies.indices {
                guard let call = resolvers[index].call(record, at: time, keys: keys, names: names) else { continue }
                let decision = routers[index].route(call.facts, localTime: time)
                tallies[index].add(call, decision)
                if index == 0 {
                    for (slot, response) in staffed.enumerated() where decision.verdicts[response.index.rawValue].isEligible {
                        arrivals[slot].append((time.wallSeconds, call.hourOfWeek))
                    }
                }
            }
        }
        let staffing = staffed.enumerated().map { slot, response in
            StaffingEstimate.simulate(response: response.id, units: options.staff[response.id]!,
                                      serviceMinutes: options.serviceMinutes[response.id] ?? defaultServiceMinutes(of: response, policy: main),
                                      arrivals: arrivals[slot])
        }
        return CallsAnalysis(file: path, mapping: mapping.source, rows: counts.rows, malformed: counts.malformed,
                             firstMalformed: counts.firstMalformed, unmapped: resolvers[0].unmapped, earliest: counts.earliest,
                             latest: counts.latest, tallies: tallies,
                             staffing: staffing.sorted { $0.response < $1.response })
    }
}
