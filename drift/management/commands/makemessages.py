"""Django's makemessages, without fuzzy matching: msgmerge's guesses for new entries were wrong more often than not
("søknad" given the nynorsk of "Mine søknader"), and a guess marked fuzzy is one more thing to catch by hand."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
