import HeartDeskCommandLine

HeartDeskCommand.main()
