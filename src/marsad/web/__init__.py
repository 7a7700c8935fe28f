"""The dashboard and HTTP API (``marsad serve``): see :mod:`marsad.web.app`."""
from marsad.web.app import create_app

__all__ = ["create_app"]
