/// What sits on top of the board and takes the keys, if anything.
public indirect enum Overlay: Sendable, Hashable {
    case newCall(NewCallForm)
    case dispatch(DispatchPicker)
    case close(ClosePicker)
    case menu(ActionMenu)
    case prompt(TextPrompt)
    case details(callID: String)
    /// A yes/no question before recording a command.
    case confirm(Confirmation)
    /// The key list, scrolled down by `scroll` lines.
    case help(scroll: Int)
    /// "Discard the unsaved call?" over the overlay that holds it.
    case confirmQuit(over: Overlay)

    /// Whether leaving this overlay would throw typed input away.
    var holdsUnsavedInput: Bool {
        switch self {
        case .newCall(let form): return form.hasInput
        case .dispatch(let picker): return !(picker.override?.reason.isEmpty ?? true)
        case .prompt(let prompt):
            if case .note = prompt.purpose { return !prompt.field.isEmpty }
            return false
        case .confirmQuit(let over): return over.holdsUnsavedInput
        default: return false
        }
    }
}
