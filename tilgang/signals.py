from django.dispatch import Signal

# Sent after a staff login with the roles the group claim maps to ({"saksbehandler", "alis:nord", …}).
# soknader listens and sets its groups and Regiontilgang (tilgang never imports soknader).
ansatt_roller = Signal()
