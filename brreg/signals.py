"""Signals other apps may listen to (brreg depends on no other app of ours)."""

from django.dispatch import Signal

# Sent with `virksomhet` after what Enhetsregisteret says about an organisation has been stored.
virksomhet_oppdatert = Signal()
