import Foundation

/// Who records events and on which clocks: passed in, so the core never reads the time itself.
public struct EventStamp: Sendable, Hashable {
    public let wallTime: Date
    public let shiftTime: Date
    public let position: String
    public let operatorName: String

    public init(wallTime: Date, shiftTime: Date, position: String, operatorName: String) {
        self.wallTime = wallTime
        self.shiftTime = shiftTime
        self.position = position
        self.operatorName = operatorName
    }

    /// A live stamp: the shift clock is the wall clock.
    public static func live(at now: Date, position: String, operatorName: String) -> EventStamp {
        EventStamp(wallTime: now, shiftTime: now, position: position, operatorName: operatorName)
    }

    /// `body` stamped with these clocks and this operator.
    public func event(_ body: ShiftEvent.Body) -> ShiftEvent {
        ShiftEvent(wallMillis: wallTime.millisecondsSince1970, shiftMillis: shiftTime.millisecondsSince1970,
                   position: position, operatorName: operatorName, body: body)
    }
}
