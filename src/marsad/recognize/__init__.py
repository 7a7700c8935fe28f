"""Recognisers: normalised text -> mentions (actors, dates, places, topics)."""
