"""The client's address, also behind the TLS proxy (docs/drift.md), for login throttling (axes) and the limits
per address (drift.limits).

Behind a proxy, REMOTE_ADDR is the proxy's address, the same for everyone: five wrong passwords from anywhere
would lock a username out for all. Each proxy appends the address it received the request from to
X-Forwarded-For, so behind TRUSTED_PROXY_COUNT proxies the client is the entry that many places from the right;
whatever the client wrote into the header itself stands further left and is never used.
"""

import ipaddress

from django.conf import settings


def client_address(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:  # the request did not come through the proxies (e.g. the health check)
        return remote
    address = forwarded[-count]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:  # a proxy that writes something else than an address is set up wrong: fall back
        return remote
