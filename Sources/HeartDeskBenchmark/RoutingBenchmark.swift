import Foundation
import HeartDeskCore

/// Routes `callCount` generated calls and prints decisions per second and per-decision latency.
func runRoutingBenchmark(callCount: Int) throws {
    print("== routing")
    let policy = try PolicyLoader.bundledDurham()
    let router = Router(policy: policy)

    var generator = SeededGenerator(state: 2026)
    let yearStart = 1_767_225_600.0  // 2026-01-01T00:00Z
    let calls: [(CallFacts, Date)] = (0..<callCount).map { _ in
        var flags = SafetyFlagSet()
        for flag in policy.safetyFlags where Int.random(in: 0..<6, using: &generator) == 0 {
            flags.insert(SafetyFlagSet(index: flag.index))
        }
        let facts = CallFacts(
            callType: CallType.Index(Int.random(in: 0..<policy.callTypes.count, using: &generator)),
            beat: Beat.Index(Int.random(in: 0..<policy.beats.count, using: &generator)),
            flags: flags)
        return (facts, Date(timeIntervalSince1970: yearStart + Double.random(in: 0..<365 * 86_400, using: &generator)))
    }

    // Warm caches and the allocator.
    var checksum = 0
    for (facts, instant) in calls.prefix(100_000) { checksum &+= router.route(facts, at: instant).dispatch.rawValue }

    // Throughput: decisions with their verdicts (every reason, as bits).
    var start = nanoseconds()
    for (facts, instant) in calls { checksum &+= router.route(facts, at: instant).dispatch.rawValue }
    let decisionSeconds = Double(nanoseconds() - start) / 1e9

    // Latency per decision, each timed on its own (includes about one clock read of overhead).
    var latencies = [UInt64](repeating: 0, count: calls.count)
    for (i, (facts, instant)) in calls.enumerated() {
        let t0 = nanoseconds()
        checksum &+= router.route(facts, at: instant).dispatch.rawValue
        latencies[i] = nanoseconds() - t0
    }
    latencies.sort()
    let timerCost: UInt64 = {
        var samples = [UInt64](repeating: 0, count: 10_000)
        for i in samples.indices { let t = nanoseconds(); samples[i] = nanoseconds() - t }
        samples.sort()
        return samples[samples.count / 2]
    }()

    // Throughput with every reason rendered as the words a call-taker reads.
    let wordedCount = min(calls.count, 200_000)
    start = nanoseconds()
    for (facts, instant) in calls.prefix(wordedCount) {
        let explanation = Explanation(router.route(facts, at: instant), policy: policy)
        checksum &+= explanation.lines.count
    }
    let wordedSeconds = Double(nanoseconds() - start) / 1e9

    let sortedLatencies = latencies
    func percentile(_ p: Double) -> UInt64 { sortedLatencies[min(sortedLatencies.count - 1, Int(Double(sortedLatencies.count) * p))] }
    print("policy: \(policy.name), \(policy.callTypes.count) call types, \(policy.beats.count) beats, \(policy.responses.count) responses")
    print(String(format: "decisions: %d in %.3f s = %.2f M decisions/s, %.0f ns/decision mean",
                 calls.count, decisionSeconds, Double(calls.count) / decisionSeconds / 1e6, decisionSeconds * 1e9 / Double(calls.count)))
    print("latency per decision: p50 \(percentile(0.5)) ns, p99 \(percentile(0.99)) ns, max \(latencies.last ?? 0) ns (clock read ≈ \(timerCost) ns, included)")
    print(String(format: "with reasons in words: %d in %.3f s = %.2f M decisions/s, %.0f ns/decision",
                 wordedCount, wordedSeconds, Double(wordedCount) / wordedSeconds / 1e6, wordedSeconds * 1e9 / Double(wordedCount)))
    print("checksum: \(checksum)")
}
