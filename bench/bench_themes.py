"""Themes: coverage of the largest corpus plan (warm, jieba loaded), a cold ``plandesk themes``
process, and peer statistics cold vs cached. Run: ``python -m bench.bench_themes``."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import CORPUS, LARGEST, REPO, large_plan_text, largest_text, median_ms, report


def main() -> None:
    from checks.themes import coverage, load_lexicon, peer_stats, themes_report
    from checks.themes.peers import DEFAULT_PEERS, compute_peer_stats
    from desktop.plan.knowledge.tokens import tokenizer
    from desktop.plan.parse import parse

    start = time.perf_counter()
    tokenizer()
    report("jieba load (tokenizer + user dictionary, once per process)", (time.perf_counter() - start) * 1000)

    lexicon = load_lexicon()
    plan = parse(largest_text())
    big = parse(large_plan_text(10))
    report(
        f"coverage, largest plan ({len(plan.text)} chars), warm",
        median_ms(lambda: coverage(plan, lexicon)),
        60,
    )
    report(
        f"coverage, 10x plan ({len(big.text)} chars), warm", median_ms(lambda: coverage(big, lexicon), runs=5)
    )

    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        peers = Path(tmp) / "peers"
        shutil.copytree(DEFAULT_PEERS, peers)
        report(
            "peer statistics, cold (4 peers, no cache)",
            median_ms(lambda: compute_peer_stats(peers, lexicon), 3, 0),
        )
        peer_stats(peers, lexicon, cache)
        report("peer statistics, cached", median_ms(lambda: peer_stats(peers, lexicon, cache)))
        stats = peer_stats(peers, lexicon, cache)
        report(
            "themes report (coverage + peers + suggestions), warm",
            median_ms(lambda: themes_report(plan, stats)),
        )

        env = {**os.environ, "PLANDESK_CACHE_DIR": str(cache), "PYTHONPATH": str(REPO)}
        command = [sys.executable, "-m", "desktop.cli", "themes", str(CORPUS / LARGEST)]
        samples = []
        for _ in range(5):
            begin = time.perf_counter()
            subprocess.run(command, cwd=REPO, env=env, capture_output=True, check=False)
            samples.append((time.perf_counter() - begin) * 1000)
        report("cold `plandesk themes` process (peer cache warm)", statistics.median(samples), 2000)
        shutil.rmtree(cache)
        begin = time.perf_counter()
        subprocess.run(command, cwd=REPO, env=env, capture_output=True, check=False)
        report(
            "cold `plandesk themes` process, first run (no peer cache)", (time.perf_counter() - begin) * 1000
        )


if __name__ == "__main__":
    main()
