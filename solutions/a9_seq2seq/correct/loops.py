"""Everything with explicit Python loops: scores, softmax, context and their gradients position by position, teacher
forcing by list building, greedy decoding by recursion, beam search with the finished hypotheses kept
in their own list and merged back in beam order."""

CELLS = {
    "additive_scores": """def additive_scores(query, keys, W_q, W_k, v):
    B, S = keys.shape[0], keys.shape[1]
    out = np.zeros((B, S))
    for b in range(B):
        q = query[b] @ W_q
        for j in range(S):
            out[b, j] = float(np.dot(v, np.tanh(q + keys[b, j] @ W_k)))
    return out
""",
    "multiplicative_scores": """def multiplicative_scores(query, keys, W):
    B, S = keys.shape[:2]
    out = np.empty((B, S))
    for b in range(B):
        for j in range(S):
            out[b, j] = query[b] @ W @ keys[b, j]
    return out
""",
    "masked_softmax": """def masked_softmax(scores, mask):
    out = np.zeros(scores.shape)
    for b in range(scores.shape[0]):
        real = [j for j in range(scores.shape[1]) if mask[b, j] != 0]
        top = max(scores[b, j] for j in real)
        total = sum(np.exp(scores[b, j] - top) for j in real)
        for j in real:
            out[b, j] = np.exp(scores[b, j] - top) / total
    return out
""",
    "context_vector": """def context_vector(weights, values):
    B, S, d = values.shape
    out = np.zeros((B, d))
    for b in range(B):
        for j in range(S):
            out[b] = out[b] + weights[b, j] * values[b, j]
    return out
""",
    "attention_backward": """def attention_backward(d_context, weights, values):
    B, S, d = values.shape
    d_scores = np.zeros((B, S))
    d_values = np.zeros((B, S, d))
    for b in range(B):
        g = [float(np.dot(d_context[b], values[b, j])) for j in range(S)]
        mean = sum(weights[b, j] * g[j] for j in range(S))
        for j in range(S):
            d_scores[b, j] = weights[b, j] * (g[j] - mean)
            d_values[b, j] = weights[b, j] * d_context[b]
    return d_scores, d_values
""",
    "teacher_forcing": """def teacher_forcing(targets, bos_id, eos_id, pad_id):
    L = max(len(t) for t in targets)
    ins, outs = [], []
    for t in targets:
        pad = [pad_id] * (L - len(t))
        ins.append([bos_id] + list(t) + pad)
        outs.append(list(t) + [eos_id] + pad)
    return np.array(ins, dtype=np.int32).reshape(len(targets), L + 1), np.array(outs, dtype=np.int32).reshape(len(targets), L + 1)
""",
    "greedy_decode": """def greedy_decode(step, bos_id, eos_id, max_len):
    def go(tokens, score):
        if len(tokens) == max_len or (tokens and tokens[-1] == eos_id):
            return tokens, score
        log_probs = step([bos_id] + tokens)
        best = 0
        for w in range(1, len(log_probs)):
            if log_probs[w] > log_probs[best]:
                best = w
        return go(tokens + [best], score + float(log_probs[best]))
    return go([], 0.0)
""",
    "beam_search": """def beam_search(step, bos_id, eos_id, beam_width, max_len, alpha=0.0):
    beam = [([], 0.0)]
    for _ in range(max_len):
        if all(len(t) > 0 and t[-1] == eos_id for t, _ in beam):
            break
        candidates = []
        for tokens, log_prob in beam:
            if len(tokens) > 0 and tokens[-1] == eos_id:
                candidates.append((tokens, log_prob, log_prob / len(tokens) ** alpha))
            else:
                lp = step([bos_id] + tokens)
                for w in range(len(lp)):
                    total = log_prob + float(lp[w])
                    candidates.append((tokens + [w], total, total / (len(tokens) + 1) ** alpha))
        kept = []
        for _ in range(min(beam_width, len(candidates))):
            best = 0
            for i in range(1, len(candidates)):
                if candidates[i][2] > candidates[best][2]:
                    best = i
            kept.append(candidates.pop(best))
        beam = [(t, lp) for t, lp, _ in kept]
    return beam
""",
}
