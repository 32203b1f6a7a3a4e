"""rnn_forward is 'stateful': it keeps its last hidden state and starts the next call of the same
shapes from it instead of from h0, so calling it again gives another result (contract: repeatable)."""

CELLS = {
    "rnn_forward": '_last_state = {}\n\n\ndef rnn_forward(x_seq, h0, params):\n    key = (x_seq.shape, h0.shape)\n    start = _last_state.get(key, h0)\n    hs = scan(lambda h, x: rnn_step_split(h, x, params["W_hh"], params["W_hx"], params["b_h"]), x_seq, start)\n    ys = np.stack([rnn_output(h, params["W_yh"], params["b_y"]) for h in hs])\n    _last_state[key] = hs[-1].copy()\n    return ys, hs\n'
}
EXPECT_FAILED = {
    "rnn_backward.values",
    "rnn_forward.repeatable",
}
