@_exported import HeartDeskConsole
