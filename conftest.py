# Plugins shared by every app's tests (pytest only reads pytest_plugins at the root).
pytest_plugins = ["wacana.testing.browser"]
