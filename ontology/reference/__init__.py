"""Canonical reference entities (countries, cities, international bodies) loaded from the JSON files beside this module."""
