"""Benchmarks: measured figures printed for the notes, never asserted as timings in tests."""
