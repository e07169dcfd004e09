"""The transfer queue's Qt side: a table model over the core queue, and its panel."""
