"""tanh_grad loops forever: that check times out, every other check is graded."""

CELLS = {"tanh_grad": "def tanh_grad(z):\n    while True:\n        pass\n"}
EXPECT_FAILED = {"tanh_grad.unchanged", "tanh_grad.values"}
MESSAGE = "ran for more than"
