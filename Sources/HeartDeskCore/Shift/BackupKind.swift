/// Who a unit on a call asks to come and help.
public enum BackupKind: String, Sendable, CaseIterable, Codable {
    case police
    case ems
}
