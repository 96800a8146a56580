import HeartDeskCommandLine

HeartDeskCommand.runFromCommandLine()
