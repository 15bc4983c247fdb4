"""The qualification check: the terminal's XML codec, the shared-folder gateway, the face-file publisher
and the terminal simulator used by the demo, the tests and staff training."""
