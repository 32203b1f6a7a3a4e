"""Other numpy: additive scores with einsum, the softmax's full Jacobian in attention_backward, the mask as a large negative number, the context as a
batched matmul, teacher forcing with np.pad, greedy with a for loop and break, beam search with
heapq.nlargest (stable, like sorted) and the ranking computed with np.power."""

CELLS = {
    "additive_scores": """def additive_scores(query, keys, W_q, W_k, v):
    pre = np.einsum("bq,qa->ba", query, W_q)[:, None] + np.einsum("bsk,ka->bsa", keys, W_k)
    return np.einsum("bsa,a->bs", np.tanh(pre), v)
""",
    "multiplicative_scores": """def multiplicative_scores(query, keys, W):
    projected = (query @ W)[:, :, None]
    return (keys @ projected)[:, :, 0]
""",
    "masked_softmax": """def masked_softmax(scores, mask):
    z = np.where(np.asarray(mask) == 0, -1e300, scores)
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z) * (np.asarray(mask) != 0)
    return e / np.sum(e, axis=1, keepdims=True)
""",
    "context_vector": """def context_vector(weights, values):
    return np.matmul(weights[:, None, :], values)[:, 0, :]
""",
    "attention_backward": """def attention_backward(d_context, weights, values):
    g = (values @ d_context[:, :, None])[:, :, 0]
    jacobian = np.einsum("bs,st->bst", weights, np.eye(weights.shape[1])) - weights[:, :, None] * weights[:, None, :]
    d_scores = np.einsum("bst,bt->bs", jacobian, g)
    return d_scores, np.einsum("bs,bd->bsd", weights, d_context)
""",
    "teacher_forcing": """def teacher_forcing(targets, bos_id, eos_id, pad_id):
    L = max(map(len, targets))
    rows_in = [np.pad(np.r_[bos_id, np.asarray(t, dtype=np.int64)], (0, L - len(t)), constant_values=pad_id) for t in targets]
    rows_out = [np.pad(np.r_[np.asarray(t, dtype=np.int64), eos_id], (0, L - len(t)), constant_values=pad_id) for t in targets]
    return np.stack(rows_in).astype(np.int32), np.stack(rows_out).astype(np.int32)
""",
    "greedy_decode": """def greedy_decode(step, bos_id, eos_id, max_len):
    prefix = [bos_id]
    total = 0.0
    for _ in range(max_len):
        scores = np.array(step(list(prefix)), dtype=np.float64)
        nxt = int(scores.argmax())
        total = total + scores[nxt]
        prefix.append(nxt)
        if nxt == eos_id:
            break
    return prefix[1:], float(total)
""",
    "beam_search": """def beam_search(step, bos_id, eos_id, beam_width, max_len, alpha=0.0):
    import heapq

    def done(tokens):
        return len(tokens) > 0 and tokens[-1] == eos_id

    beam = [([], 0.0)]
    for _ in range(max_len):
        if all(done(t) for t, _ in beam):
            break
        candidates = []
        for tokens, log_prob in beam:
            if done(tokens):
                candidates.append((tokens, log_prob))
                continue
            lp = np.asarray(step([bos_id, *tokens]), dtype=np.float64)
            candidates.extend((tokens + [int(w)], log_prob + float(lp[w])) for w in range(lp.shape[0]))
        beam = heapq.nlargest(beam_width, candidates, key=lambda h: h[1] / np.power(float(len(h[0])), alpha))
    return [(list(t), float(s)) for t, s in beam]
""",
}
