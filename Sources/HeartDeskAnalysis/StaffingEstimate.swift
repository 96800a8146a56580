/// How often a call a response could take finds one of its units free, with a given number of units: a
/// discrete-event run over the real arrival times of the history.
///
/// The model is a loss system, as a HEART program runs: a call arriving when every unit is busy does not wait for
/// a team, it goes to the response after it in the policy's order (the console's "no unit free"). Each call keeps a
/// unit for the service time; units are free only for the calls the response is eligible for, so hours and area are
/// already in the arrivals.
public struct StaffingEstimate: Sendable, Equatable {
    public let response: String
    public let units: Int
    /// Minutes a call keeps a unit.
    public let serviceMinutes: Double
    public let calls: Int
    public let served: Int
    public let callsByHourOfWeek: [Int]
    public let servedByHourOfWeek: [Int]

    /// The share (0...1) of eligible calls that found a unit free; nil with no calls.
    public var servedShare: Double? { calls > 0 ? Double(served) / Double(calls) : nil }

    /// Runs `units` units over `arrivals` (wall seconds and hour of week, in any order).
    static func simulate(response: String, units: Int, serviceMinutes: Double, arrivals: [(seconds: Int64, hourOfWeek: Int)]) -> StaffingEstimate {
        let service = Int64((serviceMinutes * 60).rounded())
        var busyUntil = [Int64](repeating: .min, count: max(0, units))
        var calls = [Int](repeating: 0, count: 168), served = [Int](repeating: 0, count: 168)
        var servedTotal = 0
        for arrival in arrivals.sorted(by: { $0.seconds < $1.seconds }) {
            calls[arrival.hourOfWeek] += 1
            // The unit free longest takes the call.
            guard let unit = busyUntil.indices.min(by: { busyUntil[$0] < busyUntil[$1] }), busyUntil[unit] <= arrival.seconds else { continue }
            busyUntil[unit] = arrival.seconds + service
            served[arrival.hourOfWeek] += 1
            servedTotal += 1
        }
        return StaffingEstimate(response: response, units: units, serviceMinutes: serviceMinutes, calls: arrivals.count,
                                served: servedTotal, callsByHourOfWeek: calls, servedByHourOfWeek: served)
    }
}
