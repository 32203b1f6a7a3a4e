"""Plain Python loops over sequences and positions (math.log / math.exp, a dict of counts for the bigram)."""

CELLS = {
    "log_perplexity": """def log_perplexity(log_probs, targets, pad_id=0):
    per_sequence = []
    for i in range(len(targets)):
        total, n = 0.0, 0
        for t in range(len(targets[i])):
            if targets[i][t] != pad_id:
                total -= log_probs[i][t][targets[i][t]]
                n += 1
        if n:
            per_sequence.append(total / n)
    return sum(per_sequence) / len(per_sequence) if per_sequence else float("nan")
""",
    "perplexity": """import math

def perplexity(log_probs, targets, pad_id=0):
    return math.exp(log_perplexity(log_probs, targets, pad_id=pad_id))
""",
    "corpus_log_perplexity": """def corpus_log_perplexity(batches, pad_id=0):
    total, n = 0.0, 0
    for log_probs, targets in batches:
        for i in range(len(targets)):
            for t in range(len(targets[i])):
                if targets[i][t] != pad_id:
                    total -= float(log_probs[i][t][targets[i][t]])
                    n += 1
    if n == 0:
        return float("nan")
    return total / n
""",
    "train_bigram": """def train_bigram(sequences, vocab_size, k=1.0):
    pair_counts, context_counts = {}, {}
    for seq in sequences:
        symbols = [START_ID] + [int(s) for s in seq] + [END_ID]
        for a, b in zip(symbols, symbols[1:]):
            pair_counts[a, b] = pair_counts.get((a, b), 0) + 1
            context_counts[a] = context_counts.get(a, 0) + 1
    probs = np.zeros((vocab_size, vocab_size))
    for a in range(vocab_size):
        for b in range(2, vocab_size):
            probs[a, b] = (pair_counts.get((a, b), 0) + k) / (context_counts.get(a, 0) + k * (vocab_size - 2))
    return probs
""",
    "bigram_log_prob": """import math

def bigram_log_prob(probs, sequence):
    symbols = [START_ID] + [int(s) for s in sequence] + [END_ID]
    return sum(math.log(probs[a][b]) for a, b in zip(symbols, symbols[1:]))
""",
    "bigram_perplexity": """import math

def bigram_perplexity(probs, sequences):
    log_prob, n = 0.0, 0
    for s in sequences:
        log_prob += bigram_log_prob(probs, s)
        n += len(s) + 1
    return math.exp(-log_prob / n)
""",
}
