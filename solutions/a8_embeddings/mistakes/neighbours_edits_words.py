"""nearest_neighbours works in the words list it is given (removes the query, sorts it in place, cuts
it to k) and returns that list: right words, but the caller's list is changed and the result is the
argument (contract: own_result and unchanged)."""

CELLS = {
    "nearest_neighbours": """def nearest_neighbours(vectors, words, query, k):
    if query not in words:
        raise KeyError(query)
    sims = cosine_similarity(vectors[words.index(query)][None, :], vectors)[0]
    score = dict(zip(words, sims))
    words.remove(query)
    words.sort(key=lambda w: (-score[w], w))
    del words[k:]
    return words
"""
}
EXPECT_FAILED = {"nearest_neighbours.own_result", "nearest_neighbours.unchanged"}
