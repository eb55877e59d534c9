"""The health check: can this instance serve (its database), and is the work around it done (jobs, outbox)?

`/helse/?bare=database` is for the load balancer: 503 only when the database cannot be reached (the instance should
leave rotation). `/helse/` is for monitoring: also 503 when a check of settings.DRIFT_HEALTH_CHECKS fails: a daily
job that failed, hangs or is late (drift/jobs.py), the outbox's oldest mail waiting too long (epost/health.py).
"""

import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils.module_loading import import_string
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
    body = {"status": "ok", "database": "ok"}
    if request.GET.get("bare") == "database":
        return JsonResponse(body)
    ok = True
    for path in settings.DRIFT_HEALTH_CHECKS:
        try:
            result = dict(import_string(path)())
        except DatabaseError as error:  # e.g. a database not migrated yet: a check that cannot answer fails
            result = {"ok": False, path: f"kunne ikke sjekkes: {str(error)[:200]}"}
        ok = result.pop("ok") and ok
        body.update(result)
    if not ok:
        body["status"] = "feil"
        logger.warning("helse_feil", extra={key: value for key, value in body.items() if key != "status"})
    return JsonResponse(body, status=200 if ok else 503)
