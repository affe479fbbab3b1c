"""Time and size of the gazetteer: first build (cold cache) and per-process load (warm cache).

Usage: python bench/gazetteer_load.py [--cold]
    --cold  build into a fresh temporary cache dir (measures the once-per-machine build);
            otherwise the user cache dir is used (built on first use, then loaded).
Prints seconds, entry and name-key counts, and the process peak RSS.
"""
from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from sitrep.kb.gazetteer import load_gazetteer_from


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold", action="store_true", help="build into a fresh cache dir")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        cache_dir = Path(scratch) if args.cold else None
        started = time.perf_counter()
        gazetteer = load_gazetteer_from(cache_dir=cache_dir)
        elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"load_gazetteer ({'fresh cache dir' if args.cold else 'user cache dir'}): {elapsed:.2f} s, "
          f"{len(gazetteer)} entries, {len(gazetteer._keys)} name keys, peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
