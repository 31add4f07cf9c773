#!/usr/bin/env python3
"""Times pyais (IterMessages + decode) over an NMEA file held in memory; prints one JSON object.

Usage: pyais_decode.py FILE [--passes N]
Output: {"peer": "pyais", "version": ..., "messages": M, "errors": E, "seconds": best, "msg_per_s": M/best}
or {"peer": "pyais", "error": "..."} when pyais cannot be imported. The lines are split before the
clock starts, so the figure is framing + reassembly + decoding, as pyais's own benchmark measures it.
"""
import json
import sys
import time


def main():
    path = sys.argv[1]
    passes = int(sys.argv[sys.argv.index("--passes") + 1]) if "--passes" in sys.argv else 3
    try:
        import pyais
        from pyais.stream import IterMessages
    except Exception as e:  # noqa: BLE001 - report any import failure as "not installed"
        print(json.dumps({"peer": "pyais", "error": f"import failed: {e}"}))
        return
    with open(path, "rb") as f:
        lines = f.read().splitlines()
    best = float("inf")
    messages = errors = 0
    for _ in range(passes):
        messages = errors = 0
        start = time.perf_counter()
        for msg in IterMessages(lines):
            try:
                msg.decode()
                messages += 1
            except Exception:  # noqa: BLE001 - pyais raises per message; count and go on
                errors += 1
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"peer": "pyais", "version": getattr(pyais, "__version__", "?"), "messages": messages,
                      "errors": errors, "seconds": best, "msg_per_s": messages / best}))


if __name__ == "__main__":
    main()
