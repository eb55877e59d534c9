"""Like django.shortcuts, for our selectors: they raise the model's DoesNotExist and know no page; a page says 404."""

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404

T = TypeVar("T")


def or_404(selector: Callable[..., T], melding: Any, **kwargs: Any) -> T:
    """The one object the selector finds with these keyword arguments, or the 404 page with `melding` (which never
    says whether the object exists for someone else)."""
    try:
        return selector(**kwargs)
    except ObjectDoesNotExist:
        raise Http404(melding) from None
