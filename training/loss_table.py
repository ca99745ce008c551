#!/usr/bin/python3
"""A Markdown table of a run's loss.csv for MODEL_CARD.md: every validation row, and the train loss
of the nearest logged step before it.

    /usr/bin/python3 training/loss_table.py RUN/loss.csv
"""
import csv
import sys

rows = list(csv.DictReader(open(sys.argv[1])))
print("| step | minutes | tokens seen | train loss | val loss | val loss, curve reversed | gap |")
print("|---|---|---|---|---|---|---|")
train, seen = "", set()
for r in rows:
    if r["train_loss"]:
        train = r["train_loss"]
    if r["val_loss"] and r["step"] not in seen:
        seen.add(r["step"])
        rev = r.get("val_loss_reversed_curve") or ""
        gap = "%+.4f" % (float(rev) - float(r["val_loss"])) if rev else ""
        print("| %s | %.0f | %s | %s | %s | %s | %s |" % (r["step"], float(r["elapsed_s"]) / 60, r["tokens_seen"],
                                                     train, r["val_loss"], rev, gap))
