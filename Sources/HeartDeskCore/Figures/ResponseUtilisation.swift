/// How busy one response's units were, hour by hour: a row of the supervisor's utilisation chart.
public struct ResponseUtilisation: Sendable, Hashable {
    public let response: String
    /// Per hour of the calls-per-hour chart: the share (0...1) of on-duty unit time spent on calls; nil with no unit on duty.
    public let perHour: [Double?]
    /// The share of on-duty units on a call now; nil with none on duty.
    public let now: Double?
}
