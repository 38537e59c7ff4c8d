"""Formatters: each module renders a `Report` as one string (text, json, sarif, github; show renders one fact)."""
