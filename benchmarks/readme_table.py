"""Copy benchmarks/results.md into the README between its results markers."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
readme = (ROOT / "README.md").read_text()
table = (ROOT / "benchmarks" / "results.md").read_text()
start, end = "<!-- results.md -->\n", "<!-- /results.md -->"
head, rest = readme.split(start, 1)
(ROOT / "README.md").write_text(head + start + table + end + rest.split(end, 1)[1])
