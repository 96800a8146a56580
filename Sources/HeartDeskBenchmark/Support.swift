import CMalloc
import Foundation

/// SplitMix64: a tiny seeded generator so every run measures the same work.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func nanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// CPU time this thread has used, in nanoseconds: what a frame cost, apart from time the machine gave to others.
func threadCPUNanoseconds() -> UInt64 { cpuNanoseconds(CLOCK_THREAD_CPUTIME_ID) }

/// CPU time used so far by every thread of this process.
func processCPUNanoseconds() -> UInt64 { cpuNanoseconds(CLOCK_PROCESS_CPUTIME_ID) }

private func cpuNanoseconds(_ clock: clockid_t) -> UInt64 {
    var spec = timespec()
    clock_gettime(clock, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// "AMD EPYC, 2 cores", from /proc/cpuinfo.
func machineDescription() -> String {
    let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
        .split(separator: "\n").first { $0.hasPrefix("model name") }?
        .split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
    return "\(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores"
}

/// This process's memory at one moment: resident pages, and the bytes malloc has handed out and not had back.
///
/// Resident size keeps pages the allocator holds after frees; the heap in use does not, so it is the figure
/// that shows growth from data kept against memory lost. glibc counts only the main thread's arena (plus large
/// mapped blocks): right for the soak, which runs on one thread, not for a replay split across two.
struct MemoryReading {
    let label: String
    let residentKB: Int
    let heapKB: Int

    /// A reading now; with `trim`, freed memory is first given back to the system, as far as malloc can.
    static func now(_ label: String, trim: Bool = false) -> MemoryReading {
        if trim { malloc_trim(0) }
        let info = mallinfo2()
        return MemoryReading(label: label, residentKB: residentKilobytes(), heapKB: Int(info.uordblks + info.hblkhd) / 1024)
    }
}

/// This process's resident set size now, from /proc/self/status.
func residentKilobytes() -> Int { procStatusKilobytes("VmRSS:") }

/// This process's largest resident set size so far.
func peakResidentKilobytes() -> Int { procStatusKilobytes("VmHWM:") }

private func procStatusKilobytes(_ field: String) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }) else { return 0 }
    return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
}

/// Time the hypervisor gave this machine's CPUs to other guests ("steal", /proc/stat), in milliseconds summed over
/// every CPU; nil where the kernel does not say. Read before and after a run, it tells a slow figure that is the
/// host's from one that is the code's: a frame or replay measured while others ran on our cores is not ours.
func stolenMilliseconds() -> Int? {
    guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
          let line = stat.split(separator: "\n").first, line.hasPrefix("cpu ") else { return nil }
    // cpu user nice system idle iowait irq softirq steal …, in clock ticks (100 a second on Linux).
    let fields = line.split(separator: " ")
    guard fields.count > 8, let ticks = Int(fields[8]) else { return nil }
    return ticks * 10
}

/// "host took 0.4 % of the 2 CPUs' time", for a run that began when steal read `before` and lasted `seconds`.
func stealDescription(since before: Int?, seconds: Double) -> String {
    guard let before, let after = stolenMilliseconds(), seconds > 0 else { return "host steal unknown" }
    let stolen = after - before
    let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
    return String(format: "host took %.1f %% of the %d CPUs' time (%d ms stolen)",
                  Double(stolen) / 1000 / (seconds * cores) * 100, Int(cores), stolen)
}
