"""Admin pages that only read: rows are written by services (the case workflow, the mail sender, Altinn's answers),
never edited by hand in the admin."""

from .input import ValidChoices


class ReadOnlyAdmin(ValidChoices):
    """A ModelAdmin mix-in: no adding, changing or deleting; viewing follows the view permission. An action's
    chosen ids that cannot exist are left out (ValidChoices)."""

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
