"""Transfers: the engine and the queue rules, without Qt."""
