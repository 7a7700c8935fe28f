"""Getting articles into marsad: see :mod:`marsad.io.readers`."""
from marsad.io.readers import DecodeError, ReadError, decode_bytes, read_articles

__all__ = ["DecodeError", "ReadError", "decode_bytes", "read_articles"]
