"""The study's own analysis steps in scikit-learn, as its notebook ran them, on the arcs
of a story.json: StandardScaler, PCA (7 components), KMeans (k = 6, random_state 33,
n_init 10) and t-SNE (perplexity 5, random_state 33). `npm run bench` times this whole
process, Python start-up included, as the reference its ratios are measured against.

    python3 scripts/bench/study-reference.py story.json
Needs Debian's python3-sklearn (apt-get install python3-sklearn).
"""
import json
import sys

import numpy as np
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.manifold import TSNE
from sklearn.preprocessing import StandardScaler

FEATURES = ["valence", "energy", "danceability", "tempo"]

with open(sys.argv[1], encoding="utf8") as f:
    story = json.load(f)
arcs = [film["arc"] for film in story["films"] if film["arc"]]
X = np.array([[point[feature] for feature in FEATURES for point in arc] for arc in arcs])
scaled = StandardScaler().fit_transform(X)
components = PCA(n_components=min(7, *scaled.shape)).fit_transform(scaled)
labels = KMeans(n_clusters=6, random_state=33, n_init=10).fit_predict(components)
perplexity = min(5.0, (len(X) - 1) / 3)
embedded = TSNE(n_components=2, perplexity=perplexity, random_state=33, init="random").fit_transform(components)
print(json.dumps({"films": len(X), "clusters": int(labels.max()) + 1, "map": list(embedded.shape)}))
