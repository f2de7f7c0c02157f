#!/usr/bin/env python3
"""
The benchmark's reference: the pipeline's method done the way a competent data scientist
would in Python, with numpy and scikit-learn (StandardScaler, PCA, KMeans(n_init=...),
silhouette_score, TSNE), plain loops over draws and joblib over two workers.

Same films, songs, places and artist runs (read from the pipeline's story.json), same
steps, k range, restarts, draws, resamples, reorderings, worlds and t-SNE settings (the
counts the story records, and the rest from scripts/config.ts, passed in as JSON).

Where the method repeats one unit of work hundreds of times (a null-model draw, a
stability resample, a calibration or power world), the reference times a sample of those
units (--sample, spread over the two workers) and scales the time to the full count. It
says so in its output: per step, how many units it ran and how many it stands for.

It starts from the songs with moods: reading the IMDb snapshot, crediting songs and
tagging genres, which the pipeline times as its own stages, cost the reference nothing.

Usage: method-reference.py STORY_JSON CONFIG_JSON [--sample N]
Prints one JSON object: {"steps": [{"step", "ms", "ranMs", "ran", "of"}...], "totalMs"}:
per step, the time for all `of` units (scaled from the `ran` units timed, which took
`ranMs`), and their sum.
"""
import json
import math
import sys
import time

import numpy as np
from joblib import Parallel, delayed
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.manifold import TSNE
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.preprocessing import StandardScaler

FEATURES = ["valence", "energy", "danceability", "tempo"]
JOBS = 2


class Film:
    """One clustered film: its songs with moods, their places (0..1 in the listing) and artist runs."""

    def __init__(self, places, moods, artists, steps, weights=None):
        self.places = np.asarray(places, dtype=float)
        self.moods = np.asarray(moods, dtype=float)
        self.artists = artists
        self.runs = np.array(run_lengths(artists))
        self.weights = bin_weights(self.places, steps) if weights is None else weights


def run_lengths(keys):
    runs = []
    for i, key in enumerate(keys):
        if i > 0 and key == keys[i - 1]:
            runs[-1] += 1
        else:
            runs.append(1)
    return runs


def bin_weights(xs, steps):
    """The bin-mean arc is linear in the songs' values: arc = W @ values, W of shape (steps, songs)."""
    eye = np.eye(len(xs))
    return np.stack([bin_means(xs, eye[j], steps) for j in range(len(xs))], axis=1)


def bin_means(xs, ys, steps):
    """Mean of the line through (xs, ys), held flat beyond its ends, over each step's bin."""
    edges = np.concatenate([[0.0], (np.arange(1, steps) - 0.5) / (steps - 1), [1.0]])
    kx = np.concatenate([[0.0], xs, [1.0]])
    ky = np.concatenate([[ys[0]], ys, [ys[-1]]])
    area = np.concatenate([[0.0], np.cumsum(np.diff(kx) * (ky[1:] + ky[:-1]) / 2)])
    at = np.clip(np.searchsorted(kx, edges, side="right") - 1, 0, len(kx) - 1)
    value = np.interp(edges, kx, ky)
    integral = area[at] + (edges - kx[at]) * (ky[at] + value) / 2
    widths = np.diff(edges)
    return np.where(widths > 0, np.diff(integral) / np.where(widths > 0, widths, 1), value[1:])


def scaled(moods):
    low, high = moods.min(axis=0), moods.max(axis=0)
    span = np.where(high - low > 0, high - low, 1)
    return np.where(high - low > 0, (moods - low) / span, 0)


def arc(film, order=None):
    moods = film.moods if order is None else film.moods[order]
    return (film.weights @ scaled(moods)).T.reshape(-1)


def resampled_arc(film, rng, steps):
    drawn = np.unique(rng.integers(0, len(film.places), len(film.places)))
    values = scaled(film.moods[drawn])
    return np.concatenate([bin_means(film.places[drawn], values[:, f], steps) for f in range(4)])


def block_orders(runs, count, rng):
    """`count` random orders of the songs (rows), each moving whole runs: a block permutation."""
    run_of = np.repeat(np.arange(len(runs)), runs)
    offset = np.arange(run_of.size) - np.repeat(np.cumsum(runs) - runs, runs)
    perm = np.argsort(rng.random((count, len(runs))), axis=1)
    lengths = runs[perm]
    new_starts = np.cumsum(lengths, axis=1) - lengths
    rank = np.argsort(perm, axis=1)
    position = np.take_along_axis(new_starts, rank, axis=1)[:, run_of] + offset
    orders = np.empty_like(position)
    np.put_along_axis(orders, position, np.arange(run_of.size)[None, :].repeat(count, axis=0), axis=1)
    return orders


def block_order(runs, rng):
    return block_orders(runs, 1, rng)[0]


def song_orders(songs, count, rng):
    return np.argsort(rng.random((count, songs)), axis=1)


def scores_of(vectors, target):
    z = StandardScaler().fit_transform(vectors)
    return PCA(n_components=target, svd_solver="full").fit_transform(z) if target < 1 else z


def labels_at(scores, k, plan):
    return KMeans(n_clusters=k, n_init=plan["restarts"], max_iter=plan["maxIterations"], random_state=plan["seed"]).fit(scores).labels_


def silhouettes(vectors, plan, ks):
    scores = scores_of(vectors, plan["target"])
    return [silhouette_score(scores, labels_at(scores, k, plan)) for k in ks]


def null_draw(films, plan, draw):
    rng = np.random.default_rng(plan["seed"] + draw)
    blocks = np.array([arc(f, block_order(f.runs, rng)) for f in films])
    songs = np.array([arc(f, rng.permutation(len(f.places))) for f in films])
    return silhouettes(blocks, plan, plan["ks"]) + silhouettes(songs, plan, [plan["k"]])


def stability_resample(films, plan, draw):
    rng = np.random.default_rng(plan["seed"] + 7 + draw)
    vectors = np.array([resampled_arc(f, rng, plan["steps"]) for f in films])
    return labels_at(scores_of(vectors, plan["target"]), plan["k"], plan)


def clustering_test(films, plan, rng, min_draws=0):
    """The real order's silhouette at k against run reorderings, stopping once the answer is known."""
    real = silhouettes(np.array([arc(f) for f in films]), plan, [plan["k"]])[0]
    at_least, draws = 0, 0
    for draw in range(max(plan["draws"], min_draws)):
        shuffled = np.array([arc(f, block_order(f.runs, rng)) for f in films])
        draws = draw + 1
        at_least += silhouettes(shuffled, plan, [plan["k"]])[0] >= real - 1e-12
        if draw >= min_draws and (1 + at_least) / (1 + plan["draws"]) >= plan["significance"]:
            break
    return draws


def null_world(films, rng, steps):
    world = []
    for f in films:
        order = block_order(f.runs, rng)
        world.append(Film(f.places, f.moods[order], [f.artists[i] for i in order], steps, f.weights))
    return world


def order_test(film, shuffles, rng, blocks=True):
    z = film.moods
    real = np.abs(np.diff(z, axis=0)).mean()
    orders = block_orders(film.runs, shuffles, rng) if blocks else song_orders(len(z), shuffles, rng)
    changes = np.abs(np.diff(z[orders], axis=1)).mean(axis=(1, 2))
    return (1 + np.sum(changes <= real + 1e-12)) / (1 + shuffles)


def trend_test(film, shuffles, rng):
    x = film.places - film.places.mean()
    z = film.moods - film.moods.mean(axis=0)
    real = x @ z / max(x @ x, 1e-300)
    drawn = np.einsum("m,dmf->df", x, z[block_orders(film.runs, shuffles, rng)]) / max(x @ x, 1e-300)
    return (1 + np.sum(np.abs(drawn) >= np.abs(real) - 1e-12, axis=0)) / (1 + shuffles)


TEMPLATES = [lambda t: t, lambda t: -t, lambda t: -np.sin(np.pi * t), lambda t: np.sin(np.pi * t), lambda t: -np.cos(3 * np.pi * t), lambda t: np.cos(3 * np.pi * t)]


def shape_test(film, shuffles, rng, steps):
    grid = np.linspace(0, 1, steps)
    shapes = np.stack([template(grid) for template in TEMPLATES])
    valence = scaled(film.moods)[:, 0]
    orders = np.vstack([np.arange(len(valence))[None, :], block_orders(film.runs, shuffles, rng)])
    arcs = valence[orders] @ film.weights.T
    fit = np.nan_to_num(np.corrcoef(np.vstack([arcs, shapes]))[: len(arcs), len(arcs) :]).max(axis=1)
    return (1 + np.sum(fit[1:] >= fit[0] - 1e-12)) / (1 + shuffles)


def per_film_tests(films, plan, rng):
    for f in films:
        order_test(f, plan["orderShuffles"], rng)
        order_test(f, plan["orderShuffles"], rng, blocks=False)
        trend_test(f, plan["trendShuffles"], rng)
        shape_test(f, plan["shapeShuffles"], rng, plan["steps"])


def calibration_world(films, plan, w):
    rng = np.random.default_rng(plan["seed"] + 23 + w)
    world = null_world(films, rng, plan["steps"])
    if plan["withClustering"]:
        clustering_test(world, plan, rng, plan["withdrawnDraws"])
    per_film_tests(world, plan, rng)


def power_world(films, plan, w):
    rng = np.random.default_rng(plan["seed"] + 29 + w)
    strength = plan["strengths"][w % len(plan["strengths"])]
    world = null_world(films, rng, plan["steps"])
    groups = rng.permutation(len(world)) % len(TEMPLATES)
    noise = np.std(np.concatenate([f.moods - f.moods.mean(axis=0) for f in world]), axis=0)
    planted = [Film(f.places, f.moods + strength * noise * TEMPLATES[g](f.places)[:, None], f.artists, plan["steps"], f.weights) for f, g in zip(world, groups)]
    clustering_test(planted, {**plan, "draws": plan["powerDraws"]}, rng)


def levels(films, resamples, rng):
    """Each film's mean moods over resamples of its artists (a cluster bootstrap), then each resample's ranks across films."""
    means = []
    for f in films:
        artist = np.unique(f.artists, return_inverse=True)[1]
        counts = np.bincount(artist)
        sums = np.stack([np.bincount(artist, weights=f.moods[:, j]) for j in range(4)], axis=1)
        drawn = rng.integers(0, len(counts), (resamples, len(counts)))
        means.append(sums[drawn].sum(axis=1) / counts[drawn].sum(axis=1)[:, None])
    ranks = np.argsort(np.argsort(-np.stack(means), axis=0), axis=0)
    return np.percentile(np.stack(means), [2.5, 97.5], axis=1), np.percentile(ranks, [2.5, 97.5], axis=1)


def sampled(pool, step, unit, count, sample):
    """Runs `sample` of `count` units over the two workers and scales the time to all of them."""
    ran = min(count, sample)
    start = time.perf_counter()
    pool(delayed(unit)(i) for i in range(ran))
    ms = (time.perf_counter() - start) * 1000
    return {"step": step, "ms": ms * count / ran if ran else 0.0, "ranMs": ms, "ran": ran, "of": count}


def timed(step, work):
    start = time.perf_counter()
    work()
    ms = (time.perf_counter() - start) * 1000
    return {"step": step, "ms": ms, "ranMs": ms, "ran": 1, "of": 1}


def read_story(path, config):
    story = json.load(open(path))
    steps = story["method"]["steps"]
    films = []
    for film in story["films"]:
        if film["archetype"] is None:
            continue
        last = len(film["tracks"]) - 1
        songs = [(i / last if last > 0 else 0, [t["features"][f] for f in FEATURES], "\0".join(sorted(set(t["performers"] + t["remixers"])))) for i, t in enumerate(film["tracks"]) if t["features"]]
        films.append(Film([s[0] for s in songs], [s[1] for s in songs], [s[2] for s in songs], steps))
    return story, films


def plan_of(story, config, films):
    a, m = story["analysis"], story["method"]
    n = len(films)
    return {
        "steps": m["steps"], "target": m["pcaVarianceTarget"], "k": a["k"], "ks": [row["k"] for row in a["kEvidence"]],
        "restarts": m["kmeansRestarts"], "maxIterations": config["kmeansMaxIterations"], "seed": m["seeds"]["kmeans"],
        "draws": a["nullModel"]["draws"], "significance": m["significance"], "orderShuffles": a["orderSignal"]["shuffles"],
        "trendShuffles": m["trendShuffles"], "shapeShuffles": m["shapeShuffles"], "withdrawnDraws": config["calibrationWithdrawnDraws"],
        "withClustering": n <= config["simulationMaxFilms"], "strengths": config["powerStrengths"], "powerDraws": config["powerDraws"],
        "perplexity": a["map"]["perplexity"], "exact": a["map"]["method"] == "exact-tsne",
        "tsneIterations": config["tsneIterations"] if a["map"]["method"] == "exact-tsne" else config["tsneBarnesHutIterations"],
    }


def main():
    args = sys.argv[1:]
    sample = int(args[args.index("--sample") + 1]) if "--sample" in args else 16
    config = json.load(open(args[1]))
    out = []
    with Parallel(n_jobs=JOBS) as pool:
        # The workers start before the clock does: a pool is made once, like an import.
        pool(delayed(abs)(i) for i in range(JOBS))
        run_steps(args[0], config, sample, pool, out)
    print(json.dumps({"steps": out, "totalMs": sum(s["ms"] for s in out)}))


def run_steps(story_path, config, sample, pool, out):
    loaded = {}
    out.append(timed("read", lambda: loaded.update(zip(["story", "films"], read_story(story_path, config)))))
    story, films = loaded["story"], loaded["films"]
    plan = plan_of(story, config, films)
    a = story["analysis"]
    vectors = {}
    out.append(timed("arcs", lambda: vectors.update(real=np.array([arc(f) for f in films]))))
    scores = {}
    out.append(timed("reduce", lambda: scores.update(real=scores_of(vectors["real"], plan["target"]))))
    out.append(timed("clusters", lambda: [silhouette_score(scores["real"], labels_at(scores["real"], k, plan)) for k in plan["ks"]]))
    out.append(sampled(pool, "null-model", lambda d: null_draw(films, plan, d), plan["draws"], sample))
    out.append(sampled(pool, "stability", lambda d: stability_resample(films, plan, d), a["stability"]["resamples"], sample))
    rng = np.random.default_rng(plan["seed"])
    out.append(timed("order", lambda: [(order_test(f, plan["orderShuffles"], rng), order_test(f, plan["orderShuffles"], rng, False)) for f in films]))
    out.append(timed("trends", lambda: [trend_test(f, plan["trendShuffles"], rng) for f in films]))
    out.append(timed("shapes", lambda: [shape_test(f, plan["shapeShuffles"], rng, plan["steps"]) for f in films]))
    out.append(sampled(pool, "calibration", lambda w: calibration_world(films, plan, w), a["calibration"]["worlds"], sample))
    if a.get("power"):
        worlds = len(a["power"]["curve"]) * config["powerWorldsPerStrength"]
        out.append(sampled(pool, "power", lambda w: power_world(films, plan, w), worlds, sample))
    out.append(timed("levels", lambda: levels(films, a["levels"]["resamples"], rng)))
    out.append(timed("replication", lambda: replication(films, vectors["real"], plan)))
    out.append(timed("sensitivity", lambda: sensitivity(films, scores["real"], plan)))
    out.append(timed("map", lambda: tsne(scores["real"], plan)))


def replication(films, vectors, plan):
    """The four settings set back to the study's one at a time, then all at once: a refit each."""
    for change in [{"target": 7}, {"seed": 33}, {}, {"target": 7, "seed": 33}]:
        settings = {**plan, **change}
        scores = StandardScaler().fit_transform(vectors)
        scores = PCA(n_components=settings["target"], svd_solver="full").fit_transform(scores)
        labels_at(scores, plan["k"], settings)
    points = np.array([np.concatenate([np.interp(np.linspace(0, 1, plan["steps"]), f.places, scaled(f.moods)[:, j]) for j in range(4)]) for f in films])
    labels_at(scores_of(points, plan["target"]), plan["k"], plan)


def sensitivity(films, scores, plan):
    all_moods = np.concatenate([f.moods for f in films])
    low, span = all_moods.min(axis=0), np.ptp(all_moods, axis=0)
    level = np.array([(f.weights @ ((f.moods - low) / np.where(span > 0, span, 1))).T.reshape(-1) for f in films])
    adjusted_rand_score(labels_at(scores, plan["k"], plan), labels_at(scores_of(level, plan["target"]), plan["k"], plan))


def tsne(scores, plan):
    if len(scores) < 3:
        return
    TSNE(
        perplexity=plan["perplexity"], method="exact" if plan["exact"] else "barnes_hut", n_iter=max(250, plan["tsneIterations"]),
        init="random", random_state=plan["seed"], learning_rate="auto",
    ).fit_transform(scores)


if __name__ == "__main__":
    main()
