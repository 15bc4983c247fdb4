"""The ``kiosk`` command line, one module per area. Only this package (and ``__main__`` entry points)
may import the UI; library packages never import a command."""
