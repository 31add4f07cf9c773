#!/usr/bin/env python3
"""Times libais's C++ decoder (`ais.decode(payload, fill)`) over an NMEA file held in memory,
with minimal framing written in Python; prints one JSON object.

This is NOT the pure C++ core: splitting fields and joining multi-sentence payloads run in Python
(no checksum check, no tag blocks), and each decode crosses the Python/C++ boundary and builds a
Python dict. It is the way libais is used from Python (its own `ais.stream` is slower still).

Usage: libais_decode.py FILE [--passes N]
Output: {"peer": "libais", "version": ..., "messages": M, "errors": E, "seconds": best, "msg_per_s": M/best}
or {"peer": "libais", "error": "..."} when libais cannot be imported.
"""
import json
import sys
import time


def decode_all(lines, decode):
    messages = errors = 0
    pending = {}  # (channel, sequence id) -> list of payloads
    for line in lines:
        start = line.find("!")
        if start < 0:
            continue
        f = line[start:].split(",")
        if len(f) < 7 or not (f[0].endswith("VDM") or f[0].endswith("VDO")):
            continue
        try:
            total, number = int(f[1]), int(f[2])
            fill = int(f[6][:1])
        except ValueError:
            errors += 1
            continue
        payload = f[5]
        if total > 1:
            key = (f[4], f[3])
            parts = pending.setdefault(key, [])
            if number == 1:
                parts.clear()
            parts.append(payload)
            if number < total:
                continue
            if len(parts) != total:
                del pending[key]
                errors += 1
                continue
            payload = "".join(parts)
            del pending[key]
        try:
            decode(payload, fill)
            messages += 1
        except Exception:  # noqa: BLE001 - libais raises DecodeError per message
            errors += 1
    return messages, errors


def main():
    path = sys.argv[1]
    passes = int(sys.argv[sys.argv.index("--passes") + 1]) if "--passes" in sys.argv else 3
    try:
        import ais
    except Exception as e:  # noqa: BLE001 - report any import failure as "not installed"
        print(json.dumps({"peer": "libais", "error": f"import failed: {e}"}))
        return
    # ais.decode takes str: the file is decoded as ASCII (errors replaced) before the clock starts.
    with open(path, "rb") as f:
        lines = f.read().decode("ascii", "replace").splitlines()
    best = float("inf")
    messages = errors = 0
    for _ in range(passes):
        start = time.perf_counter()
        messages, errors = decode_all(lines, ais.decode)
        best = min(best, time.perf_counter() - start)
    try:
        from importlib.metadata import version
        v = version("libais")
    except Exception:  # noqa: BLE001
        v = "?"
    print(json.dumps({"peer": "libais", "version": v, "messages": messages, "errors": errors,
                      "seconds": best, "msg_per_s": messages / best}))


if __name__ == "__main__":
    main()
