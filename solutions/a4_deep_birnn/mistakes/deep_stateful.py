"""deep_rnn_forward is "stateful": it keeps each layer's final state in a mutable default argument
and starts the next call's layers from it, so a second call on the same arguments gives another
result (contract: repeatable; the checks that run after another call fail too)."""

CELLS = {
    "deep_rnn_forward": """def deep_rnn_forward(x_seq, layers, states={}):
    h = x_seq
    for i, p in enumerate(layers):
        key = (i, x_seq.shape[0], p["bias"].shape[0])
        h0 = states.get(key, np.zeros((x_seq.shape[0], p["bias"].shape[0])))
        h = rnn_layer_forward(h, h0, p["kernel"], p["recurrent_kernel"], p["bias"])
        states[key] = h[:, -1]
    return h
"""
}
EXPECT_FAILED = {
    "deep_rnn_forward.keras",
    "deep_rnn_forward.repeatable",
}
