"""Vectorised numpy: pairs from shifted slices, a masked redraw with np.where, np.lexsort for the
rankings, einsum for the cosines, and PCA through np.cov and the SVD."""

CELLS = {
    "skipgram_pairs": """def skipgram_pairs(sentences, window):
    blocks = []
    for s in sentences:
        s = np.asarray(s, dtype=np.int64)
        n = len(s)
        idx = np.arange(n)
        offsets = np.array([o for o in range(-window, window + 1) if o != 0])
        j = idx[:, None] + offsets[None, :]
        ok = (j >= 0) & (j < n)
        centres = np.broadcast_to(idx[:, None], j.shape)[ok]
        blocks.append(np.stack([s[centres], s[j[ok]]], axis=1))
    return np.concatenate(blocks + [np.zeros((0, 2), dtype=np.int64)]).astype(np.int64)
""",
    "noise_distribution": """def noise_distribution(counts, power=0.75):
    w = np.power(np.asarray(counts, dtype=float), power)
    return w / np.sum(w)
""",
    "sample_negatives": """def sample_negatives(positives, probs, k, seed):
    rng = np.random.default_rng(seed)
    cdf = np.cumsum(probs)
    pos = np.asarray(positives)[:, None]
    table = np.searchsorted(cdf, rng.random((len(pos), k)) * cdf[-1], side="right")
    while (table == pos).any():
        fresh = np.searchsorted(cdf, rng.random(table.shape) * cdf[-1], side="right")
        table = np.where(table == pos, fresh, table)
    return np.minimum(table, len(probs) - 1).astype(np.int64)
""",
    "training_examples": """def training_examples(pairs, negatives):
    k = negatives.shape[1]
    contexts = np.hstack([pairs[:, [1]], negatives]).ravel()
    labels = np.zeros(contexts.shape, dtype=np.float32)
    labels[::k + 1] = 1
    return np.repeat(pairs[:, 0], k + 1).astype(np.int64), contexts.astype(np.int64), labels
""",
    "cosine_similarity": """def cosine_similarity(A, B):
    na = np.sqrt(np.einsum("ij,ij->i", A, A))
    nb = np.sqrt(np.einsum("ij,ij->i", B, B))
    dots = np.einsum("id,jd->ij", A, B)
    denom = np.outer(na, nb)
    return np.where(denom > 0, dots / np.where(denom > 0, denom, 1.0), 0.0)
""",
    "nearest_neighbours": """def nearest_neighbours(vectors, words, query, k):
    if query not in words:
        raise KeyError(query)
    q = words.index(query)
    sims = cosine_similarity(vectors[q][None], vectors)[0]
    order = np.lexsort((np.array(words), -sims))
    return [words[i] for i in order if i != q][:k]
""",
    "analogy": """def analogy(vectors, words, a, b, c, k):
    missing = [w for w in (a, b, c) if w not in words]
    if missing:
        raise KeyError(missing[0])
    units = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    ia, ib, ic = (words.index(w) for w in (a, b, c))
    sims = cosine_similarity((units[ib] - units[ia] + units[ic])[None], vectors)[0]
    order = np.lexsort((np.array(words), -sims))
    return [words[i] for i in order if i not in (ia, ib, ic)][:k]
""",
    "pca_2d": """def pca_2d(X):
    Xc = X - X.mean(axis=0, keepdims=True)
    _, _, Vt = np.linalg.svd(Xc, full_matrices=False)
    W = Vt[:2].T
    big = np.abs(W).argmax(axis=0)
    W = W * np.where(W[big, np.arange(2)] < 0, -1.0, 1.0)
    return Xc @ W
""",
}
