import Foundation

/// Seconds of unit time in each status group: what utilisation is worked out from.
public struct UnitTime: Sendable, Hashable {
    /// On a call: dispatched, en route, on scene, transporting or asking for back-up.
    public internal(set) var committed: TimeInterval = 0
    public internal(set) var available: TimeInterval = 0
    public internal(set) var outOfService: TimeInterval = 0

    public init() {}

    /// Time the response had units working (off duty is not working; out of service is: staffed, not usable).
    public var onDuty: TimeInterval { committed + available + outOfService }

    /// The share (0...1) of on-duty unit time spent on calls; nil with no unit on duty.
    public var utilisation: Double? { onDuty > 0 ? committed / onDuty : nil }

    mutating func add(_ seconds: TimeInterval, in status: UnitStatus) {
        switch status {
        case .dispatched, .enRoute, .onScene, .transporting, .backupRequested: committed += seconds
        case .available: available += seconds
        case .outOfService: outOfService += seconds
        case .offDuty: break
        }
    }

    mutating func add(_ other: UnitTime) {
        committed += other.committed
        available += other.available
        outOfService += other.outOfService
    }
}
