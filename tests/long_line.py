#!/usr/bin/python3
"""Writes one document of MB mebibytes on a single line, the hostile corpus of
tests/e2e_hostile.sh and bench/long_document.sh. Stopwords and a comma split it
into short runs, as prose would, so the line costs little beyond its size.

usage: long_line.py FILE MB
"""
import sys

PHRASE = b"kerja sama dan pemerintah daerah yang paradiplomasi, untuk kota di "


def main():
    path, mb = sys.argv[1], int(sys.argv[2])
    size = mb * 1024 * 1024
    with open(path, "wb") as f:
        f.write(PHRASE * (size // len(PHRASE)) + b"akhir")


if __name__ == "__main__":
    main()
