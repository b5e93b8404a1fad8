"""The evaluation sets (held-out NLU messages, simulated users' phrases and values) and the checks
that keep them apart from the training data."""
