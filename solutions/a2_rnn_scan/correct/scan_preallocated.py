"""scan that preallocates its output; rnn_forward with the output softmax vectorised over time."""

CELLS = {
    "scan": """def scan(fn, elems, initializer):
    carry = initializer
    out = None
    for t in range(len(elems)):
        carry = fn(carry, elems[t])
        if out is None:
            out = np.empty((len(elems),) + np.shape(carry), dtype=np.result_type(carry))
        out[t] = carry
    return out
""",
    "rnn_forward": """def rnn_forward(x_seq, h0, params):
    hs = scan(lambda h, x: rnn_step_split(h, x, params["W_hh"], params["W_hx"], params["b_h"]), x_seq, h0)
    z = np.matmul(params["W_yh"], hs) + params["b_y"]
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True), hs
""",
}
