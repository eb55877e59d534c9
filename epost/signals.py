"""Signals of the outbox, so other apps can act in the sender process without the outbox importing them."""

from django.dispatch import Signal

# Sent by `epost_send_due` after each round: work that should happen in the sender process rather than in a
# request, and may queue mail of its own (the PDF of a large submission and its receipt, in soknader).
for_runde = Signal()

# Sent after the outbox changes rows without saving each (QuerySet.update: claiming, releasing, trying again), with
# `soknad_ids`: the applications whose mails changed, for apps that keep a drawn list of them.
eposter_endret = Signal()
