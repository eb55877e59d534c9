"""The load balancer's health check: is this instance able to serve, that is, to reach its database?"""

import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger("asa.helse")


@never_cache
@require_GET
def helse(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.error("helse_database_utilgjengelig", extra={"feil": str(error)[:300]})
        return JsonResponse({"status": "feil", "database": "utilgjengelig"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
