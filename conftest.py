# Plugins shared by every app's tests (pytest only reads pytest_plugins at the root):
# the test kit's fixtures (wacana/testing).
pytest_plugins = [
    "wacana.testing.personas",
    "wacana.testing.api",
    "wacana.testing.browser",
]
