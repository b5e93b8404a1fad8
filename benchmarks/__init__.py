"""`make bench`: benchmarks of the assistant against `rasa init`'s bot (see __main__.py)."""
