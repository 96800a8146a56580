/// Choosing a unit for a call: the recommendation first, then the others.
///
/// The highlight is a unit id, never a row: when another position's dispatch re-ranks the
/// list, the unit the call-taker is looking at stays highlighted.
public struct DispatchPicker: Sendable, Hashable {
    public let callID: String
    /// Highlighted unit.
    public var selectedUnitID: String?
    /// Set while the call-taker types why a unit the live decision does not choose is sent anyway.
    public var override: Override?
    /// The unit the call-taker was told the call already has someone on; Enter on it again sends it as well.
    public var confirmedSecondUnit: String?

    /// A unit the call is not eligible for now, waiting for the reason it is sent anyway.
    public struct Override: Sendable, Hashable {
        public let unitID: String
        /// Why it needs one, as the guard said.
        public let why: String
        public var reason = TextField()
    }

    public init(callID: String) {
        self.callID = callID
    }
}
