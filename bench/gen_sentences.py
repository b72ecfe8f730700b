#!/usr/bin/python3
"""Writes a folder for bench/long_sentences.sh: one document of MB mebibytes of
sentences (8 to 25 words drawn at random from the bundled corpus's vocabulary,
each closed by a full stop) and SHORT short documents of twenty such sentences.
With SHORT "words", the document is instead one line of words drawn from the
bundled tesis as written (punctuation kept: its full stops end sentences), alone.
The same seed gives the same files.

usage: gen_sentences.py CORPUS_DIR OUT_DIR MB [SHORT|words]
"""
import os
import random
import re
import sys


def write_words(corpus, out, mb):
    with open(os.path.join(corpus, "tesis-ntb-zhejiang-bab4.txt"), encoding="utf-8") as f:
        words = f.read().split()
    rng = random.Random(1)
    os.makedirs(out)
    with open(os.path.join(out, "words.txt"), "w", encoding="utf-8") as f:
        size = 0
        while size < mb * 1000 * 1000:
            s = " ".join(rng.choice(words) for _ in range(1000)) + " "
            f.write(s)
            size += len(s)


def main():
    corpus, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
    mode = sys.argv[4] if len(sys.argv) > 4 else "300"
    if mode == "words":
        write_words(corpus, out, mb)
        return
    short = int(mode)
    words = []
    for name in sorted(os.listdir(corpus)):
        if name.endswith((".md", ".txt")):
            with open(os.path.join(corpus, name), encoding="utf-8") as f:
                words += re.findall(r"[a-z]+", f.read().lower())
    rng = random.Random(1)

    def sentence(n):
        return " ".join(rng.choice(words) for _ in range(n)).capitalize() + ". "

    os.makedirs(out)
    with open(os.path.join(out, "long.txt"), "w", encoding="utf-8") as f:
        size = 0
        while size < mb * 1024 * 1024:
            s = sentence(rng.randint(8, 25))
            f.write(s)
            size += len(s)
    for i in range(short):
        with open(os.path.join(out, f"short{i:04d}.txt"), "w", encoding="utf-8") as f:
            f.write("".join(sentence(12) for _ in range(20)))


if __name__ == "__main__":
    main()
