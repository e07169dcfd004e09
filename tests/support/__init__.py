"""Test helpers shared by the test suite, bench/ and the demo (no r2desk imports here)."""
