#!/usr/bin/env python3
"""Derived word forms from hunspell-id's affix rules, for bench/stem_accuracy.sh.

Reads id_ID.dic and id_ID.aff, takes a fixed random sample of roots that carry
affix flags, and prints "derived<TAB>root" for every form the rules of the
root's flags build:
  - each prefix rule (ber-, di-, meng-/mem-/men-/meny-, pe-, ter-, se-, ke-, ...);
  - each suffix rule (-kan, -an, -i, -nya, -lah, ...), and the particles and
    possessives its continuation flags allow after it;
  - each confix: a suffix whose continuation flags name prefix classes that the
    affix file marks CIRCUMFIX (me-...-kan, pe-...-an, ke-...-an, ...), with the
    particles and possessives allowed after it.
Not generated: free cross products of a prefix flag and a suffix flag (hunspell
accepts them, but they include forms Indonesian rules out, such as di-...-an),
affixes with capitals or hyphens ("-Nya"), roots marked NEEDAFFIX (bound stems
such as "ketahu") and capitalised names. A form made from two sampled roots is
dropped. Standard library only.

usage: gen_derived.py [--aff FILE] [--dic FILE] [--roots N] [--seed S]
"""
import argparse
import random
import re
import sys
from collections import defaultdict

DEFAULT_DIC = "/usr/share/hunspell/id_ID.dic"
DEFAULT_AFF = "/usr/share/hunspell/id_ID.aff"


class Rule:
    def __init__(self, kind, flag, strip, add, cont, cond):
        self.kind, self.flag = kind, flag
        self.strip = "" if strip == "0" else strip
        self.add = "" if add == "0" else add
        self.cont = cont  # continuation flags
        # hunspell conditions are character classes; "[^l^r]" means neither l nor r
        cond = cond or "."
        cond = re.sub(r"\[\^([^\]]*)\]", lambda m: "[^" + m.group(1).replace("^", "") + "]", cond)
        self.cond = re.compile(("^" + cond) if kind == "PFX" else (cond + "$"))

    def applies(self, word):
        if not self.cond.search(word):
            return False
        if self.kind == "PFX":
            return word.startswith(self.strip)
        return word.endswith(self.strip)

    def apply(self, word):
        if self.kind == "PFX":
            return self.add + word[len(self.strip):]
        return word[: len(word) - len(self.strip)] + self.add


def split_flags(flags):
    """FLAG long: two characters per flag."""
    return [flags[i:i + 2] for i in range(0, len(flags) - 1, 2)]


def read_aff(path):
    rules = defaultdict(list)
    kinds = {}
    circumfix = needaffix = None
    with open(path, encoding="iso-8859-1") as f:
        for raw in f:
            line = raw.split("#", 1)[0].split()
            if not line:
                continue
            if line[0] == "CIRCUMFIX":
                circumfix = line[1]
            elif line[0] == "NEEDAFFIX":
                needaffix = line[1]
            elif line[0] in ("PFX", "SFX") and len(line) >= 4 and line[2] in ("Y", "N") \
                    and line[3].isdigit() and line[1] not in kinds:
                kinds[line[1]] = line[0]
            elif line[0] in ("PFX", "SFX") and len(line) >= 4:
                add, _, cont = line[3].partition("/")
                cond = line[4] if len(line) > 4 else "."
                rules[line[1]].append(Rule(line[0], line[1], line[2], add, split_flags(cont), cond))
    return rules, kinds, circumfix, needaffix


def read_dic(path):
    roots = []
    with open(path, encoding="iso-8859-1") as f:
        for i, raw in enumerate(f):
            line = raw.strip()
            if i == 0 and line.isdigit() or not line:
                continue
            word, _, flags = line.partition("/")
            flags = flags.split()[0] if flags.split() else ""
            roots.append((word, split_flags(flags)))
    return roots


def usable(rule):
    return rule.add == rule.add.lower() and "-" not in rule.add


def outer_suffixes(word, cont, rules, kinds, circumfix):
    """Particles and possessives that continuation flags cont allow after word."""
    for flag in cont:
        if kinds.get(flag) != "SFX":
            continue
        for r in rules[flag]:
            if usable(r) and circumfix not in r.cont and r.applies(word):
                yield r.apply(word)


def derive(root, flags, rules, kinds, circumfix):
    forms = set()
    for flag in flags:
        for r in rules.get(flag, []):
            if not usable(r) or not r.applies(root):
                continue
            with_suffix = r.apply(root)
            if r.kind == "PFX":
                if circumfix not in r.cont:
                    forms.add(with_suffix)
                continue
            if circumfix not in r.cont:
                forms.add(with_suffix)
                forms.update(outer_suffixes(with_suffix, r.cont, rules, kinds, circumfix))
                continue
            for pflag in r.cont:  # a confix: the prefix classes this suffix names
                if kinds.get(pflag) != "PFX":
                    continue
                for p in rules[pflag]:
                    if usable(p) and circumfix in p.cont and p.applies(root):
                        whole = p.apply(with_suffix)
                        forms.add(whole)
                        forms.update(outer_suffixes(whole, r.cont, rules, kinds, circumfix))
    forms.discard(root)
    return forms


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--aff", default=DEFAULT_AFF)
    ap.add_argument("--dic", default=DEFAULT_DIC)
    ap.add_argument("--roots", type=int, default=500, help="roots in the sample (default 500)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = ap.parse_args()
    rules, kinds, circumfix, needaffix = read_aff(args.aff)
    candidates = sorted(
        (w, f) for w, f in read_dic(args.dic)
        if f and w == w.lower() and needaffix not in f and any(x in rules for x in f))
    sample = random.Random(args.seed).sample(candidates, min(args.roots, len(candidates)))
    made = defaultdict(set)
    for word, flags in sorted(sample):
        for form in derive(word, flags, rules, kinds, circumfix):
            made[form].add(word)
    print(f"# gen_derived.py --roots {args.roots} --seed {args.seed}: "
          f"{len(sample)} roots of {len(candidates)} with affix flags")
    for form in sorted(made):
        if len(made[form]) == 1:
            print(f"{form}\t{next(iter(made[form]))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
