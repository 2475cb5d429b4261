#!/usr/bin/env python3
"""Writes the fuzz seed corpora into OUT/<target>/: small pieces (a few paragraphs each) of the
seed essay in input/ and of the public-domain corpus in ../shared/corpus/, the styles, and the
hand-written seeds in fuzz/seeds/. Small pieces keep each run fast and let libFuzzer mutate."""
import pathlib
import sys

SOURCE = pathlib.Path(__file__).resolve().parent.parent
SHARED = SOURCE.parent / "shared" / "corpus"
PIECE_BYTES = 1500
PIECES_PER_FILE = 24  # spread over the whole file, so a long book gives its middle too
FORMAT_BYTE = {"plain_text": b"\x00", "markdown": b"\x01", "muse": b"\x02"}  # readers::InputFormat


def pieces(data: bytes):
    """Cuts at blank lines into pieces of about PIECE_BYTES, then keeps an even spread."""
    paragraphs = data.replace(b"\r\n", b"\n").split(b"\n\n")
    cut, current = [], b""
    for paragraph in paragraphs:
        current = current + b"\n\n" + paragraph if current else paragraph
        if len(current) >= PIECE_BYTES:
            cut.append(current[: PIECE_BYTES * 3])
            current = b""
    if current:
        cut.append(current)
    step = max(1, len(cut) // PIECES_PER_FILE)
    return cut[::step][:PIECES_PER_FILE]


def main():
    out = pathlib.Path(sys.argv[1])
    texts = sorted(SHARED.glob("*.txt")) + sorted((SOURCE / "input").glob("*.txt"))
    markdown = sorted(SHARED.glob("*.md"))
    seeds = {target: [] for target in ["plain_text", "markdown", "muse", "style", "pipeline"]}
    for path in texts:
        seeds["plain_text"] += [(f"{path.stem}-{i}", piece) for i, piece in enumerate(pieces(path.read_bytes()))]
    for path in markdown:
        seeds["markdown"] += [(f"{path.stem}-{i}", piece) for i, piece in enumerate(pieces(path.read_bytes()))]
    for folder in (SOURCE / "fuzz" / "seeds").iterdir():
        seeds[folder.name] += [(path.name, path.read_bytes()) for path in sorted(folder.iterdir())]
    seeds["muse"] += seeds["plain_text"][::6]  # plain prose is valid Muse too
    seeds["style"] += [(path.name, path.read_bytes()) for path in sorted((SOURCE / "styles").glob("*.toml"))]
    # The pipeline target takes a format byte first; a few pieces of each format are enough.
    for target in ["plain_text", "markdown", "muse"]:
        seeds["pipeline"] += [(f"{target}-{name}", FORMAT_BYTE[target] + data) for name, data in seeds[target][::4]]
    for target, files in seeds.items():
        folder = out / target
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files:
            (folder / name).write_bytes(data)
        print(f"{target}: {len(files)} seeds")


if __name__ == "__main__":
    main()
