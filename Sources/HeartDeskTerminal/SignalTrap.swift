#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Written only by the signal handler and read by the one loop thread; a plain aligned
// 32-bit store is all a handler may safely do, and all this needs.
nonisolated(unsafe) private var caughtSignal: Int32 = 0

/// Turns SIGINT, SIGTERM and SIGHUP into a flag the loop checks, so the console leaves
/// through its normal path: the terminal is restored and every acknowledged event is
/// already on disk (appends are synced before they are acknowledged).
enum SignalTrap {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    static func install() {
        caughtSignal = 0
        for number in signals {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { caughtSignal = $0 }
            #else
            action.__sigaction_u.__sa_handler = { caughtSignal = $0 }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: a blocked read returns so the loop sees the flag at once
            sigaction(number, &action, nil)
        }
    }

    /// The signal caught, or 0.
    static var caught: Int32 { caughtSignal }

    static func restoreDefaults() {
        for number in signals { signal(number, SIG_DFL) }
    }
}
