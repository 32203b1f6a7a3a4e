"""build_char_vocab through collections.Counter, text_to_ids with np.fromiter, ids_to_text with a list of characters."""

CELLS = {
    "build_char_vocab": """def build_char_vocab(text):
    from collections import Counter
    chars = sorted(Counter(text))
    return dict(zip(chars, range(len(chars)))), list(chars)
""",
    "text_to_ids": "def text_to_ids(text, char_to_id):\n    return np.fromiter((char_to_id[c] for c in text), dtype=np.int64, count=len(text))\n",
    "ids_to_text": "def ids_to_text(ids, id_to_char):\n    chars = [id_to_char[int(i)] for i in ids]\n    return ''.join(chars)\n",
}
