"""polars reading scores.csv and ranking by mean, for the comparison in
the README's performance table (benches/session.rs runs it).

Usage: python3 polars-mean.py scores.csv criterion=weight ...
Prints the seconds taken to read the file and rank (interpreter start-up
and `import polars` left out). A sheet counts when it has every criterion.
"""
import sys
import time

import polars as pl

csv = sys.argv[1]
weights = {k: float(v) for k, v in (a.split("=") for a in sys.argv[2:])}
start = time.perf_counter()
rows = pl.read_csv(csv, schema_overrides={"value": pl.Utf8, "criterion": pl.Utf8})
values = rows.filter(pl.col("criterion").is_not_null()).with_columns(
    pl.col("value").cast(pl.Float64),
    pl.col("criterion").replace_strict(weights, return_dtype=pl.Float64).alias("weight"),
)
sheets = (
    values.group_by("team", "juror")
    .agg((pl.col("value") * pl.col("weight")).sum().alias("total"), pl.len().alias("n"))
    .filter(pl.col("n") == len(weights))
)
ranking = sheets.group_by("team").agg(pl.col("total").mean().alias("score")).sort(
    "score", descending=True
)
assert ranking.height > 0
print(f"{time.perf_counter() - start:.4f}")
