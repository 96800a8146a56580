/// Choosing a unit for a call: the recommendation first, then the others.
public struct DispatchPicker: Sendable, Hashable {
    public let callID: String
    /// Highlighted unit row.
    public var selection = 0
    /// Set while the call-taker types why a unit the decision did not choose is sent anyway.
    public var override: Override?

    /// A unit the call was not triaged for, waiting for the reason it is sent anyway.
    public struct Override: Sendable, Hashable {
        public let unitID: String
        public var reason = TextField()
    }

    public init(callID: String) {
        self.callID = callID
    }
}
