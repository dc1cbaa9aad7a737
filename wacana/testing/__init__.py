"""Test support shared by several apps' tests and the benchmarks (never imported by the
site itself): the top of the layer order, so it may use every app."""
