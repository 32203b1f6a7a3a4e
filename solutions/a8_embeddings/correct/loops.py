"""Plain loops: while loops for the pairs, a per-element redraw of the negatives, lists for the training
arrays, a double loop for the cosines, and sorted() with a key for both rankings."""

CELLS = {
    "skipgram_pairs": """def skipgram_pairs(sentences, window):
    out = []
    for s in sentences:
        i = 0
        while i < len(s):
            for offset in range(-window, window + 1):
                j = i + offset
                if offset != 0 and 0 <= j < len(s):
                    out.append([s[i], s[j]])
            i += 1
    if not out:
        return np.zeros((0, 2), dtype=np.int64)
    return np.array(out, dtype=np.int64)
""",
    "noise_distribution": """def noise_distribution(counts, power=0.75):
    weights = [float(c) ** power for c in counts]
    total = sum(weights)
    return np.array([w / total for w in weights], dtype=np.float64)
""",
    "sample_negatives": """def sample_negatives(positives, probs, k, seed):
    rng = np.random.default_rng(seed)
    table = np.zeros((len(positives), k), dtype=np.int64)
    for r, positive in enumerate(positives):
        for s in range(k):
            draw = positive
            while draw == positive:
                draw = rng.choice(len(probs), p=probs)
            table[r, s] = draw
    return table
""",
    "training_examples": """def training_examples(pairs, negatives):
    centres, contexts, labels = [], [], []
    for (centre, context), negs in zip(pairs, negatives):
        for word, label in [(context, 1.0)] + [(n, 0.0) for n in negs]:
            centres.append(centre)
            contexts.append(word)
            labels.append(label)
    return np.array(centres, dtype=np.int64), np.array(contexts, dtype=np.int64), np.array(labels, dtype=np.float32)
""",
    "cosine_similarity": """def cosine_similarity(A, B):
    out = np.zeros((len(A), len(B)))
    for i, a in enumerate(A):
        for j, b in enumerate(B):
            na, nb = np.sqrt(np.sum(a * a)), np.sqrt(np.sum(b * b))
            if na > 0 and nb > 0:
                out[i, j] = np.dot(a / na, b / nb)
    return out
""",
    "nearest_neighbours": """def nearest_neighbours(vectors, words, query, k):
    position = {w: i for i, w in enumerate(words)}
    if query not in position:
        raise KeyError(f"unknown word {query!r}")
    sims = cosine_similarity(vectors[[position[query]]], vectors)[0]
    ranked = sorted((w for w in words if w != query), key=lambda w: (-sims[position[w]], w))
    return ranked[:k]
""",
    "analogy": """def analogy(vectors, words, a, b, c, k):
    position = {w: i for i, w in enumerate(words)}
    for w in (a, b, c):
        if w not in position:
            raise KeyError(w)
    def unit(w):
        v = vectors[position[w]]
        return v / np.linalg.norm(v)
    target = unit(b) - unit(a) + unit(c)
    sims = cosine_similarity(target.reshape(1, -1), vectors)[0]
    ranked = sorted((w for w in words if w not in {a, b, c}), key=lambda w: (-sims[position[w]], w))
    return ranked[:k]
""",
}
