/// What a cell means on screen; a theme gives each role its colours and attributes.
///
/// Views name roles, never colours. A theme that leaves a role out falls back to the role
/// one dot shorter (`unit.backup` → `unit`), then to `text`.
public enum ThemeRole: String, Sendable, CaseIterable, Hashable {
    case text
    case dim
    case header
    case headerExercise = "header.exercise"
    case headerWarning = "header.warning"
    case pane = "pane"
    case paneTitle = "pane.title"
    case paneTitleFocused = "pane.title.focused"
    case paneColumns = "pane.columns"
    case rowSelected = "row.selected"
    case queue
    case queueWarn = "queue.warn"
    case queueAlert = "queue.alert"
    case queueClosed = "queue.closed"
    case decisionTeam = "decision.team"
    case decisionPhone = "decision.phone"
    case decisionPolice = "decision.police"
    case flag
    case unit
    case unitAvailable = "unit.available"
    case unitBusy = "unit.busy"
    case unitWarn = "unit.warn"
    case unitAlert = "unit.alert"
    case unitBackup = "unit.backup"
    case unitOffDuty = "unit.offduty"
    case unitOutOfService = "unit.outofservice"
    case beat
    case beatDistrict = "beat.district"
    case beatInArea = "beat.inarea"
    case beatOutside = "beat.outside"
    case followUp = "followup"
    case followUpOverdue = "followup.overdue"
    case followUpDueSoon = "followup.duesoon"
    case followUpContacted = "followup.contacted"
    case keyBarKey = "keybar.key"
    case keyBarLabel = "keybar.label"
    case message
    case messageError = "message.error"
    case form
    case formLabel = "form.label"
    case formField = "form.field"
    case formFieldFocused = "form.field.focused"
    case formHint = "form.hint"
    case formMatch = "form.match"
    case formMatchSelected = "form.match.selected"
    case reasonEligible = "reason.eligible"
    case reasonBlocked = "reason.blocked"
    case overlay
    case overlayTitle = "overlay.title"
    case target
    case targetMet = "target.met"
    case targetNear = "target.near"
    case targetMissed = "target.missed"

    /// The role a theme falls back to when it does not define this one; nil for `text`.
    public var parent: ThemeRole? {
        guard self != .text else { return nil }
        var name = rawValue
        while let dot = name.lastIndex(of: ".") {
            name = String(name[..<dot])
            if let role = ThemeRole(rawValue: name) { return role }
        }
        return .text
    }
}
