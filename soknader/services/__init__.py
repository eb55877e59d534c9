"""Every write, by who acts and at which step (HackSoft's services; Zulip's and Wagtail's `actions/`).

- `draft`: the søker starts, copies and saves an application and its arenas, or deletes the draft
- `submission`: the søker sends it (again), its snapshot and PDF; or withdraws it
- `dialogue`: the caseworker's anmodning, the søker's answer, the reminder before the deadline
- `casework`: the caseworker starts the review, registers or rejects, each with its letter
- `transitions`: a status change under a lock with its history row (who may: `regler.status`)
- `refresh`: what is computed and stored (each arena's LM reading, the mangler)
- `errors`: what the services refuse with

Services take keyword arguments, run in one transaction, never import forms and build no HTML or URLs.
Import the module you need: `from soknader.services import submission`.
"""
