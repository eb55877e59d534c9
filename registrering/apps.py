from django.contrib.admin.apps import AdminConfig


class AsaAdminConfig(AdminConfig):
    """django.contrib.admin with our site as `admin.site` (registrering.admin_site)."""

    default_site = "registrering.admin_site.AsaAdminSite"
