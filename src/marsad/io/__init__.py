"""Getting articles into marsad: every input format, see :mod:`marsad.io.readers`."""
from marsad.io.readers import (
    MAX_ARTICLE_BYTES,
    DecodeError,
    ReadError,
    decode_bytes,
    read_articles,
    read_batch_output,
)

__all__ = ["MAX_ARTICLE_BYTES", "DecodeError", "ReadError", "decode_bytes", "read_articles", "read_batch_output"]
