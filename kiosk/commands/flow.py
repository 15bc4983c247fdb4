"""``kiosk flow --graph``: the reception machine as it runs, printed from its table."""
from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("flow", help="the reception machine: print its states and transitions")
    p.add_argument("--graph", action="store_true", required=True, help="print the machine")
    p.add_argument("--format", choices=("json", "dot", "mermaid"), default="json",
                   help="json (default): {states, transitions}; dot: Graphviz; mermaid: a state diagram")
    p.set_defaults(func=_graph)


def _graph(args: argparse.Namespace) -> int:
    from kiosk.core.machine import GRAPH_FORMATS

    print(GRAPH_FORMATS[args.format]())
    return 0
