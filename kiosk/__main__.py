import sys

if getattr(sys, "frozen", False) and sys.argv[1:2] == ["--child"]:
    import runpy  # a child process (kiosk/face/pipe_child.py): the frozen exe has no `python -m`

    sys.argv = sys.argv[2:]
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
    raise SystemExit(0)

from kiosk.commands.main import main  # noqa: E402

raise SystemExit(main())
