#!/usr/bin/env python3
"""Inter-word spacing of pamphlet's PDF against pandoc + XeLaTeX on the same text, page and face.

For each input: pamphlet writes NAME.pdf and NAME.epub; pandoc turns that EPUB (so both engines set
exactly the same repaired words and paragraphs) into NAME-xelatex.pdf with the style's page size,
text width, face and size. `pdftotext -bbox-layout` gives word boxes; on justified body lines (the
ones reaching the column's right edge) every gap between neighbouring words is measured in ems.
Reported per engine: lines measured, median, 95th percentile and maximum gap, and the spread.

    python3 bench/spacing/compare_spacing.py [--pamphlet BIN] [--out DIR] INPUT...

Exit status 1 when pamphlet's 95th percentile or maximum is larger than XeLaTeX's (issue 5's
criterion), 2 when a tool fails.
"""
import argparse
import collections
import os
import statistics
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))
XHTML = "{http://www.w3.org/1999/xhtml}"


def run(command):
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.stderr.write("failed: %s\n%s\n" % (" ".join(command), result.stderr[-2000:]))
        sys.exit(2)
    return result.stdout


def xelatex_pdf(epub, pdf, geometry, family, size_pt, language):
    # The cover and other images are dropped: XeLaTeX cannot include SVG, and they hold no text.
    no_images = os.path.join(os.path.dirname(pdf), "no-images.lua")
    with open(no_images, "w") as handle:
        handle.write("function Image(element) return {} end\n")
    run(["pandoc", epub, "-o", pdf, "--lua-filter", no_images, "--pdf-engine=xelatex",
         "-V", "documentclass=scrartcl", "-V", "fontsize=%gpt" % size_pt, "-V", "mainfont=" + family,
         "-V", "geometry:" + geometry, "-V", "lang=" + language])


def justified_gaps(pdf, size_pt):
    """Gaps (in ems) between words on justified body lines, and how many lines were measured."""
    root = ET.fromstring(run(["pdftotext", "-bbox-layout", pdf, "-"]))
    pages = []
    for page in root.iter(XHTML + "page"):
        lines = []
        for line in page.iter(XHTML + "line"):
            words = [(float(w.get("xMin")), float(w.get("xMax")), float(w.get("yMax")) - float(w.get("yMin")))
                     for w in line.iter(XHTML + "word")]
            if words:
                lines.append(sorted(words))
        pages.append(lines)
    # Body text is the commonest word height; headings, notes and running heads differ.
    heights = collections.Counter(round(w[2], 1) for lines in pages for line in lines for w in line)
    if not heights:
        return [], 0
    body_height = heights.most_common(1)[0][0]
    gaps, measured = [], 0
    for lines in pages:
        body = [line for line in lines if all(abs(w[2] - body_height) < 0.05 * body_height for w in line)]
        long_lines = [line[-1][1] for line in body if len(line) >= 6]
        if len(long_lines) < 3:
            continue
        right_edge = statistics.median(long_lines)  # most body lines are justified
        for line in body:
            # Justified: reaches the edge (hanging punctuation may pass it by a little).
            if len(line) < 2 or not (right_edge - 1.0 <= line[-1][1] <= right_edge + 4.0):
                continue
            measured += 1
            gaps.extend((line[i + 1][0] - line[i][1]) / size_pt for i in range(len(line) - 1))
    return gaps, measured


def summary(gaps):
    ordered = sorted(gaps)
    return {
        "median": statistics.median(ordered),
        "p95": ordered[int(0.95 * (len(ordered) - 1))],
        "max": ordered[-1],
        "stdev": statistics.pstdev(ordered),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", default=[os.path.join(SOURCE_DIR, "input", "russian-question.txt")])
    parser.add_argument("--pamphlet", default=os.path.join(SOURCE_DIR, "build", "pamphlet"))
    parser.add_argument("--out", default="/tmp/pamphlet-spacing")
    # The default style's page (A5), margins, face and size; change together with styles/default.toml.
    parser.add_argument("--geometry", default="paperwidth=148mm,paperheight=210mm,top=15mm,bottom=18mm,left=15mm,right=18mm")
    parser.add_argument("--family", default="Charis SIL")
    parser.add_argument("--size-pt", type=float, default=10.5)
    parser.add_argument("--lang", default="en")
    arguments = parser.parse_args()
    os.makedirs(arguments.out, exist_ok=True)
    worse = False
    print("%-40s %-9s %6s %7s %7s %7s %7s" % ("document", "engine", "lines", "median", "p95", "max", "stdev"))
    for source in arguments.inputs:
        name = os.path.splitext(os.path.basename(source))[0]
        ours = os.path.join(arguments.out, name + ".pdf")
        epub = os.path.join(arguments.out, name + ".epub")
        theirs = os.path.join(arguments.out, name + "-xelatex.pdf")
        run([arguments.pamphlet, source, "--lang", arguments.lang, "-o", ours])
        run([arguments.pamphlet, source, "--lang", arguments.lang, "-o", epub])
        xelatex_pdf(epub, theirs, arguments.geometry, arguments.family, arguments.size_pt, arguments.lang)
        results = {}
        for engine, pdf in (("pamphlet", ours), ("xelatex", theirs)):
            gaps, lines = justified_gaps(pdf, arguments.size_pt)
            if not gaps:
                print("%-40s %-9s no justified lines found" % (name[:40], engine))
                continue
            results[engine] = summary(gaps)
            s = results[engine]
            print("%-40s %-9s %6d %7.3f %7.3f %7.3f %7.3f" % (name[:40], engine, lines, s["median"], s["p95"], s["max"], s["stdev"]))
        if len(results) == 2 and (results["pamphlet"]["p95"] > results["xelatex"]["p95"] or
                                  results["pamphlet"]["max"] > results["xelatex"]["max"]):
            worse = True
    print("gaps in ems of %g pt between words on justified lines; PDFs in %s" % (arguments.size_pt, arguments.out))
    return 1 if worse else 0


if __name__ == "__main__":
    sys.exit(main())
