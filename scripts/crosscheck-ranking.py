"""Independent recomputation of design.md's ranking rules (Python
fractions, naive majority tallies), compared field by field with
`podium results --format json` under every method, on random forums built
through the command line: `new`, `scores import` (recusals, absences,
missing and partial sheets, handwritten totals), `decide` (order and admit,
refused ones) and a changed value after a decision (stale decisions)."""
import json, math, random, subprocess, sys, os, itertools
from fractions import Fraction as F
from functools import cmp_to_key

# Usage: python3 scripts/crosscheck-ranking.py target/debug/podium [FIRST_SEED] [CASES]
P = os.path.abspath(sys.argv[1])
seed0 = int(sys.argv[2]) if len(sys.argv) > 2 else 0
N_CASES = int(sys.argv[3]) if len(sys.argv) > 3 else 50

def run(args, cwd, ok=True):
    r = subprocess.run([P] + args, cwd=cwd, capture_output=True, text=True)
    if ok and r.returncode != 0:
        raise SystemExit(f"{args}: {r.stderr}")
    return r

def lcm(a, b): return a * b // math.gcd(a, b)

def majority_cmp(a, b):
    L = lcm(len(a), len(b))
    A = sorted(x for x in a for _ in range(L // len(a)))
    B = sorted(x for x in b for _ in range(L // len(b)))
    while A:
        ia, ib = (len(A) - 1) // 2, (len(B) - 1) // 2
        if A[ia] != B[ib]:
            return 1 if A[ia] > B[ib] else -1
        A.pop(ia); B.pop(ib)
    return 0

def expected(case):
    teams, jurors, crits, cells, hand, marks, settings, decisions, official, method = case
    # sheets
    counting = {t: [] for t in teams}   # list of (juror, total)
    complete = {t: [] for t in teams}   # list of (total, values)
    warnings = []
    provisional = False
    for t in teams:
        for j in jurors:
            m = marks.get((t, j))
            if m in ("absent", "recused"): continue
            if settings["recuse"] and t[1] == j[1]: continue
            vals = {c: cells[(t, j, c)] for c, w in crits if (t, j, c) in cells}
            if not vals:
                warnings.append(("missing_sheet", t[0], j[0])); provisional = True; continue
            if len(vals) < len(crits):
                warnings.append(("partial_sheet", t[0], j[0])); provisional = True; continue
            total = sum(w * vals[c] for c, w in crits)
            complete[t].append((total, vals))
            h = hand.get((t, j))
            if h is not None and h != sum(vals.values()):
                warnings.append(("checksum_mismatch", t[0], j[0])); provisional = True; continue
            counting[t].append((j, total))
    # scores
    score = {}
    if method == "mean":
        for t in teams:
            xs = [x for _, x in counting[t]]
            score[t] = F(sum(xs), len(xs)) if xs else None
    elif method == "trimmed":
        for t in teams:
            xs = sorted(x for _, x in counting[t])
            if len(xs) >= 3: xs = xs[1:-1]
            score[t] = F(sum(xs), len(xs)) if xs else None
    elif method == "normalized":
        per = {j: [x for t in teams for jj, x in counting[t] if jj == j] for j in jurors}
        mom = {}
        for j, xs in per.items():
            n = len(xs)
            if n >= 2:
                mu = F(sum(xs), n); var = sum((x - mu) ** 2 for x in xs) / n
                mom[j] = (mu, var)
        for t in teams:
            zs = []
            for j, x in counting[t]:
                if j in mom and mom[j][1] != 0:
                    mu, var = mom[j]
                    zs.append(float(x - mu) / math.sqrt(float(var)))
                else:
                    zs.append(0.0)
            score[t] = (sum(zs) / len(zs)) if zs else None
    elif method == "borda":
        per = {j: [(x, t) for t in teams for jj, x in counting[t] if jj == j] for j in jurors}
        earned = {t: [] for t in teams}
        for j, lst in per.items():
            n = len(lst)
            if n < 2: continue
            for x, t in lst:
                lower = sum(1 for y, _ in lst if y < x)
                equal = sum(1 for y, u in lst if y == x) - 1
                earned[t].append(F(2 * lower + equal, 2 * (n - 1)))
        for t in teams:
            if not counting[t]: score[t] = None
            elif not earned[t]: score[t] = F(1, 2)
            else: score[t] = sum(earned[t]) / len(earned[t])
    elif method == "majority":
        for t in teams:
            xs = sorted(x for _, x in counting[t])
            score[t] = xs if xs else None
    def cmp_score(a, b):  # >0 when a ahead
        if method == "majority": return majority_cmp(score[a], score[b])
        return (score[a] > score[b]) - (score[a] < score[b])
    def equal(a, b):
        if method == "normalized":
            x, y = score[a], score[b]
            return abs(x - y) <= 1e-9 * max(1, abs(x), abs(y))
        return cmp_score(a, b) == 0
    def tb_means(t):
        res = []
        for c in settings["tie_break"]:
            vs = [cells[(t, j, c)] for j, _ in counting[t]]
            res.append(F(sum(vs), len(vs)))
        return res
    minimum = max(1, settings["min"])
    enough = [t for t in teams if len(counting[t]) >= minimum]
    few = [t for t in teams if 0 < len(counting[t]) < minimum]
    none = [t for t in teams if not counting[t]]
    def groups(part):
        order = sorted(part, key=cmp_to_key(lambda a, b: -cmp_score(a, b)))
        out = []
        i = 0
        while i < len(order):
            lead = order[i]; k = i + 1
            while k < len(order) and equal(lead, order[k]): k += 1
            grp = sorted(order[i:k], key=lambda t: teams.index(t))
            # tie-break
            grp.sort(key=lambda t: [-m for m in tb_means(t)])
            sub = [grp[0]]
            for t in grp[1:]:
                if tb_means(t) == tb_means(sub[-1]): sub.append(t)
                else: out.append(sub); sub = [t]
            out.append(sub)
            i = k
        return out
    ge, gf = groups(enough), groups(few)
    # decisions
    applied = {}
    stale = []
    for i, d in enumerate(decisions):
        hit = None
        for gi, g in enumerate(ge):
            if sorted(x[0] for x in g) == sorted(d["teams"]) and len(set(d["teams"])) == len(d["teams"]):
                hit = gi
        if hit is None: stale.append(i)
        else: applied[hit] = i
    N = settings["laureates"]
    rows = []
    cutoff_tie = False
    pos = 1
    for gi, g in enumerate(ge):
        p, q = pos, pos + len(g) - 1
        st = p <= N < q
        d = decisions[applied[gi]] if gi in applied else None
        if d and d["kind"] == "order":
            for k, tid in enumerate(d["teams"]):
                t = next(x for x in g if x[0] == tid)
                rows.append((t, p + k, p + k <= N, False, st, False))
        else:
            if st and not d: cutoff_tie = True
            for t in g:
                rows.append((t, p, bool(d) or (not st and q <= N), len(g) >= 2, st, False))
        pos += len(g)
    for g in gf:
        for t in g: rows.append((t, pos, False, len(g) >= 2, False, True))
        pos += len(g)
    for t in none: rows.append((t, pos, False, len(none) >= 2, False, True))
    for t in few + none: warnings.append(("too_few_sheets", t[0], None))
    if official:
        for i in stale: warnings.append(("stale_decision", decisions[i]["teams"][0], None))
    tpos = {t[0]: i for i, t in enumerate(teams)}
    jpos = {j[0]: i for i, j in enumerate(jurors)}
    kind_rank = {"too_few_sheets": 1, "stale_decision": 2}
    warnings.sort(key=lambda w: (tpos.get(w[1], 10**9), jpos[w[2]] if w[2] else len(jurors) + kind_rank[w[0]]))
    out_rows = []
    for t, rank, laur, tied, atc, tfs in rows:
        s = score[t]
        if s is None: sv = None
        elif method == "majority": sv = float(F(s[(len(s) - 1) // 2]))
        else: sv = float(s)
        comp = complete[t]
        if comp:
            xs = [x for x, _ in comp]; n = len(xs); mu = F(sum(xs), n)
            spread = math.sqrt(float(sum((x - mu) ** 2 for x in xs) / n))
            crit = {c: float(F(sum(v[c] for _, v in comp), n)) for c, _ in crits}
        else:
            spread, crit = None, {}
        out_rows.append(dict(rank=rank, team=t[0], score=sv, sheets=len(counting[t]), too_few_sheets=tfs,
                             laureate=laur, tied=tied, at_cutoff=atc, spread=spread, criteria=crit))
    return dict(method=method, official=official, laureates=N, min_sheets=settings["min"], provisional=provisional,
                cutoff_tie=cutoff_tie, warnings=[dict(code=c, team=t, juror=j) for c, t, j in warnings], ranking=out_rows)

def close(a, b):
    if a is None or b is None: return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))

def compare(exp, got, method):
    for k in ["method", "official", "laureates", "min_sheets", "provisional", "cutoff_tie", "warnings"]:
        if exp[k] != got[k]: return f"{k}: expected {exp[k]} got {got[k]}"
    if len(exp["ranking"]) != len(got["ranking"]): return "row count"
    for e, g in zip(exp["ranking"], got["ranking"]):
        for k in ["rank", "team", "sheets", "too_few_sheets", "laureate", "tied", "at_cutoff"]:
            if e[k] != g[k]: return f"row {e['team']} {k}: expected {e[k]} got {g[k]} ({g['team']})"
        if method in ("normalized",):
            if not close(e["score"], g["score"]): return f"score {e['team']} {e['score']} {g['score']}"
        elif e["score"] != g["score"]: return f"score {e['team']} {e['score']} {g['score']}"
        if not close(e["spread"], g["spread"]): return f"spread {e['team']}"
        if set(e["criteria"]) != set(g["criteria"]) or any(e["criteria"][c] != g["criteria"][c] for c in e["criteria"]):
            return f"criteria {e['team']}"
    return None

def one(seed, tmp):
    rnd = random.Random(seed)
    orgs = ["a", "b", "c"]
    nt, nj = rnd.randint(2, 7), rnd.randint(1, 5)
    teams = [(f"T{i}", rnd.choice(orgs)) for i in range(nt)]
    jurors = [(f"J{i}", rnd.choice(orgs)) for i in range(nj)]
    crits = [("x", F(1)), ("y", F(1, 2))] if rnd.random() < 0.7 else [("x", F(1))]
    settings = dict(recuse=rnd.random() < 0.3, min=rnd.randint(1, 3), laureates=rnd.randint(1, 4),
                    tie_break=(["y"] if len(crits) > 1 and rnd.random() < 0.3 else []))
    method = rnd.choice(["mean", "normalized", "trimmed", "borda", "majority"])
    cells, hand, marks = {}, {}, {}
    lines = ["team;juror;criterion;value"]
    for t in teams:
        for j in jurors:
            if settings["recuse"] and t[1] == j[1]: continue
            r = rnd.random()
            if r < 0.08: marks[(t, j)] = "absent"; lines.append(f"{t[0]};{j[0]};;absent"); continue
            if r < 0.14: marks[(t, j)] = "recused"; lines.append(f"{t[0]};{j[0]};;recused"); continue
            if r < 0.2: continue
            for c, w in crits:
                if r < 0.25 and c == "y": continue
                v = rnd.randint(0, 3)
                cells[(t, j, c)] = F(v); lines.append(f"{t[0]};{j[0]};{c};{v}")
            if rnd.random() < 0.15:
                s = sum(cells.get((t, j, c), 0) for c, _ in crits) + rnd.choice([0, 0, 1])
                hand[(t, j)] = s; lines.append(f"{t[0]};{j[0]};;{s}")
    os.makedirs(tmp, exist_ok=True)
    for f in os.listdir(tmp): os.remove(os.path.join(tmp, f))
    open(f"{tmp}/teams.csv", "w").write("id,name,org\n" + "".join(f"{t},{t} name,{o}\n" for t, o in teams))
    open(f"{tmp}/jurors.csv", "w").write("id,name,org\n" + "".join(f"{j},{j} name,{o}\n" for j, o in jurors))
    open(f"{tmp}/criteria.csv", "w").write("id,label,weight,max\n" + "".join(f"{c},{c},{float(w)},5\n" for c, w in crits))
    open(f"{tmp}/scores.csv", "w").write("\n".join(lines) + "\n")
    args = ["new", "s.json", "--teams", "teams.csv", "--jurors", "jurors.csv", "--criteria", "criteria.csv",
            "--laureates", str(settings["laureates"]), "--min-sheets", str(settings["min"]), "--method", method]
    if settings["recuse"]: args.append("--recuse-same-org")
    if settings["tie_break"]: args += ["--tie-break", ",".join(settings["tie_break"])]
    run(args, tmp)
    if len(lines) > 1: run(["scores", "import", "s.json", "scores.csv"], tmp)
    decisions = []
    # Maybe decide on the cut-off group, maybe twice; maybe a bogus one.
    for _ in range(rnd.randint(0, 2)):
        got = json.loads(run(["results", "s.json", "--format", "json"], tmp).stdout)
        grp = [r["team"] for r in got["ranking"] if r["at_cutoff"]]
        if grp and rnd.random() < 0.8:
            kind = rnd.choice(["order", "admit"]); rnd.shuffle(grp)
            run(["decide", "s.json", f"--{kind}", ",".join(grp), "--by", "p", "--reason", "r"], tmp)
            decisions.append(dict(kind=kind, teams=grp))
        else:
            bogus = [t[0] for t in rnd.sample(teams, 2)]
            r = run(["decide", "s.json", "--order", ",".join(bogus), "--by", "p", "--reason", "r"], tmp, ok=False)
            if r.returncode == 0: decisions.append(dict(kind="order", teams=bogus))
    # Change one value after decisions sometimes (stale decisions).
    if decisions and rnd.random() < 0.5:
        t = next(x for x in teams if x[0] == decisions[-1]["teams"][0])
        js = [j for j in jurors if all((t, j, c) in cells for c, _ in crits) and (t, j) not in hand]
        if js:
            j = js[0]
            v = cells[(t, j, "x")]
            nv = F(5) if v != 5 else F(0)
            open(f"{tmp}/s2.csv", "w").write(f"team;juror;criterion;value\n{t[0]};{j[0]};x;{int(nv)}\n")
            run(["scores", "import", "s.json", "s2.csv"], tmp)
            cells[(t, j, "x")] = nv
            STATS["changed"] += 1
    STATS["decisions"] += len(decisions)
    errors = []
    for m in ["mean", "normalized", "trimmed", "borda", "majority"]:
        got = json.loads(run(["results", "s.json", "--format", "json", "--method", m], tmp).stdout)
        exp = expected((teams, jurors, crits, cells, hand, marks, settings, decisions, m == method, m))
        e = compare(exp, got, m)
        STATS["cutoff_tie"] += got["cutoff_tie"]
        STATS["stale"] += sum(w["code"] == "stale_decision" for w in got["warnings"])
        STATS["tied"] += sum(r["tied"] for r in got["ranking"])
        STATS["too_few"] += sum(r["too_few_sheets"] for r in got["ranking"])
        if e: errors.append(f"seed {seed} method {m}: {e}")
    return errors

import tempfile
WORK = tempfile.mkdtemp(prefix="podium-crosscheck-")
bad = 0
from collections import Counter
STATS = Counter()
for s in range(seed0, seed0 + N_CASES):
    errs = one(s, WORK)
    for e in errs: print(e); bad += 1
import shutil
shutil.rmtree(WORK, ignore_errors=True)
print("cases", N_CASES, "errors", bad, dict(STATS))
sys.exit(1 if bad else 0)
