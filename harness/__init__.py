"""The servers as `make run` starts them (action server, Rasa through rasa_patches, the nginx
front for several processes), on throw-away stores, and the dialogue steps they are driven with:
shared by the tests (tests/) and the benchmarks (benchmarks/), neither importing the other."""
