from kiosk.commands.main import main

raise SystemExit(main())
