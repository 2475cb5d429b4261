#!/usr/bin/env python3
"""Inter-word spaces of justified lines in a PDF, in ems, from `pdftotext -bbox-layout`.

A line counts as justified when it reaches the right edge of the text column (within 3 pt, for
hanging punctuation: the edge is the most common line end on the page; last lines of
paragraphs end short), has at least four words, and is set at body size (its height within 10%
of the most common line height: headings, notes and running heads drop out). pdftotext's
blocks are not used: it splits some documents' paragraphs into one block per line.
Prints: count, median, 95th percentile and maximum space, in ems of `--size`.
"""
import argparse
import statistics
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/1999/xhtml}"


def line_spaces(pdf, first_page, last_page):
    command = ["pdftotext", "-bbox-layout", "-f", str(first_page)]
    if last_page:
        command += ["-l", str(last_page)]
    xml = subprocess.run(command + [pdf, "-"], check=True, capture_output=True).stdout
    root = ET.fromstring(xml)
    lines = []  # (height, [spaces]) per candidate line
    for page in root.iter(NS + "page"):
        page_lines = [line for line in page.iter(NS + "line") if len(list(line.iter(NS + "word"))) >= 4]
        if not page_lines:
            continue
        right_edge = statistics.mode(round(float(line.get("xMax"))) for line in page_lines)
        for line in page_lines:
            if abs(float(line.get("xMax")) - right_edge) > 3:
                continue
            words = list(line.iter(NS + "word"))
            height = float(line.get("yMax")) - float(line.get("yMin"))
            spaces = [float(b.get("xMin")) - float(a.get("xMax")) for a, b in zip(words, words[1:])]
            lines.append((round(height, 1), spaces))
    if not lines:
        return []
    body_height = statistics.mode(h for h, _ in lines)
    return [s for h, spaces in lines if abs(h - body_height) <= 0.1 * body_height for s in spaces]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pdf")
    parser.add_argument("--size", type=float, required=True, help="body font size in points (1 em)")
    parser.add_argument("--first-page", type=int, default=1)
    parser.add_argument("--last-page", type=int, default=0)
    arguments = parser.parse_args()
    spaces = sorted(s / arguments.size for s in line_spaces(arguments.pdf, arguments.first_page, arguments.last_page))
    if not spaces:
        sys.exit("no justified lines found in " + arguments.pdf)
    p95 = spaces[min(len(spaces) - 1, int(0.95 * len(spaces)))]
    print(f"{len(spaces)} {statistics.median(spaces):.3f} {p95:.3f} {spaces[-1]:.3f}")


if __name__ == "__main__":
    main()
