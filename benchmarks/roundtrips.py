"""Round trips through the tools translators use, measured: what each one costs a toolkit project.

For each tool (GNU msgmerge against our POT, msgcat default / --width=60 / --no-wrap, msgattrib,
polib, Babel, Translate Toolkit's PO store, Poedit's rewrap at the widest line) a drafted and
partly translated catalog goes through the tool, then `toolkit translate` runs again, then the
glossary changes and `translate` runs once more. Printed per tool:

* diff: lines of `diff` between the tool's file and the file after the re-run (0: the
  translator's layout stays);
* lost: translator texts, suppressions (`ignore-…`) and MT marks missing after the re-run;
* mt: drafts re-made after the glossary change, beside an untouched copy's figure (equal: the
  provenance survived);
* orphans: comment lines that are pieces of ours (a wrapped hint or mark left behind).

    python benchmarks/roundtrips.py [--toolkit PYTHONPATH]

``--toolkit DIR`` runs another checkout's package (e.g. an older commit, to compare).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.catalog.translator_tools import TOOLS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (
    "The Ministry of Rural Development said on Monday that 40 km of roads in Kampot province would be "
    "repaired before the rainy season begins in May, officials of the Ministry of Rural Development said.\n\n"
    "The National Assembly will debate the plan next week.\n\n"
    "Officials said 12 bridges would be rebuilt.\n\n"
    "Hun Sen is expected to attend.\n"
)
GLOSSARY = """domain: general
concepts:
  - id: mrd
    source: test data
    en: [Ministry of Rural Development]
    km: [ក្រសួងអភិវឌ្ឍន៍ជនបទ, {term: ក្រសួងអភិវឌ្ឍន៍ជនបទនៃព្រះរាជាណាចក្រកម្ពុជា, status: admitted}]
  - id: na
    source: test data
    en: [National Assembly]
    km: [រដ្ឋសភា]
  - id: kampot
    source: test data
    en: [Kampot]
    km: [កំពត]
  - id: hun-sen
    source: test data
    en: [Hun Sen]
    km: [ហ៊ុន សែន]
"""
HUMAN = "មន្ត្រី\u200bបាន\u200bនិយាយ\u200bថា ស្ពាន ១៣ នឹង\u200bត្រូវ\u200bសាងសង់\u200bឡើងវិញ។"  # a deliberate 13: suppressed


class Project:
    def __init__(self, root: Path, toolkit: Path | None, models: Path) -> None:
        self.root, self.models = root, models
        self.env = dict(os.environ, HOME=str(root))
        if toolkit is not None:
            self.env["PYTHONPATH"] = str(toolkit)
        (root / "docs").mkdir(parents=True, exist_ok=True)
        (root / "docs" / "article.txt").write_text(ARTICLE, encoding="utf-8")
        (root / "terms.yaml").write_text(GLOSSARY, encoding="utf-8")
        self.po = root / "locales" / "km" / "LC_MESSAGES" / "article.po"
        self.pot = root / "locales" / "templates" / "article.pot"

    def translate(self) -> int:
        args = [sys.executable, "-m", "toolkit", "translate", "docs/article.txt", "--to", "km", "-g", "terms.yaml",
                "--models-dir", str(self.models)]
        helptext = subprocess.run([sys.executable, "-m", "toolkit", "translate", "--help"], env=self.env, cwd=self.root,
                                  capture_output=True, text=True).stdout
        if "--no-tm" in helptext:
            args.append("--no-tm")
        done = subprocess.run(args, cwd=self.root, env=self.env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"translate failed: {done.stderr}")
        found = re.search(r"mt=(\d+)", done.stdout + done.stderr)
        return int(found.group(1)) if found else -1


def _translator_work(po: Path) -> None:
    catalog = polib.pofile(str(po), wrapwidth=0)
    for entry in catalog:
        if entry.msgid.startswith("Officials said"):
            entry.msgstr = HUMAN
            entry.tcomment = "\n".join(filter(None, [entry.tcomment, "ignore-numbers"]))
            entry.flags = [f for f in entry.flags if f != "fuzzy"]
    catalog.save()
    subprocess.run(["msgcat", "-o", str(po), str(po)], check=True)  # GNU's layout, as toolkit writes it


def _change_glossary(project: Project) -> None:
    path = project.root / "terms.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("km: [កំពត]", "km: [ខេត្តកំពត]"), encoding="utf-8")


def _orphans(po: Path) -> int:
    lines = po.read_text(encoding="utf-8").splitlines()
    ours = ("glossary: ", "mt: ", "mt-key: ", "tm: ", "glossary-mismatch: ")
    count = 0
    for previous, line in zip(lines, lines[1:]):
        for mark in ("#. ", "# "):
            if line.startswith(mark) and previous.startswith(mark) and not line[len(mark):].startswith(ours) \
                    and previous[len(mark):].startswith(ours) and not line[len(mark):].startswith("ignore-"):
                count += 1
    return count


def measure(toolkit: Path | None, work: Path, models: Path) -> list[tuple[str, int, str, str, int]]:
    untouched = Project(work / "untouched", toolkit, models)
    untouched.translate()
    _translator_work(untouched.po)
    untouched.translate()
    rows = []
    for name, tool in TOOLS.items():
        project_dir = work / re.sub(r"\W+", "-", name)
        shutil.copytree(untouched.root, project_dir)
        project = Project(project_dir, toolkit, models)
        tool(project.po, project.pot)
        after_tool = project.po.read_text(encoding="utf-8")
        project.translate()
        after_run = project.po.read_text(encoding="utf-8")
        diff = subprocess.run(["diff", "-U0", "-", str(project.po)], input=after_tool, capture_output=True,
                              text=True).stdout
        changed = sum(1 for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---")))
        lost = []
        if HUMAN not in after_run.replace('"\n"', ""):
            lost.append("translation")
        if "ignore-numbers" not in after_run:
            lost.append("suppression")
        marks = len(re.findall(r"^#\.? ?mt: ", after_run, re.M))
        if marks < 3:
            lost.append(f"mt marks {marks}/3")
        _change_glossary(project)
        mt = project.translate()
        rows.append((name, changed, ", ".join(lost) or "-", str(mt), _orphans(project.po)))
    _change_glossary(untouched)
    rows.append(("(untouched copy)", 0, "-", str(untouched.translate()), _orphans(untouched.po)))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--toolkit", type=Path, help="run this checkout's package (its root directory)")
    args = parser.parse_args()
    sys.path.insert(0, str(args.toolkit or ROOT))
    from toolkit.mt import packages
    from toolkit.mt.testmodel import build_package

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        models = work / "models"
        packages.install(build_package(work / "en_km-test.argosmodel"), models)
        rows = measure(args.toolkit, work, models)
    print(f"{'tool':22} {'diff lines':>10}  {'lost after re-run':24} {'mt= on glossary change':>22}  orphans")
    for name, changed, lost, mt, orphans in rows:
        print(f"{name:22} {changed:10}  {lost:24} {mt:>22}  {orphans:7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
