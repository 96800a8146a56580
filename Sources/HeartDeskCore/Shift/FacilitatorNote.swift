import Foundation

/// Something an exercise's facilitator tells the room at a time ("CRT-2's van has a flat tyre").
public struct FacilitatorNote: Sendable, Hashable {
    public let time: Date
    public let text: String
}
