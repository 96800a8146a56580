import CNCurses
import HeartDeskConsole

/// What one read from the terminal brought.
enum TerminalInput {
    case key(Key)
    case resize
}

/// Turns what `wget_wch` returns into a ``Key``.
enum KeyDecoder {
    /// A character `wget_wch` returned with `OK`.
    static func character(_ code: UInt32) -> TerminalInput? {
        switch code {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(code + 96)!)))
        default:
            guard let scalar = Unicode.Scalar(code), code >= 32 else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    /// A function-key code `wget_wch` returned with `KEY_CODE_YES`.
    static func functionKey(_ code: Int32) -> TerminalInput? {
        switch code {
        case KEY_RESIZE: return .resize
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        default:
            for n in 1...12 where code == hd_key_f(Int32(n)) { return .key(.function(n)) }
            return nil
        }
    }
}
