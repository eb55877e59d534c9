"""Every write, by who acts and at which step (HackSoft's services; Zulip's and Wagtail's `actions/`), the steps
named by the domain's words (docs/ordliste.md).

- `utkast`: the søker starts, copies and saves an application and its arenas, or deletes the draft
- `innsending`: the søker sends it (again), its snapshot and PDF; or withdraws it
- `dialog`: the caseworker's anmodning, the søker's answer, the reminder before the deadline
- `saksbehandling`: the caseworker starts the review, registers or rejects, each with its letter
- `transitions`: a status change under a lock with its history row (who may: `regler.status`)
- `refresh`: what is computed and stored (each arena's LM reading, the mangler)
- `errors`: what the services refuse with

Services take keyword arguments, run in one transaction, never import forms and build no HTML or URLs.
Import the module you need: `from soknader.services import innsending`.
"""
