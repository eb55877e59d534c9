"""`make run-oidc`'s local OpenID Connect provider (oidc-provider-mock, run as its own command line), without the
deprecation warnings of its libraries: authlib turns its own on at import ("always"), so `-W ignore` and
PYTHONWARNINGS do not reach them; a filter added after that import comes first."""

import runpy
import warnings

import authlib.deprecate  # noqa: F401 - its "always" filter first, then ours in front of it

warnings.simplefilter("ignore", DeprecationWarning)

if __name__ == "__main__":
    runpy.run_module("oidc_provider_mock", run_name="__main__", alter_sys=True)
